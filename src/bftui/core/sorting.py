"""Swedish alphabetical order: a-z, then å, ä, ö; case and other accents ignored."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SWEDISH_LAST = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})
"""Å, Ä, Ö (and Danish Æ, Ø) map to the three characters after "z"."""


@lru_cache(maxsize=65536)
def swedish_key(text: str) -> str:
    """Return a sort key that orders `text` the Swedish way (Å, Ä, Ö after Z)."""
    # NFC first: a decomposed "a" + ring must still sort as å, after z.
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SWEDISH_LAST)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
