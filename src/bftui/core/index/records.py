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
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from bftui.core.items import schema
from bftui.core.items.model import (
    Article,
    Event,
    Interviewee,
    Item,
    Link,
    ProgrammeItem,
)
from bftui.core.slugs import is_valid

ARTICLE, EVENT = "article", "event"
"""The two item types, as stored in the index."""

_TAGS: tuple[tuple[str, type[dt.datetime] | type[dt.date] | type[dt.time]], ...] = (
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


class CorruptRecordError(ValueError):
    """An index row that is not what `encode` wrote: the cache must be rebuilt."""


def decode(kind: str, text: str, root: Path) -> Item:
    """Return the item stored as `text` (made by `encode`) for library `root`.

    The index is a file anyone may write: the row must decode to an item
    that passes the same checks as the file it came from.

    Raises:
        CorruptRecordError: for anything else (garbage, wrong types, missing
            keys, a path out of the library, a date out of range).
    """
    try:
        item = _decode(kind, text, root)
    except (
        TypeError,
        ValueError,
        KeyError,
        AttributeError,
        RecursionError,
        OverflowError,
    ) as error:
        raise CorruptRecordError(f"not an index row: {error!r}") from error
    if _broken(item):
        raise CorruptRecordError(f"not a valid item: {item.slug!r}")
    return item


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _decode(kind: str, text: str, root: Path) -> Item:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise TypeError("not an object")
    rel = data["path"]
    parts = PurePosixPath(rel).parts
    if not parts or rel.startswith("/") or ".." in parts or "\0" in rel:
        raise ValueError("a path out of the library")
    data["path"] = root / rel
    extra = _untag(data["extra"])
    if not isinstance(extra, dict):
        raise TypeError("extra is no table")
    data["extra"] = extra
    if kind == ARTICLE:
        data["published"] = dt.date.fromisoformat(data["published"])
        data["tags"] = tuple(_list(data["tags"]))
        data["needs_review"] = tuple(_list(data.get("needs_review", [])))
        data["links"] = tuple(Link(*_list(link)) for link in _list(data["links"]))
        person = data["interviewee"]
        data["interviewee"] = Interviewee(*_list(person)) if person else None
        return Article(**data)
    data["start"] = _untag(data["start"])
    data["end"] = _untag(data["end"])
    data["partners"] = tuple(_list(data["partners"]))
    data["programme"] = tuple(
        ProgrammeItem(*_list(row)) for row in _list(data["programme"])
    )
    return Event(**data)


def _broken(item: Item) -> bool:
    """Return True if `item` breaks a rule its file would be refused for."""
    if not isinstance(item.slug, str) or not is_valid(item.slug):
        return True
    if isinstance(item, Article):
        person = item.interviewee
        front: dict[str, Any] = {
            "title": item.title,
            "kind": item.kind,
            "published": item.published,
            "lead": item.lead,
            "tags": list(item.tags),
            "event": item.event,
            "source": item.source,
            "links": [{"title": x.title, "url": x.url} for x in item.links],
            "needs_review": list(item.needs_review),
        }
        if person is not None:
            front["interviewee"] = {
                "name": person.name,
                "role": person.role,
                "organisation": person.organisation,
            }
            if person.consent is not None:
                front["interviewee"]["consent"] = person.consent
        return bool(schema.check_article(front)) or not _line(item.body_line)
    table = {
        "title": item.title,
        "kind": item.kind,
        "year": item.year,
        "city": item.city,
        "venue": item.venue,
        "organiser": item.organiser,
        "partners": list(item.partners),
        "participants_note": item.participants_note,
        "url": item.url,
        "summary": item.summary,
        "programme": [
            {"title": row.title, "time": row.time, "description": row.description}
            | ({} if row.day is None else {"day": row.day})
            for row in item.programme
        ],
    }
    for key in ("start", "end", "participants"):
        if getattr(item, key) is not None:
            table[key] = getattr(item, key)
    return bool(schema.check_event(table))


def _line(value: Any) -> bool:
    return type(value) is int and 0 < value < 2**31


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
