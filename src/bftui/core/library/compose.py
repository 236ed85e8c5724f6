"""Compose an item into the Markdown that the reader and `bftui show` display.

The front matter never shows as such: a metadata card (kind, date, people,
tags, related event) comes first, then the lead, the text, the Q&A entries and
the links. Links between items are relative file paths, so they work in the
app, in `show` output and in any Markdown viewer.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from bftui.core.items import qa
from bftui.core.items.model import Article, Event, Item
from bftui.core.items.schema import review_label
from bftui.core.library.loading import Library, read_body
from bftui.core.text import has_controls
from bftui.i18n import t

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&])")


def escape(text: str) -> str:
    """Return `text` with Markdown's inline syntax escaped, on one line."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _percent(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def destination(target: str) -> str:
    """Return `target` as a Markdown link destination that nothing in it can end.

    `<`, `>` and backslashes are escaped; line ends and other control characters
    (from folder names) are percent-encoded, so the link still leads to the file
    and no escape sequence reaches a terminal.
    """
    escaped = re.sub(r"([\\<>])", r"\\\1", target)
    return (
        "<"
        + "".join(
            _percent(char) if char == "\n" or has_controls(char) else char
            for char in escaped
        )
        + ">"
    )


def url_link(url: str) -> str:
    """Return a Markdown link to the web address `url` that shows the address."""
    return f"[{escape(url)}]({destination(url)})"


def long_date(value: dt.date) -> str:
    """Return `value` as e.g. "24 maj 2020" in the UI language."""
    if isinstance(value, dt.datetime):
        clock = value.strftime("%H:%M")
        return f"{long_date(value.date())} {clock}"
    month = t(f"month.{value.month}")
    return t("date.long", day=value.day, month=month, year=value.year)


def date_range(start: dt.date, end: dt.date | None) -> str:
    """Return the span from `start` to `end` as briefly as it reads well."""
    if end is None or end == start:
        return long_date(start)
    if isinstance(start, dt.datetime) or isinstance(end, dt.datetime):
        return f"{long_date(start)} – {long_date(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end)}"
    if start.year == end.year:
        month = t(f"month.{start.month}")
        return f"{start.day} {month} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def link_to(target: Path, source: Path) -> str:
    """Return the relative path from the item in `source` to `target`."""
    relative = os.path.relpath(target, source.parent)
    return Path(relative).as_posix()


def _card(rows: list[tuple[str, str]], head: str) -> str:
    lines = [head, *(f"**{label}:** {value}" for label, value in rows if value)]
    return "\n".join(f"> {line}\\" for line in lines[:-1]) + f"\n> {lines[-1]}"


def compose(item: Item, library: Library) -> str:
    """Return the composed Markdown of `item`.

    Raises:
        OSError, ValueError: when an article's file can no longer be read.
    """
    if isinstance(item, Article):
        return compose_article(item, read_body(item), library)
    return compose_event(item, library)


def compose_article(article: Article, body: str, library: Library) -> str:
    """Return the composed Markdown of `article` whose Markdown body is `body`."""
    head = f"**{t(f'kind.{article.kind}')}** · " + t(
        "compose.published", date=long_date(article.published)
    )
    rows: list[tuple[str, str]] = []
    if article.interviewee:
        rows.append((t("compose.interviewee"), escape(article.interviewee.byline())))
    rows.append((t("compose.tags"), " · ".join(escape(tag) for tag in article.tags)))
    event = library.event(article.event) if article.event else None
    if event:
        rows.append(
            (
                t("compose.event"),
                f"[{escape(event.title)}]({destination(link_to(event.path, article.path))})",
            )
        )
    elif article.event:
        rows.append((t("compose.event"), escape(article.event)))
    if article.source:
        rows.append((t("compose.source"), url_link(article.source)))
    if article.needs_review:
        fields = ", ".join(escape(review_label(key)) for key in article.needs_review)
        rows.append((t("compose.needs_review"), fields))
    parts = [f"# {escape(article.title)}", _card(rows, head)]
    if article.lead:
        parts.append(f"**{escape(article.lead)}**")
    if article.interviewee and article.interviewee.consent is False:
        parts.append(f"*{t('compose.no_consent')}*")
    entries = qa.find_entries(body) if article.kind == "interview" else []
    intro = qa.introduction(body, entries).strip()
    if intro:
        parts.append(intro)
    if entries:
        parts.append(f"## {t('compose.qa')}")
        lines = body.split("\n")
        parts.append("\n".join(lines[entries[0].start :]).strip())
    if article.links:
        links = "\n".join(
            f"- [{escape(link.title)}]({destination(link.url)})"
            for link in article.links
        )
        parts.append(f"## {t('compose.links')}\n\n{links}")
    return "\n\n".join(parts) + "\n"


def event_when(event: Event) -> str:
    """Return when `event` takes place: its dates, or only its year."""
    if event.start is None:
        return str(event.year)
    return date_range(event.start, event.end)


def compose_event(event: Event, library: Library) -> str:
    """Return the composed Markdown of `event`, with the articles that refer to it."""
    place = ", ".join(part for part in (event.venue, event.city) if part)
    participants = event.participants_note or (
        str(event.participants) if event.participants is not None else ""
    )
    rows = [
        (t("compose.when"), escape(event_when(event))),
        (t("compose.where"), escape(place)),
        (t("compose.organiser"), escape(event.organiser)),
        (t("compose.partners"), " · ".join(escape(p) for p in event.partners)),
        (t("compose.participants"), escape(participants)),
        (t("compose.website"), url_link(event.url) if event.url else ""),
    ]
    head = f"**{t(f'kind.{event.kind}')}**"
    parts = [f"# {escape(event.title)}", _card(rows, head)]
    if event.summary.strip():
        parts.append(event.summary.strip())
    if event.programme:
        parts.append(f"## {t('compose.programme')}")
        for row in event.programme:
            when = " ".join(
                part
                for part in (t("compose.day", day=row.day) if row.day else "", row.time)
                if part
            )
            title = f"{when}: {escape(row.title)}" if when else escape(row.title)
            parts.append(f"### {title}")
            if row.description.strip():
                parts.append(row.description.strip())
    articles = library.articles_for_event(event.slug)
    if articles:
        items = "\n".join(
            f"- [{escape(a.title)}]({destination(link_to(a.path, event.path))})"
            f" — {t(f'kind.{a.kind}')}, {long_date(a.published)}"
            for a in articles
        )
        parts.append(f"## {t('compose.articles')}\n\n{items}")
    return "\n\n".join(parts) + "\n"
