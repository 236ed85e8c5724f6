"""The sidebar's outline read from the files' front matter alone, for a cold start.

A cold start (no index yet) must build the whole full-text index, which
takes seconds for a large library. The sidebar needs only each item's title
and year: `read_headlines` reads just the front matter of every file (the
first few KB; plain `key = "value"` lines are taken as they are, anything
else goes to `tomllib`), and `outline_from` groups them as the sidebar
shows them. Files that do not read cleanly are left out here;
the index build that follows reports them as problems.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from bftui.core import fileio
from bftui.core.index.outline import Outline, YearOutline
from bftui.core.library.folders import EVENTS_DIR
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.sorting import swedish_key
from bftui.core.text import safe_text

HEAD_BYTES = 4096
"""Bytes read first: the front matter of nearly every article fits."""

_PLAIN = re.compile(
    r'^(title|year|start|published) *= *(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"|'
    r"(\d{4})(?:-\d\d-\d\d(?:[T ][0-9:.+Z-]*)?)?) *\Z"
)
"""A key line whose value needs no TOML parser: a string without escapes, or
a year or date (only its year is taken)."""


class Headline(NamedTuple):
    """An item as the sidebar lists it: its file, title and year."""

    rel: str
    """The file, relative to the library."""
    title: str
    year: int
    event: bool
    key: str
    """The title's Swedish sort key."""


def _front(text: str) -> str | None:
    """Return the TOML between the `+++` lines of an article's text, if closed."""
    text = text.removeprefix("\ufeff")
    first = text.find("\n")
    if first < 0 or text[:first].rstrip() != "+++":
        return None
    end = text.find("\n+++", first)
    return None if end < 0 else text[first + 1 : end + 1]


def _wanted_lines(front: str, event: bool) -> str | None:
    """Return only the lines of the keys a headline needs, when that is safe.

    Only lines before the first multi-line string (whose lines could look
    like keys) and before the first table count; if the keys are not all
    found there, None, and the whole front matter is parsed.
    """
    cut = min(
        front.find('"""') % (len(front) + 1), front.find("'''") % (len(front) + 1)
    )
    keys = ("title", "year", "start") if event else ("title", "published")
    kept = []
    for line in front[: front.rfind("\n", 0, cut) + 1].split("\n"):
        if line.startswith("["):
            break
        if line.startswith(keys) and line.partition("=")[0].strip() in keys:
            kept.append(line)
    return "\n".join(kept) if len(kept) >= 2 else None


def _plain_values(front: str, event: bool) -> dict[str, object] | None:
    """Return the values a headline needs read without tomllib, if they are plain."""
    lines = _wanted_lines(front, event)
    if lines is None:
        return None
    table: dict[str, object] = {}
    for line in lines.split("\n"):
        match = _PLAIN.match(line)
        if match is None:
            return None
        key, text, year = match.groups()
        if text is not None:
            table[key] = text
        elif key == "year":
            table[key] = int(year)
        elif int(year) < dt.MINYEAR:
            return None  # Year 0 is no date: the full reader says so.
        else:
            table[key] = dt.date(int(year), 1, 1)
    return table


def _year(value: object) -> int | None:
    return value.year if isinstance(value, dt.date) else None


def headline(root: Path, rel: str) -> Headline | None:
    """Return the headline of one file, or None if it does not read cleanly."""
    event = rel.startswith(f"{EVENTS_DIR}/")
    try:
        with fileio.open_file(f"{root}/{rel}") as file:
            data = file.read(HEAD_BYTES)
            # A character cut at the end of the head lies past the lines used.
            head = data.decode("utf-8", errors="replace")
            front: str | None
            if event:  # Whole lines only: the last one may be cut.
                front = head if len(data) < HEAD_BYTES else head[: head.rfind("\n") + 1]
            else:
                front = _front(head)
            table = None
            if front is not None and "\ufffd" not in front:
                table = _plain_values(front, event)
            if table is None:  # Not plain, or longer than the head: all of it.
                data += file.read(MAX_FILE_BYTES + 1 - len(data))
                if len(data) > MAX_FILE_BYTES:
                    return None  # /dev/zero behind a link has no end.
                text = data.decode("utf-8")
                front = text if event else _front(text)
                if front is None:
                    return None
                table = tomllib.loads(_wanted_lines(front, event) or front)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    title = table.get("title")
    if event:
        year = table.get("year")
        year = year if isinstance(year, int) else _year(table.get("start"))
    else:
        year = _year(table.get("published"))
    if not isinstance(title, str) or not title.strip() or year is None:
        return None
    title = safe_text(title)
    return Headline(rel, title, year, event, swedish_key(title))


def read_headlines(root: Path, rels: Iterable[str]) -> Iterator[Headline]:
    """Yield the headline of every file in `rels` (relative paths) that reads cleanly.

    In this process: child processes (as the index build uses) cost more to
    start than reading 10,000 headlines takes.
    """
    for rel in rels:
        found = headline(root, rel)
        if found is not None:
            yield found


def cold_outline(root: Path) -> Outline:
    """Return the outline of library `root` read from its files' front matter."""
    from bftui.core.index.files import scan
    from bftui.core.library.loading import _library_title

    title = _library_title(root, [])
    return outline_from(root, title, read_headlines(root, scan(root)))


def outline_from(root: Path, title: str, headlines: Iterable[Headline]) -> Outline:
    """Return the sidebar's outline of `headlines` in library `root`, all titles included.

    Years newest first, titles in Swedish order within a year, as the
    library itself is sorted.
    """
    groups: tuple[list[Headline], list[Headline]] = ([], [])
    for found in headlines:
        groups[found.event].append(found)
    return Outline(title, _years(root, groups[0]), _years(root, groups[1]), problems=0)


def _years(root: Path, headlines: list[Headline]) -> list[YearOutline]:
    ordered = sorted(headlines, key=lambda h: (h.key, _slug(h.rel)))
    ordered.sort(key=lambda h: h.year, reverse=True)
    years: dict[int, list[tuple[Path, str]]] = {}
    for found in ordered:
        years.setdefault(found.year, []).append((root / found.rel, found.title))
    return [YearOutline(year, len(rows), rows) for year, rows in years.items()]


def _slug(rel: str) -> str:
    """Return the slug of the file `rel` (its name without the extension)."""
    return rel.rpartition("/")[2].rpartition(".")[0]
