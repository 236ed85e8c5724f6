"""Turn the main region of a parsed web page into Markdown blocks.

The page is parsed by selectolax (Lexbor, an HTML5 parser); this module walks
its elements and writes headings, paragraphs, lists, tables, block quotes,
code, emphasis, line breaks and links as Markdown. Each block also keeps its
plain text, so the Swedish recognition (`recognise`, `importer`) can judge
what a block is without reading Markdown syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "textarea",
        "math",
        "input",
        "label",
        "nav",
        "aside",
        "form",
        "img",
        "picture",
        "video",
        "audio",
        "source",
        "figcaption",
        "map",
        "dialog",
        "head",
        "title",
        "meta",
        "link",
    ]
)
"""Elements whose content is never article text."""
_INLINE_BREAK = "\n"
_CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "body",
        "html",
        "figure",
        "center",
        "details",
        "summary",
        "address",
        "hgroup",
        "span",
        "font",
    ]
)
_INLINE_TAGS = frozenset(
    [
        "span",
        "font",
        "small",
        "sup",
        "sub",
        "u",
        "s",
        "mark",
        "time",
        "abbr",
        "cite",
        "q",
    ]
)
_BLOCK_TAGS = "p, div, h1, h2, h3, h4, ul, ol, table, blockquote"
_LINK_ITEMS = re.compile(r"(?:[ ]*(?:-|\d+\.) \[(?:\\.|[^\]\\\n])*\]\([^\s)]+\)\n?)+")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")
_URL_TEXT = re.compile(r"(https?://\S+)")
_ESCAPED = re.compile(r"([\\`*\[\]])")
_BLOCK_START = re.compile(r"^(?:#|>|[-*+]\s|\d+[.)]\s|={3,}|-{3,}|```|~~~)")


@dataclass(frozen=True, slots=True)
class Block:
    """One Markdown block of the page and what it looked like there."""

    markdown: str
    """The block as Markdown (several lines for lists, tables and quotes)."""
    plain: str
    """Its text without Markdown syntax, lines kept, spaces collapsed."""
    tag: str
    """"p", "h1".."h6", "list", "table", "quote" or "pre"."""
    strong: bool = False
    """True when the whole paragraph is bold (how many pages mark a question)."""
    css: str = ""
    """The element's class and id, lower case (`ingress`, `preamble`...)."""


def escape_inline(text: str) -> str:
    """Escape Markdown's inline syntax in `text`, leaving URLs as written."""
    parts = _URL_TEXT.split(text)
    return "".join(
        part if index % 2 else _ESCAPED.sub(r"\\\1", part)
        for index, part in enumerate(parts)
    )


def escape_block(text: str) -> str:
    """Keep a paragraph that starts like Markdown block syntax a plain paragraph."""
    return "\\" + text if _BLOCK_START.match(text) else text


def absolute(href: str, base: str) -> str:
    """Return `href` made absolute against `base`, or "" when it is no web link."""
    href = href.strip()
    try:
        if base and not urlsplit(href).scheme and not href.startswith("#"):
            href = urljoin(base, href)
        scheme = urlsplit(href).scheme
    except ValueError:
        return ""
    return href if scheme in ("http", "https", "mailto") else ""


class _Inline:
    """Collects the inline content of one block: Markdown and plain text."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.markdown: list[str] = []
        self.plain: list[str] = []

    def add(self, markdown: str, plain: str) -> None:
        self.markdown.append(markdown)
        self.plain.append(plain)

    def walk(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = _SPACES.sub(" ", child.text_content or "")
                self.add(escape_inline(text), text)
            elif tag == "br":
                self.add(_INLINE_BREAK, _INLINE_BREAK)
            elif tag in SKIPPED or not isinstance(tag, str) or tag.startswith("-"):
                continue
            elif tag in ("strong", "b", "em", "i", "code", "a"):
                self._wrapped(child, tag)
            else:
                self.walk(child)

    def _wrapped(self, node: LexborNode, tag: str) -> None:
        inner = _Inline(self.base)
        inner.walk(node)
        markdown, plain = "".join(inner.markdown), "".join(inner.plain)
        core = markdown.strip()
        if not core:
            self.add(markdown, plain)
            return
        lead = " " if markdown[:1].isspace() else ""
        tail = " " if markdown[-1:].isspace() else ""
        if tag in ("strong", "b") and "\n" not in core:
            core = f"**{core}**"
        elif tag in ("em", "i") and "\n" not in core:
            core = f"*{core}*"
        elif tag == "code":
            core = f"`{plain.strip()}`"
        elif tag == "a":
            href = absolute(node.attributes.get("href") or "", self.base)
            text = plain.strip()
            if href and text in (href, href.removeprefix("mailto:")):
                core = escape_inline(text)  # the address is its own text
            elif href:
                core = f"[{core}]({href.replace(' ', '%20').replace(')', '%29')})"
        self.add(lead + core + tail, plain)

    def block(self) -> tuple[str, str]:
        markdown = _tidy("".join(self.markdown))
        plain = _tidy("".join(self.plain))
        return markdown, plain


def _tidy(text: str) -> str:
    """Collapse spaces; keep line breaks, and a blank line where two breaks met."""
    lines = [" ".join(line.split()) for line in text.split(_INLINE_BREAK)]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _css(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().strip()


def _is_bold(node: LexborNode) -> bool:
    """Return True if all the text of the paragraph `node` is inside <strong>/<b>."""
    text = " ".join((node.text(deep=True) or "").split())
    bold = " ".join(
        " ".join((b.text(deep=True) or "").split()) for b in node.css("strong, b")
    )
    return bool(text) and " ".join(bold.split()) == text


class Converter:
    """Walks a region and collects its blocks."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.blocks: list[Block] = []

    def convert(self, region: LexborNode) -> list[Block]:
        """Return the blocks of `region`."""
        self._container(region)
        return self.blocks

    def _emit(self, block: Block) -> None:
        if not block.plain.strip():
            return
        markdown, plain = block.markdown.split("\n\n"), block.plain.split("\n\n")
        if block.tag != "p" or len(markdown) != len(plain):
            self.blocks.append(block)
            return
        # "<br><br>" between paragraphs, as older pages write them.
        for part, text in zip(markdown, plain, strict=True):
            if text.strip():
                bold = part.startswith("**") and part.endswith("**")
                self.blocks.append(Block(part, text, "p", bold, block.css))

    def _paragraph(self, node: LexborNode, tag: str = "p") -> None:
        inline = _Inline(self.base)
        inline.walk(node)
        markdown, plain = inline.block()
        if tag == "p":
            markdown = escape_block(markdown)
        self._emit(Block(markdown, plain, tag, _is_bold(node), _css(node)))

    def _container(self, node: LexborNode) -> None:
        loose = _Inline(self.base)

        def flush() -> None:
            nonlocal loose
            markdown, plain = loose.block()
            if plain:
                self._emit(Block(escape_block(markdown), plain, "p", css=_css(node)))
            loose = _Inline(self.base)

        for child in node.iter(include_text=True):
            tag = child.tag
            if tag in SKIPPED or not isinstance(tag, str) or tag in ("-comment",):
                continue
            if tag == "-text" or tag in ("a", "strong", "b", "em", "i", "code", "br"):
                wrapper = _Inline(self.base)
                if tag == "-text":
                    text = _SPACES.sub(" ", child.text_content or "")
                    wrapper.add(escape_inline(text), text)
                elif tag == "br":
                    wrapper.add(_INLINE_BREAK, _INLINE_BREAK)
                else:
                    wrapper._wrapped(child, tag)
                loose.markdown += wrapper.markdown
                loose.plain += wrapper.plain
                continue
            if tag in _INLINE_TAGS and not child.css_first(_BLOCK_TAGS):
                loose.walk(child)
                continue
            flush()
            self._element(child, tag)
        flush()

    def _element(self, node: LexborNode, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._paragraph(node, tag)
        elif tag in ("p", "dt", "dd", "caption"):
            self._paragraph(node)
        elif tag in ("ul", "ol"):
            block = self._list(node, tag, 0)
            if (
                _LINK_ITEMS.fullmatch(block.markdown)
                and len(block.plain.split("\n")) >= 2
            ):
                # A list of nothing but links: each a paragraph that is only a link.
                for line, plain in zip(
                    block.markdown.split("\n"), block.plain.split("\n"), strict=False
                ):
                    text = line.split(" ", 1)[1] if " " in line else line
                    self._emit(Block(text, plain, "p"))
            else:
                self._emit(block)
        elif tag == "table" and self._is_data_table(node):
            self._emit(self._table(node))
        elif tag == "blockquote":
            self._quote(node)
        elif tag == "pre":
            text = (node.text(deep=True) or "").strip("\n")
            self._emit(Block(f"```\n{text}\n```", text, "pre"))
        elif tag == "hr":
            return
        else:
            self._container(node)

    def _list(self, node: LexborNode, tag: str, depth: int) -> Block:
        lines: list[str] = []
        plain: list[str] = []
        number = 1
        for item in node.iter():
            if item.tag != "li":
                continue
            inline = _Inline(self.base)
            nested: list[Block] = []
            for child in item.iter(include_text=True):
                if child.tag in ("ul", "ol"):
                    nested.append(self._list(child, child.tag, depth + 1))
                elif child.tag == "-text":
                    text = _SPACES.sub(" ", child.text_content or "")
                    inline.add(escape_inline(text), text)
                elif child.tag in ("a", "strong", "b", "em", "i", "code"):
                    inline._wrapped(child, child.tag)
                elif child.tag == "br":
                    inline.add(" ", " ")
                elif child.tag not in SKIPPED and isinstance(child.tag, str):
                    inline.walk(child)
                    inline.add(" ", " ")
            markdown, text = inline.block()
            marker = f"{number}." if tag == "ol" else "-"
            indent = "   " * depth if tag == "ol" else "  " * depth
            lines.append(f"{indent}{marker} {markdown.replace(chr(10), ' ')}")
            plain.append(text.replace("\n", " "))
            for sub in nested:
                lines.append(sub.markdown)
                plain.append(sub.plain)
            number += 1
        return Block("\n".join(lines), "\n".join(plain), "list")

    @staticmethod
    def _is_data_table(node: LexborNode) -> bool:
        if node.css_first("table table, td p + p, td div div"):
            return False
        rows = node.css("tr")
        return len(rows) >= 2 and max(len(r.css("td, th")) for r in rows) >= 2

    def _table(self, node: LexborNode) -> Block:
        rows: list[list[str]] = []
        plain: list[str] = []
        for row in node.css("tr"):
            cells = []
            for cell in row.css("td, th"):
                inline = _Inline(self.base)
                inline.walk(cell)
                markdown, text = inline.block()
                cells.append(markdown.replace("\n", " ").replace("|", "\\|"))
                plain.append(text)
            rows.append(cells)
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return Block("\n".join(lines), " ".join(plain), "table")

    def _quote(self, node: LexborNode) -> None:
        inner = Converter(self.base)
        inner.convert(node)
        if not inner.blocks:
            return
        markdown = "\n>\n".join(
            "\n".join(f"> {line}" if line else ">" for line in b.markdown.split("\n"))
            for b in inner.blocks
        )
        plain = "\n".join(b.plain for b in inner.blocks)
        self._emit(Block(markdown, plain, "quote"))
