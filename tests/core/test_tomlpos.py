"""File lines for TOML errors and keys, counted from where the TOML starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.core.library.tomlpos import key_line, parse
from bftui.core.problems import Problem
from bftui.i18n import set_language

TEXT = """# comment
title = "A"
"kind" = "news"
name = "top-level name"
summary = '''
interviewee = "not a key"
[interviewee]
'''
links = [
  { title = "x", url = "http://x.se" },
]

[interviewee]
role = "chef"
name = 3

[[programme]]
title = "Dag 1"

[[programme]]
title = "Dag 2"
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("title", 2),
        ("kind", 3),
        ("name", 4),
        ("links", 9),
        ("interviewee", 13),
        ("interviewee.role", 14),
        ("interviewee.name", 15),
        ("interviewee.consent", 13),
        ("programme", 17),
        ("programme.title", 18),
        ("published", 99),
    ],
)
def test_key_line(key: str, line: int) -> None:
    assert key_line(TEXT, key, 1, 99) == line


def test_key_line_is_offset_by_where_the_toml_starts() -> None:
    assert key_line(TEXT, "interviewee.name", 2, 1) == 16
    assert key_line(TEXT, "published", 2, 1) == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("interviewee = { name = 3 }\n", 1),
        ("a = 1\ninterviewee.name = 3\n", 2),
        ("a = 1\n'interviewee'.name = 3\n", 2),
    ],
)
def test_inline_and_dotted_tables(text: str, line: int) -> None:
    assert key_line(text, "interviewee.name", 1, 99) == line


def test_keys_inside_multiline_strings_are_skipped() -> None:
    text = "s = \"\"\"\nyear = 1\n\"\"\"\nt = '''\nyear = 2\n'''\nyear = 3\n"
    assert key_line(text, "year", 1, 99) == 7


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a = 1\nb = \n", 3, "ogiltig TOML: ogiltigt värde"),
        ("a = 1\nb\n", 3, "ogiltig TOML: = saknas efter nyckeln"),
        ("a = 1\na = 2\n", 3, "ogiltig TOML: nyckeln har redan ett värde"),
        ('a = "x\n', 2, "ogiltig TOML: otillåtet tecken '\\n'"),
        (
            'x = 1\ns = """\nnever\nclosed\n',
            3,
            "ogiltig TOML: texten avslutas aldrig med citattecken",
        ),
        ("x = [1,\n2", 3, "ogiltig TOML: listan stängs aldrig med ]"),
        (
            "d = 2020-13-01\n",
            2,
            "ogiltig TOML: oväntad text efter värdet på samma rad",
        ),
        (
            'p = "C:\\path"\n',
            2,
            "ogiltig TOML: ensamt \\ i en text (skriv \\\\ eller använd '...')",
        ),
        ("[t\n", 2, "ogiltig TOML: tabellnamnet stängs aldrig med ]"),
        ("[a.b]\n[a.b]\n", 3, "ogiltig TOML: tabellen a.b finns två gånger"),
        ("[t]\n[t]\n", 3, "ogiltig TOML: tabellen t finns två gånger"),
        ("a = {b = 1\n", 2, "ogiltig TOML: tabellen stängs aldrig med }"),
    ],
)
def test_parse_errors_say_the_file_line(text: str, line: int, message: str) -> None:
    assert parse(text, Path("f.md"), 2) == Problem(Path("f.md"), line, message)


def test_parse_errors_in_english() -> None:
    set_language("en")
    assert parse("a = \n", Path("f.toml"), 1) == Problem(
        Path("f.toml"), 1, "invalid TOML: invalid value"
    )


def test_parse_skips_a_byte_order_mark() -> None:
    assert parse("\ufeffa = 1\n", Path("f.toml"), 1) == {"a": 1}
