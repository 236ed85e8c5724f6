"""Dates at the edges of the calendar: refused by `check` or handled by every consumer.

Dates and years must lie in the years 1900 to 2200 (`schema.FIRST_YEAR`,
`schema.LAST_YEAR`). Beyond them `check` names the field and the file (9999-12-31
has no next day for a calendar's end, 0001-01-01T00:30:00+01:00 no UTC time);
at them every command works.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bftui import cli
from bftui.core.items import schema
from bftui.core.library.loading import load
from bftui.core.store import storage
from bftui.core.transfer import ical
from bftui.i18n import t

from .conftest import fuzz_settings
from .every_command import run_every_command

OUTSIDE = {
    "slutet": "start = 9999-12-31",
    "borjan-med-zon": "start = 0001-01-01T00:30:00+01:00",
    "borjan": "start = 0001-01-01",
    "fore-1900": "start = 1899-12-31T23:59:59",
    "slut-utanfor": "start = 2200-12-31\nend = 9999-12-31",
    "lokal-tid": "start = 2200-12-31T23:59:59",
}
"""Event files (slug -> dates) of which only the last is inside the range."""
INSIDE = {
    "forsta-sekunden": "start = 1900-01-01T00:30:00+01:00",
    "sista-dagen": "start = 2200-12-31\nend = 2200-12-31",
    "sista-sekunden": "start = 2200-12-31T23:59:59-12:00",
    "forsta-dagen": "start = 1900-01-01\nend = 1900-01-02",
}


def _event(dates: str) -> str:
    return f'title = "Kanten"\n{dates}\n'


def _article(published: str) -> str:
    return (
        f'+++\ntitle = "Kanten"\nkind = "news"\npublished = {published}\n+++\nText.\n'
    )


@pytest.fixture
def edge_library(sample_copy: Path) -> Path:
    events = sample_copy / "events"
    for slug, dates in {**OUTSIDE, **INSIDE}.items():
        (events / f"{slug}.toml").write_text(_event(dates), encoding="utf-8")
    for slug, published in {
        "artikel-9999": "9999-12-31",
        "artikel-0001": "0001-01-01",
        "artikel-1900": "1900-01-01",
        "artikel-2200": "2200-12-31",
    }.items():
        (sample_copy / f"{slug}.md").write_text(_article(published), encoding="utf-8")
    return sample_copy


def test_check_refuses_dates_outside_the_range_and_names_them(
    edge_library: Path,
) -> None:
    library = load(edge_library)
    message = t("check.date_range", first=1900, last=2200)
    refused = {
        p.path.as_posix(): p.message for p in library.problems if message in p.message
    }
    assert set(refused) == {
        *(f"events/{slug}.toml" for slug in OUTSIDE if slug != "lokal-tid"),
        "artikel-9999.md",
        "artikel-0001.md",
    }
    assert refused["events/slut-utanfor.toml"].startswith("end:")
    slugs = {item.slug for item in library.items()}
    assert {*INSIDE, "lokal-tid", "artikel-1900", "artikel-2200"} <= slugs


def test_every_command_copes_with_the_edge_dates(
    edge_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = run_every_command(edge_library, tmp_path, capsys)
    status, text, errors = results["export ics"]
    assert status == 0 and "Traceback" not in errors
    assert "DTSTART:18991231T233000Z" in text
    assert "DTEND;VALUE=DATE:22010101" in text
    assert "DTSTART:22010101T115959Z" in text
    assert results["check"][0] == 1


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("published", "9999-12-31"),
        ("published", "0001-01-01"),
        ("start", "9999-12-31 23:59"),
        ("start", "0001-01-01"),
    ],
)
def test_a_form_or_new_refuses_an_edge_date(key: str, typed: str) -> None:
    spec = next(
        s for s in (*schema.ARTICLE_FIELDS, *schema.EVENT_FIELDS) if s.key == key
    )
    value, error = schema.parse_field(spec, typed)
    assert value is None
    assert error == t("check.date_range", first=1900, last=2200)


def test_new_event_from_the_cli_refuses_an_edge_date(
    sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--library", str(sample_copy), "new", "event", "--title", "Kanten"]
    assert cli.main([*argv, "--start", "9999-12-31"]) == 1
    assert "1900" in capsys.readouterr().err
    with pytest.raises(storage.ValidationError):
        storage.create_event(sample_copy, {"title": "T", "start": dt.date(9999, 1, 1)})


@fuzz_settings()
@given(
    st.one_of(
        st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
        st.datetimes(
            dt.datetime(1900, 1, 1),
            dt.datetime(2200, 12, 31, 23, 59, 59),
            timezones=st.none()
            | st.builds(
                dt.timezone,
                st.timedeltas(-dt.timedelta(hours=23), dt.timedelta(hours=23)),
            ),
        ),
    ),
    st.integers(0, 3),
)
def test_any_accepted_date_makes_a_calendar(
    start: dt.date | dt.datetime, days: int
) -> None:
    end = (start.date() if isinstance(start, dt.datetime) else start) + dt.timedelta(
        days=days
    )
    data = {"title": "T", "start": start}
    if end.year <= schema.LAST_YEAR:
        data["end"] = end
    if schema.check_event(data):
        return  # e.g. a date and an end in another year than `year`
    from bftui.core.items.model import Event

    event = Event(
        slug="x", path=Path("x.toml"), title="T", start=start, end=data.get("end")
    )
    text, skipped = ical.calendar([event])
    assert not skipped and "DTSTART" in text
