"""Find the links in a web article's paragraphs and give them readable titles.

Bare URLs, "Länk till ..." phrases and paragraphs that are nothing but a
link become `(label, url)` pairs and leave the prose; a Markdown link inside
a sentence (`[rapporten](https://...)`) is prose and stays as written.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from bftui.core.slugs import slugify

_URL = r"https?://[^\s<>\"'\u00a0\ue000-\uf8ff\[\]]+"
_TOKEN = re.compile(
    rf"\[(?P<label>(?:\\.|[^\]\\])*)\]\((?P<href>[^)\s]+)\)|(?P<url>{_URL})", re.I
)
_LINK_TO = re.compile(
    r"\b(?:länk(?:ar)?|link)\s+(?:till|to)\s*:?\s*(?P<label>[^.!?:]{0,80}?)\s*:?\s*\Z",
    re.I,
)
_READ_MORE = re.compile(
    r"\b(?:läs mer|se mer|mer information|more|read more)\s*(?:på|om|här|at)?\s*:?\s*\Z",
    re.I,
)
_WEAK_LABELS = frozenset(
    {"här", "den här", "länk", "länken", "klicka här", "läs mer", "mer", "this",
     "here", "link", "click here", "read more"}
)  # fmt: skip
_OWN_LINK_TO = re.compile(r"(?:länk(?:ar)?|link)\s+(?:till|to)\b\s*:?\s*(.*)\Z", re.I)
_SHARE = re.compile(
    r"facebook\.com/(?:sharer|share)|twitter\.com/(?:intent|share)|x\.com/intent|"
    r"linkedin\.com/(?:share|cws/share)|pinterest\.\w+/pin/create|"
    r"reddit\.com/submit|wa\.me/|whatsapp\.com/send|[?&](?:share|sharer)=",
    re.I,
)
"""Share buttons' addresses: page furniture, never a link of the article."""
_UNESCAPE = re.compile(r"\\([\\`*_\[\]()#+.!-])")


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?)]}»”’'\"":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _plain(label: str) -> str:
    return " ".join(_UNESCAPE.sub(r"\1", label).replace("**", "").split())


def take_links(paragraph: str) -> tuple[str, list[tuple[str, str]]]:
    """Take the links out of `paragraph`.

    Bare URLs, "Länk till ..." phrases and a paragraph that is only a link are
    removed from the text; a Markdown link inside prose stays where it is.

    Returns:
        The remaining text ("" when nothing but links was left) and the
        `(label, url)` pairs taken out, in order; the label is "" when the
        text gave none worth using as a title.
    """
    out, links, position = "", [], 0
    only_link = bool(re.fullmatch(r"\s*(?:" + _TOKEN.pattern + r")\s*\.?", paragraph))
    for match in _TOKEN.finditer(paragraph):
        before = out + paragraph[position : match.start()]
        position = match.end()
        if match.group("url"):
            url = _trim_url(match.group("url"))
            position = match.start() + len(url)
            label = ""
        else:
            url, label = match.group("href"), _plain(match.group("label"))
            lead_in = _LINK_TO.search(before) or _READ_MORE.search(before)
            own = _OWN_LINK_TO.match(label)
            web = re.match(r"https?://", url, re.I)
            if not web or _SHARE.search(url) or not (only_link or lead_in or own):
                out = before + match.group(0)  # prose (or a mail address) stays
                continue
            if own:
                label = own.group(1)
        lead_in = _LINK_TO.search(before) or _READ_MORE.search(before)
        if lead_in:
            label = label or (lead_in.groupdict().get("label") or "")
            before = before[: lead_in.start()]
        out = re.sub(r"[<(\[]\s*\Z", "", before)
        if paragraph[position : position + 1] in (">", ")", "]") and out != before:
            position += 1
        weak = label.strip().lower() in _WEAK_LABELS or re.match(r"https?://", label)
        links.append(("" if weak else label.strip(), url))
    text = out + paragraph[position:]
    if not links:
        return paragraph, []
    text = re.sub(r"\s+([.,;!?])", r"\1", " ".join(text.split()))
    text = re.sub(r"\s*[:–—-]\Z", ".", text)
    text = re.sub(r"^[,;:]\s*|^\.(?!\.)\s*", "", text)
    return (text if re.search(r"\w", text) else ""), links


_COMMON = {
    slugify(word): word
    for word in [
        "från",
        "för",
        "på",
        "är",
        "år",
        "års",
        "så",
        "när",
        "även",
        "också",
        "över",
        "efter",
        "mötet",
        "möte",
        "träff",
        "nätverk",
        "nätverket",
        "nätverksträff",
        "hemlös",
        "hemlösa",
        "hemlöshet",
        "bostadslöshet",
        "hyresgäst",
        "hyresgäster",
        "bostäder",
        "boendet",
        "stöd",
        "utvärdering",
        "rapport",
    ]
}
"""Frequent words of the network's addresses, spelt with å, ä and ö."""


def link_title(url: str, context: str) -> str:
    """Return a readable title for `url` made from its address.

    The last meaningful path segment becomes words; a word written with
    å, ä or ö somewhere in `context` gets those letters back.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url  # urllib refuses it (an unclosed "["): the address is the title
    host = parts.netloc.lower().removeprefix("www.")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    words: list[str] = []
    document = ""
    for segment in reversed(segments):
        stem = re.sub(r"\.(?:s?html?|php|aspx?|jsp)\Z", "", segment, flags=re.I)
        typed = re.match(r"^(.+)\.(pdf|docx?|xlsx?|pptx?|odt)\Z", stem, flags=re.I)
        if typed:
            stem, document = typed.group(1), f" ({typed.group(2).upper()})"
        words = [w for w in re.split(r"[-_+\s.]+", stem) if w]
        if any(re.search(r"[^\W\d]", w) for w in words) and len(stem) > 2:
            break
        words = []
    if not words:
        return host or url
    spelled = dict(_COMMON)
    spelled.update({slugify(w): w.lower() for w in re.findall(r"[^\W\d_]+", context)})
    words = [spelled.get(w.lower(), w.lower()) for w in words]
    title = " ".join(words)
    title = title[:1].upper() + title[1:]
    return (title if len(words) > 1 else f"{title} – {host}") + document
