"""Recognise the parts of a web article's text: dates, page furniture, bylines, links.

Each function looks at one line or paragraph of Swedish (or English) web text
and says what it is; `bftui.core.importer` puts the answers together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bftui.core.htmltext import LINK_CLOSE, LINK_OPEN
from bftui.core.slugs import slugify

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
    "augusti": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    # (pattern, group order as (year, month, day))
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), (1, 2, 3)),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?::[ea])?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
        ),
        (3, 2, 1),
    ),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), (3, 1, 2)),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.]|,?\s+)(\d{4})\b"), (3, 2, 1)),
)
_WEEKDAYS = (
    r"(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
)
_DATE_ONLY = re.compile(rf"^(?:{_WEEKDAYS}\s*,?\s*)?(?:den\s+)?(.{{6,30}})$", re.I)
_DATED = re.compile(
    r"^(?P<label>publicerad|publicerat|publicerades|published|posted|datum|date|"
    r"uppdaterad|uppdaterat|senast uppdaterad|updated|last updated)\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_FURNITURE = re.compile(
    r"^(?:[>»›<«‹|•·*\-–—_=~#+]+|(?:dela|share)(?:\s+[\w ]{0,30})?\s*(?::.{0,120})?|"
    r"skriv ut|print|tillbaka|till toppen|back to top|tipsa en vän|"
    r"(?:följ oss|follow us)(?:\s+på\s+\w+)?:?|(?:facebook|twitter|linkedin|x)\s*)$",
    re.I,
)


def find_date(text: str) -> dt.date | None:
    """Return the first valid date written in `text`, in any form the importer knows."""
    found: list[tuple[int, dt.date]] = []
    for pattern, (y, m, d) in _DATES:
        for match in pattern.finditer(text):
            month = match.group(m)
            number = _MONTHS.get(month.lower()) if not month.isdigit() else int(month)
            try:
                value = dt.date(int(match.group(y)), number or 0, int(match.group(d)))
            except ValueError:
                continue
            found.append((match.start(), value))
            break
    return min(found, key=lambda pair: pair[0])[1] if found else None


def dated_line(line: str) -> tuple[str, dt.date | None] | None:
    """Say whether `line` is a date line of the page, not of the article text.

    Returns:
        `("published", date)` for "Publicerad: 24 maj, 2020" and the like,
        `("updated", date)` for "Uppdaterad: ...", `("bare", date)` for a line
        that is nothing but a date, or None for any other line.
    """
    line = line.strip()
    labelled = _DATED.match(line)
    if labelled and len(line) <= 80:
        label = labelled.group("label").lower()
        rest = labelled.group("rest")
        date = find_date(rest)
        if date is None and rest.strip():
            return None
        kind = (
            "updated"
            if label.startswith(("uppdat", "senast", "updat", "last"))
            else "published"
        )
        return kind, date
    only = _DATE_ONLY.match(line)
    if only and find_date(line) is not None:
        rest = only.group(1)
        for pattern, _ in _DATES:
            rest = pattern.sub("", rest, count=1)
        if not re.sub(r"[\s,.:;–—-]|kl|\d{1,2}[:.]\d{2}", "", rest, flags=re.I):
            return "bare", find_date(line)
    return None


def is_furniture(line: str) -> bool:
    """Return True if `line` is page furniture: share buttons, lone ">" and the like."""
    return bool(_FURNITURE.match(line.strip()))


@dataclass(frozen=True, slots=True)
class Byline:
    """Who an interview is with, as named at the start of a paragraph."""

    name: str
    role: str
    organisation: str


_NAME_WORD = r"[A-ZÅÄÖÉÜØÆ][\w'’-]+"
_NAME = re.compile(
    rf"^{_NAME_WORD}(?: (?:af |von |van |de |der |la )?{_NAME_WORD}){{1,3}}$"
)
_PREPOSITION = re.compile(r"\s(?:i|på|vid|hos|inom|from|at)\s(?=[A-ZÅÄÖÉ0-9])")
_NOT_ROLE = frozenset(
    [
        "som",
        "och",
        "men",
        "där",
        "att",
        "det",
        "den",
        "de",
        "vilket",
        "vilka",
        "med",
        "samt",
        "har",
        "är",
        "var",
        "blev",
        "kommer",
        "också",
        "även",
    ]
)


def parse_byline(paragraph: str) -> Byline | None:
    """Return the person named as "Name, role, i Org, ..." at the start of `paragraph`."""
    parts = [part.strip() for part in paragraph.split(",", 3)]
    if len(parts) < 3 or not _NAME.match(parts[0]):
        return None
    role, organisation = parts[1], ""
    words = role.split()
    if not 1 <= len(words) <= 8 or words[0].lower() in _NOT_ROLE:
        return None
    if not (words[0][0].islower() or words[0].isupper()):
        return None
    split = _PREPOSITION.search(role)
    if split:
        role, organisation = role[: split.start()], role[split.end() :]
    elif len(parts) == 4:
        after = re.match(r"^(?:(?:i|på|vid|hos|inom)\s+)?([A-ZÅÄÖÉ0-9].*)$", parts[2])
        if after and len(after.group(1).split()) <= 6:
            organisation = after.group(1)
    if len(organisation.split()) > 6:
        return None
    return Byline(parts[0], role.strip(), organisation.strip())


_URL = r"https?://[^\s<>\"'\u00a0]+"
_TOKEN = re.compile(
    rf"(?P<url>{_URL})|{re.escape(LINK_OPEN)}(?P<n>\d+){re.escape(LINK_CLOSE)}", re.I
)
_LINK_TO = re.compile(
    r"\b(?:länk(?:ar)?|link)\s+(?:till|to)\s*:?\s*(?P<label>[^.!?:]{0,80}?)\s*:?\s*$",
    re.I,
)
_READ_MORE = re.compile(
    r"\b(?:läs mer|se mer|mer information|more|read more)\s*(?:på|om|här|at)?\s*:?\s*$",
    re.I,
)
_WEAK_LABELS = frozenset(
    {"här", "den här", "länk", "länken", "klicka här", "läs mer", "mer", "this",
     "here", "link", "click here", "read more"}
)  # fmt: skip


def _trim_url(url: str) -> str:
    while url and url[-1] in ".,;:!?)]}»”’'\"":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def take_links(
    paragraph: str, anchors: tuple[tuple[str, str], ...] = ()
) -> tuple[str, list[tuple[str, str]]]:
    """Take the links out of `paragraph`.

    Bare URLs and "Länk till ..." phrases are removed from the text; a page
    link's anchor text stays (it is prose) unless it only said "Länk till ...".

    Returns:
        The remaining text ("" when nothing but links was left) and the
        `(label, url)` pairs found, in order; the label is "" when the text
        gave none worth using as a title.
    """
    out, links, position = "", [], 0
    for match in _TOKEN.finditer(paragraph):
        before = out + paragraph[position : match.start()]
        position = match.end()
        if match.group("url"):
            url = _trim_url(match.group("url"))
            position = match.start() + len(url)
            label = ""
        elif int(match.group("n")) < len(anchors):
            label, url = anchors[int(match.group("n"))]
            if not before.endswith(label):
                label = ""
            bare = before[: len(before) - len(label)]
            if _LINK_TO.search(bare) or not re.search(r"\w", bare):
                before = bare
        else:
            out = before
            continue
        lead_in = _LINK_TO.search(before) or _READ_MORE.search(before)
        if lead_in:
            label = label or (lead_in.groupdict().get("label") or "")
            before = before[: lead_in.start()]
        out = re.sub(r"[<(\[]\s*$", "", before)
        if paragraph[position : position + 1] in (">", ")", "]") and out != before:
            position += 1
        weak = label.strip().lower() in _WEAK_LABELS
        links.append(("" if weak else label.strip(), url))
    text = out + paragraph[position:]
    text = re.sub(r"\s+([.,;!?])", r"\1", " ".join(text.split()))
    text = re.sub(r"\s*[:–—-]$", ".", text) if links else text
    text = re.sub(r"^[.,;:]\s*", "", text)
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
        stem = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", segment, flags=re.I)
        typed = re.match(r"^(.+)\.(pdf|docx?|xlsx?|pptx?|odt)$", stem, flags=re.I)
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
