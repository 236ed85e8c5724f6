"""Between items and forms: an item's values as typed text, and typed text back to TOML data.

Form values are plain text (and a bool for consent), so they can be shown in
inputs and kept in JSON drafts. Parsing them uses the schema's own rules and
gives `FieldError`s keyed by field (`programme.2.title` for a programme row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from bftui.core.items import schema
from bftui.core.items.schema import FieldError, FieldSpec
from bftui.core.text import safe_text

Values = dict[str, Any]

_ARTICLE_SPECS = {spec.key: spec for spec in schema.ARTICLE_FIELDS}
_EVENT_SPECS = {spec.key: spec for spec in schema.EVENT_FIELDS}
_ROW_SPECS = {
    spec.key.removeprefix("programme."): spec for spec in schema.PROGRAMME_FIELDS
}
EVENT_TEXT_KEYS = tuple(
    spec.key for spec in schema.EVENT_FIELDS if spec.type not in ("programme",)
)
ARTICLE_TEXT_KEYS = ("kind", "title", "published", "lead", "tags", "event", "source")
PERSON_KEYS = ("interviewee.name", "interviewee.role", "interviewee.organisation")
_DATED = ("year", "start", "end")


def _text(key: str, value: Any, specs: Mapping[str, FieldSpec]) -> str:
    return safe_text(schema.format_field(specs[key], value))


def empty_row() -> dict[str, str]:
    """Return the values of a new, empty programme row."""
    return {"day": "", "time": "", "title": "", "description": ""}


def event_values(data: Mapping[str, Any] | None) -> Values:
    """Return the form values of an event file's TOML `data`, or of a new meeting."""
    if data is None:
        values: Values = {key: "" for key in EVENT_TEXT_KEYS}
        values["kind"] = "network-meeting"
        values["programme"] = []
        return values
    values = {key: _text(key, data.get(key), _EVENT_SPECS) for key in EVENT_TEXT_KEYS}
    rows = data.get("programme")
    values["programme"] = row_values(rows if isinstance(rows, list) else [])
    return values


def row_values(rows: Sequence[Any]) -> list[dict[str, str]]:
    """Return the form values of programme rows read from a file (tables only)."""
    return [
        {name: _text(name, row.get(name), _ROW_SPECS) for name in _ROW_SPECS}
        for row in rows
        if isinstance(row, Mapping)
    ]


class RowsAsRead(list[dict[str, Any]]):
    """Programme rows a form gives back as they were read: a save need not touch them.

    An event of 100,000 rows is saved in a blink when its rows are known
    to be as in the file the form was opened on (`storage.update_event`).
    """


def article_values(data: Mapping[str, Any] | None, body: str, today: dt.date) -> Values:
    """Return the form values of an article's front matter `data` and `body`.

    None gives a new interview published `today`. `consent` is True, False or
    None (not recorded), so an untouched article keeps what it said.
    """
    if data is None:
        values: Values = {key: "" for key in (*ARTICLE_TEXT_KEYS, *PERSON_KEYS)}
        values.update(kind="interview", published=today.isoformat(), consent=None)
        values["body"] = body
        return values
    values = {
        key: _text(key, data.get(key), _ARTICLE_SPECS) for key in ARTICLE_TEXT_KEYS
    }
    person = data.get("interviewee")
    person = person if isinstance(person, Mapping) else {}
    for key in PERSON_KEYS:
        name = key.removeprefix("interviewee.")
        values[key] = _text(key, person.get(name), _ARTICLE_SPECS)
    consent = person.get("consent")
    values["consent"] = consent if isinstance(consent, bool) else None
    values["body"] = safe_text(body)
    return values


def _parse(spec: FieldSpec, text: str, key: str, errors: list[FieldError]) -> Any:
    value, error = schema.parse_field(spec, text)
    if error:
        errors.append(FieldError(key, error))
    return value


def parse_row(
    number: int, row: Mapping[str, Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    """Return the TOML data of programme row `number` (0-based) and what is wrong in it."""
    errors: list[FieldError] = []
    parsed: dict[str, Any] = {}
    for name, spec in _ROW_SPECS.items():
        text = str(row.get(name, ""))
        if spec.type == "markdown":
            parsed[name] = text if text.strip() else None
        else:
            parsed[name] = _parse(spec, text, row_key(number, name), errors)
    return parsed, errors


Programme = tuple[list[dict[str, Any]], list[FieldError]]
"""The parsed rows of a programme and what is wrong in them."""


def parse_programme(rows: Sequence[Mapping[str, Any]]) -> Programme:
    """Return the TOML data of every programme row and what is wrong in them."""
    parsed: list[dict[str, Any]] = []
    errors: list[FieldError] = []
    for number, row in enumerate(rows):
        data, wrong = parse_row(number, row)
        parsed.append(data)
        errors += wrong
    return parsed, errors


def parse_event(
    values: Mapping[str, Any], programme: Programme | None = None
) -> tuple[dict[str, Any], list[FieldError]]:
    """Return the TOML data typed into an event form, and what is wrong in it.

    Empty fields give None, which tells storage to remove the key. A form
    that keeps its rows parsed (they can be many) gives them as `programme`.
    """
    errors: list[FieldError] = []
    data: dict[str, Any] = {}
    for key in EVENT_TEXT_KEYS:
        text = str(values.get(key, ""))
        if _EVENT_SPECS[key].type == "markdown":
            data[key] = text if text.strip() else None
        else:
            data[key] = _parse(_EVENT_SPECS[key], text, key, errors)
    if programme is None:
        programme = parse_programme(values.get("programme", []))
    rows, row_errors = programme
    errors += row_errors
    data["programme"] = rows or None
    # The rules between fields run whatever else is wrong, so their errors do
    # not vanish while another field is being fixed; but not over a date that
    # did not parse (its own error says enough). The rows are checked above.
    if not any(error.key in _DATED for error in errors):
        present = {k: v for k, v in data.items() if v is not None and k != "programme"}
        known = {error.key for error in errors}
        errors += [
            error for error in schema.check_event(present) if error.key not in known
        ]
    return data, errors


def parse_article(
    values: Mapping[str, Any], events: Collection[str]
) -> tuple[dict[str, Any], str, list[FieldError]]:
    """Return the front matter data and body typed into an article form, and what is wrong.

    The interviewee table is given only for interviews; for other kinds it is
    None, so storage removes it.
    """
    errors: list[FieldError] = []
    data: dict[str, Any] = {}
    for key in ARTICLE_TEXT_KEYS:
        data[key] = _parse(_ARTICLE_SPECS[key], str(values.get(key, "")), key, errors)
    error = schema.check_event_ref(data["event"], events)
    if error and not any(e.key == "event" for e in errors):
        errors.append(FieldError("event", error))
    if data["kind"] == "interview":
        person = {
            key.removeprefix("interviewee."): _parse(
                _ARTICLE_SPECS[key], str(values.get(key, "")), key, errors
            )
            for key in PERSON_KEYS
        }
        consent = values.get("consent")
        person["consent"] = consent if isinstance(consent, bool) else None
        data["interviewee"] = person
    else:
        data["interviewee"] = None
    return data, str(values.get("body", "")), errors


def row_key(number: int, name: str) -> str:
    """Return the error key of field `name` in programme row `number` (0-based)."""
    return f"programme.{number}.{name}"
