"""Report rows, CSV that spreadsheets open, JSON, and the meeting statistics."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bftui.core.items.model import Article, Event, Interviewee
from bftui.core.library.loading import load
from bftui.core.transfer.export import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    _article_row,
    article_rows,
    event_row,
    stats,
    stats_record,
    to_csv,
    to_json,
)


def _event(slug: str, **fields: Any) -> Event:
    fields.setdefault("title", slug)
    return Event(slug=slug, path=Path(f"/x/events/{slug}.toml"), **fields)


def test_event_rows_of_the_sample(library_path: Path) -> None:
    library = load(library_path)
    rows = {row["slug"]: row for row in map(event_row, library.events)}
    malmo = rows["2019-natverkstraff-malmo"]
    assert malmo == {
        "slug": "2019-natverkstraff-malmo",
        "title": "Svenska Bostad först-nätverkets träff 2019",
        "kind": "network-meeting",
        "year": 2019,
        "start": None,
        "end": None,
        "city": "Malmö",
        "organiser": "Bostad först-teamet, Malmö stad",
        "partners": ["Sveriges Stadsmissioner"],
        "participants": 200,
        "participants_note": "över 200",
    }
    assert rows["2020-natverkstraff-stockholm"]["participants"] is None


def test_article_rows_count_the_questions(library_path: Path) -> None:
    rows, problems = article_rows(load(library_path))
    assert problems == []
    assert rows == [
        {
            "kind": "interview",
            "date": "2020-05-24",
            "slug": "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff",
            "title": "Malmö-teamets erfarenheter från Svenska Bostad först-nätverkets träff 2019",
            "tags": ["Malmö", "nätverksträff"],
            "interviewee": "Anita Svantesson, sektionschef, Malmö stad",
            "questions": 3,
        }
    ]


def test_an_unreadable_body_is_a_problem_not_a_crash(library_path: Path) -> None:
    library = load(library_path)
    library.articles[0].path.write_bytes(b"\xff\xfe broken")
    rows, problems = article_rows(library)
    assert rows[0]["questions"] is None
    (problem,) = problems
    assert (problem.path, problem.line) == (library.articles[0].path, 1)
    assert problem.message  # what the reader said, for the path:line: message


def test_rows_keep_end_dates_and_leave_no_interviewee_blank() -> None:
    row = event_row(
        _event("x", year=2024, start=dt.date(2024, 5, 8), end=dt.date(2024, 5, 9))
    )
    assert (row["start"], row["end"]) == ("2024-05-08", "2024-05-09")
    news = Article(
        slug="n",
        path=Path("/x/n.md"),
        title="N",
        kind="news",
        published=dt.date(2024, 1, 2),
    )
    assert _article_row(news, None)["interviewee"] == ""


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True)])
def test_csv_reads_back_with_the_csv_module(
    library_path: Path, delimiter: str, bom: bool
) -> None:
    rows = [event_row(e) for e in load(library_path).events]
    rows.append(
        event_row(
            _event(
                "x",
                title='Träff "nummer 2"; med, allt',
                year=2024,
                start=dt.date(2024, 5, 8),
                partners=("Å-gruppen", "Ö; partner"),
                summary="två\nrader",
            )
        )
    )
    text = to_csv(rows, EVENT_COLUMNS, delimiter=delimiter, bom=bom)
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf") is bom
    assert "\r\n" in text
    decoded = data.decode("utf-8-sig" if bom else "utf-8")
    read = list(csv.DictReader(io.StringIO(decoded, newline=""), delimiter=delimiter))
    assert [list(r) for r in read][0] == list(EVENT_COLUMNS)
    by_slug = {r["slug"]: r for r in read}
    assert by_slug["2019-natverkstraff-malmo"]["city"] == "Malmö"
    assert by_slug["2019-natverkstraff-malmo"]["participants"] == "200"
    assert by_slug["2019-natverkstraff-malmo"]["participants_note"] == "över 200"
    assert by_slug["2020-natverkstraff-stockholm"]["participants"] == ""
    assert by_slug["x"]["title"] == 'Träff "nummer 2"; med, allt'
    assert by_slug["x"]["partners"] == "Å-gruppen; Ö; partner"
    assert by_slug["x"]["start"] == "2024-05-08"


def test_cells_that_look_like_formulas_are_neutralised() -> None:
    rows = [{"title": '=HYPERLINK("http://evil")', "city": "-1+2", "year": 2024}]
    header, read = list(
        csv.reader(io.StringIO(to_csv(rows, ("title", "city", "year"))))
    )
    assert header == ["title", "city", "year"]
    assert read == ['\'=HYPERLINK("http://evil")', "'-1+2", "2024"]


FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def _read_back(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> dict[str, str]:
    (read,) = csv.DictReader(io.StringIO(to_csv(rows, columns), newline=""))
    return read


@pytest.mark.parametrize("start", FORMULA_STARTS)
@pytest.mark.parametrize(
    "field", ["title", "city", "organiser", "participants_note", "partners"]
)
def test_every_event_cell_that_starts_like_a_formula_is_neutralised(
    start: str, field: str
) -> None:
    payload = f"{start}cmd|' /C calc'!A0"
    value: Any = (payload, "Andra") if field == "partners" else payload
    row = event_row(_event("x", year=2024, **{field: value}))
    cell = _read_back([row], EVENT_COLUMNS)[field]
    shown = f"{payload}; Andra" if field == "partners" else payload
    assert cell == "'" + shown


@pytest.mark.parametrize("start", FORMULA_STARTS)
@pytest.mark.parametrize("field", ["title", "tags", "interviewee"])
def test_every_article_cell_that_starts_like_a_formula_is_neutralised(
    start: str, field: str
) -> None:
    payload = f'{start}HYPERLINK("http://x")'
    fields: dict[str, Any] = {"title": "Rubrik"}
    if field == "tags":
        fields["tags"] = (payload, "Malmö")
    elif field == "interviewee":
        fields["interviewee"] = Interviewee(name=payload)
    else:
        fields[field] = payload
    article = Article(
        slug="x",
        path=Path("/x/x.md"),
        kind="interview",
        published=dt.date(2024, 1, 2),
        **fields,
    )
    cell = _read_back([_article_row(article, 0)], ARTICLE_COLUMNS)[field]
    assert cell == "'" + (f"{payload}; Malmö" if field == "tags" else payload)


def test_cells_that_only_contain_formula_signs_later_are_left_alone() -> None:
    row = event_row(_event("x", title="Träff 1+1=2", partners=("A", "=B"), year=1))
    read = _read_back([row], EVENT_COLUMNS)
    assert (read["title"], read["partners"], read["year"]) == (
        "Träff 1+1=2",
        "A; =B",
        "1",
    )


def test_json_keeps_types_and_swedish_letters(library_path: Path) -> None:
    rows = [event_row(e) for e in load(library_path).events]
    text = to_json(rows)
    assert "Malmö" in text
    assert json.loads(text) == rows


def test_stats_per_year_and_city() -> None:
    events = [
        _event(
            "a", year=2019, city="Malmö", participants=200, participants_note="över 200"
        ),
        _event("b", year=2020, city=""),
        _event("c", year=2019, city="Göteborg", participants=40),
        _event("d", year=2021, city="Malmö", participants=60),
    ]
    result = stats_record(stats(events))
    assert result["years"] == [
        {
            "year": 2019,
            "meetings": 2,
            "participants": 240,
            "without_figure": 0,
            "approximate": 1,
        },
        {
            "year": 2020,
            "meetings": 1,
            "participants": 0,
            "without_figure": 1,
            "approximate": 0,
        },
        {
            "year": 2021,
            "meetings": 1,
            "participants": 60,
            "without_figure": 0,
            "approximate": 0,
        },
    ]
    assert [
        (c["city"], c["meetings"], c["participants"]) for c in result["cities"]
    ] == [
        ("Malmö", 2, 260),
        ("Göteborg", 1, 40),
        ("", 1, 0),
    ]
    assert result["total"] == {
        "meetings": 4,
        "participants": 300,
        "without_figure": 1,
        "approximate": 1,
    }


def test_stats_of_nothing() -> None:
    result = stats_record(stats([]))
    assert result == {
        "years": [],
        "cities": [],
        "total": {
            "meetings": 0,
            "participants": 0,
            "without_figure": 0,
            "approximate": 0,
        },
    }


def test_json_is_indented_by_two_and_ends_with_a_newline() -> None:
    assert (
        to_json([{"a": "å", "n": 1}]) == '[\n  {\n    "a": "å",\n    "n": 1\n  }\n]\n'
    )


def test_stats_total_is_one_unnamed_group_even_for_no_events() -> None:
    assert [t.group for t in stats([])["total"]] == [""]
    (total,) = stats([_event("a", year=2019, participants=5)])["total"]
    assert (total.group, total.meetings, total.participants) == ("", 1, 5)
