"""Swedish alphabetical order, and sorted items grouped by year.

Swedish order is a-z, then å, ä, ö; ü sorts as y (Müller between Mylla and
Myr); case and other accents are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby
from typing import Protocol, TypeVar

_SWEDISH_LAST = str.maketrans(
    {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y", "ű": "y"}
)
"""Å, Ä, Ö (and Danish Æ, Ø) map to the three characters after "z"; Ü is a Y."""


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


class Dated(Protocol):
    """An article or event: anything with a date."""

    @property
    def date(self) -> dt.date: ...


DatedT = TypeVar("DatedT", bound=Dated)


def by_year(items: list[DatedT]) -> Iterator[tuple[int, list[DatedT]]]:
    """Yield `(year, items)` groups of already sorted `items`, newest year first."""
    for year, group in groupby(items, key=lambda item: item.date.year):
        yield year, list(group)
