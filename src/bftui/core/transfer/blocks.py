"""Judge the blocks of a page: which is the title, the lead, a date line,
furniture, a question; and what kind of text the page says it is.

`importer.propose` asks these in turn; each rule is general (the shapes of
Swedish municipal, city mission, housing company and newspaper pages), not
fitted to one site.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bftui.core.text import safe_text
from bftui.core.transfer import recognise
from bftui.core.transfer.htmlpage import PageMeta
from bftui.core.transfer.markdown import Block, escape_block

_TITLE_MAX, _LEAD_MAX, _QUESTION_MAX = 150, 140, 300
_LEAD_CLASS = re.compile(
    r"ingress|preamble|lead|intro|summary|excerpt|standfirst", re.I
)
_REPORT = re.compile(r"\b(?:rapport|report|utvärdering|reportage)", re.I)
_NEWS = re.compile(r"news|nyhet|pressmeddelande|press release", re.I)
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " / ")


def normalise(line: str) -> str:
    """Return `line` with its runs of spaces (and zero-width spaces) made one space."""
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


def text_blocks(text: str) -> list[Block]:
    """Return the paragraphs of plain text as blocks (their Markdown syntax escaped)."""
    # Old Mac line ends would otherwise become visible control pictures.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    lines = [normalise(raw) for raw in safe_text(text).split("\n")]
    return [Block(escape_block(p), p, "p") for p in _paragraphs(lines)]


def same(a: str, b: str) -> bool:
    """Return True if two lines are the same text but for case and a final full stop."""
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
    """A short line without a full stop that starts like a headline."""
    return (
        0 < len(text) <= _TITLE_MAX
        and "\n" not in text
        and not text.rstrip(' "”»)').endswith((".", ":", ","))
        and len(_sentences(text)) <= 2
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"”»'")
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
class Dates:
    """The dates a page names, by label ("published", "updated", "bare", "month")."""

    found: dict[str, dt.date]
    section: str = ""
    """The kind of text a date line names ("Nyheter", "Pressmeddelande")."""

    def add(self, label: str, date: dt.date | None) -> None:
        """Keep the first date of each label."""
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
        if any(same(first, other) for other in meta.titles if other != title):
            return first.strip()
        if len(last.split()) <= 4 and last[:1].isupper() and len(first.split()) >= 2:
            return first.strip()
    return title


def page_title(meta: PageMeta) -> str:
    """Return the title the page's metadata gives, best source first, without the site."""
    titles = [_strip_site(" ".join(title.split()), meta) for title in meta.titles]
    titles = [title for title in titles if title]
    if not titles:
        return ""
    best = titles[0]
    if meta.h1 and meta.h1 != best and meta.h1.startswith(best.rstrip(" .…")):
        best = meta.h1  # og:title cut short
    return best


def made_up_title(blocks: list[Block]) -> str:
    """Return a stand-in title from the first sentence, for a page that has none."""
    first = next((b.plain for b in blocks if b.tag == "p"), "")
    sentence = _sentences(first)[0] if first else ""
    if len(sentence) <= 80:
        return sentence.rstrip(".")
    return sentence[:80].rsplit(" ", 1)[0] + " …"


def _lead_candidate(block: Block) -> bool:
    """A short single sentence that is not a question or a byline."""
    text = block.plain
    return (
        block.tag == "p"
        and len(text) <= _LEAD_MAX
        and not _is_question(text)
        and recognise.parse_byline(text) is None
        and len(re.findall(r"[.!?](?:\s|\Z)", text.rstrip(".!"))) == 0
        and "\n" not in text
    )


def split_bold_question(block: Block) -> list[Block]:
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
    # "Varför just ni? – För att ...": the question and the dash of its answer.
    asked = _ASKED_THEN_ANSWER.match(block.plain)
    if block.tag == "p" and asked and block.markdown.startswith(asked.group(1)):
        asked_text = asked.group(1)
        reply = block.markdown[len(asked_text) :].lstrip()
        question_block = Block(asked_text, asked_text, "p", css=block.css)
        return [
            question_block,
            Block(reply, block.plain[asked.end(1) :].lstrip(), "p"),
        ]
    return [block]


_ASKED_THEN_ANSWER = re.compile(r"^([^?.!\n]{8,250}\?)\s+(?=[–—-]\s\S)")


def is_lead(first: Block, *, html: bool) -> bool:
    """Say whether the first block after the title is the lead.

    A page may mark it (`ingress`, `preamble`...); otherwise a short first
    line of text, or in a page a bold one or one without a full stop.
    """
    if first.tag != "p" or question_block(first):
        return False
    if _LEAD_CLASS.search(first.css) and len(first.plain) <= 600:
        return True
    if not _lead_candidate(first):
        return False
    return not html or first.strong or not first.plain.endswith(".")


def question_block(block: Block) -> bool:
    """Return True for a paragraph or heading that asks a question."""
    if block.tag in ("h2", "h3", "h4", "h5", "h6") or block.strong:
        return _is_question(block.plain)
    return block.tag == "p" and _is_question(block.plain)


def as_markdown(block: Block) -> str:
    """Return the block as body Markdown: hard line breaks, `##` for headings
    (`###` is kept for Q&A questions)."""
    if block.tag == "p":
        return "\\\n".join(block.markdown.split("\n"))
    if block.tag in ("h1", "h2", "h3"):
        return f"## {block.markdown}"
    if block.tag in ("h4", "h5", "h6"):
        return f"#### {block.markdown}"
    return block.markdown


def entries(blocks: list[Block]) -> tuple[list[bool], int]:
    """Mark the blocks that are questions of Q&A entries; return the marks and count.

    A question needs an answer: a question block right after another
    question (a run of rhetorical ones) answers it, and a question with
    nothing after it is no question.
    """
    marks = [False] * len(blocks)
    open_question: int | None = None
    for index, block in enumerate(blocks):
        if question_block(block):
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


_FIRST_PERSON = re.compile(
    r"(?:^[–—-]\s)|\b(?:jag|vi|oss|mig|vår|vårt|våra|min|mitt|mina)\b", re.I | re.M
)


def spoken(blocks: list[Block], marks: list[bool]) -> bool:
    """Say whether the answers sound like a person speaking (an interview), not
    like a page's questions and answers ("Vanliga frågor": "Du kan ansöka ...")."""
    answers: list[str] = []
    for block, question in zip(blocks, marks, strict=True):
        if question:
            answers.append("")
        elif answers:
            answers[-1] += "\n" + block.plain
    said = sum(bool(_FIRST_PERSON.search(answer)) for answer in answers)
    return bool(answers) and said * 2 >= len(answers)


def read_dates(blocks: list[Block], dates: Dates) -> list[Block]:
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


MORE = re.compile(r"^(?:läs (?:också|även|mer)|relaterat|mer om ämnet)\s*:?\Z", re.I)


def drop_furniture(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    teasers = False
    for index, block in enumerate(blocks):
        text = block.plain
        # "Läs också" and the titles of other articles after it; a side box's
        # label ("Projektet i korthet") and its short lines.
        if block.tag == "p" and (MORE.match(text) or recognise.is_label(text)):
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


def text_title(blocks: list[Block], dates: Dates) -> tuple[str, list[Block]]:
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


def kind_given(dates: Dates, meta: PageMeta, source: str) -> str:
    """Return the kind the page itself says it is ("news", "report"), else ""."""
    for said in (meta.section, dates.section, source):
        if said and _NEWS.search(said):
            return "news"
        if said and _REPORT.search(said):
            return "report"
    return ""
