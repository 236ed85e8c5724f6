"""Write events as RFC 5545 iCalendar, by hand: no dependency, exact control of the bytes.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
character; text values escape backslash, semicolon, comma and newlines.
Events that only know their year cannot be placed in a calendar and are
returned as skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from bftui import __version__
from bftui.core.items.model import Event
from bftui.core.store.atomic import atomic_write
from bftui.i18n import t

TZID = "Europe/Stockholm"
UID_DOMAIN = "bostadforst.se"
_LIMIT = 75
"""Octets per line, not counting the CRLF (RFC 5545, 3.1)."""

_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
"""Sweden's rules since 1996 (EU summer time): enough for any event bftui holds."""

_MD_LINK = re.compile(r"\[([^\]]*)\]\(<?([^)>\s]*)>?\)")


def escape(text: str) -> str:
    """Return `text` as an iCalendar TEXT value: `\\ ; ,` and newlines escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """Return content line `line` folded at 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LIMIT:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _plain(markdown: str) -> str:
    """Return Markdown as calendar text: paragraphs unwrapped, links spelt out."""

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        return (
            f"{label} ({target})" if target.startswith(("http:", "https:")) else label
        )

    paragraphs = re.split(r"\n\s*\n", _MD_LINK.sub(link, markdown).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def description(event: Event) -> str:
    """Return the event's summary and programme as plain text."""
    parts = [_plain(event.summary)] if event.summary.strip() else []
    if event.programme:
        rows = [t("ical.programme")]
        for row in event.programme:
            day = t("compose.day", day=row.day) if row.day else ""
            when = " ".join(part for part in (day, row.time) if part)
            rows.append(f"{when}: {row.title}" if when else row.title)
            if row.description.strip():
                rows.append(_plain(row.description))
        parts.append("\n".join(rows))
    return "\n\n".join(parts)


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, value: dt.date | dt.datetime) -> str:
    if not isinstance(value, dt.datetime):
        return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"
    if value.tzinfo is not None:
        return f"{name}:{_stamp(value)}"
    return f"{name};TZID={TZID}:{value.strftime('%Y%m%dT%H%M%S')}"


def _span(event: Event) -> list[str]:
    """Return DTSTART and DTEND; an all-day end date is exclusive (the day after)."""
    start, end = event.start, event.end
    if start is None:
        return []
    day = dt.timedelta(days=1)
    if not isinstance(start, dt.datetime):
        last = end.date() if isinstance(end, dt.datetime) else end
        return [_when("DTSTART", start), _when("DTEND", (last or start) + day)]
    if end is None:
        return [_when("DTSTART", start)]
    if not isinstance(end, dt.datetime):
        end = dt.datetime.combine(end + day, dt.time(), tzinfo=start.tzinfo)
    return [_when("DTSTART", start), _when("DTEND", end)]


def _vevent(event: Event, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.slug}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        *_span(event),
        f"SUMMARY:{escape(event.title)}",
    ]
    place = ", ".join(part for part in (event.venue, event.city) if part)
    if place:
        lines.append(f"LOCATION:{escape(place)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    text = description(event)
    if text:
        lines.append(f"DESCRIPTION:{escape(text)}")
    lines += [f"CATEGORIES:{escape(t(f'kind.{event.kind}'))}", "END:VEVENT"]
    return lines


def calendar(
    events: Iterable[Event], *, now: dt.datetime | None = None, name: str = ""
) -> tuple[str, list[Event]]:
    """Return the iCalendar text of `events` and the events left out (year only).

    Args:
        events: the events to write, in order.
        now: the DTSTAMP time (aware; defaults to the current time).
        name: the calendar's display name, e.g. the library title.
    """
    stamp = _stamp(now or dt.datetime.now(dt.UTC))
    events = list(events)
    dated = [event for event in events if event.start is not None]
    skipped = [event for event in events if event.start is None]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Bostad först-nätverket//bftui {__version__}//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape(name)}")
    if any(_needs_zone(event) for event in dated):
        lines += _VTIMEZONE
    for event in dated:
        lines += _vevent(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines), skipped


def _needs_zone(event: Event) -> bool:
    return any(
        isinstance(value, dt.datetime) and value.tzinfo is None
        for value in (event.start, event.end)
    )


def write_event(event: Event, folder: Path, *, name: str = "") -> Path:
    """Write `event` as `<slug>.ics` into `folder` (atomically) and return the path.

    Raises:
        ValueError: when the event only knows its year.
        StorageError: when the file cannot be written.
    """
    text, skipped = calendar([event], name=name)
    if skipped:
        raise ValueError(event.slug)
    return atomic_write(folder / f"{event.slug}.ics", text)
