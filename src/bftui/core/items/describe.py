"""The file formats described from the schema: field tables for docs/format.md, JSON Schema.

Both are made from `schema.ARTICLE_FIELDS`, `EVENT_FIELDS` and
`PROGRAMME_FIELDS`, so they cannot drift from what `bftui check` and the
forms enforce; `tests/core/test_describe.py` fails when docs/format.md's
tables are out of date (`python tools/format_doc.py` writes them anew).
"""

from __future__ import annotations

from typing import Any

from bftui.core.items.schema import (
    ARTICLE_FIELDS,
    EVENT_FIELDS,
    PROGRAMME_FIELDS,
    FieldSpec,
    FieldType,
)

DESCRIPTIONS: dict[str, str] = {
    "title": "The headline as published.",
    "kind": "What sort of item this is.",
    "published": "The day the article was published.",
    "lead": "The ingress or pull quote shown above the text.",
    "tags": "Free words to find the item by: cities, themes.",
    "event": "The slug of a related event in `events/`.",
    "source": "The web address the article was first published at.",
    "links": "Titled links shown at the end of the article.",
    "needs_review": "Fields an import guessed (`published`, `kind`, `interviewee`, "
    "`title`); `bftui check` warns until an editor saves the article's form.",
    "interviewee": "The person an interview is with.",
    "interviewee.name": "The interviewee's full name.",
    "interviewee.role": "Their job title or role.",
    "interviewee.organisation": "Where they work.",
    "interviewee.consent": "Whether they agreed to publication.",
    "year": "The year; required when `start` is not given.",
    "start": "The first day (or date and time).",
    "end": "The last day (or date and time); not before `start`.",
    "city": "Where the event took place.",
    "venue": "The building or room.",
    "organiser": "Who arranged the event.",
    "partners": "Organisations it was arranged with.",
    "participants": "How many took part.",
    "participants_note": 'How the count was given, e.g. "över 200".',
    "url": "The event's web page.",
    "summary": "What happened, in Markdown.",
    "programme": "The programme, one `[[programme]]` table a row, in order.",
    "programme.day": "Which day of the event (1, 2, ...).",
    "programme.time": 'When in the day, e.g. "13:00".',
    "programme.title": "The programme item's title.",
    "programme.description": "What the item was about, in Markdown.",
}
"""What each field is for, in the words of docs/format.md."""

_TYPES: dict[FieldType, str] = {
    "text": "text",
    "markdown": "Markdown text",
    "date": "date (`2020-05-24`), in the years 1900-2200",
    "date_or_datetime": (
        "date or local date-time (`2019-05-09T09:30`), in the years 1900-2200"
    ),
    "year": "integer, 1900-2200",
    "count": "integer, 0 or more",
    "bool": "`true` or `false`",
    "choice": "one of the values listed",
    "list": "list of texts",
    "url": "http(s) web address",
    "event_ref": "event slug",
    "links": "list of `{ title, url }`",
    "programme": "array of tables",
    "table": "table",
}

_SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_URL_PATTERN = "^[hH][tT][tT][pP][sS]?://[^\\s/$.?#][^\\s]*$"


def field_table(fields: tuple[FieldSpec, ...]) -> str:
    """Return a Markdown table of `fields`: key, type, required, what it is for."""
    rows = ["| key | type | required | what it is for |", "| --- | --- | --- | --- |"]
    for spec in fields:
        kind = _TYPES[spec.type]
        if spec.choices:
            kind = " \\| ".join(f"`{choice}`" for choice in spec.choices)
        required = "yes" if spec.required else "no"
        if spec.kinds:
            required += " (" + ", ".join(spec.kinds) + " only)"
        rows.append(
            f"| `{spec.key}` | {kind} | {required} | {DESCRIPTIONS[spec.key]} |"
        )
    return "\n".join(rows)


TABLES: dict[str, tuple[FieldSpec, ...]] = {
    "article": ARTICLE_FIELDS,
    "event": EVENT_FIELDS,
    "programme": PROGRAMME_FIELDS,
}
"""The tables docs/format.md holds, by the name of their marker."""


def with_tables(text: str) -> str:
    """Return the Markdown `text` with every `<!-- fields:NAME -->` block made anew.

    Raises:
        ValueError: when a table's marker is missing.
    """
    for name, fields in TABLES.items():
        start, end = f"<!-- fields:{name} -->", f"<!-- /fields:{name} -->"
        before, found, rest = text.partition(start)
        if not found:
            raise ValueError(f"no {start} marker")
        _, _, after = rest.partition(end)
        text = f"{before}{start}\n{field_table(fields)}\n{end}{after}"
    return text


def _value_schema(spec: FieldSpec, fields: tuple[FieldSpec, ...]) -> Any:
    """Return the JSON Schema of one field's value (TOML dates as formatted strings)."""
    date = {"type": "string", "format": "date"}
    url = {"type": "string", "pattern": _URL_PATTERN}
    schemas: dict[FieldType, Any] = {
        "text": {"type": "string"},
        "markdown": {"type": "string"},
        "date": date,
        "date_or_datetime": {
            "anyOf": [
                date,
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "partial-date-time"},
            ]
        },
        "year": {"type": "integer", "minimum": 1900, "maximum": 2200},
        "count": {"type": "integer", "minimum": 0},
        "bool": {"type": "boolean"},
        "choice": {"enum": list(spec.choices)},
        "list": {"type": "array", "items": {"type": "string"}},
        "url": url,
        "event_ref": {"type": "string", "pattern": _SLUG_PATTERN},
        "links": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "properties": {"title": {"type": "string"}, "url": url},
            },
        },
    }
    if spec.type == "programme":
        value = {"type": "array", "items": _object(PROGRAMME_FIELDS, "programme.")}
    elif spec.type == "table":
        value = _object(fields, spec.key + ".")
    else:
        value = schemas[spec.type]
    return {**value, "description": DESCRIPTIONS[spec.key]}


def _object(fields: tuple[FieldSpec, ...], prefix: str = "") -> dict[str, Any]:
    """Return the JSON Schema of the table at `prefix` whose keys are in `fields`."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for spec in fields:
        name = spec.key.removeprefix(prefix)
        if not spec.key.startswith(prefix) or "." in name:
            continue
        properties[name] = _value_schema(spec, fields)
        # A key of one kind only (interviews) is required inside its own table.
        if spec.required and (prefix or not spec.kinds):
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def json_schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of an article's front matter or of an event file.

    Unknown keys are allowed (bftui keeps them); dates are strings with a
    `format`, as TOML tools (taplo) check TOML dates.
    """
    fields = ARTICLE_FIELDS if kind == "article" else EVENT_FIELDS
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "bftui article front matter" if kind == "article" else "bftui event",
        **_object(fields),
    }
    if kind == "article":
        only = sorted({s.key for s in fields if s.kinds and "." not in s.key})
        # Interview-only tables (interviewee) are an error on other kinds.
        schema["if"] = {"not": {"properties": {"kind": {"const": "interview"}}}}
        schema["then"] = {"not": {"anyOf": [{"required": [key]} for key in only]}}
    else:
        schema["anyOf"] = [{"required": ["year"]}, {"required": ["start"]}]
    return schema
