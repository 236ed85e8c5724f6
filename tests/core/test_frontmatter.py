"""Splitting an article into front matter and body, and joining them back."""

from __future__ import annotations

import pytest

from bftui.core.library import frontmatter
from bftui.core.library.frontmatter import FrontMatterError, join, split


@pytest.mark.parametrize(
    "text",
    [
        '+++\ntitle = "A"\n+++\nBody\n',
        '+++\ntitle = "A"\n+++\n',
        "+++\n+++\nBody only\n",
        '+++\ntitle = "A"\nkind = "news"\n+++\n\n### Q\n\n+++ in the body stays\n',
        '+++\na = """\nmulti\nline\n"""\n+++\nx',
    ],
)
def test_split_then_join_gives_the_text_back(text: str) -> None:
    parts = split(text)
    assert join(parts.front, parts.body) == text


def test_split_parts_and_offsets() -> None:
    text = '+++\ntitle = "A"\nkind = "news"\n+++\nFirst body line\nSecond\n'
    parts = split(text)
    assert parts.front == 'title = "A"\nkind = "news"\n'
    assert parts.body == "First body line\nSecond\n"
    assert text[parts.front_start : parts.front_end] == parts.front
    assert text[parts.body_start :] == parts.body
    assert parts.body_line == 5
    assert text.split("\n")[parts.body_line - 1] == "First body line"


def test_join_adds_the_newline_the_front_matter_lacks() -> None:
    assert join('title = "A"', "Body") == '+++\ntitle = "A"\n+++\nBody'
    assert split(join('title = "A"', "Body")).front == 'title = "A"\n'


def test_empty_front_matter() -> None:
    parts = split("+++\n+++\nBody\n")
    assert parts.front == ""
    assert parts.body == "Body\n"
    assert parts.body_line == 3


def test_crlf_file() -> None:
    parts = split('+++\r\ntitle = "A"\r\n+++\r\nBody\r\n')
    assert parts.front == 'title = "A"\r\n'
    assert parts.body == "Body\r\n"
    assert parts.body_line == 4


def test_byte_order_mark_is_skipped() -> None:
    text = '\ufeff+++\ntitle = "A"\n+++\nBody\n'
    parts = split(text)
    assert parts.front == 'title = "A"\n'
    assert parts.front_start == 5
    assert parts.body == "Body\n"


@pytest.mark.parametrize(
    ("closing", "body"),
    [("+++   \n", "B\n"), ("+++\t\n", "B\n"), ("+++", "")],
)
def test_closing_line_may_have_trailing_blanks_or_end_the_file(
    closing: str, body: str
) -> None:
    text = f"+++\na = 1\n{closing}{body}"
    assert split(text).front == "a = 1\n"
    assert split(text).body == body


def test_a_line_that_only_starts_with_the_delimiter_does_not_close() -> None:
    parts = split('+++\na = 1\n++++ not yet\nb = "+++"\n+++\nBody\n')
    assert parts.front == 'a = 1\n++++ not yet\nb = "+++"\n'
    assert parts.body == "Body\n"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Just Markdown\n", "frontmatter.missing"),
        ("", "frontmatter.missing"),
        ("\n+++\na = 1\n+++\n", "frontmatter.missing"),
        ("---\ntitle: A\n---\n", "frontmatter.missing"),
        ("+++\na = 1\n", "frontmatter.unclosed"),
        ("+++\na = 1\n++++\n", "frontmatter.unclosed"),
        ("+++\n", "frontmatter.unclosed"),
        ("+++", "frontmatter.unclosed"),
    ],
)
def test_broken_front_matter_raises_with_line_and_key(text: str, key: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        split(text)
    assert raised.value.key == key
    assert raised.value.line == 1
    assert isinstance(raised.value, ValueError)


def test_delimiter_constant() -> None:
    assert frontmatter.DELIMITER == "+++"
