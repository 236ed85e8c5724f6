"""Filter the library's items as the user types: titles, tags, people, cities."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bftui.core.items.model import Article, Event, Item

ItemT = TypeVar("ItemT", Article, Event, Item)
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


class FoldedTexts:
    """Texts folded both ways (with and without å, ä, ö), searched at `str.find`'s speed.

    Each way's texts are joined into one string, a newline between two: the
    longest word typed is found with `str.find`, and only the texts holding
    it are looked at for the other words. A word typed never holds a newline,
    so no match reaches from one text into the next.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self._ways = {
            keep: _Joined.of([fold(text, keep) for text in texts])
            for keep in (True, False)
        }

    def folded(self, index: int, keep_swedish: bool) -> str:
        """Return text number `index`, folded the way `keep_swedish` says."""
        return self._ways[keep_swedish].text_at(index)

    def holding(self, words: Sequence[str], keep_swedish: bool) -> Iterator[int]:
        """Yield, in order, the number of every text holding all of `words` (folded)."""
        yield from self._ways[keep_swedish].holding(words)


@dataclass(frozen=True, slots=True)
class _Joined:
    text: str
    starts: list[int]
    """Where each text starts in `text`, and where one more would."""

    @classmethod
    def of(cls, texts: list[str]) -> _Joined:
        starts = [0]
        for text in texts:
            starts.append(starts[-1] + len(text) + 1)
        return cls("\n".join(texts), starts)

    def text_at(self, index: int) -> str:
        return self.text[self.starts[index] : self.starts[index + 1] - 1]

    def holding(self, words: Sequence[str]) -> Iterator[int]:
        if not words:
            yield from range(len(self.starts) - 1)
            return
        longest = max(words, key=len)
        position = self.text.find(longest)
        while position >= 0:
            index = bisect_right(self.starts, position) - 1
            text = self.text_at(index)
            if all(word in text for word in words):
                yield index
            position = self.text.find(longest, self.starts[index + 1])


class ItemFilter(Generic[ItemT]):
    """Items with their folded haystacks, filtered per keystroke.

    The haystacks (`text` of each item; by default title, tags, people and
    places) are folded on the first search, or ahead of it by `prepare` in a
    thread, so building a filter costs nothing while the library loads.
    """

    def __init__(
        self, items: Sequence[ItemT], text: Callable[[ItemT], str] = haystack
    ) -> None:
        self._items: list[ItemT] = list(items)
        self._text: Callable[[ItemT], str] = text
        self._folded: FoldedTexts | None = None

    def prepare(self) -> FoldedTexts:
        """Fold the haystacks (exact and loose) unless that is done already."""
        if self._folded is None:
            self._folded = FoldedTexts(self._text(item) for item in self._items)
        return self._folded

    def matches(self, query: str) -> Iterator[tuple[ItemT, str]]:
        """Yield each item whose haystack holds every word of `query`, in order.

        With it comes its haystack, folded as the query is. A query of no
        words yields every item.
        """
        keep = has_swedish_letters(query)
        words = fold(query, keep).split()
        folded = self.prepare()
        for index in folded.holding(words, keep):
            yield self._items[index], folded.folded(index, keep)

    def apply(self, query: str) -> list[ItemT]:
        """Return the items whose haystack holds every word of `query`, in order."""
        if not query.split():
            return list(self._items)
        return [item for item, _ in self.matches(query)]
