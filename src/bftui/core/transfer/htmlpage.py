"""Read a saved web page: its metadata and its main region as Markdown blocks (no network).

selectolax's Lexbor parser reads the page the way a browser does. Metadata
comes from where pages keep it (Open Graph, `article:*` meta tags, JSON-LD,
`<time datetime>`, `<link rel=canonical>`); the main region is the largest
`<article>`, else `<main>`, else the body, without menus, navigation, side
boxes, share buttons and the like.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from bftui.core.transfer.markdown import (
    SKIPPED,
    Block,
    Converter,
    escape_block,
    escape_inline,
)
from bftui.core.transfer.recognise import plausible_date

_CHROME = re.compile(
    r"(?:^|[\s_-])(?:menu|meny|nav|navigation|navbar|dela|banner|ads?|annons|skip|"
    r"popup|modal|toolbar|sidebar|byline|author|posted-on|dateline|"
    r"(?:entry|post|article)-(?:meta|footer|tags|categories)|cat-links|tags-links)"
    r"(?:\Z|[\s_-])|"
    r"breadcrumb|brodsmul|cookie|shar(?:e|ing|edaddy)|social|related|relaterat|advert|"
    r"subscribe|newsletter|nyhetsbrev|comments|kommentarer|pagination|site-header|"
    r"site-footer|mest-last|most-read|screen-reader|caption|bildtext|credit|"
    r"fotograf|photographer",
    re.I,
)
_CHROME_TOKENS = frozenset(
    [
        "header", "footer", "masthead", "colophon", "topbar", "page-header",
        "page-footer", "global-header", "global-footer", "hero-nav", "megamenu",
    ]
)  # fmt: skip
"""Whole class or id words of a site's own header and footer."""
_CATEGORY = re.compile(r"(?:^|\s)category-([\w-]+)", re.I)
_MAX_DEPTH = 120
"""Deeper nesting than any real page: read as plain lines, not walked recursively."""
_DATE_IN = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, from its head and structured data."""

    titles: list[str] = field(default_factory=list)
    """Title candidates, best first: og:title, JSON-LD headline, <h1>, <title>."""
    h1: str = ""
    site: list[str] = field(default_factory=list)
    """Names of the site (og:site_name, JSON-LD publisher) to strip from titles."""
    published: dt.date | None = None
    updated: dt.date | None = None
    page_date: dt.date | None = None
    """JSON-LD WebPage datePublished: when no article date is found."""
    authors: list[str] = field(default_factory=list)
    source: str = ""
    """The page's own address: canonical link or og:url."""
    section: str = ""
    """The page's own kind of text: article:section, JSON-LD @type."""
    aside_lines: list[str] = field(default_factory=list)
    """Short lines of the side boxes and page furniture left out of the text."""


@dataclass(frozen=True, slots=True)
class Page:
    """A saved web page, read."""

    meta: PageMeta
    blocks: list[Block]


def _iso_date(value: str) -> dt.date | None:
    match = _DATE_IN.search(value or "")
    if not match:
        return None
    year, month, day = map(int, match.groups())
    return plausible_date(year, month, day)


def _http(url: str) -> str:
    url = url.strip()
    try:
        return url if urlsplit(url).scheme in ("http", "https") else ""
    except ValueError:
        return ""


def _json_ld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _name(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name", "")
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _meta(tree: LexborHTMLParser) -> PageMeta:
    meta = PageMeta()
    tags: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        content = " ".join((attrs.get("content") or "").split())
        if key and content:
            tags.setdefault(key.lower(), content)
    for key in ("og:title", "twitter:title"):
        if tags.get(key):
            meta.titles.append(tags[key])
    if tags.get("og:site_name"):
        meta.site.append(tags["og:site_name"])
    if tags.get("application-name"):
        meta.site.append(tags["application-name"])
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate",
                "publication_date", "parsely-pub-date", "sailthru.date",
                "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date",
                "dcterms.date", "date"):  # fmt: skip
        meta.published = meta.published or _iso_date(tags.get(key, ""))
    meta.updated = _iso_date(tags.get("article:modified_time", ""))
    for key in ("author", "article:author", "dc.creator"):
        name = tags.get(key, "")
        if name and not _http(name) and name not in meta.authors:
            meta.authors.append(name)
    meta.section = tags.get("article:section", "")
    for item in _json_ld(tree):
        kind = item.get("@type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        if isinstance(kind, str) and kind.endswith("WebPage"):
            date = _iso_date(str(item.get("datePublished", "")))
            meta.page_date = meta.page_date or date
        if not isinstance(kind, str) or not kind.endswith(("Article", "Posting")):
            continue
        meta.section = meta.section or kind
        if isinstance(item.get("headline"), str):
            meta.titles.append(" ".join(item["headline"].split()))
        date = _iso_date(str(item.get("datePublished", "")))
        if date and not meta.published:
            meta.published = date
        meta.updated = meta.updated or _iso_date(str(item.get("dateModified", "")))
        author = _name(item.get("author"))
        if author and author not in meta.authors:
            meta.authors.append(author)
        publisher = _name(item.get("publisher"))
        if publisher:
            meta.site.append(publisher)
    for node in tree.css("link"):
        rel = (node.attributes.get("rel") or "").lower().split()
        if "canonical" in rel and not meta.source:
            meta.source = _http(node.attributes.get("href") or "")
    meta.source = meta.source or _http(tags.get("og:url", ""))
    return meta


def _text(node: LexborNode | None) -> str:
    return " ".join((node.text(deep=True) or "").split()) if node is not None else ""


def _time_date(region: LexborNode) -> dt.date | None:
    """Return the date of the region's `<time datetime>` that says when it was published."""
    dates: list[tuple[int, dt.date]] = []
    for node in region.css("time[datetime]"):
        date = _iso_date(node.attributes.get("datetime") or "")
        if date is None:
            continue
        around = _text(node.parent).lower()
        if re.search(r"publicer|published|posted", around):
            dates.append((0, date))
        elif not re.search(r"uppdater|updated|ändrad|modified", around):
            dates.append((1, date))
    return min(dates, key=lambda pair: pair[0])[1] if dates else None


def _is_chrome(node: LexborNode) -> bool:
    attrs = node.attributes
    words = (
        f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    )
    roles = ("navigation", "banner", "contentinfo", "complementary", "search")
    tokens = set(words.lower().split())
    return bool(_CHROME.search(words) or tokens & _CHROME_TOKENS) or (
        attrs.get("role") in roles
    )


def _region(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    main = tree.css_first("main, [role=main]")
    articles = sorted(tree.css("article"), key=lambda n: len(_text(n)), reverse=True)
    if articles:
        largest = articles[0]
        if main is None or len(_text(largest)) >= 0.3 * len(_text(main)):
            return largest
    for selector in ("main", "[role=main]", "#content", "#main", ".content"):
        node = tree.css_first(selector)
        if node is not None and len(_text(node)) > 200:
            return node
    return body


def _strip(region: LexborNode, meta: PageMeta) -> None:
    """Remove navigation, side boxes, share buttons and the like from `region`."""
    doomed = [
        node
        for node in region.css("*")
        if node.tag in SKIPPED
        or node.tag in ("nav", "aside", "form", "dialog")
        # Outside an <article>, <header> and <footer> are the site's, not the text's.
        or (region.tag != "article" and node.tag in ("header", "footer"))
        or _is_chrome(node)
    ]
    # Last first: a node inside another goes before it, so none is freed twice.
    for node in reversed(doomed):
        if node.tag not in SKIPPED or node.tag in ("aside", "nav"):
            lines = (node.text(deep=True, separator="\n") or "").split("\n")
            meta.aside_lines += [
                " ".join(x.split()) for x in lines if 0 < len(x) <= 100
            ]
        node.decompose()


def _deeper_than(region: LexborNode, limit: int) -> bool:
    """Return True if elements nest more than `limit` deep in `region` (no recursion)."""
    depth = {region.mem_id: 0}
    for node in region.traverse():
        parent = node.parent
        level = depth.get(parent.mem_id, 0) + 1 if parent is not None else 0
        if level > limit:
            return True
        depth[node.mem_id] = level
    return False


def _plain_blocks(region: LexborNode) -> list[Block]:
    """Return the region's text lines as paragraphs: for pages nested too deep to walk."""
    text = region.text(deep=True, separator="\n") or ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [
        Block(escape_block(escape_inline(line)), line, "p") for line in lines if line
    ]


def read_page(html: str) -> Page:
    """Return the metadata and the main region's blocks of the web page `html`."""
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    region = _region(tree)
    h1 = tree.css_first("h1") if region is None else region.css_first("h1")
    h1 = h1 or tree.css_first("h1")
    meta.h1 = _text(h1)
    if meta.h1:
        meta.titles.append(meta.h1)
    title = _text(tree.css_first("title"))
    if title:
        meta.titles.append(title)
    if region is None:
        return Page(meta, [])
    if not meta.published:
        meta.published = _time_date(region) or _time_date(tree.root or region)
    meta.published = meta.published or meta.page_date
    category = _CATEGORY.search(region.attributes.get("class") or "")
    meta.section = meta.section or (category.group(1) if category else "")
    _strip(region, meta)
    if _deeper_than(region, _MAX_DEPTH):
        return Page(meta, _plain_blocks(region))
    return Page(meta, Converter(meta.source).convert(region))
