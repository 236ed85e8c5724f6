"""Parse what the user types into a search: words, "phrases" and field filters.

Bare words match as prefixes (so results come as you type); a quoted phrase
matches its words in order (its last word as a prefix while the quote is still
open). Filters: `typ:`/`type:` (kind, Swedish or English name), `tagg:`/`tag:`,
`år:`/`year:` (2019, 2018-2020, or a prefix such as 20), `stad:`/`city:`,
`person:`. Nothing the user types can make parsing fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bftui.core.index.filtering import fold

MIN_PREFIX = 2
"""Bare words shorter than this are left out: they would match nearly everything."""

FIELDS: dict[str, str] = {
    "typ": "type",
    "type": "type",
    "kind": "type",
    "tagg": "tag",
    "tag": "tag",
    "år": "year",
    "ar": "year",
    "year": "year",
    "stad": "city",
    "city": "city",
    "ort": "city",
    "person": "person",
}
"""Filter names (folded) and the filter each one means."""

KIND_NAMES: dict[str, tuple[str, ...]] = {
    "interview": ("intervju", "interview"),
    "report": ("rapport", "report"),
    "news": ("nyhet", "nyheter", "news"),
    "network-meeting": ("nätverksträff", "network-meeting", "meeting"),
    "conference": ("konferens", "conference"),
    "study-visit": ("studiebesök", "study-visit"),
    "other": ("övrigt", "other"),
}
"""Each kind's names in a query; a typed prefix of a name selects the kind."""

TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "article": ("artikel", "artiklar", "article", "articles"),
    "event": ("evenemang", "event", "events", "händelse"),
}
"""Names for all articles or all events."""

_TYPE_KINDS = {
    "article": ("interview", "report", "news"),
    "event": ("network-meeting", "conference", "study-visit", "other"),
}

_TOKEN = re.compile(r'(\w+):("[^"]*"?|\S*)|"([^"]*)("?)|(\S+)')
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"^(\d{4})\s*-\s*(\d{4})\Z")


@dataclass(frozen=True, slots=True)
class Term:
    """Words that must appear in this order, optionally only in some columns."""

    words: tuple[str, ...]
    """Folded words (lower case, foreign accents removed, å/ä/ö kept)."""
    prefix: bool
    """Whether the last word may be the start of a longer word."""
    columns: tuple[str, ...] = ()
    """Index columns to look in; empty means all."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search."""

    terms: tuple[Term, ...] = ()
    kinds: frozenset[str] | None = None
    """Item kinds to keep (`Article.kind`, `Event.kind`); None keeps all."""
    years: tuple[int, int] | None = None
    """Inclusive range of years to keep."""
    year_prefix: str = ""
    """Digits a year must start with (a year still being typed)."""
    impossible: bool = False
    """A filter matched nothing (e.g. an unknown kind), so neither does the query."""
    words: tuple[str, ...] = field(default=(), compare=False)
    """Every word searched for, for highlighting hits."""

    @property
    def empty(self) -> bool:
        """Whether there is nothing to search for."""
        has_filter = self.kinds is not None or self.years or self.year_prefix
        return not self.terms and not has_filter and not self.impossible


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _kinds(value: str) -> frozenset[str]:
    wanted = fold(value)
    loose = fold(value, keep_swedish=False)
    kinds: set[str] = set()

    def matches(name: str) -> bool:
        return fold(name).startswith(wanted) or fold(name, False).startswith(loose)

    for kind, names in KIND_NAMES.items():
        if any(matches(name) for name in names):
            kinds.add(kind)
    for type_name, names in TYPE_NAMES.items():
        if any(matches(name) for name in names):
            kinds.update(_TYPE_KINDS[type_name])
    return frozenset(kinds)


def _filter_term(name: str, value: str, quoted: bool, open_quote: bool) -> Term | None:
    words = _words(value)
    if not words:
        return None
    columns = {
        "tag": ("tags",),
        "city": ("places", "orgs", "tags"),
        "person": ("people",),
    }[name]
    return Term(words, prefix=open_quote or not quoted, columns=columns)


def parse(text: str) -> Query:
    """Return the search that `text` asks for (never raises)."""
    terms: list[Term] = []
    kinds: frozenset[str] | None = None
    years: tuple[int, int] | None = None
    year_prefix = ""
    impossible = False
    for match in _TOKEN.finditer(text):
        name, value, phrase, closed, bare = match.groups()
        if name is not None:
            key = FIELDS.get(fold(name))
            quoted = value.startswith('"')
            inner = value.strip('"')
            if key is None:
                terms += _bare_terms(f"{name} {inner}")
            elif not inner:
                continue
            elif key == "type":
                found = _kinds(inner)
                kinds = found if kinds is None else kinds & found
                impossible = impossible or not kinds
            elif key == "year":
                span = _year_span(inner)
                if span is None and inner.isdigit() and len(inner) < 4:
                    year_prefix = inner
                elif span is None:
                    impossible = True
                else:
                    years = span
            else:
                open_quote = quoted and (len(value) == 1 or not value.endswith('"'))
                term = _filter_term(key, inner, quoted, open_quote)
                if term is not None:
                    terms.append(term)
        elif phrase is not None:
            words = _words(phrase)
            if words:
                terms.append(
                    Term(words, prefix=not closed and match.end() == len(text))
                )
        else:
            terms += _bare_terms(bare)
    all_words = tuple(word for term in terms for word in term.words)
    return Query(tuple(terms), kinds, years, year_prefix, impossible, all_words)


def _bare_terms(text: str) -> list[Term]:
    words = _words(text)
    if len(words) > 1:
        # "först-nätverket" is one phrase of two words, as the index sees it.
        return [Term(words, prefix=True)]
    return [Term(words, prefix=True) for word in words if len(word) >= MIN_PREFIX]


def _year_span(value: str) -> tuple[int, int] | None:
    if value.isdigit() and len(value) == 4:
        return int(value), int(value)
    match = _YEAR.match(value)
    if match:
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        return low, high
    return None
