"""Recognise the parts of a web article's text: dates, page furniture and bylines.

Each function looks at one line or paragraph of Swedish (or English) web text
and says what it is; `bftui.core.transfer.importer` puts the answers together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
