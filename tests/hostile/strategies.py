"""Hypothesis strategies for hostile files: raw bytes and near-valid TOML and Markdown.

Near-valid input is where parsers break: a real article or event with a key
of the wrong type, an unclosed string, a stray `+++`, a control character or
a flipped byte. The strategies build such files from valid pieces and then
damage them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import strategies as st

NASTY = (
    "\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u2029\u202e\u2066\ufeff\ufffd"
    "+=\"'#[]{}\\\n\t .-:0"
)
"""Characters that have a meaning to TOML, Markdown or a terminal."""

nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")),
    max_size=60,
)

ARTICLE_KEYS = (
    "title", "kind", "published", "lead", "tags", "event", "source", "links",
    "interviewee", "unknown", "interviewee.name", "interviewee.consent",
)  # fmt: skip
EVENT_KEYS = (
    "title", "kind", "year", "start", "end", "city", "venue", "organiser",
    "partners", "participants", "participants_note", "url", "summary", "extra",
)  # fmt: skip

VALUE_SNIPPETS = (
    '"Titel"', "'literal'", '"""\nflera\nrader\n"""', "'''\nrå\n'''", '"unclosed',
    '"""never closed', "2020-05-24", "2020-02-30", "2020-05-24T10:00:00",
    "2020-05-24 10:00", "10:00:00", "1979-05-27T07:32:00-08:00", "0", "-1", "2019",
    "99999999999999999999", "1e400", "nan", "inf", "0x1F", "true", "false", "[]",
    '["a", "b"]', "[1, \"a\"]", "[[]]", "[", "{}", '{ name = "A" }', "{ x = ",
    '[{ title = "t", url = "http://x" }]', '[{ url = "javascript:alert(1)" }]',
    '"interview"', '"report"', '"news"', '"network-meeting"', '"\\u001b]0;x\\u0007"',
    '"\\u202e"', '"../../etc/passwd"', '"2019-natverkstraff-malmo"', "",
)  # fmt: skip
"""TOML values of every type, some broken, some hostile."""

TABLE_SNIPPETS = (
    "[interviewee]", '[interviewee]\nname = "A"', "[[programme]]",
    '[[programme]]\ntitle = "P"\nday = 1', "[programme]", "[[links]]", "[", "[a.b]",
    "[[programme]]\nday = -3",
)  # fmt: skip

MARKDOWN_SNIPPETS = (
    "### Fråga?", "## Del", "# Rubrik", "#### Liten", "###", "### ", "Svar.",
    "> citat", ">" * 40 + " djupt", "- punkt", "1. ett", "    kod", "```", "```python",
    "~~~", "---", "***", "| a | b |\n|---|---|\n| 1 | 2 |", "[länk](../x.md)",
    "[l](javascript:alert(1))", "<div>", "<!--", "+++", "\\", "*", "_", "`", "[",
    "![bild](media/x.png)", "\x1b[31mröd\x1b[0m", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\",
    "\u202e", "Setext\n===", "- [ ] uppgift", "<https://x.se>",
)  # fmt: skip


def _line(keys: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(
            "{} = {}".format,
            st.sampled_from(keys),
            st.one_of(
                st.sampled_from(VALUE_SNIPPETS), st.builds(json.dumps, nasty_text)
            ),
        ),
        st.sampled_from(TABLE_SNIPPETS),
        st.sampled_from(("# kommentar", "", "+++", "=", "a.b.c = 1", "title.x = 2")),
        nasty_text,
    )


def toml_lines(keys: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Return near-valid TOML: key lines of any type, tables, junk."""
    return st.lists(_line(keys), max_size=14).map("\n".join)


markdown = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_SNIPPETS), nasty_text), max_size=25
).map("\n".join)
"""Near-valid Markdown: headings, quotes, lists, fences, links, junk."""


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """Return `text` with a few random cuts, insertions and line swaps."""
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "duplicate")))
        if action == "insert":
            text = text[:position] + draw(nasty_text) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 20)) :]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "\n".join(lines)
    return text


VALID_ARTICLE = """+++
title = "Malmö-teamets erfarenheter"
kind = "interview"
published = 2020-05-24
lead = "Stolthet"
tags = ["Malmö", "nätverksträff"]
event = "2019-natverkstraff-malmo"
links = [{ title = "Film", url = "http://www.bostadforst.se/x/" }]

[interviewee]
name = "Anita Svantesson"
role = "sektionschef"
consent = true
+++

Introduktion.

### Vilka var höjdpunkterna?

Många.

### Vad önskar du dig?

Mer.
"""

VALID_EVENT = """title = "Nätverksträff 2019"
kind = "network-meeting"
year = 2019
start = 2019-05-09
end = 2019-05-10
city = "Malmö"
participants = 200
url = "http://www.bostadforst.se/konferens/"
summary = \"\"\"
Två dagar.
\"\"\"

[[programme]]
day = 1
title = "Nätverksträff"
"""


@st.composite
def one_value_changed(draw: st.DrawFn, text: str, keys: tuple[str, ...]) -> str:
    """Return `text` with one key line set to a value of any type, or a new key."""
    lines = text.split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    value = draw(st.sampled_from(VALUE_SNIPPETS) | st.builds(json.dumps, nasty_text))
    key = lines[index].partition(" = ")[0] if " = " in lines[index] else ""
    lines[index] = f"{key or draw(st.sampled_from(keys))} = {value}"
    return "\n".join(lines)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """Return the text of an article file that is nearly, or just barely, valid."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return draw(damaged(VALID_ARTICLE))
    if choice == 3:
        changed = draw(one_value_changed(VALID_ARTICLE, ARTICLE_KEYS))
        return changed if changed.startswith("+++\n") else VALID_ARTICLE
    opener = draw(st.sampled_from(("+++\n", "\ufeff+++\n", "+++ \r\n", "+++", "")))
    closer = draw(st.sampled_from(("+++\n", "+++", "\n+++x\n", "+++\r\n", "")))
    front = draw(toml_lines(ARTICLE_KEYS))
    text = f"{opener}{front}\n{closer}{draw(markdown)}"
    return draw(damaged(text)) if choice == 2 else text


@st.composite
def event_text(draw: st.DrawFn) -> str:
    """Return the text of an event file that is nearly, or just barely, valid."""
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return draw(damaged(VALID_EVENT))
    if choice == 1:
        return draw(one_value_changed(VALID_EVENT, EVENT_KEYS))
    return draw(toml_lines(EVENT_KEYS))


def encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Return `texts` as UTF-8, sometimes with a few bytes flipped or a BOM in front."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(texts).encode("utf-8"))
        for _ in range(draw(st.sampled_from((0, 0, 0, 1, 2)))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)

    return st.one_of(build(), build(), build(), st.binary(max_size=400))


toml_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        nasty_text,
        st.dates(),
        st.datetimes(),
        st.datetimes(timezones=st.just(dt.UTC)),
        st.times(),
        st.sampled_from(("interview", "report", "news", "network-meeting", "")),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(("title", "url", "name", "day")), inner),
    ),
    max_leaves=5,
)
"""Python values of the kinds tomllib returns (and a few it never does)."""


def front_matter(keys: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Return parsed front matter: the schema's keys with values of any type."""
    plain = tuple(key for key in keys if "." not in key)
    return st.dictionaries(st.sampled_from(plain), toml_values, max_size=len(plain))
