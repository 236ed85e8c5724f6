"""Swedish title order (Å, Ä, Ö after Z), newest year first, grouped by year."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from bftui.core.items.model import Article, Event
from bftui.core.library.loading import sort_items
from bftui.core.sorting import by_year, swedish_key


@pytest.mark.parametrize(
    ("titles", "ordered"),
    [
        (
            ["Öst", "Ära", "Åsa", "Zeta", "alfa", "Beta"],
            ["alfa", "Beta", "Zeta", "Åsa", "Ära", "Öst"],
        ),
        (["Ölet", "Ål", "Äng", "Zon"], ["Zon", "Ål", "Äng", "Ölet"]),
        (["Malmö", "Malmberget", "Malå"], ["Malmberget", "Malmö", "Malå"]),
        (["éclair", "ecco", "Ezra"], ["ecco", "éclair", "Ezra"]),
        (["b", "B", "a"], ["a", "b", "B"]),
        (["2020 träff", "Annan", "10 år"], ["10 år", "2020 träff", "Annan"]),
        (["Myr", "Müller", "Mylla", "Mus"], ["Mus", "Mylla", "Müller", "Myr"]),
        (["Über", "Yxa", "Uppsala", "Zeta"], ["Uppsala", "Über", "Yxa", "Zeta"]),
    ],
)
def test_swedish_order(titles: list[str], ordered: list[str]) -> None:
    assert sorted(titles, key=swedish_key) == ordered


def test_decomposed_letters_sort_like_composed_ones() -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa")
    assert swedish_key(decomposed) == swedish_key("Åsa")
    assert swedish_key(decomposed) > swedish_key("Zeta")


def _article(title: str, published: str) -> Article:
    return Article(
        slug=title.lower(),
        path=Path(f"/lib/{title}.md"),
        title=title,
        kind="news",
        published=dt.date.fromisoformat(published),
    )


def test_sort_items_newest_year_first_then_swedish_titles() -> None:
    items = [
        _article("Beta", "2019-12-01"),
        _article("Örebro", "2020-01-01"),
        _article("Alfa", "2019-01-01"),
        _article("Zebra", "2020-12-31"),
        _article("Ängel", "2021-06-01"),
    ]
    assert [a.title for a in sort_items(items)] == [
        "Ängel",
        "Zebra",
        "Örebro",
        "Alfa",
        "Beta",
    ]


def test_same_title_ties_break_by_slug() -> None:
    one = _article("Same", "2020-01-01")
    other = Article(
        slug="a-same",
        path=Path("/lib/a.md"),
        title="Same",
        kind="news",
        published=dt.date(2020, 5, 5),
    )
    assert sort_items([one, other]) == [other, one]


def test_events_sort_by_start_or_year() -> None:
    dated = Event(
        slug="b", path=Path("/e/b.toml"), title="B", start=dt.date(2019, 5, 9)
    )
    undated = Event(slug="a", path=Path("/e/a.toml"), title="A", year=2020)
    timed = Event(
        slug="c", path=Path("/e/c.toml"), title="C", start=dt.datetime(2019, 1, 1, 9)
    )
    assert [e.slug for e in sort_items([dated, undated, timed])] == ["a", "b", "c"]
    assert timed.date == dt.date(2019, 1, 1)
    assert undated.date == dt.date(2020, 1, 1)


def test_by_year_groups_sorted_items() -> None:
    items = sort_items(
        [
            _article("B", "2019-02-02"),
            _article("A", "2020-01-01"),
            _article("C", "2019-01-01"),
        ]
    )
    groups = [(year, [a.title for a in group]) for year, group in by_year(items)]
    assert groups == [(2020, ["A"]), (2019, ["B", "C"])]
