"""Turn items into index rows and back: JSON for the metadata, plain text to search.

The index keeps every item's metadata so that a warm start can list the
library without parsing a single file. Dates and TOML values in `extra` are
tagged in the JSON so that they come back as the same Python types.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, NamedTuple

from bftui.core.items.model import (
    Article,
    Event,
    Interviewee,
    Item,
    Link,
    ProgrammeItem,
)

ARTICLE, EVENT = "article", "event"
"""The two item types, as stored in the index."""

_TAGS: tuple[tuple[str, type], ...] = (
    ("$datetime", dt.datetime),
    ("$date", dt.date),
    ("$time", dt.time),
)


class SearchText(NamedTuple):
    """An item's searchable text, one string per index column."""

    title: str
    people: str
    orgs: str
    places: str
    tags: str
    lead: str
    body: str


COLUMNS: tuple[str, ...] = SearchText._fields
"""The index's full-text columns, in order."""

_LINK = tuple(spec.name for spec in fields(Link))
_PERSON = tuple(spec.name for spec in fields(Interviewee))
_ROW = tuple(spec.name for spec in fields(ProgrammeItem))
"""Small records are stored as lists of their fields, in their constructor's order."""


def _tag(value: Any) -> Any:
    """Return `value` with dates, times and tuples made JSON-ready."""
    for tag, kind in _TAGS:
        if isinstance(value, kind):
            return {tag: value.isoformat()}
    if isinstance(value, list | tuple):
        return [_tag(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _tag(v) for k, v in value.items()}
    return value


def _untag(value: Any) -> Any:
    if isinstance(value, list):
        return [_untag(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            key, text = next(iter(value.items()))
            for tag, kind in _TAGS:
                if key == tag and isinstance(text, str):
                    return kind.fromisoformat(text)
        return {k: _untag(v) for k, v in value.items()}
    return value


def encode(item: Item, root: Path) -> str:
    """Return the JSON that `decode` turns back into `item`."""
    data: dict[str, Any] = {
        spec.name: getattr(item, spec.name)
        for spec in fields(item)
        if spec.name != "path"
    }
    data["path"] = str(item.path)[len(str(root)) + 1 :].replace("\\", "/")
    if data["extra"]:
        data["extra"] = _tag(data["extra"])
    if isinstance(item, Article):
        data["published"] = item.published.isoformat()
        data["links"] = [[getattr(link, name) for name in _LINK] for link in item.links]
        person = item.interviewee
        if person is not None:
            data["interviewee"] = [getattr(person, name) for name in _PERSON]
    else:
        data["start"] = _tag(item.start)
        data["end"] = _tag(item.end)
        data["programme"] = [
            [getattr(row, name) for name in _ROW] for row in item.programme
        ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode(kind: str, text: str, root: Path) -> Item:
    """Return the item stored as `text` (made by `encode`) for library `root`."""
    data = json.loads(text)
    data["path"] = root / data["path"]
    if data["extra"]:
        data["extra"] = _untag(data["extra"])
    if kind == ARTICLE:
        data["published"] = dt.date.fromisoformat(data["published"])
        _tuples(data, Article)
        data["links"] = tuple(Link(*link) for link in data["links"])
        person = data["interviewee"]
        data["interviewee"] = Interviewee(*person) if person else None
        return Article(**data)
    data["start"] = _untag(data["start"])
    data["end"] = _untag(data["end"])
    _tuples(data, Event)
    data["programme"] = tuple(ProgrammeItem(*row) for row in data["programme"])
    return Event(**data)


def _tuples(data: dict[str, Any], kind: type[Article] | type[Event]) -> None:
    """Make the JSON lists of `kind`'s tuple fields (tags, partners …) tuples again."""
    for spec in fields(kind):
        if isinstance(spec.default, tuple) and spec.name in data:
            data[spec.name] = tuple(data[spec.name])


def search_text(item: Item, body: str) -> SearchText:
    """Return what the index searches in `item`; `body` is an article's Markdown."""
    if isinstance(item, Article):
        person = item.interviewee
        return SearchText(
            title=item.title,
            people=f"{person.name}\n{person.role}" if person else "",
            orgs=person.organisation if person else "",
            places="",
            tags="\n".join(item.tags),
            lead=item.lead,
            body=body,
        )
    programme = "\n\n".join(
        "\n".join(part for part in (row.time, row.title, row.description) if part)
        for row in item.programme
    )
    return SearchText(
        title=item.title,
        people="",
        orgs="\n".join((item.organiser, *item.partners)),
        places=f"{item.city}\n{item.venue}",
        tags="",
        lead="",
        body=f"{item.summary}\n\n{programme}" if programme else item.summary,
    )
