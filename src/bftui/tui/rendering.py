"""Render composed Markdown into screen lines, section by section, off the UI thread.

Textual's Markdown widget builds a widget per block and needs seconds for a
long report (see shared/research). Rich renders the same Markdown into plain
lines in a fraction of that time, so the reader shows those lines through the
Line API, paints the first section at once and adds the rest as it comes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Console, Group
from rich.segment import Segment
from rich.text import Text
from rich.theme import Theme
from textual.color import Color, ColorParseError
from textual.strip import Strip

from bftui.i18n import t

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from rich.markdown import Markdown

MAX_DEPTH = 16
"""Blocks nested deeper (quotes in quotes, lists in lists) are shown as written, with
a notice: markdown-it drops whatever lies below 20 levels, without a word."""

_DEEP = re.compile(rf"^[ \t>*+\-\d.)]{{{MAX_DEPTH},}}", re.MULTILINE)
"""A line that may open that deep: only then is the section parsed to find out."""


@cache
def _parsers() -> tuple[type[Markdown], MarkdownIt]:
    """Return Rich's Markdown with headings flush left, and a markdown-it parser.

    Made on first use, in the rendering thread: importing them would add
    a few hundredths of a second to every start.
    """
    from markdown_it import MarkdownIt
    from rich.markdown import Heading, Markdown

    class LeftHeading(Heading):
        """A heading set flush left, as a reader expects in a narrow pane."""

        LEVEL_ALIGN = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "left")

    class LeftMarkdown(Markdown):
        elements = {**Markdown.elements, "heading_open": LeftHeading}

    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return LeftMarkdown, parser


@dataclass(slots=True)
class LinkSpan:
    """Where a link sits on a rendered line."""

    line: int
    start: int
    end: int
    href: str
    text: str


@dataclass(slots=True)
class Section:
    """One rendered part of a document: a heading and what follows it."""

    lines: list[Strip]
    heading: str = ""
    """The heading's text, or "" for the part before the first heading."""
    level: int = 0
    links: list[LinkSpan] = field(default_factory=list)
    """Links, with line numbers relative to the section."""


def markdown_theme(variables: Mapping[str, str]) -> Theme:
    """Return Rich Markdown styles drawn from the app's theme `variables`."""

    def colour(name: str) -> str:
        try:
            return Color.parse(variables.get(name, "")).rich_color.name
        except ColorParseError:
            return "default"

    primary, accent = colour("text-primary"), colour("text-accent")
    secondary, warning = colour("text-secondary"), colour("text-warning")
    return Theme(
        {
            "markdown.h1": f"bold {primary}",
            "markdown.h2": f"bold {primary}",
            "markdown.h3": f"bold {accent}",
            "markdown.h4": "bold",
            "markdown.h5": "bold",
            "markdown.h6": "italic",
            "markdown.block_quote": secondary,
            "markdown.link": f"underline {primary}",
            "markdown.link_url": f"underline {primary}",
            "markdown.code": warning,
            "markdown.item.bullet": accent,
            "markdown.item.number": accent,
            "markdown.hr": secondary,
        },
        inherit=True,
    )


_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\Z")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)\Z")


def _fence_after(line: str, fence: str) -> str:
    """Return the code fence open after `line`, given the one open before it ("" for none)."""
    opening = _FENCE.match(line)
    if fence:
        closes = (
            opening
            and opening[1][0] == fence[0]
            and len(opening[1]) >= len(fence)
            and not opening[2].strip()
        )
        return "" if closes else fence
    if opening and not (opening[1][0] == "`" and "`" in opening[2]):
        return opening[1]
    return ""


def split_sections(markdown: str) -> Iterator[tuple[int, str, str]]:
    """Yield `(level, heading, source)` for each top-level heading's section.

    A line scan (ATX headings outside fenced code) rather than a full parse,
    so that the first section of even a very long document is ready at once.
    """
    lines = markdown.split("\n")
    starts = [(0, 0, "")]
    fence = ""
    for number, line in enumerate(lines):
        inside, fence = fence, _fence_after(line, fence)
        if inside or fence:
            continue
        heading = _ATX_HEADING.match(line) if "#" in line[:4] else None
        if heading:
            starts.append((number, len(heading[1]), (heading[2] or "").strip()))
    starts.append((len(lines), 0, ""))
    for (start, level, heading_text), (end, _, _) in zip(
        starts, starts[1:], strict=False
    ):
        source = "\n".join(lines[start:end])
        if source.strip():
            yield level, heading_text, source


def _unlink(line: list[Segment], number: int, links: list[LinkSpan]) -> list[Segment]:
    """Return `line` without hyperlink styles, recording where the links were.

    The app handles links itself (through an allow-list), so no OSC 8
    hyperlink from a document ever reaches the terminal.
    """
    result: list[Segment] = []
    x = 0
    for text, style, control in line:
        width = Segment(text).cell_length
        if style is not None and style.link:
            href = style.link
            previous = links[-1] if links else None
            if (
                previous
                and previous.line == number
                and previous.end == x
                and previous.href == href
            ):
                previous.end += width
                previous.text += text
            else:
                links.append(LinkSpan(number, x, x + width, href, text))
            style = style.clear_meta_and_links()
        result.append(Segment(text, style, control))
        x += width
    return result


def render_section(
    source: str, width: int, theme: Theme
) -> tuple[list[Strip], list[LinkSpan]]:
    """Render one section's Markdown at `width` columns into strips and links."""
    console = Console(
        width=width,
        theme=theme,
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )
    links: list[LinkSpan] = []
    markdown, parser = _parsers()
    document: Markdown | Group = markdown(source, hyperlinks=True)
    if (
        _DEEP.search(source)
        and max((token.level for token in parser.parse(source)), default=0) >= MAX_DEPTH
    ):
        document = Group(Text(t("reader.too_deep"), style="italic"), "", Text(source))
    rendered = console.render_lines(document, pad=False)
    strips = [
        Strip(_unlink(line, number, links)) for number, line in enumerate(rendered)
    ]
    return strips, links


LONG_LINE = 20_000
"""Characters in a section (or a line) beyond which it is rendered in pieces:
rendering costs about 14 ms per 1,000 characters, so a long section (a list of
100,000 rows, one line of 10 MB) would keep its first screen back for seconds."""
PIECE = 4_000
"""Characters per piece of a long line: a first screen and more, at once."""
BLOCKS = 8_000
"""Characters of whole blocks per piece of a long section."""
_BLOCK_MARK = re.compile(r"[!-/:-@\[-`{-~]")
"""ASCII punctuation, which could start a block (a heading, a list, a quote)."""
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\Z)")
"""The start of a list item at the left margin: its list goes on in the next piece."""


class Piece(NamedTuple):
    """A part of a section rendered on its own."""

    source: str
    more: bool
    """Whether the section goes on after it."""
    gap: bool = False
    """Whether a blank line parts it from the next piece (a block ended)."""


def _pieces(source: str) -> Iterator[Piece]:
    """Yield `source` whole, or a long section in pieces that render as the whole.

    A long section is cut between blocks, or between the items of a list,
    never inside fenced code; a very long line is cut before a word, so each
    piece renders as the next part of the one paragraph, and a piece
    starting with punctuation has it escaped, so it never starts a block of
    its own.
    """
    if len(source) <= LONG_LINE:
        yield Piece(source, False)
        return
    parts: list[tuple[str, bool]] = []
    for block, gap in _blocks(source):
        cut = _long_lines(block)
        parts += [(part, gap and n == len(cut) - 1) for n, part in enumerate(cut)]
    for number, (part, gap) in enumerate(parts):
        yield Piece(part, number < len(parts) - 1, gap)


def _blocks(source: str) -> Iterator[tuple[str, bool]]:
    """Yield `source` in runs of whole blocks of about `BLOCKS` characters.

    Each comes with whether a blank line parts it from the next. A cut falls
    before a line at the left margin, never inside fenced code or a list
    item's indented lines: one that starts a block after a blank line, or
    the next item of a list; where there is none for long (a quote or a
    paragraph of many thousand lines), before a quote line or a line of text.
    """
    piece: list[str] = []
    size = 0
    fence = ""
    blank_before = False
    for line in source.split("\n"):
        margin = line[:1] not in ("", " ", "\t") and not fence
        item = margin and _LIST_ITEM.match(line) is not None
        if (size >= BLOCKS and margin and (blank_before or item)) or (
            size >= 4 * BLOCKS and margin and (line[0] == ">" or line[0].isalnum())
        ):
            yield "\n".join(piece), blank_before and not item
            piece, size = [], 0
        piece.append(line)
        size += len(line) + 1
        fence = _fence_after(line, fence)
        blank_before = not line.strip()
    yield "\n".join(piece), False


def _long_lines(source: str) -> list[str]:
    """Return `source` whole, or cut where it holds a line longer than `LONG_LINE`."""
    if max(map(len, source.split("\n"))) <= LONG_LINE:
        return [source]
    kept: list[str] = []
    parts: list[str] = []
    for line in source.split("\n"):
        if len(line) <= LONG_LINE:
            kept.append(line)
            continue
        if kept:
            parts.append("\n".join(kept))
            kept = []
        parts.extend(_cut(line))
    if kept:
        parts.append("\n".join(kept))
    return parts


def _cut(line: str) -> Iterator[str]:
    """Yield `line` in pieces of about `PIECE` characters, cut between words."""
    start = 0
    while start < len(line):
        end = start + PIECE
        if end < len(line):
            # After a sentence if one ends near, else before any word.
            sentence = line.find(". ", end, end + PIECE // 4)
            space = sentence + 1 if sentence != -1 else line.find(" ", end, end + 80)
            end = space if space != -1 else end
        piece = line[start:end].lstrip(" ")
        if start and _BLOCK_MARK.match(piece):
            piece = "\\" + piece
        if piece:
            yield piece
        start = end


def render_document(markdown: str, width: int, theme: Theme) -> Iterator[Section]:
    """Yield the sections of `markdown` rendered at `width` columns, in order.

    A long section comes in pieces (`LONG_LINE`), so that a 10 MB line or a
    list of 100,000 rows shows its first screen at once.
    """
    for level, heading, source in split_sections(markdown):
        for number, piece in enumerate(_pieces(source)):
            lines, links = render_section(piece.source, width, theme)
            while lines and not lines[-1].text.strip():
                lines.pop()
            # A piece going on from the one before starts where that one ended.
            blank = 0
            while number and blank < len(lines) and not lines[blank].text.strip():
                blank += 1
            if blank:
                lines = lines[blank:]
                for link in links:
                    link.line -= blank
            if piece.gap or not piece.more:
                lines.append(Strip.blank(0))
            yield Section(lines, heading, level, links)
            heading, level = "", 0
