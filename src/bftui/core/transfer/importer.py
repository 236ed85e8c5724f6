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
from bftui.core.slugs import slugify
from bftui.core.text import safe_text
from bftui.core.transfer import recognise, weblinks
from bftui.core.transfer.htmlpage import PageMeta, read_page
from bftui.core.transfer.markdown import Block, escape_block
from bftui.i18n import t

MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""Larger files are refused: no web article is that long."""
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_TITLE_MAX, _LEAD_MAX, _QUESTION_MAX = 150, 140, 300
_LEAD_CLASS = re.compile(
    r"ingress|preamble|lead|intro|summary|excerpt|standfirst", re.I
)
_REPORT = re.compile(r"\b(?:rapport|report|utvärdering|reportage)", re.I)
_NEWS = re.compile(r"news|nyhet|pressmeddelande|press release", re.I)
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " / ")


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
    authors: tuple[str, ...] = ()
    """Who the page says wrote it (author metadata); not the interviewee."""

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
    return Proposal(
        proposal.front, proposal.body, (*notes, *proposal.notes), proposal.authors
    )


def looks_like_html(text: str) -> bool:
    """Return True if `text` starts like an HTML document."""
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or (
        start.startswith("<") and "<body" in text[:5000].lower()
    )


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


def _text_blocks(text: str) -> list[Block]:
    """Return the paragraphs of plain text as blocks (their Markdown syntax escaped)."""
    # Old Mac line ends would otherwise become visible control pictures.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    lines = [_normalise(raw) for raw in safe_text(text).split("\n")]
    return [Block(escape_block(p), p, "p") for p in _paragraphs(lines)]


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]


def _is_question(text: str) -> bool:
    """A short paragraph that ends with a question and is mostly questions."""
    bare = text.rstrip(" \"”»'’*")
    if not bare.endswith("?") or len(bare) > _QUESTION_MAX or "\n" in bare:
        return False
    sentences = _sentences(bare)
    asked = sum(s.endswith("?") for s in sentences)
    return len(sentences) <= 3 and (asked == len(sentences) or len(sentences) <= 2)


def _is_title_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(text) <= _TITLE_MAX
        and "\n" not in text
        and not text.rstrip(' "”»)').endswith((".", ":", ","))
        and len(_sentences(text)) <= 2
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"”»'")
        and len(words) >= 1
    )


def _not_title(text: str) -> bool:
    """Say whether a short first line is page clutter rather than the title."""
    return (
        recognise.is_caption(text)
        or recognise.is_label(text)
        or recognise.is_banner(text)
        or recognise.is_furniture(text)
    )


@dataclass(slots=True)
class _Dates:
    found: dict[str, dt.date]
    section: str = ""

    def add(self, label: str, date: dt.date | None) -> None:
        if date is not None:
            self.found.setdefault(label, date)


def _strip_site(title: str, meta: PageMeta) -> str:
    """Return `title` without the site's name ("… - Stadsmissionen")."""
    for site in meta.site:
        for sep in _SEPARATORS:
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
            if title.startswith(site + sep):
                return title[len(site + sep) :].strip()
    for sep in _SEPARATORS:
        if sep not in title:
            continue
        first, _, last = title.rpartition(sep)
        if any(_same(first, other) for other in meta.titles if other != title):
            return first.strip()
        if len(last.split()) <= 4 and last[:1].isupper() and len(first.split()) >= 2:
            return first.strip()
    return title


def _page_title(meta: PageMeta) -> str:
    titles = [_strip_site(" ".join(title.split()), meta) for title in meta.titles]
    titles = [title for title in titles if title]
    if not titles:
        return ""
    best = titles[0]
    if meta.h1 and meta.h1 != best and meta.h1.startswith(best.rstrip(" .…")):
        best = meta.h1  # og:title cut short
    return best


def _made_up_title(blocks: list[Block]) -> str:
    first = next((b.plain for b in blocks if b.tag == "p"), "")
    sentence = _sentences(first)[0] if first else ""
    if len(sentence) <= 80:
        return sentence.rstrip(".")
    return sentence[:80].rsplit(" ", 1)[0] + " …"


def _lead_candidate(block: Block) -> bool:
    text = block.plain
    return (
        block.tag == "p"
        and len(text) <= _LEAD_MAX
        and not _is_question(text)
        and recognise.parse_byline(text) is None
        and len(re.findall(r"[.!?](?:\s|\Z)", text.rstrip(".!"))) == 0
        and "\n" not in text
    )


def _split_bold_question(block: Block) -> list[Block]:
    """Split "**Varför …?**<br>– För att …" into the question and its answer."""
    lines = block.markdown.split("\n")
    plain = block.plain.split("\n")
    if (
        len(lines) >= 2
        and lines[0].startswith("**")
        and lines[0].endswith("**")
        and _is_question(plain[0])
    ):
        question = Block(lines[0], plain[0], "p", strong=True, css=block.css)
        answer = Block("\n".join(lines[1:]), "\n".join(plain[1:]), "p")
        return [question, answer]
    return [block]


def _question_block(block: Block) -> bool:
    if block.tag in ("h2", "h3", "h4", "h5", "h6") or block.strong:
        return _is_question(block.plain)
    return block.tag == "p" and _is_question(block.plain)


def _markdown(block: Block) -> str:
    if block.tag == "p":
        return "\\\n".join(block.markdown.split("\n"))
    if block.tag in ("h1", "h2", "h3"):
        return f"## {block.markdown}"
    if block.tag in ("h4", "h5", "h6"):
        return f"#### {block.markdown}"
    return block.markdown


def _entries(blocks: list[Block]) -> tuple[list[bool], int]:
    """Mark the blocks that are questions of Q&A entries; return the marks and count.

    A question needs an answer: a question block right after another
    question (a run of rhetorical ones) answers it, and a question with
    nothing after it is no question.
    """
    marks = [False] * len(blocks)
    open_question: int | None = None
    for index, block in enumerate(blocks):
        if _question_block(block):
            if open_question is not None and block.tag == "p" and not block.strong:
                open_question = None  # the answer to the question before it
                continue
            if open_question is not None:
                marks[open_question] = False
            marks[index] = True
            open_question = index
        elif (
            block.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
            and open_question is not None
        ):
            marks[open_question] = False
            open_question = None
        else:
            open_question = None
    if open_question is not None:
        marks[open_question] = False
    return marks, sum(marks)


def _read_dates(blocks: list[Block], dates: _Dates) -> list[Block]:
    """Take the page's date lines out of `blocks`; a date before the lead is split off."""
    kept: list[Block] = []
    for block in blocks:
        if block.tag in ("p", "h2", "h3", "h4", "h5", "h6") and "\n" not in block.plain:
            line = recognise.read_date_line(block.plain)
            if line is not None:
                for label, date in line.dates:
                    dates.add(label, date)
                dates.section = dates.section or line.section
                continue
            prefix = recognise.date_prefix(block.plain)
            if prefix is not None and block.markdown.endswith(prefix[1]):
                date, rest = prefix
                dates.add("bare", date)
                block = Block(
                    escape_block(rest), rest, block.tag, block.strong, block.css
                )
        kept.append(block)
    return kept


_MORE = re.compile(r"^(?:läs (?:också|även|mer)|relaterat|mer om ämnet)\s*:?\Z", re.I)


def _drop_furniture(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    teasers = False
    for index, block in enumerate(blocks):
        text = block.plain
        # "Läs också" and the titles of other articles after it; a side box's
        # label ("Projektet i korthet") and its short lines.
        if block.tag == "p" and (_MORE.match(text) or recognise.is_label(text)):
            teasers = True
            continue
        if teasers and block.tag == "p" and _is_title_like(text) and len(text) <= 90:
            continue
        teasers = False
        glued = recognise.caption_glued(text) if block.tag == "p" else None
        if glued is not None:
            block = Block(escape_block(glued), glued, "p", block.strong, block.css)
            text = glued
        if block.tag == "p" and (
            recognise.is_furniture(text)
            or recognise.is_banner(text)
            or (recognise.is_caption(text) and index > 0)
        ):
            continue
        kept.append(block)
    return kept


def _text_title(blocks: list[Block], dates: _Dates) -> tuple[str, list[Block]]:
    """Return the first block that is a title, and the blocks after it.

    A one-word line above the title is the site's section ("Nyheter"): it is
    kept as what the page says about its kind.
    """
    for index, block in enumerate(blocks[:4]):
        text = block.plain
        if not _is_title_like(text) or _not_title(text):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        one_word = len(text.split()) == 1
        if one_word and following is not None and _is_title_like(following.plain):
            dates.section = dates.section or text
            continue
        if following is None or _is_question(text):
            break
        return text, blocks[index + 1 :]
    return "", blocks


def _kind_given(dates: _Dates, meta: PageMeta, source: str) -> str:
    """Return the kind the page itself says it is ("news", "report"), else ""."""
    for said in (meta.section, dates.section, source):
        if said and _NEWS.search(said):
            return "news"
        if said and _REPORT.search(said):
            return "report"
    return ""


def propose(
    text: str, *, html: bool = False, today: dt.date | None = None, url: str = ""
) -> Proposal:
    """Return the proposed article for `text`, plain text or (with `html`) a web page."""
    meta = PageMeta()
    if html:
        page = read_page(text)
        meta, blocks = page.meta, page.blocks
        # What a page that is no article shows: its text, never its markup.
        text = "\n\n".join(b.plain for b in blocks) or _page_title(meta)
        blocks = [
            Block(safe_text(b.markdown), safe_text(b.plain), b.tag, b.strong, b.css)
            for b in blocks
        ]
    else:
        blocks = _text_blocks(text)
    source = safe_text(url or meta.source)
    notes: list[str] = []
    review: list[str] = []
    dates = _Dates({})
    blocks = _read_dates(blocks, dates)
    # Skip links, menus, share buttons and banners go before the title is chosen.
    blocks = [
        b
        for b in blocks
        if _MORE.match(b.plain)
        or not (recognise.is_furniture(b.plain) or recognise.is_banner(b.plain))
    ]
    for line in meta.aside_lines:
        read = recognise.read_date_line(line)
        for label, date in read.dates if read else ():
            dates.add(label, date)
    # Title: where the page keeps it, else the first line that is a title.
    title = safe_text(_page_title(meta))
    if title:
        at = next((i for i, b in enumerate(blocks) if _same(b.plain, title)), None)
        if at is not None and at <= 3:
            blocks = [
                b
                for i, b in enumerate(blocks)
                if i > at or (i < at and len(b.plain) > 100)
            ]
    else:
        title, blocks = _text_title(blocks, dates)
    blocks = _drop_furniture(blocks)
    blocks = [b for b in blocks if not (title and _same(b.plain, title))]
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
    blocks = [part for block in kept for part in _split_bold_question(block)]
    if not title:
        title = _made_up_title(blocks)
        review.append("title")
    prose = any(
        len(b.plain.split()) >= 6
        and b.plain.rstrip(' "”»)').endswith((".", "!", "?", ":"))
        for b in blocks
    )
    if not title or not blocks or not (prose or html):
        return _not_an_article(text, meta, dates, today, source, notes)
    # Lead: marked as such by the page, else a short first line.
    lead = ""
    first = blocks[0]
    if (
        first.tag == "p"
        and (
            (_LEAD_CLASS.search(first.css) and len(first.plain) <= 600)
            or (not html and _lead_candidate(first))
            or (html and _lead_candidate(first) and first.strong)
            # A short line under the title, without a full stop: a subtitle.
            or (html and _lead_candidate(first) and not first.plain.endswith("."))
        )
        and not _question_block(first)
    ):
        lead, blocks = first.plain.replace("\n", " "), blocks[1:]
    marks, count = _entries(blocks)
    first_q = marks.index(True) if count else len(blocks)
    byline = next(
        filter(None, (recognise.parse_byline(b.plain) for b in blocks[:first_q])),
        None,
    )
    interview = count >= 2 or (count >= 1 and byline is not None)
    parts: list[str] = []
    for block, question in zip(blocks, marks, strict=True):
        if question and interview:
            parts.append(f"### {' '.join(block.plain.split())}")
        else:
            parts.append(_markdown(block))
    published = _published(dates, meta, today, review, notes)
    if interview:
        kind = "interview"
    else:
        kind = _kind_given(dates, meta, source)
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
        notes.append(t("import.note.author", names=", ".join(meta.authors)))
    if review:
        front["needs_review"] = review
        notes.append(t("import.note.needs_review", fields=", ".join(review)))
    notes.append(
        t(
            "import.note.review",
            kind=t(f"kind.{kind}"),
            entries=count if interview else 0,
        )
    )
    body = "\n" + "\n\n".join(parts) + "\n" if parts else ""
    authors = tuple(safe_text(a) for a in meta.authors)
    return Proposal(front, body, tuple(notes), authors)


def _plain(markdown: str) -> str:
    text = re.sub(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]+\)", r"\1", markdown)
    return re.sub(r"\\(.)", r"\1", text).replace("**", "")


def _published(
    dates: _Dates,
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
        if url not in (link["url"] for link in links_out):
            guessed = guessed or not label
            title = label or weblinks.link_title(url, context)
            links_out.append({"title": title, "url": url})
    if guessed:
        notes.append(t("import.note.link_titles"))
    return links_out


def _not_an_article(
    text: str,
    meta: PageMeta,
    dates: _Dates,
    today: dt.date | None,
    source: str,
    notes: list[str],
) -> Proposal:
    """Return the whole text as the body of a report, with a note saying so."""
    review: list[str] = []
    published = _published(dates, meta, today, review, notes)
    lines = [line.rstrip() for line in safe_text(text).strip().split("\n")]
    first = next((_normalise(line) for line in lines if line.strip()), "")
    first = first or t("import.untitled")
    title = first if len(first) <= 80 else first[:80].rsplit(" ", 1)[0] + " …"
    body_lines = [escape_block(line) if line else "" for line in lines]
    front: dict[str, Any] = {"title": title, "kind": "report", "published": published}
    if source:
        front["source"] = source
    front["needs_review"] = ["title", "kind", *review]
    notes.append(t("import.note.not_article"))
    return Proposal(front, "\n" + "\n".join(body_lines) + "\n", tuple(notes))
