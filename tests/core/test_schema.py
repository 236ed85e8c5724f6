"""The schema's form helpers: per-kind fields, typed text, known events."""

from __future__ import annotations

import datetime as dt

import pytest

from bftui.core.items import schema
from bftui.i18n import set_language

SPECS = {spec.key: spec for spec in (*schema.ARTICLE_FIELDS, *schema.EVENT_FIELDS)}


def test_fields_for_kind() -> None:
    interview = [spec.key for spec in schema.fields_for("interview")]
    news = [spec.key for spec in schema.fields_for("news")]
    assert "interviewee.name" in interview and "interviewee.consent" in interview
    assert not any(key.startswith("interviewee") for key in news)
    assert "interviewee" not in interview  # the table itself is no field


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("published", dt.date(2024, 5, 1), "2024-05-01"),
        ("start", dt.datetime(2024, 5, 1, 9, 30), "2024-05-01 09:30"),
        ("tags", ["a", "b"], "a, b"),
        ("participants", 200, "200"),
        ("title", None, ""),
    ],
)
def test_format_is_the_inverse_of_parse(key: str, value: object, text: str) -> None:
    spec = SPECS[key]
    assert schema.format_field(spec, value) == text
    assert schema.parse_field(spec, text) == (value, None) or value is None


def test_event_must_be_known() -> None:
    data = {
        "kind": "news",
        "title": "T",
        "published": dt.date(2024, 1, 1),
        "event": "x",
    }
    assert [e.key for e in schema.check_article(data, {"y"})] == ["event"]
    assert schema.check_article(data, {"x"}) == []
    assert schema.check_article(data) == []  # no known list given: not checked
    assert schema.check_event_ref("", {"y"}) is None


@pytest.mark.parametrize(
    ("key", "text", "sv", "en"),
    [
        ("start", "2025-13-45", "månad 13 finns inte", "there is no month 13"),
        (
            "published",
            "2025-02-30",
            "dag 30 finns inte: februari 2025 har 28 dagar",
            "there is no day 30: February 2025 has 28 days",
        ),
        (
            "start",
            "2025-05-20 25:00",
            "timme 25 finns inte (00–23)",
            "there is no hour 25 (00–23)",
        ),
        (
            "end",
            "2025-05-20 9:61",
            "minut 61 finns inte (00–59)",
            "there is no minute 61 (00–59)",
        ),
        ("participants", "-3", "-3 är mindre än 0", "-3 is less than 0"),
        ("year", "2024,5", "2024,5 är inget heltal", "2024,5 is not a whole number"),
        (
            "published",
            "5 mars",
            "skriv datumet som ÅÅÅÅ-MM-DD",
            "write the date as YYYY-MM-DD",
        ),
    ],
)
def test_a_wrong_value_is_told_what_is_wrong(
    key: str, text: str, sv: str, en: str
) -> None:
    try:
        assert schema.parse_field(SPECS[key], text) == (None, sv)
        set_language("en")
        assert schema.parse_field(SPECS[key], text) == (None, en)
    finally:
        set_language("sv")


@pytest.mark.parametrize("key", ["title", "programme.title"])
def test_a_title_has_a_most_length_in_forms_and_in_check(key: str) -> None:
    spec = {s.key: s for s in (*schema.EVENT_FIELDS, *schema.PROGRAMME_FIELDS)}[key]
    longest = "x" * schema.TITLE_MAX
    assert schema.parse_field(spec, longest) == (longest, None)
    too_long = longest + "y"
    message = f"för lång: {schema.TITLE_MAX + 1} tecken, högst {schema.TITLE_MAX}"
    assert schema.parse_field(spec, too_long) == (None, message)
    article = {"title": too_long, "kind": "news", "published": dt.date(2024, 5, 1)}
    assert schema.check_article(article) == [schema.FieldError("title", message)]
    event = {"title": "Träff", "year": 2024, "programme": [{"title": too_long}]}
    assert [e.key for e in schema.check_event(event)] == ["programme"]
