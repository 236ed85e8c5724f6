"""Calendar export: parsed by a real iCalendar parser, and checked octet by octet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from bftui.core.items.model import Event, ProgrammeItem
from bftui.core.transfer.ical import calendar, escape, fold

NOW = dt.datetime(2024, 3, 1, 12, 30, tzinfo=dt.UTC)
LONG_TITLE = "Nätverksträff för Bostad först; bostäder, stöd och återhämtning i Malmö och Göteborg"


def _event(slug: str, **fields: Any) -> Event:
    fields.setdefault("title", slug)
    return Event(slug=slug, path=Path(f"/x/events/{slug}.toml"), **fields)


ALL_DAY = _event(
    "2024-natverkstraff-goteborg",
    title=LONG_TITLE,
    kind="network-meeting",
    year=2024,
    start=dt.date(2024, 5, 8),
    end=dt.date(2024, 5, 9),
    city="Göteborg",
    venue="Folkets hus, Järntorget",
    url="https://www.bostadforst.se/konferens/",
    summary="Två dagar i Göteborg.\nSe [träffen 2023](<2023-traff.toml>) och\n\n"
    "[programmet](https://example.org/p) med å, ä; ö\\.",
    programme=(
        ProgrammeItem("Nätverksträff", day=1, description="Samtal i grupper."),
        ProgrammeItem("Öppen konferens", day=2, time="09:00"),
    ),
)
TIMED = _event(
    "2024-studiebesok-odense",
    kind="study-visit",
    year=2024,
    start=dt.datetime(2024, 10, 3, 9, 30),
    end=dt.datetime(2024, 10, 3, 16, 0),
    city="Odense",
)
YEAR_ONLY = _event("2020-natverkstraff-stockholm", year=2020)


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_a_real_parser_reads_every_field() -> None:
    text, skipped = calendar([ALL_DAY, TIMED, YEAR_ONLY], now=NOW, name="Nätverket")
    assert skipped == [YEAR_ONLY]
    parsed = icalendar.Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == {
        "2024-natverkstraff-goteborg@bostadforst.se",
        "2024-studiebesok-odense@bostadforst.se",
    }
    day = events["2024-natverkstraff-goteborg@bostadforst.se"]
    assert str(day["SUMMARY"]) == LONG_TITLE
    assert day["DTSTART"].dt == dt.date(2024, 5, 8)
    assert day["DTEND"].dt == dt.date(2024, 5, 10)  # exclusive end
    assert day["DTSTAMP"].dt == NOW
    assert str(day["LOCATION"]) == "Folkets hus, Järntorget, Göteborg"
    assert str(day["URL"]) == "https://www.bostadforst.se/konferens/"
    assert str(day["DESCRIPTION"]) == (
        "Två dagar i Göteborg. Se träffen 2023 och\n\n"
        "programmet (https://example.org/p) med å, ä; ö\\.\n\n"
        "Program:\nDag 1: Nätverksträff\nSamtal i grupper.\nDag 2 09:00: Öppen konferens"
    )
    assert [str(c) for c in day["CATEGORIES"].cats] == ["Nätverksträff"]
    timed = events["2024-studiebesok-odense@bostadforst.se"]
    stockholm = ZoneInfo("Europe/Stockholm")
    assert timed["DTSTART"].dt == dt.datetime(2024, 10, 3, 9, 30, tzinfo=stockholm)
    assert timed["DTEND"].dt == dt.datetime(2024, 10, 3, 16, 0, tzinfo=stockholm)
    assert timed["DTSTART"].params["TZID"] == "Europe/Stockholm"
    zones = list(parsed.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Stockholm"]
    assert str(parsed["X-WR-CALNAME"]) == "Nätverket"


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_characters() -> None:
    text, _ = calendar([ALL_DAY], now=NOW)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    for line in lines:
        assert len(line.encode("utf-8")) <= 75
    summary = _unfold(text).split("\r\n")
    assert f"SUMMARY:{escape(LONG_TITLE)}" in summary
    # The long summary really was folded, and each piece is whole UTF-8.
    start = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY:"))
    assert lines[start + 1].startswith(" ")
    for line in lines:
        line.encode("utf-8").decode("utf-8")


def test_escaping_of_backslash_semicolon_comma_and_newline() -> None:
    assert escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    text, _ = calendar([ALL_DAY], now=NOW)
    unfolded = _unfold(text).split("\r\n")
    assert "LOCATION:Folkets hus\\, Järntorget\\, Göteborg" in unfolded
    description = next(x for x in unfolded if x.startswith("DESCRIPTION:"))
    assert "å\\, ä\\; ö\\\\." in description
    assert "\\n\\nProgram:\\nDag 1" in description
    assert (
        "SUMMARY:Nätverksträff för Bostad först\\; bostäder\\, stöd"
        in unfolded[unfolded.index(f"SUMMARY:{escape(LONG_TITLE)}")]
    )


@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_fold_never_splits_a_multibyte_character(width: int) -> None:
    char = {1: "a", 2: "ö", 3: "€", 4: "😀"}[width]
    line = "DESCRIPTION:" + char * 200
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
    # A piece ends only where adding the next character would pass 75 octets.
    assert all(len(p.encode("utf-8")) + width > 75 for p in pieces[:-1])


def test_only_year_events_are_all_skipped() -> None:
    text, skipped = calendar([YEAR_ONLY], now=NOW)
    assert skipped == [YEAR_ONLY]
    assert "BEGIN:VEVENT" not in text and "VTIMEZONE" not in text


def test_single_day_and_open_ended_events() -> None:
    single = _event("a", year=2024, start=dt.date(2024, 12, 31))
    open_ended = _event(
        "b", year=2024, start=dt.datetime(2024, 1, 1, 10, 0, tzinfo=dt.UTC)
    )
    mixed = _event(
        "c", year=2024, start=dt.datetime(2024, 2, 1, 10, 0), end=dt.date(2024, 2, 2)
    )
    text, _ = calendar([single, open_ended, mixed], now=NOW)
    lines = text.split("\r\n")
    assert "DTSTART;VALUE=DATE:20241231" in lines
    assert "DTEND;VALUE=DATE:20250101" in lines
    assert "DTSTART:20240101T100000Z" in lines
    assert "DTEND;TZID=Europe/Stockholm:20240203T000000" in lines
    parsed = icalendar.Calendar.from_ical(text)
    assert len(list(parsed.walk("VEVENT"))) == 3


def test_uid_is_stable_between_exports() -> None:
    first, _ = calendar([ALL_DAY], now=NOW)
    second, _ = calendar([ALL_DAY], now=NOW + dt.timedelta(days=3))
    uid = [x for x in first.split("\r\n") if x.startswith("UID:")]
    assert uid == [x for x in second.split("\r\n") if x.startswith("UID:")]
    assert first != second  # DTSTAMP says when


def test_write_event_writes_slug_ics(tmp_path: Path) -> None:
    from bftui.core.transfer.ical import write_event

    path = write_event(ALL_DAY, tmp_path)
    assert path == tmp_path / "2024-natverkstraff-goteborg.ics"
    assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    with pytest.raises(ValueError):
        write_event(YEAR_ONLY, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
