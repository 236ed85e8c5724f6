"""Swedish alphabetical order: a-z, then å, ä, ö; case and other accents ignored."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SWEDISH_LAST = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})
"""Å, Ä, Ö (and Danish Æ, Ø) map to the three characters after "z"."""


def _accent_table() -> dict[int, str]:
    """Map each accented Latin letter to its base letter (é -> e, ü -> u)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            c
            for c in unicodedata.normalize("NFD", chr(code))
            if not unicodedata.combining(c)
        )
        if base != chr(code):
            table[code] = base
    return table


_ACCENTS = _accent_table()
_UNCOMMON = re.compile(r"[^\x00-\u024f]")
"""Characters beyond Latin Extended-B, which the table does not cover."""


@lru_cache(maxsize=65536)
def swedish_key(text: str) -> str:
    """Return a sort key that orders `text` the Swedish way (Å, Ä, Ö after Z)."""
    # NFC first: a decomposed "a" + ring must still sort as å, after z.
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SWEDISH_LAST)
    folded = folded.translate(_ACCENTS)
    if _UNCOMMON.search(folded) is None:
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
