"""docs/format.md and `bftui schema` describe exactly what the schema enforces."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bftui.cli import main
from bftui.core.items import schema
from bftui.core.items.describe import DESCRIPTIONS, json_schema, with_tables
from bftui.core.library import frontmatter

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "articles"


def test_every_field_is_described() -> None:
    keys = {
        spec.key
        for fields in (
            schema.ARTICLE_FIELDS,
            schema.EVENT_FIELDS,
            schema.PROGRAMME_FIELDS,
        )
        for spec in fields
    }
    assert keys == set(DESCRIPTIONS)


def test_format_doc_tables_are_up_to_date() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert with_tables(doc) == doc, "run: .venv/bin/python tools/format_doc.py"


def test_a_stale_table_is_noticed() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    stale = doc.replace("| `title` | text | yes |", "| `title` | text | no |", 1)
    assert with_tables(stale) != stale


def as_json(value: Any) -> Any:
    """Return TOML data as JSON data, dates as ISO strings (as taplo checks them)."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.protocols.Validator:
    schema_ = json_schema(kind)
    cls = jsonschema.validators.validator_for(schema_)
    cls.check_schema(schema_)
    return cls(schema_, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("events/*.toml")), ids=str)
def test_the_sample_events_match_their_schema(path: Path) -> None:
    data = as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    assert list(validator("event").iter_errors(data)) == []


@pytest.mark.parametrize("path", sorted(SAMPLE.glob("*.md")), ids=str)
def test_the_sample_articles_match_their_schema(path: Path) -> None:
    front = frontmatter.split(path.read_text(encoding="utf-8")).front
    assert list(validator("article").iter_errors(as_json(tomllib.loads(front)))) == []


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("article", {"title": "T", "kind": "blog", "published": "2020-01-01"}),
        ("article", {"title": "T", "kind": "news"}),
        ("article", {"title": "T", "kind": "news", "published": "2020-13-01"}),
        ("article", {"title": "T", "kind": "report", "published": "2020-01-01",
                     "interviewee": {"name": "A"}}),
        ("article", {"title": "T", "kind": "interview", "published": "2020-01-01",
                     "interviewee": {"role": "chef"}}),
        ("article", {"title": "T", "kind": "news", "published": "2020-01-01",
                     "source": "ftp://x"}),
        ("event", {"title": "T"}),
        ("event", {"title": "T", "year": "2019"}),
        ("event", {"title": "T", "year": 2019, "programme": [{"day": 1}]}),
        ("event", {"title": "T", "year": 2019, "participants": -1}),
    ],
)  # fmt: skip
def test_broken_items_break_the_schema(kind: str, data: dict[str, Any]) -> None:
    assert list(validator(kind).iter_errors(data))


def test_schema_command_prints_the_json_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "event"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema("event")
    assert printed["properties"]["kind"]["enum"] == list(schema.EVENT_FIELDS[1].choices)
