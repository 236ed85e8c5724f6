"""What changed between two versions, in fields, Q&A entries and paragraphs."""

from __future__ import annotations

from bftui.core.share.itemdiff import diff_item

ARTICLE = """+++
title = "Intervju"
kind = "interview"
published = 2020-05-24
tags = ["Malmö"]

[interviewee]
name = "Anita"
+++

Första stycket.

Andra stycket.

### Vad hände?

Mycket.

### Och sen?

Mer.
"""


def changes(old: str, new: str, kind: str = "article") -> list[tuple[str, str, str]]:
    return [(d.change, d.key, d.label) for d in diff_item(old, new, kind)]  # type: ignore[arg-type]


def test_the_same_text_has_no_differences() -> None:
    assert diff_item(ARTICLE, ARTICLE, "article") == []


def test_fields_nested_keys_entries_and_paragraphs() -> None:
    new = (
        ARTICLE.replace('name = "Anita"', 'name = "Anita S."')
        .replace('tags = ["Malmö"]', 'tags = ["Malmö", "Lund"]')
        .replace("Andra stycket.", "Andra stycket, omskrivet.")
        .replace("Mycket.", "Väldigt mycket.")
        .replace("### Och sen?\n\nMer.\n", "### Varför?\n\nDärför.\n")
    )
    assert changes(ARTICLE, new) == [
        ("changed", "tags", "Taggar"),
        ("changed", "interviewee.name", "Namn"),
        ("changed", "text:2", "Stycke 2"),
        ("changed", "qa:Vad hände?", "Vad hände?"),
        ("removed", "qa:Och sen?", "Och sen?"),
        ("added", "qa:Varför?", "Varför?"),
    ]
    tags = diff_item(ARTICLE, new, "article")[0]
    assert (tags.old, tags.new, tags.toml) == ('["Malmö"]', '["Malmö", "Lund"]', True)


def test_an_event_compares_its_fields() -> None:
    old = 'title = "Träff"\nyear = 2025\n'
    new = 'title = "Träff"\nyear = 2025\ncity = "Umeå"\n'
    assert changes(old, new, "event") == [("added", "city", "Ort")]


def test_a_broken_version_is_compared_as_text() -> None:
    assert changes("inget\n\nalls\n", "inget\n\nmer\n") == [
        ("changed", "text:2", "Stycke 2")
    ]
