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

from bftui.core import fileio
from bftui.core.items.schema import is_url
from bftui.core.slugs import slugify
from bftui.core.text import safe_text
from bftui.core.transfer import recognise, weblinks
from bftui.core.transfer.blocks import (
    MORE,
    Dates,
    as_markdown,
    drop_furniture,
    entries,
    is_lead,
    kind_given,
    made_up_title,
    normalise,
    page_title,
    read_dates,
    same,
    split_bold_question,
    spoken,
    text_blocks,
    text_title,
)
from bftui.core.transfer.htmlpage import PageMeta, read_page
from bftui.core.transfer.markdown import Block, escape_block
from bftui.i18n import t, tn

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""Larger files are refused: no web article is that long."""
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


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
        ImportProblem: for a missing, unreadable, empty, binary or huge file,
            and for anything but a regular file (a FIFO, a device, a folder).
    """
    try:
        data = fileio.read_bytes(path, MAX_IMPORT_BYTES)
    except fileio.TooLargeError as error:
        raise ImportProblem(t("import.too_large", path=path)) from error
    except fileio.NotRegularFileError as error:
        raise ImportProblem(t("import.not_a_file", path=path)) from error
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


def import_file(path: Path, *, today: dt.date | None = None, url: str = "") -> Proposal:
    """Read `path` and return the proposed article.

    Raises:
        ImportProblem: when the file cannot be read as text.
    """
    text, html, notes = read_source(path)
    proposal = propose(text, html=html, today=today, url=url)
    return Proposal(proposal.front, proposal.body, (*notes, *proposal.notes))


def looks_like_html(text: str) -> bool:
    """Return True if `text` starts like an HTML document."""
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or (
        start.startswith("<") and "<body" in text[:5000].lower()
    )


def propose(
    text: str, *, html: bool = False, today: dt.date | None = None, url: str = ""
) -> Proposal:
    """Return the proposed article for `text`, plain text or (with `html`) a web page."""
    meta = PageMeta()
    if html:
        page = read_page(text)
        meta, blocks = page.meta, page.blocks
        # What a page that is no article shows: its text, never its markup.
        text = "\n\n".join(b.plain for b in blocks) or page_title(meta)
        blocks = [
            Block(safe_text(b.markdown), safe_text(b.plain), b.tag, b.strong, b.css)
            for b in blocks
        ]
    else:
        blocks = text_blocks(text)
    notes: list[str] = []
    source = safe_text(url or meta.source)
    if source and not is_url(source):
        notes.append(t("import.note.bad_source", url=source))
        source = ""
    review: list[str] = []
    dates = Dates({})
    blocks = read_dates(blocks, dates)
    # Skip links, menus, share buttons and banners go before the title is chosen.
    blocks = [
        b
        for b in blocks
        if MORE.match(b.plain)
        or not (recognise.is_furniture(b.plain) or recognise.is_banner(b.plain))
    ]
    for line in meta.aside_lines:
        read = recognise.read_date_line(line)
        for label, date in read.dates if read else ():
            dates.add(label, date)
    # Title: where the page keeps it, else the first line that is a title.
    title = safe_text(page_title(meta))
    if title:
        at = next((i for i, b in enumerate(blocks) if same(b.plain, title)), None)
        if at is not None and at <= 3:
            blocks = [
                b
                for i, b in enumerate(blocks)
                if i > at or (i < at and len(b.plain) > 100)
            ]
    else:
        title, blocks = text_title(blocks, dates)
    blocks = drop_furniture(blocks)
    blocks = [b for b in blocks if not (title and same(b.plain, title))]
    # Links: "Länk till ...", bare URLs and link-only paragraphs.
    kept: list[Block] = []
    found: list[tuple[str, str]] = []
    for block in blocks:
        if block.tag == "p":
            rest, links = weblinks.take_links(block.markdown)
            found += links
            if not links:
                kept.append(block)
            elif rest:
                kept.append(Block(rest, _plain(rest), "p", block.strong, block.css))
            elif kept and kept[-1].plain.endswith(":") and len(kept[-1].plain) <= 60:
                kept.pop()  # "Mer att läsa:" above links that went to the link list
        else:
            kept.append(block)
    blocks = [part for block in kept for part in split_bold_question(block)]
    if not title:
        title = made_up_title(blocks)
        review.append("title")
    prose = any(
        len(b.plain.split()) >= 6
        and b.plain.rstrip(' "”»)').endswith((".", "!", "?", ":"))
        for b in blocks
    )
    if not title or not blocks or not (prose or html):
        return _not_an_article(text, meta, dates, today, source, notes)
    lead = ""
    if is_lead(blocks[0], html=html):
        lead, blocks = blocks[0].plain.replace("\n", " "), blocks[1:]
    marks, count = entries(blocks)
    first_q = marks.index(True) if count else len(blocks)
    byline = next(
        filter(None, (recognise.parse_byline(b.plain) for b in blocks[:first_q])),
        None,
    )
    if byline is None:
        byline = recognise.title_byline(title, blocks[0].plain if blocks else "")
    interview = (count >= 2 and (byline is not None or spoken(blocks, marks))) or (
        count >= 1 and byline is not None
    )
    parts: list[str] = []
    for block, question in zip(blocks, marks, strict=True):
        if question and interview:
            parts.append(f"### {' '.join(block.plain.split())}")
        else:
            parts.append(as_markdown(block))
    published = _published(dates, meta, today, review, notes)
    if interview:
        kind = "interview"
    else:
        kind = kind_given(dates, meta, source)
        if not kind:
            intro = [b.plain for b in blocks]
            short = len(intro) <= 4 and sum(map(len, intro)) < 1500
            kind = "news" if short else "report"
            review.append("kind")
    front: dict[str, Any] = {"title": title, "kind": kind, "published": published}
    if lead:
        front["lead"] = lead
    if source:
        front["source"] = source
    links_out = _links(found, " ".join(b.plain for b in blocks), notes)
    if links_out:
        front["links"] = links_out
    if interview and byline:
        person = {"name": byline.name, "role": byline.role}
        if byline.organisation:
            person["organisation"] = byline.organisation
        front["interviewee"] = {k: v for k, v in person.items() if v}
        notes.append(t("import.note.consent"))
    elif interview:
        review.append("interviewee")
        notes.append(t("import.note.no_byline"))
    if meta.authors:
        names = safe_text(", ".join(meta.authors))
        notes.append(t("import.note.author", names=names))
    if review:
        front["needs_review"] = review
        notes.append(t("import.note.needs_review", fields=", ".join(review)))
    notes.append(
        tn("import.note.review", count if interview else 0, kind=t(f"kind.{kind}"))
    )
    body = "\n" + "\n\n".join(parts) + "\n" if parts else ""
    return Proposal(front, body, tuple(notes))


def _plain(markdown: str) -> str:
    text = re.sub(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]+\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", text).replace("**", "")


def _published(
    dates: Dates,
    meta: PageMeta,
    today: dt.date | None,
    review: list[str],
    notes: list[str],
) -> dt.date:
    """Return the publication date the page gives, or a marked stand-in."""
    found = dates.found
    given = meta.published or found.get("published") or found.get("bare")
    if given is not None:
        return given
    stand_in = found.get("month") or meta.updated or found.get("updated")
    if stand_in is None:
        stand_in = today or dt.date.today()
        notes.append(t("import.note.no_date", date=stand_in.isoformat()))
    else:
        notes.append(t("import.note.unsure_date", date=stand_in.isoformat()))
    review.append("published")
    return stand_in


def _links(
    found: list[tuple[str, str]], context: str, notes: list[str]
) -> list[dict[str, str]]:
    links_out: list[dict[str, str]] = []
    guessed = False
    for label, url in found:
        url = safe_text(url)
        if is_url(url) and url not in (link["url"] for link in links_out):
            guessed = guessed or not label
            title = label or weblinks.link_title(url, context)
            links_out.append({"title": title, "url": url})
    if guessed:
        notes.append(t("import.note.link_titles"))
    return links_out


def _not_an_article(
    text: str,
    meta: PageMeta,
    dates: Dates,
    today: dt.date | None,
    source: str,
    notes: list[str],
) -> Proposal:
    """Return the whole text as the body of a report, with a note saying so."""
    review: list[str] = []
    published = _published(dates, meta, today, review, notes)
    lines = [line.rstrip() for line in safe_text(text).strip().split("\n")]
    first = next((normalise(line) for line in lines if line.strip()), "")
    first = first or t("import.untitled")
    title = first if len(first) <= 80 else first[:80].rsplit(" ", 1)[0] + " …"
    body_lines = [escape_block(line) if line else "" for line in lines]
    front: dict[str, Any] = {"title": title, "kind": "report", "published": published}
    if source:
        front["source"] = source
    front["needs_review"] = ["title", "kind", *review]
    notes.append(t("import.note.not_article"))
    return Proposal(front, "\n" + "\n".join(body_lines) + "\n", tuple(notes))
