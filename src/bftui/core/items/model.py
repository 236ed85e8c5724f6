"""The library's content as typed, immutable values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

ArticleKind = Literal["interview", "report", "news"]
EventKind = Literal["network-meeting", "conference", "study-visit", "other"]

ARTICLE_KINDS: tuple[str, ...] = ("interview", "report", "news")
EVENT_KINDS: tuple[str, ...] = ("network-meeting", "conference", "study-visit", "other")


@dataclass(frozen=True, slots=True)
class Link:
    """A titled link at the end of an article."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Interviewee:
    """The person an interview is with."""

    name: str
    role: str = ""
    organisation: str = ""
    consent: bool | None = None
    """Whether the interviewee agreed to publication; None when not recorded."""

    def byline(self) -> str:
        """Return "Name, role, organisation" without empty parts."""
        return ", ".join(
            part for part in (self.name, self.role, self.organisation) if part
        )


@dataclass(frozen=True, slots=True)
class QA:
    """One question and its answer, with where they stand in the article body."""

    question: str
    answer: str
    """The answer's Markdown, as written."""
    start: int
    """0-based body line of the `###` heading."""
    end: int
    """0-based body line just past the entry (exclusive)."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article's metadata; the body is read on demand (`library.read_body`)."""

    slug: str
    path: Path
    """Absolute path of the `.md` file."""
    title: str
    kind: str
    published: dt.date
    lead: str = ""
    tags: tuple[str, ...] = ()
    event: str = ""
    """Slug of a related event, or "" for none."""
    source: str = ""
    links: tuple[Link, ...] = ()
    interviewee: Interviewee | None = None
    needs_review: tuple[str, ...] = ()
    """Fields an importer guessed (`published`, `kind`...): a warning until reviewed."""
    body_line: int = 1
    """1-based file line where the Markdown body starts."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """Front matter keys bftui does not know, kept for forward compatibility."""

    @property
    def year(self) -> int:
        """The year the article was published."""
        return self.published.year

    @property
    def date(self) -> dt.date:
        """The date the article is sorted and listed by."""
        return self.published


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    """One row of an event's programme."""

    title: str
    day: int | None = None
    time: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting, conference or study visit."""

    slug: str
    path: Path
    """Absolute path of the `events/<slug>.toml` file."""
    title: str
    kind: str = "other"
    year: int = 0
    start: dt.date | dt.datetime | None = None
    end: dt.date | dt.datetime | None = None
    city: str = ""
    venue: str = ""
    organiser: str = ""
    partners: tuple[str, ...] = ()
    participants: int | None = None
    participants_note: str = ""
    url: str = ""
    summary: str = ""
    programme: tuple[ProgrammeItem, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def date(self) -> dt.date:
        """The date the event is sorted by: its start, else 1 January of its year."""
        if isinstance(self.start, dt.datetime):
            return self.start.date()
        if isinstance(self.start, dt.date):
            return self.start
        return dt.date(max(self.year, 1), 1, 1)

    @property
    def tags(self) -> tuple[str, ...]:
        """Events have no tags; the property lets lists treat items alike."""
        return ()


Item = Article | Event
"""Anything the library lists."""
