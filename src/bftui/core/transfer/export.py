"""Rows for reports (CSV and JSON) and the meeting statistics funders ask for."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bftui.core.items import qa
from bftui.core.items.model import Article, Event
from bftui.core.library.loading import Library, read_body
from bftui.core.problems import Problem
from bftui.core.sorting import swedish_key

EVENT_COLUMNS = (
    "slug", "title", "kind", "year", "start", "end", "city", "organiser",
    "partners", "participants", "participants_note",
)  # fmt: skip
ARTICLE_COLUMNS = (
    "kind", "date", "slug", "title", "tags", "interviewee", "questions",
)  # fmt: skip
LIST_SEPARATOR = "; "
"""Joins a list (partners, tags) into one CSV cell."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def event_row(event: Event) -> dict[str, Any]:
    """Return one report row for `event`; lists stay lists, missing values are None."""
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "year": event.year,
        "start": _iso(event.start),
        "end": _iso(event.end),
        "city": event.city,
        "organiser": event.organiser,
        "partners": list(event.partners),
        "participants": event.participants,
        "participants_note": event.participants_note,
    }


def article_rows(library: Library) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Return one report row per article, and problems for bodies that cannot be read.

    An article whose body cannot be read gets None as its number of questions.
    """
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for article in library.articles:
        count: int | None = None
        try:
            count = len(qa.find_entries(read_body(article)))
        except (OSError, ValueError) as error:
            problems.append(Problem(article.path, 1, str(error)))
        rows.append(_article_row(article, count))
    return rows, problems


def _article_row(article: Article, questions: int | None) -> dict[str, Any]:
    person = article.interviewee
    return {
        "kind": article.kind,
        "date": article.published.isoformat(),
        "slug": article.slug,
        "title": article.title,
        "tags": list(article.tags),
        "interviewee": person.byline() if person else "",
        "questions": questions,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(part) for part in value)
    if isinstance(value, str):
        # A cell starting like a formula would run in a spreadsheet (CSV injection).
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def to_csv(
    rows: Iterable[dict[str, Any]],
    columns: tuple[str, ...],
    *,
    delimiter: str = ",",
    bom: bool = False,
) -> str:
    """Return `rows` as CSV text with a header row and CRLF line ends.

    Args:
        rows: the report rows.
        columns: the keys to write, in order.
        delimiter: "," or, for Swedish Excel, ";".
        bom: start with a byte order mark so Excel reads UTF-8 (å, ä, ö).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def to_json(rows: list[dict[str, Any]]) -> str:
    """Return `rows` as pretty JSON, with å, ä and ö written as they are."""
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class Tally:
    """Meetings and participants in one group (a year or a city)."""

    group: str
    meetings: int = 0
    participants: int = 0
    """The sum of the known participant figures."""
    unknown: int = 0
    """Meetings without a participant figure."""
    approximate: int = 0
    """Meetings whose figure is approximate (it has a note, like "över 200")."""

    def add(self, event: Event) -> Tally:
        """Return this tally with `event` counted."""
        known = event.participants is not None
        return Tally(
            self.group,
            self.meetings + 1,
            self.participants + (event.participants or 0),
            self.unknown + (not known),
            self.approximate + (known and bool(event.participants_note)),
        )


def _tally(events: Iterable[Event], key: Callable[[Event], str]) -> list[Tally]:
    tallies: dict[str, Tally] = {}
    for event in events:
        group = key(event)
        tallies[group] = tallies.get(group, Tally(group)).add(event)
    return list(tallies.values())


def stats(events: Iterable[Event]) -> dict[str, list[Tally]]:
    """Return meetings and participants per year (oldest first) and per city.

    Cities are sorted by number of meetings, then name; events without a
    city are counted under "".
    """
    events = list(events)
    years = _tally(sorted(events, key=lambda e: e.year), lambda e: str(e.year))
    cities = _tally(events, lambda e: e.city)
    cities.sort(key=lambda x: (-x.meetings, x.group == "", swedish_key(x.group)))
    total = _tally(events, lambda e: "")
    return {"years": years, "cities": cities, "total": total or [Tally("")]}


def stats_record(result: dict[str, list[Tally]]) -> dict[str, Any]:
    """Return `stats` output as JSON-ready data."""

    def as_dict(tally: Tally) -> dict[str, Any]:
        return {
            "meetings": tally.meetings,
            "participants": tally.participants,
            "without_figure": tally.unknown,
            "approximate": tally.approximate,
        }

    return {
        "years": [{"year": int(x.group), **as_dict(x)} for x in result["years"]],
        "cities": [{"city": x.group, **as_dict(x)} for x in result["cities"]],
        "total": as_dict(result["total"][0]),
    }
