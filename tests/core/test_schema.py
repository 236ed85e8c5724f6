"""The schema's form helpers: per-kind fields, typed text, known events."""

from __future__ import annotations

import datetime as dt

import pytest

from bftui.core.items import schema

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
