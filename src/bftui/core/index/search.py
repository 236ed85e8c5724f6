"""Full-text search over the index: Swedish-aware matching, ranking and snippets.

Matching: case never matters and foreign accents are folded (é = e, ü = u).
Å, Ä and Ö are letters of their own, so a word typed with one of them matches
only itself ("får" never finds "far"), while a word typed without them also
finds its spellings with them ("malmo" finds "Malmö"). The index keeps each
word as written; a table of the indexed words holding å, ä or ö gives the
spellings to look for. Hits are ranked with bm25, titles and people first.

Snippets mark the matched words with `MARK_ON` and `MARK_OFF`, two control
characters that file text can never hold (`safe_text` turns every control
character into a visible picture), so they cannot be confused with content.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, product
from pathlib import Path

from bftui.core.index import records
from bftui.core.index.filtering import fold, has_swedish_letters
from bftui.core.index.query import Query, Term, parse
from bftui.core.items.model import Article, Item

MARK_ON, MARK_OFF = "\x02", "\x03"
"""Put around each matched word in `Hit.snippet`."""
WEIGHTS = {
    "title": 10.0,
    "people": 6.0,
    "orgs": 3.0,
    "places": 3.0,
    "tags": 4.0,
    "lead": 2.0,
    "body": 1.0,
}
"""bm25 weight of each index column: a hit in the title counts ten body hits."""
SNIPPET_WIDTH = 110
SNIPPET_SCAN = 20_000
"""Characters of a text weighed to choose the snippet (the first match beyond counts too)."""
BROAD = 1500
"""A query matching at least this many items ranks only title and people hits."""
MAX_SPELLINGS = 24
"""At most this many spellings of one word or phrase are looked for."""

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+)$", re.MULTILINE)
_SNIPPET_ORDER = ("body", "lead", "people", "orgs", "places", "tags", "title")
"""Where a snippet is taken from: the text first, as the title shows anyway."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One item found, with where in it the search words were found."""

    item: Item
    score: float
    """bm25 rank: lower is better."""
    field: str
    """The column the snippet comes from (`records.COLUMNS`), or "" for none."""
    snippet: str
    """One line of text around the hit, matched words between marks."""
    match: str
    """The first matched text as written in the item (e.g. "Malmö" for "malmo")."""
    line: int | None = None
    """0-based line of an article body where the hit is, if it is in the body."""
    heading: str = ""
    """The body heading (e.g. an interview question) above the hit, if any."""


def split_marks(snippet: str) -> list[tuple[str, bool]]:
    """Return `snippet` as (text, is_match) parts, marks removed."""
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(re.split(f"[{MARK_ON}{MARK_OFF}]", snippet)):
        if piece:
            parts.append((piece, index % 2 == 1))
    return parts


def run(db: sqlite3.Connection, root: Path, text: str, limit: int = 50) -> list[Hit]:
    """Return the best `limit` hits for `text` in the index `db` of library `root`."""
    query = parse(text)
    if query.empty or query.impossible:
        return []
    where, arguments = _filters(query)
    if query.terms:
        expression = " AND ".join(_fts_term(db, term) for term in query.terms)
        rows = _ranked(db, expression, where, arguments, limit)
    else:
        rows = db.execute(
            f"SELECT id, type, data, 0.0 FROM items WHERE 1 {where}"
            " ORDER BY date DESC, walk LIMIT ?",
            (*arguments, limit),
        ).fetchall()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    marks = ", ".join("?" * len(ids))
    texts = {
        row[0]: records.SearchText(*row[1:])
        # Cached text of another type is no snippet (the index is untrusted).
        if all(isinstance(value, str) for value in row[1:])
        else None
        for row in db.execute(
            f"SELECT id, {', '.join(records.COLUMNS)} FROM docs WHERE id IN ({marks})",
            ids,
        )
    }
    pattern = highlighter(query.terms)
    hits = []
    for id_, kind, data, score in rows:
        item = records.decode(kind, data, root)
        hits.append(_hit(item, score, texts.get(id_), pattern))
    return hits


def _ranked(
    db: sqlite3.Connection,
    expression: str,
    where: str,
    arguments: list[object],
    limit: int,
) -> list[tuple[int, str, str, float]]:
    """Return the best `limit` rows (id, type, data, score) matching `expression`.

    Ranking costs time for every match. A query that matches a large part of
    the library (a short prefix such as "bost") is ranked by its hits in
    titles and people only (a small index of its own), then filled up with
    other matches as the index finds them, so each keystroke stays fast; as
    more is typed, the matches thin out and the whole text is ranked.
    """
    found = [
        row[0]
        for row in db.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?", (expression, BROAD)
        )
    ]
    if len(found) < BROAD:
        weights = ", ".join(str(WEIGHTS[c]) for c in records.COLUMNS)
        return db.execute(
            f"SELECT items.id, items.type, items.data, bm25(fts, {weights}) AS score"
            " FROM fts JOIN items ON items.id = fts.rowid"
            f" WHERE fts MATCH ? {where} ORDER BY score LIMIT ?",
            (expression, *arguments, limit),
        ).fetchall()
    try:
        heads = db.execute(
            "SELECT rowid, bm25(heads, ?, ?) AS score FROM heads WHERE heads MATCH ?"
            " ORDER BY score LIMIT ?",
            (WEIGHTS["title"], WEIGHTS["people"], expression, limit * 4),
        ).fetchall()
    except sqlite3.OperationalError:
        heads = []  # A filter on a column the small index lacks (tags, places).
    scores = dict(heads)
    order = [*scores, *(id_ for id_ in found if id_ not in scores)]
    wanted = order if where else order[:limit]
    marks = ", ".join("?" * len(wanted))
    rows = {
        row[0]: row
        for row in db.execute(
            f"SELECT id, type, data FROM items WHERE id IN ({marks}) {where}",
            (*wanted, *arguments),
        )
    }
    return [(*rows[id_], scores.get(id_, 0.0)) for id_ in wanted if id_ in rows][:limit]


def _filters(query: Query) -> tuple[str, list[object]]:
    clauses: list[str] = []
    arguments: list[object] = []
    if query.kinds is not None:
        clauses.append(f"items.kind IN ({', '.join('?' * len(query.kinds))})")
        arguments += sorted(query.kinds)
    if query.years:
        clauses.append("items.year BETWEEN ? AND ?")
        arguments += query.years
    if query.year_prefix:
        clauses.append("CAST(items.year AS TEXT) LIKE ?")
        arguments.append(f"{query.year_prefix}%")
    return "".join(f" AND {clause}" for clause in clauses), arguments


def _spellings(db: sqlite3.Connection, word: str, prefix: bool) -> list[str]:
    """Return `word` and its indexed spellings with å, ä or ö (only prefixes if `prefix`)."""
    if has_swedish_letters(word):
        return [word]
    if prefix:
        rows = db.execute(
            "SELECT DISTINCT substr(term, 1, ?) FROM variants"
            " WHERE folded >= ? AND folded < ?",
            (len(word), word, word + "\U0010ffff"),
        )
    else:
        rows = db.execute("SELECT term FROM variants WHERE folded = ?", (word,))
    return sorted({word, *(row[0] for row in rows)})


def _quote(words: tuple[str, ...]) -> str:
    # Words are runs of letters and digits: they hold no quote to escape.
    return '"' + " ".join(words) + '"'


def _fts_term(db: sqlite3.Connection, term: Term) -> str:
    """Return the FTS5 expression of `term`: its spellings OR-ed together."""
    last = len(term.words) - 1
    options = [
        _spellings(db, word, term.prefix and index == last)
        for index, word in enumerate(term.words)
    ]
    star = "*" if term.prefix else ""
    phrases = [
        _quote(words) + star for words in islice(product(*options), MAX_SPELLINGS)
    ]
    expression = "(" + " OR ".join(phrases) + ")"
    if term.columns:
        return "{" + " ".join(term.columns) + "} : " + expression
    return expression


@lru_cache(maxsize=1024)
def _letters(char: str, keep_swedish: bool) -> str:
    """Return every letter that folds to `char`, escaped to stand in a regex class."""
    alike = {char, char.upper()}
    for code in range(0xC0, 0x250):
        other = chr(code)
        if fold(other, keep_swedish) == char:
            alike.add(other)
    return "".join(sorted(re.escape(c) for c in alike))


def _word_pattern(word: str, prefix: bool) -> str:
    keep = has_swedish_letters(word)
    body = "".join(f"[{_letters(char, keep)}]" for char in word)
    return body + ("" if prefix else r"(?!\w)")


def highlighter(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """Return a regex that finds the words of `terms` in text as written.

    It begins with one class of every letter a match can begin with, so the
    regex engine tries only the positions holding one: 3.5 times faster on
    long texts than trying every alternative everywhere.
    """
    phrases = []
    for term in terms:
        last = len(term.words) - 1
        words = [
            _word_pattern(word, term.prefix and index == last)
            for index, word in enumerate(term.words)
        ]
        first = term.words[0]
        start = _letters(first[0], has_swedish_letters(first))
        rest = r"\W+".join([words[0].removeprefix(f"[{start}]"), *words[1:]])
        phrases.append((start, rest))
    if not phrases:
        return None
    phrases.sort(key=lambda phrase: len(phrase[0]) + len(phrase[1]), reverse=True)
    starts = "".join(start for start, _ in phrases)
    # Each alternative checks the letter it starts with; none follows a word's letter.
    alternatives = "|".join(f"(?<=[{start}]){rest}" for start, rest in phrases)
    return re.compile(f"[{starts}](?<!\\w.)(?:{alternatives})", re.IGNORECASE)


def best_match(
    text: str, pattern: re.Pattern[str], width: int = SNIPPET_WIDTH
) -> re.Match[str] | None:
    """Return the match whose snippet would show the most different search words.

    Between equals, the one showing the rarest word wins: the word just typed
    is often the rare one that tells the hits apart.
    """
    # Only the start of a long text is weighed: matching costs ~1 ms per 100 KB.
    matches = list(islice(pattern.finditer(text, 0, SNIPPET_SCAN), 100))
    if not matches:
        return pattern.search(text, SNIPPET_SCAN - width)
    words = [match.group().lower() for match in matches]
    counts = Counter(words)
    if len(counts) == 1:
        return matches[0]
    best, best_score = matches[0], (0, 0)
    end = 0
    shown: Counter[str] = Counter()
    for number, match in enumerate(matches):
        # A window from this match on: add matches in reach, drop the one before.
        reach = match.start() + width * 2 // 3
        while end < len(matches) and matches[end].start() <= reach:
            shown[words[end]] += 1
            end += 1
        score = (len(shown), -min(counts[word] for word in shown))
        if score > best_score:
            best, best_score = match, score
        shown[words[number]] -= 1
        if not shown[words[number]]:
            del shown[words[number]]
    return best


def snippet(
    text: str, pattern: re.Pattern[str], at: int, width: int = SNIPPET_WIDTH
) -> str:
    """Return one line of `text` around position `at`, every match marked."""
    start = max(0, at - width // 3)
    if start:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    marked = pattern.sub(lambda m: f"{MARK_ON}{m.group()}{MARK_OFF}", text[start:end])
    line = " ".join(marked.split())
    return ("…" if start else "") + line + ("…" if end < len(text) else "")


def _hit(
    item: Item,
    score: float,
    text: records.SearchText | None,
    pattern: re.Pattern[str] | None,
) -> Hit:
    if text is None or pattern is None:
        lead = getattr(item, "lead", "") or getattr(item, "summary", "")
        return Hit(item, score, "", " ".join(lead.split())[:SNIPPET_WIDTH], "")
    for field in _SNIPPET_ORDER:
        value = getattr(text, field)
        match = best_match(value, pattern)
        if match is None:
            continue
        line, heading = None, ""
        if field == "body" and isinstance(item, Article):
            line = value.count("\n", 0, match.start())
            heading = _heading_above(value, match.start())
        marked = snippet(value, pattern, match.start())
        return Hit(item, score, field, marked, match.group(), line, heading)
    return Hit(item, score, "", "", "")


def _heading_above(body: str, position: int) -> str:
    """Return the Markdown heading that the text at `position` belongs to."""
    found = None
    for match in _HEADING.finditer(body, 0, position):
        found = match
    if found is None:
        return ""
    # The search stopped at `position`: read the heading's whole line.
    end = body.find("\n", found.start())
    line = body[found.start() : end if end >= 0 else len(body)]
    return line.lstrip("#").strip()
