"""Filter the library's items as the user types: titles, tags, people, cities."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Generic, TypeVar

from bftui.core.items.model import Article, Event, Item

ItemT = TypeVar("ItemT", Article, Event)
_SWEDISH = "åäö"


def _fold_table(keep_swedish: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if keep_swedish and char in _SWEDISH:
            continue
        base = "".join(
            c
            for c in unicodedata.normalize("NFD", char)
            if not unicodedata.combining(c)
        )
        if base != char:
            table[code] = base
    return table


_KEEP_SWEDISH = _fold_table(True)
_FOLD_ALL = _fold_table(False)


def fold(text: str, keep_swedish: bool = True) -> str:
    """Return `text` case-folded with foreign accents removed (é -> e, ü -> u).

    Å, Ä and Ö are letters of their own in Swedish: they are kept unless
    `keep_swedish` is False, so "malmo" can find "Malmö" while "får" does not
    find "far".
    """
    return text.casefold().translate(_KEEP_SWEDISH if keep_swedish else _FOLD_ALL)


def has_swedish_letters(text: str) -> bool:
    """Return True if `text` holds å, ä or ö (in either case)."""
    folded = text.casefold()
    return any(char in folded for char in _SWEDISH)


def haystack(item: Item) -> str:
    """Return the text a filter looks in: title, tags, people, places, organisers."""
    parts: list[str] = [item.title, *item.tags]
    if isinstance(item, Article) and item.interviewee:
        parts.append(item.interviewee.byline())
    if isinstance(item, Event):
        parts += [item.city, item.venue, item.organiser, *item.partners]
    return " ".join(parts)


class ItemFilter(Generic[ItemT]):
    """Items with their folded haystacks, filtered per keystroke.

    The haystacks are folded on the first `apply`, or ahead of it by `prepare`
    in a thread, so building a filter costs nothing while the library loads.
    """

    def __init__(self, items: Sequence[ItemT]) -> None:
        self._items: list[ItemT] = list(items)
        self._folded: tuple[list[str], list[str]] | None = None

    def prepare(self) -> tuple[list[str], list[str]]:
        """Fold the haystacks (exact and loose) unless that is done already."""
        if self._folded is None:
            texts = [haystack(item) for item in self._items]
            exact = [fold(text) for text in texts]
            self._folded = (exact, [fold(text, keep_swedish=False) for text in texts])
        return self._folded

    def apply(self, query: str) -> list[ItemT]:
        """Return the items whose haystack holds every word of `query`, in order."""
        keep = has_swedish_letters(query)
        words = fold(query, keep).split()
        if not words:
            return list(self._items)
        exact, loose = self.prepare()
        texts = exact if keep else loose
        return [
            item
            for item, text in zip(self._items, texts, strict=True)
            if all(word in text for word in words)
        ]
