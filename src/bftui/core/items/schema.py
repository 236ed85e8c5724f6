"""One field schema per content type: it drives forms, validation and `bftui check`.

Values are checked in two shapes: as read from TOML (`check_article`,
`check_event`) and as typed into a form (`parse_field`), with the same rules.
Messages are i18n keys formatted in the UI language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bftui.core.items.model import ARTICLE_KINDS, EVENT_KINDS
from bftui.core.text import safe_text
from bftui.i18n import t

FieldType = Literal[
    "text", "markdown", "date", "date_or_datetime", "year", "count", "bool",
    "choice", "list", "url", "event_ref", "links", "programme", "table",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One key of a content type."""

    key: str
    """Dotted TOML key, e.g. `interviewee.name`."""
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """Article kinds the field belongs to; empty means every kind."""
    max_length: int = 0
    """The most characters a text may have; 0 for no limit."""

    @property
    def label(self) -> str:
        """The field's name in the UI language."""
        return t(f"field.{self.key}")

    def applies_to(self, kind: str) -> bool:
        """Return True if the field belongs to items of `kind`."""
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True, slots=True)
class FieldError:
    """A value that breaks its field's rule."""

    key: str
    message: str


TITLE_MAX = 200
"""The most characters a title may have: it is a file name, a line in lists and a heading."""

ARTICLE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", required=True, max_length=TITLE_MAX),
    FieldSpec("kind", "choice", required=True, choices=ARTICLE_KINDS),
    FieldSpec("published", "date", required=True),
    FieldSpec("lead", "text"),
    FieldSpec("tags", "list"),
    FieldSpec("event", "event_ref"),
    FieldSpec("source", "url"),
    FieldSpec("links", "links"),
    FieldSpec("needs_review", "list"),
    FieldSpec("interviewee", "table", kinds=("interview",)),
    FieldSpec("interviewee.name", "text", required=True, kinds=("interview",)),
    FieldSpec("interviewee.role", "text", kinds=("interview",)),
    FieldSpec("interviewee.organisation", "text", kinds=("interview",)),
    FieldSpec("interviewee.consent", "bool", kinds=("interview",)),
)
"""The article schema, in form order."""

EVENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", required=True, max_length=TITLE_MAX),
    FieldSpec("kind", "choice", choices=EVENT_KINDS),
    FieldSpec("year", "year"),
    FieldSpec("start", "date_or_datetime"),
    FieldSpec("end", "date_or_datetime"),
    FieldSpec("city", "text"),
    FieldSpec("venue", "text"),
    FieldSpec("organiser", "text"),
    FieldSpec("partners", "list"),
    FieldSpec("participants", "count"),
    FieldSpec("participants_note", "text"),
    FieldSpec("url", "url"),
    FieldSpec("summary", "markdown"),
    FieldSpec("programme", "programme"),
)
"""The event schema, in form order."""

PROGRAMME_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("programme.day", "count"),
    FieldSpec("programme.time", "text"),
    FieldSpec("programme.title", "text", required=True, max_length=TITLE_MAX),
    FieldSpec("programme.description", "markdown"),
)
"""The fields of one programme row."""

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""The years a date or year may name: every calendar, sort and export copes
with them (9999-12-31 has no next day, 0001-01-01T00:30+01:00 no UTC time)."""
_TEXT_TYPES = ("text", "markdown", "url", "event_ref", "choice")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\Z", re.IGNORECASE)
_EMPTY: Any = object()


def get(data: Mapping[str, Any], key: str) -> Any:
    """Return the value at dotted `key` in `data`, or `_EMPTY` if absent."""
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return _EMPTY
        value = value[part]
    return value


def is_url(text: str) -> bool:
    """Return True if `text` is an http(s) URL."""
    return bool(_URL.match(text))


def _check_date(value: Any, datetimes: bool) -> str | None:
    if not isinstance(value, dt.date) or (
        isinstance(value, dt.datetime) and not datetimes
    ):
        return t("check.not_date")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        return t("check.date_range", first=FIRST_YEAR, last=LAST_YEAR)
    return None


def _check_links(value: Any) -> str | None:
    if not isinstance(value, list):
        return t("check.not_list")
    for link in value:
        if not isinstance(link, Mapping) or not isinstance(link.get("url"), str):
            return t("check.bad_link")
        if not is_url(link["url"]):
            return t("check.bad_url", value=link["url"])
        if not isinstance(link.get("title", ""), str):
            return t("check.bad_link")
    return None


def _check_programme(value: Any) -> str | None:
    if not isinstance(value, list):
        return t("check.not_list")
    for number, row in enumerate(value, start=1):
        if not isinstance(row, Mapping):
            return t("check.bad_programme", row=number)
        for spec in PROGRAMME_FIELDS:
            error = check_value(spec, get(row, spec.key.removeprefix("programme.")))
            if error:
                return t("check.programme_row", row=number, error=error)
    return None


@functools.cache
def _type_check(type_: FieldType) -> Callable[[Any], str | None]:
    # Built once per type (a form checks thousands of programme rows); the
    # messages are looked up when a check fails, in the language of the day.
    def expect(test: Callable[[Any], bool], key: str) -> Callable[[Any], str | None]:
        return lambda value: None if test(value) else t(key)

    checks: dict[str, Callable[[Any], str | None]] = {
        "text": expect(lambda v: isinstance(v, str), "check.not_text"),
        "markdown": expect(lambda v: isinstance(v, str), "check.not_text"),
        "date": lambda v: _check_date(v, datetimes=False),
        "date_or_datetime": lambda v: _check_date(v, datetimes=True),
        "year": expect(
            lambda v: type(v) is int and FIRST_YEAR <= v <= LAST_YEAR,
            "check.not_year",
        ),
        "count": expect(lambda v: type(v) is int and v >= 0, "check.not_count"),
        "bool": expect(lambda v: isinstance(v, bool), "check.not_bool"),
        "list": expect(
            lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "check.not_list",
        ),
        "url": lambda v: (
            t("check.not_text")
            if not isinstance(v, str)
            else None
            if not v or is_url(v)
            else t("check.bad_url", value=v)
        ),
        "event_ref": expect(lambda v: isinstance(v, str), "check.not_text"),
        "links": _check_links,
        "programme": _check_programme,
        "table": expect(lambda v: isinstance(v, Mapping), "check.not_table"),
    }
    return checks[type_]


def check_value(spec: FieldSpec, value: Any) -> str | None:
    """Return why `value` breaks `spec`, or None if it is fine."""
    # "" is an empty text; in a date or number field it is a value of the wrong type.
    if value is _EMPTY or (value == "" and spec.type in _TEXT_TYPES):
        return t("check.required") if spec.required else None
    if spec.type == "choice":
        if value not in spec.choices:
            return t("check.bad_choice", value=value, choices=", ".join(spec.choices))
        return None
    if spec.max_length and isinstance(value, str):
        # Counted as shown (controls made visible), so a file's text and the
        # item read from it, or from the index, are measured alike.
        length = len(safe_text(value))
        if length > spec.max_length:
            return t("check.too_long", length=length, most=spec.max_length)
    return _type_check(spec.type)(value)


def _check(
    fields: Iterable[FieldSpec], data: Mapping[str, Any], kind: str
) -> list[FieldError]:
    errors: list[FieldError] = []
    for spec in fields:
        value = get(data, spec.key)
        parent = spec.key.rpartition(".")[0]
        if parent and not isinstance(get(data, parent), Mapping):
            continue
        if not spec.applies_to(kind):
            if value is not _EMPTY and not parent:
                errors.append(FieldError(spec.key, t("check.only_interviews")))
            continue
        error = check_value(spec, value)
        if error:
            errors.append(FieldError(spec.key, error))
    return errors


def check_article(
    data: Mapping[str, Any], events: Collection[str] | None = None
) -> list[FieldError]:
    """Return every rule the article front matter `data` breaks.

    Args:
        data: the front matter.
        events: the slugs of the library's events; when given, `event` must
            be one of them.
    """
    kind = data.get("kind")
    errors = _check(ARTICLE_FIELDS, data, kind if isinstance(kind, str) else "")
    event = data.get("event")
    if events is not None and not any(e.key == "event" for e in errors):
        error = check_event_ref(event, events)
        if error:
            errors.append(FieldError("event", error))
    return errors


def check_event_ref(value: Any, events: Collection[str]) -> str | None:
    """Return why `value` is not the slug of one of `events`, or None if it is (or empty)."""
    if value is None or value == "" or value in events:
        return None
    return t("check.unknown_event", value=value)


def review_label(key: str) -> str:
    """Return the UI name of an article field listed in `needs_review` (the key itself
    for a name the schema does not know)."""
    known = {spec.key for spec in ARTICLE_FIELDS}
    return safe_text(t(f"field.{key}") if key in known else key)


def fields_for(kind: str) -> tuple[FieldSpec, ...]:
    """Return the article fields a form shows for `kind`, in form order (no tables)."""
    return tuple(
        spec
        for spec in ARTICLE_FIELDS
        if spec.type != "table" and spec.applies_to(kind)
    )


def format_field(spec: FieldSpec, value: Any) -> str:
    """Return `value` as it is typed into field `spec` (the inverse of `parse_field`)."""
    if value is None or value is _EMPTY:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(
            "%Y-%m-%d %H:%M" if not value.second else "%Y-%m-%d %H:%M:%S"
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(part) for part in value)
    return str(value)


def check_event(data: Mapping[str, Any]) -> list[FieldError]:
    """Return every rule the event table `data` breaks, dates and year included."""
    errors = _check(EVENT_FIELDS, data, "")
    if any(error.key in ("start", "end") for error in errors):
        return errors
    start, end = data.get("start"), data.get("end")
    if start is None and data.get("year") is None:
        errors.append(FieldError("year", t("check.year_or_start")))
    if end is not None and start is None:
        errors.append(FieldError("start", t("check.end_without_start")))
    elif start is not None and end is not None and _day(end) < _day(start):
        errors.append(FieldError("end", t("check.end_before_start")))
    year = data.get("year")
    if start is not None and type(year) is int and _day(start).year != year:
        errors.append(FieldError("year", t("check.year_mismatch")))
    return errors


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def parse_field(spec: FieldSpec, text: str) -> tuple[Any, str | None]:
    """Turn what was typed into field `spec` into its TOML value.

    Returns:
        `(value, None)` on success, where an empty optional field gives None,
        or `(None, message)` saying what is wrong.
    """
    text = text.strip()
    if not text:
        return None, (t("check.required") if spec.required else None)
    value: Any = text
    try:
        if spec.type == "date":
            value = dt.date.fromisoformat(text)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
        elif spec.type == "date_or_datetime":
            value = _parse_date_or_datetime(text)
        elif spec.type in ("year", "count"):
            if not re.fullmatch(r"\d+", text):
                raise ValueError(text)
            value = int(text)
        elif spec.type == "list":
            value = [part.strip() for part in text.split(",") if part.strip()]
    except ValueError:
        return None, _why_not(spec.type, text)
    error = check_value(spec, value)
    return (None, error) if error else (value, None)


_LOOSE_DATE = re.compile(
    r"(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\Z"
)
"""A date (and time) with the parts in place, if perhaps not all in range."""


def _why_not(type_: FieldType, text: str) -> str:
    """Say what is wrong with `text`, typed into a field of `type_`: the part, else the form."""
    if type_ in ("date", "date_or_datetime") and (match := _LOOSE_DATE.match(text)):
        year, month, day = (int(part) for part in match.groups()[:3])
        if not 1 <= month <= 12:
            return t("parse.no_month", month=month)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return t("check.date_range", first=FIRST_YEAR, last=LAST_YEAR)
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            name = t(f"month.{month}")
            return t("parse.no_day", day=day, month=name, year=year, days=days)
        if match.group(4) is not None and type_ == "date_or_datetime":
            hour, minute = int(match.group(4)), int(match.group(5))
            if hour > 23:
                return t("parse.no_hour", hour=hour)
            if minute > 59 or int(match.group(6) or 0) > 59:
                return t("parse.no_minute", minute=minute)
    if type_ in ("year", "count"):
        if re.fullmatch(r"-\d+", text):
            return t("parse.negative", value=text)
        if re.fullmatch(r"-?\d+[.,]\d+", text):
            return t("parse.not_whole", value=text)
    return t(f"parse.{type_}")


def _parse_date_or_datetime(text: str) -> dt.date | dt.datetime:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        return dt.datetime.fromisoformat(text.replace(" ", "T"))
    raise ValueError(text)
