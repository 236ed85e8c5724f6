"""safe_text: control characters from files never reach the terminal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bftui.core.text import has_controls, safe_text

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain åäö text", "plain åäö text"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\x1b", "\u241b"),
        ("\x1b[31mred\x1b[0m", "\u241b[31mred\u241b[0m"),
        ("\x1b[2J\x1b[H", "\u241b[2J\u241b[H"),
        (
            "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",
            "\u241b]8;;http://evil.example\u241b\\click\u241b]8;;\u241b\\",
        ),
        ("\x1b]52;c;ZXZpbA==\x07", "\u241b]52;c;ZXZpbA==\u2407"),
        ("\x00nul", "\u2400nul"),
        ("bell\x07", "bell\u2407"),
        ("back\x08space", "back\u2408space"),
        ("del\x7f", "del\u2421"),
        ("\x9b31m", "\ufffd31m"),
        ("\x9d8;;x\x9c", "\ufffd8;;x\ufffd"),
        ("a\u202eevil\u202cb", "a<U+202E>evil<U+202C>b"),
        ("\u2066x\u2069", "<U+2066>x<U+2069>"),
        ("line\r\nend\r\n", "line\nend\n"),
        ("lone\rreturn", "lone\u240dreturn"),
        ("form\x0cfeed\x0bvt", "form\u240cfeed\u240bvt"),
    ],
)
def test_safe_text_table(raw: str, shown: str) -> None:
    assert safe_text(raw) == shown


@pytest.mark.parametrize(
    ("raw", "changed"),
    [("ok\ttext\n", False), ("crlf\r\n", False), ("\x1b[1m", True), ("\u202e", True)],
)
def test_has_controls(raw: str, changed: bool) -> None:
    assert has_controls(raw) is changed


def _dangerous(char: str) -> bool:
    code = ord(char)
    return (
        (code < 0x20 and char not in "\t\n")
        or code == 0x7F
        or 0x80 <= code < 0xA0
        or char in BIDI
    )


@given(st.text())
def test_no_dangerous_character_survives(raw: str) -> None:
    shown = safe_text(raw)
    assert not any(_dangerous(char) for char in shown)
    assert safe_text(shown) == shown


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"])))
def test_ordinary_text_is_unchanged(raw: str) -> None:
    assert safe_text(raw) == raw
