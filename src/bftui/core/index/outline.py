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
from pathlib import Path
from typing import TYPE_CHECKING

from bftui import __version__
from bftui.core.sorting import by_year
from bftui.core.store.atomic import StorageError, atomic_write

if TYPE_CHECKING:
    from bftui.core.items.model import Article, Event
    from bftui.core.library.loading import Library

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
        for n, (year, members) in enumerate(by_year(items))  # type: ignore[type-var]
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
        if file.read_text(encoding="utf-8") == text:
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
        return loads(file.read_text(encoding="utf-8"), root.resolve())
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

    Raises:
        ValueError: when the text is not such an outline, or is another
            version's or another folder's.
    """
    try:
        version, folder, title, articles, events, problems = json.loads(text)
        if version != __version__ or folder != str(root):
            raise ValueError("another version's or folder's outline")

        def years(group: list[list[object]]) -> list[YearOutline]:
            return [
                YearOutline(
                    int(year),  # type: ignore[call-overload]
                    int(count),  # type: ignore[call-overload]
                    None
                    if leaves is None
                    else [(root / rel, str(title)) for rel, title in leaves],  # type: ignore[attr-defined]
                )
                for year, count, leaves in group
            ]

        return Outline(str(title), years(articles), years(events), int(problems))
    except (TypeError, ValueError) as error:
        raise ValueError(f"not an outline: {error}") from error
