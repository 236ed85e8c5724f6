"""The sidebar's first screen, kept small beside the index for a fast warm start.

Decoding 11,000 cached items takes a third of a second; the sidebar's first
screen needs only the counts per year and the titles of the years it shows
open. `Index.library()` writes that outline to a small JSON file beside its
database whenever the library changes, and `read_outline` reads it back in
a millisecond, before the app has decoded anything (or opened SQLite), so
that the sidebar paints at once and fills in after.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from bftui import __version__
from bftui.core import fileio
from bftui.core.sorting import by_year
from bftui.core.store.atomic import StorageError, atomic_write
from bftui.core.text import safe_text

if TYPE_CHECKING:
    from bftui.core.items.model import Article, Event
    from bftui.core.library.loading import Library

MAX_OUTLINE_BYTES = 32 * 1024 * 1024
"""A bigger outline file is no outline bftui wrote: it is read as none."""
EAGER_LIMIT = 400
"""Up to this many items every year is filled and open; beyond, years open on demand."""


@dataclass(frozen=True, slots=True)
class YearOutline:
    """One year of a group: its item count and, if shown open, `(path, title)` pairs."""

    year: int
    count: int
    leaves: list[tuple[Path, str]] | None


@dataclass(frozen=True, slots=True)
class Outline:
    """What the sidebar shows before the library is read."""

    title: str
    articles: list[YearOutline]
    events: list[YearOutline]
    problems: int


def outline_of(library: Library) -> Outline:
    """Return the outline of `library`: the years the sidebar opens carry titles."""
    eager = len(library.articles) + len(library.events) <= EAGER_LIMIT
    return Outline(
        library.title,
        _years(library.articles, eager),
        _years(library.events, eager),
        len(library.problems),
    )


def _years(items: list[Article] | list[Event], eager: bool) -> list[YearOutline]:
    return [
        YearOutline(
            year,
            len(members),
            [(item.path, item.title) for item in members] if eager or n == 0 else None,
        )
        for n, (year, members) in enumerate(by_year(items))
    ]


def outline_file(index_file: Path) -> Path:
    """Return where the outline is kept beside the index database `index_file`."""
    return index_file.with_name(f"{index_file.stem}.outline.json")


def write_outline(file: Path, outline: Outline, root: Path) -> None:
    """Keep `outline` of library `root` in `file`, unless the file holds it already.

    Only a faster start is lost if it cannot be written.
    """
    text = dumps(outline, root)
    try:
        if fileio.read_text(file, MAX_OUTLINE_BYTES) == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    with contextlib.suppress(StorageError):
        atomic_write(file, text)


def read_outline(file: Path, root: Path) -> Outline | None:
    """Return the outline of library `root` kept in `file`, if any.

    An outline written by another bftui version or for another folder, or
    any doubt, means None.
    """
    try:
        text = fileio.read_text(file, MAX_OUTLINE_BYTES)
        return loads(text, root.resolve())
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def dumps(outline: Outline, root: Path) -> str:
    """Return `outline` as JSON, with paths relative to the library `root`.

    The text names the bftui version and the folder, which `loads` checks.
    """

    def years(group: list[YearOutline]) -> list[list[object]]:
        return [
            [
                y.year,
                y.count,
                None
                if y.leaves is None
                else [[p.relative_to(root).as_posix(), title] for p, title in y.leaves],
            ]
            for y in group
        ]

    data = [outline.title, years(outline.articles), years(outline.events)]
    return json.dumps(
        [__version__, str(root), *data, outline.problems], ensure_ascii=False
    )


def loads(text: str, root: Path) -> Outline:
    """Return the outline of library `root` stored as `text` by `dumps`.

    The file is untrusted (anyone may write it): every value is checked,
    and a path that is not plainly inside the library, a number out of
    range or any other shape than `dumps` writes is refused.

    Raises:
        ValueError: when the text is not such an outline, or is another
            version's or another folder's.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"not an outline: {error}") from error
    if not isinstance(data, list) or len(data) != 6:
        raise ValueError("not an outline")
    version, folder, title, articles, events, problems = data
    if version != __version__ or folder != str(root):
        raise ValueError("another version's or folder's outline")
    return Outline(
        safe_text(_text(title)),
        _loaded_years(articles, root),
        _loaded_years(events, root),
        _count(problems),
    )


_MAX_COUNT = 10**9


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("not an outline: a title is no text")
    return value


def _count(value: object, low: int = 0, high: int = _MAX_COUNT) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ValueError("not an outline: a number out of range")
    return value


def _loaded_years(group: object, root: Path) -> list[YearOutline]:
    if not isinstance(group, list):
        raise ValueError("not an outline: no list of years")
    years = []
    for entry in group:
        if not isinstance(entry, list) or len(entry) != 3:
            raise ValueError("not an outline: a year is no [year, count, leaves]")
        year, count, leaves = entry
        years.append(
            YearOutline(
                _count(year, 1, 9999),
                _count(count),
                None if leaves is None else _loaded_leaves(leaves, root),
            )
        )
    return years


def _loaded_leaves(leaves: object, root: Path) -> list[tuple[Path, str]]:
    if not isinstance(leaves, list):
        raise ValueError("not an outline: no list of titles")
    found = []
    for leaf in leaves:
        if not isinstance(leaf, list) or len(leaf) != 2:
            raise ValueError("not an outline: a title is no [path, title]")
        rel, title = _text(leaf[0]), _text(leaf[1])
        parts = PurePosixPath(rel).parts
        if not parts or rel.startswith("/") or ".." in parts or "\0" in rel:
            raise ValueError("not an outline: a path outside the library")
        found.append((root / rel, safe_text(title)))
    return found
