"""Turn a saved web page into plain paragraphs and the links in it (no network).

Only the standard library's `html.parser` reads the page. Scripts, styles and
the document head are dropped; the article region (`<article>`, else
`<main>`, else the body without navigation, header, footer and asides) is
kept. A link's anchor text stays in the paragraph and is followed by a marker
(`LINK_OPEN` number `LINK_CLOSE`) that says which link it was, so the importer
can tell link-only paragraphs and "Länk till ..." phrases from prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

LINK_OPEN, LINK_CLOSE = "\ue000", "\ue001"
"""Private-use characters around a link number; web text never contains them."""

_SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "canvas",
        "button",
        "select",
        "textarea",
        "math",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "form",
        "address",
        "details",
        "summary",
        "hr",
        "body",
        "html",
        "title",
    ]
)
_CHROME = frozenset(["nav", "header", "footer", "aside"])
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


@dataclass(frozen=True, slots=True)
class PageText:
    """What a web page says, as plain text."""

    text: str
    """Paragraphs separated by blank lines, with link markers."""
    links: tuple[tuple[str, str], ...]
    """`(anchor text, absolute URL)` for each link marker number."""
    source: str = ""
    """The page's own address (canonical link or og:url), if it names one."""


@dataclass(slots=True)
class _Block:
    parts: list[str] = field(default_factory=list)
    regions: frozenset[str] = frozenset()


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.links: list[tuple[str, str]] = []
        self.source = ""
        self._base = ""
        self._skip = 0
        self._pre = 0
        self._open: dict[str, int] = {"article": 0, "main": 0, "chrome": 0}
        self._block = _Block()
        self._anchor: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("link", "meta", "base"):
            self._note_address(tag, values)
        if tag in _VOID:
            if tag == "br" and not self._skip:
                # A line break inside a paragraph; the paragraph stays one.
                self._text("\n" if self._pre else " ")
            elif tag == "hr" and not self._skip:
                self._flush()
            return
        if tag in _SKIPPED:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in _BLOCKS:
            self._flush()
        self._count(tag, 1)
        if tag == "a":
            href = self._absolute(values.get("href", ""))
            self._anchor = (href, []) if href else None

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _SKIPPED:
            self._skip = max(self._skip - 1, 0)
            return
        if self._skip:
            return
        if tag == "a" and self._anchor is not None:
            href, words = self._anchor
            self._anchor = None
            label = " ".join("".join(words).split())
            if not label.lower().startswith(("http://", "https://")):
                self.links.append((label, href))
                self._text(f"{LINK_OPEN}{len(self.links) - 1}{LINK_CLOSE}")
        if tag in _BLOCKS:
            self._flush()
        self._count(tag, -1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = data if self._pre else _SPACES.sub(" ", data)
        self._text(text)
        if self._anchor is not None:
            self._anchor[1].append(text)

    def close(self) -> None:
        super().close()
        self._flush()

    def _count(self, tag: str, step: int) -> None:
        region = "chrome" if tag in _CHROME else tag
        if region in self._open:
            self._open[region] = max(self._open[region] + step, 0)
        if tag == "pre":
            self._pre = max(self._pre + step, 0)

    def _text(self, text: str) -> None:
        if not self._block.parts:
            self._block.regions = frozenset(k for k, v in self._open.items() if v)
        self._block.parts.append(text)

    def _flush(self) -> None:
        if "".join(self._block.parts).strip():
            self.blocks.append(self._block)
        self._block = _Block()

    def _note_address(self, tag: str, values: dict[str, str]) -> None:
        if tag == "base" and values.get("href"):
            self._base = values["href"]
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.source = self.source or values.get("href", "")
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.source = self.source or values.get("content", "")

    def _absolute(self, href: str) -> str:
        href = href.strip()
        base = self._base or self.source
        if base and not _scheme(href) and not href.startswith("#"):
            try:
                href = urljoin(base, href)
            except ValueError:
                return ""
        return href if _scheme(href) in ("http", "https") else ""


def _scheme(url: str) -> str:
    """Return the scheme of `url`, or "" when urllib refuses it (an unclosed "[")."""
    try:
        return urlsplit(url).scheme
    except ValueError:
        return ""


def _keep(blocks: list[_Block]) -> list[_Block]:
    """Return the blocks of the article region."""
    for region in ("article", "main"):
        inside = [block for block in blocks if region in block.regions]
        if inside:
            return inside
    return [block for block in blocks if "chrome" not in block.regions]


def page_text(html: str) -> PageText:
    """Return the text, links and address of the web page `html`."""
    parser = _PageParser()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:
        # Python 3.11's html.parser asserts on a broken "<![" section: read it as text.
        parser = _PageParser()
        parser.feed(html.replace("<![", "&lt;!["))
        parser.close()
    paragraphs = []
    for block in _keep(parser.blocks):
        lines = "".join(block.parts).split("\n")
        paragraphs.append("\n".join(" ".join(line.split()) for line in lines).strip())
    source = parser.source.strip()
    if _scheme(source) not in ("http", "https"):
        source = ""
    return PageText("\n\n".join(paragraphs) + "\n", tuple(parser.links), source)


def looks_like_html(text: str) -> bool:
    """Return True if `text` starts like an HTML document."""
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or (
        start.startswith("<") and "<body" in text[:5000].lower()
    )
