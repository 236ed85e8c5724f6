"""Turn an article copied from a web page (text or saved HTML) into a proposed article.

The proposal is only a suggestion for a person to review: front matter
fields, a Markdown body with the Q&A entries as `###` headings, and notes
on what was guessed. Nothing here touches the network or the library.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bftui.core.slugs import slugify
from bftui.core.text import safe_text
from bftui.core.transfer import recognise, weblinks
from bftui.core.transfer.htmltext import (
    LINK_CLOSE,
    LINK_OPEN,
    looks_like_html,
    page_text,
)
from bftui.i18n import t

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""Larger files are refused: no web article is that long."""
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TITLE_MAX, _LEAD_MAX, _QUESTION_MAX = 150, 140, 300
_BLOCK_START = re.compile(r"^(?:#|>|[-*+]\s|\d+[.)]\s|={3,}|-{3,}|```|~~~|\s{4})")


class ImportProblem(ValueError):
    """The file cannot be imported; the message is in the UI language."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed article, for review before it is saved."""

    front: dict[str, Any]
    """Front matter fields in the content model's order; empty ones left out."""
    body: str
    """The Markdown body."""
    notes: tuple[str, ...] = ()
    """What the importer guessed or could not find, in the UI language."""

    @property
    def slug(self) -> str:
        """The slug the article would get: its date and title."""
        return slugify(f"{self.front['published'].isoformat()}-{self.front['title']}")


def read_source(path: Path) -> tuple[str, bool, list[str]]:
    """Read the file to import.

    Returns:
        The text, whether it is a web page (HTML), and notes on reading it.

    Raises:
        ImportProblem: for a missing, unreadable, empty, binary or huge file.
    """
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportProblem(t("import.too_large", path=path))
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(
            t("import.unreadable", path=path, error=error.strerror or error)
        ) from error
    notes: list[str] = []
    if not data.strip():
        raise ImportProblem(t("import.empty", path=path))
    if b"\0" in data:
        raise ImportProblem(t("import.binary", path=path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append(t("import.note.encoding"))
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(len(text) // 100, 2) or text.count("\ufffd") > len(text) // 20:
        raise ImportProblem(t("import.binary", path=path))
    html = path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text)
    return text, html, notes


def import_file(path: Path, *, today: dt.date | None = None) -> Proposal:
    """Read `path` and return the proposed article.

    Raises:
        ImportProblem: when the file cannot be read as text.
    """
    text, html, notes = read_source(path)
    proposal = propose(text, html=html, today=today)
    return Proposal(proposal.front, proposal.body, (*notes, *proposal.notes))


def _normalise(line: str) -> str:
    return " ".join(line.replace("\u200b", "").split())


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    Text copied from a browser has one line per paragraph; hard-wrapped text
    (every line short) has paragraphs of several lines between blank lines.
    """
    longest = max(map(len, lines), default=0)
    hard_wrapped = longest <= 100 and sum(len(line) >= 60 for line in lines) >= 3
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if current and (not line or not hard_wrapped):
            paragraphs.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    return paragraphs


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _is_question(paragraph: str) -> bool:
    bare = paragraph.rstrip(" \"”»'’*")
    sentences = len(re.findall(r"[.?!](?:\s|$)", bare))
    return bare.endswith("?") and len(bare) <= _QUESTION_MAX and sentences <= 3


def _looks_like_article(paragraphs: list[str]) -> bool:
    """Return True for a title followed by at least one paragraph of prose."""
    if len(paragraphs) < 2 or len(paragraphs[0]) > _TITLE_MAX:
        return False
    return any(
        len(p.split()) >= 6 and p.rstrip(' "”»)').endswith((".", "!", "?", ":"))
        for p in paragraphs[1:]
    )


def _escape_block(paragraph: str) -> str:
    """Keep a paragraph that starts like Markdown syntax a plain paragraph."""
    return "\\" + paragraph if _BLOCK_START.match(paragraph) else paragraph


@dataclass(slots=True)
class _Page:
    paragraphs: list[str]
    published: dt.date | None
    links: list[dict[str, str]]
    guessed_titles: bool


def _scan(text: str, anchors: tuple[tuple[str, str], ...]) -> _Page:
    """Drop page furniture and date lines, group paragraphs, take out the links."""
    dates: dict[str, dt.date] = {}
    lines: list[str] = []
    # Old Mac line ends would otherwise become visible control pictures.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    for raw in safe_text(text).split("\n"):
        line = _normalise(raw)
        dated = recognise.dated_line(line) if line else None
        if dated and dated[1] is not None:
            dates.setdefault(dated[0], dated[1])
        lines.append("" if dated or recognise.is_furniture(line) else line)
    paragraphs = _paragraphs(lines)
    if paragraphs:
        title = paragraphs[0]
        paragraphs = [title] + [p for p in paragraphs[1:] if not _same(p, title)]
    kept: list[str] = []
    found: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        rest, links = weblinks.take_links(paragraph, anchors)
        found += links
        if rest:
            kept.append(rest)
    context = " ".join(kept)
    links_out: list[dict[str, str]] = []
    guessed = False
    for label, url in found:
        if url not in (link["url"] for link in links_out):
            guessed = guessed or not label
            title = label or weblinks.link_title(url, context)
            links_out.append({"title": title, "url": url})
    published = dates.get("published") or dates.get("bare") or dates.get("updated")
    return _Page(kept, published, links_out, guessed)


def propose(text: str, *, html: bool = False, today: dt.date | None = None) -> Proposal:
    """Return the proposed article for `text`, plain text or (with `html`) a web page."""
    anchors: tuple[tuple[str, str], ...] = ()
    source = ""
    if html:
        page = page_text(text)
        text, source = page.text, safe_text(page.source)
        anchors = tuple((safe_text(a), safe_text(b)) for a, b in page.links)
    scanned = _scan(text, anchors)
    paragraphs = scanned.paragraphs
    notes: list[str] = []
    published = scanned.published
    if published is None:
        published = today or dt.date.today()
        notes.append(t("import.note.no_date", date=published.isoformat()))
    if not _looks_like_article(paragraphs):
        return _not_an_article(text, published, notes, source)
    title, rest = paragraphs[0], paragraphs[1:]
    lead = ""
    if (
        rest
        and len(rest[0]) <= _LEAD_MAX
        and not _is_question(rest[0])
        and recognise.parse_byline(rest[0]) is None
        and len(re.findall(r"[.!?](?:\s|$)", rest[0].rstrip(".!"))) == 0
    ):
        lead, rest = rest[0], rest[1:]
    first_q = next((i for i, p in enumerate(rest) if _is_question(p)), len(rest))
    intro, tail = rest[:first_q], rest[first_q:]
    byline = next(filter(None, map(recognise.parse_byline, intro)), None)
    parts = [_escape_block(p) for p in intro]
    count = 0
    for paragraph in tail:
        if _is_question(paragraph):
            parts.append(f"### {' '.join(paragraph.split())}")
            count += 1
        else:
            parts.append(_escape_block(paragraph))
    kind = "report"
    if count and byline:
        kind = "interview"
    elif not count and len(intro) <= 3 and sum(map(len, intro)) < 1500:
        kind = "news"
    if count and not byline:
        notes.append(t("import.note.no_byline"))
    front: dict[str, Any] = {"title": title, "kind": kind, "published": published}
    if lead:
        front["lead"] = lead
    if source:
        front["source"] = source
    if scanned.links:
        front["links"] = scanned.links
    if scanned.guessed_titles:
        notes.append(t("import.note.link_titles"))
    if kind == "interview" and byline:
        person = {"name": byline.name, "role": byline.role}
        if byline.organisation:
            person["organisation"] = byline.organisation
        front["interviewee"] = {k: v for k, v in person.items() if v}
        notes.append(t("import.note.consent"))
    notes.append(t("import.note.review", kind=t(f"kind.{kind}"), entries=count))
    body = "\n" + "\n\n".join(parts) + "\n" if parts else ""
    return Proposal(front, body, tuple(notes))


def _not_an_article(
    text: str, published: dt.date, notes: list[str], source: str
) -> Proposal:
    """Return the whole text as the body of a report, with a note saying so."""
    text = re.sub(f"{LINK_OPEN}\\d+{LINK_CLOSE}", "", safe_text(text))
    lines = [line.rstrip() for line in text.strip().split("\n")]
    first = next((_normalise(line) for line in lines if line.strip()), "")
    title = first if len(first) <= 80 else first[:80].rsplit(" ", 1)[0] + " …"
    body_lines = [_escape_block(line) if line else "" for line in lines]
    front: dict[str, Any] = {"title": title, "kind": "report", "published": published}
    if source:
        front["source"] = source
    notes.append(t("import.note.not_article"))
    return Proposal(front, "\n" + "\n".join(body_lines) + "\n", tuple(notes))
