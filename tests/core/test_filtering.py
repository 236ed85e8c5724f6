"""The sidebar and palette filters: every word must match; å, ä, ö are letters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bftui.core.index.filtering import (
    FoldedTexts,
    ItemFilter,
    fold,
    has_swedish_letters,
)
from bftui.core.items.model import Article, Event, Interviewee


def _article(slug: str, title: str, **fields: object) -> Article:
    return Article(
        slug=slug,
        path=Path(f"/lib/{slug}.md"),
        title=title,
        kind="news",
        published=dt.date(2021, 1, 1),
        **fields,  # type: ignore[arg-type]
    )


ARTICLES = [
    _article("far", "Får vi bo här?"),
    _article("pappa", "Far och son"),
    _article("cafe", "Ett Café i Umeå", tags=("Kultur",)),
    _article(
        "anita",
        "Intervju",
        interviewee=Interviewee("Anita Ström", "chef", "Malmö stad"),
    ),
]
EVENTS = [
    Event(
        slug="traff",
        path=Path("/lib/events/traff.toml"),
        title="Nätverksträff",
        city="Malmö",
        venue="Folkets hus",
        organiser="Stadsmissionen",
        partners=("Hyresgästföreningen",),
    ),
]


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("får", ["far"]),  # å is a letter: "får" is not "far"
        ("far", ["far", "pappa"]),  # typed without å: both spellings
        ("FÅR", ["far"]),
        ("cafe umea", ["cafe"]),  # foreign accents never matter, å typed as a does
        ("café", ["cafe"]),
        ("umeå", ["cafe"]),
        ("umea", ["cafe"]),
        ("umeä", []),
        ("kultur", ["cafe"]),  # tags
        ("ström", ["anita"]),  # the interviewee's byline
        ("malmo", ["anita"]),
        ("strom chef", ["anita"]),  # every word, anywhere
        ("strom kultur", []),
        ("xx", []),  # a word no item holds
        ("", ["far", "pappa", "cafe", "anita"]),
        ("   ", ["far", "pappa", "cafe", "anita"]),
    ],
)
def test_articles_filter(query: str, slugs: list[str]) -> None:
    assert [a.slug for a in ItemFilter(ARTICLES).apply(query)] == slugs


@pytest.mark.parametrize(
    "query", ["malmö", "malmo", "folkets", "stadsmission", "hyresgast", "träff"]
)
def test_events_filter_by_city_venue_organiser_and_partners(query: str) -> None:
    assert [e.slug for e in ItemFilter(EVENTS).apply(query)] == ["traff"]


def test_prepare_folds_once_and_apply_uses_it() -> None:
    items = ItemFilter(ARTICLES)
    folded = items.prepare()
    assert items.prepare() is folded
    assert folded.folded(0, True).startswith("får vi bo här?")
    assert folded.folded(0, False).startswith("far vi bo har?")


def test_a_filter_by_title_yields_each_item_with_its_folded_title() -> None:
    titles = ItemFilter([*ARTICLES, *EVENTS], text=lambda item: item.title)
    found = [(item.slug, title) for item, title in titles.matches("Får VI")]
    assert found == [("far", "får vi bo här?")]


def test_no_word_is_found_across_two_texts() -> None:
    texts = FoldedTexts(["Bostad", "Först", "bostad först"])
    assert list(texts.holding(["bostadförst"], True)) == []
    assert list(texts.holding(["ad\nf"], True)) == []
    assert list(texts.holding(["först", "bostad"], True)) == [2]


LETTERS = st.sampled_from("abåäöeé \nAÖ")


@given(
    texts=st.lists(st.text(LETTERS, max_size=12), max_size=8),
    words=st.lists(
        st.text(LETTERS.filter(str.strip), min_size=1, max_size=3), max_size=3
    ),
    keep=st.booleans(),
)
def test_folded_texts_find_what_a_plain_search_finds(
    texts: list[str], words: list[str], keep: bool
) -> None:
    folded = [fold(text, keep) for text in texts]
    wanted = [fold(word, keep) for word in words]
    expected = [i for i, text in enumerate(folded) if all(w in text for w in wanted)]
    found = FoldedTexts(texts)
    assert list(found.holding(wanted, keep)) == expected
    assert [found.folded(i, keep) for i in range(len(texts))] == folded


def test_fold_keeps_swedish_letters_unless_told() -> None:
    assert fold("Ångström Café Über") == "ångström cafe uber"
    assert fold("Ångström Café Über", keep_swedish=False) == "angstrom cafe uber"
    assert (has_swedish_letters("MALMÖ"), has_swedish_letters("Malmo")) == (True, False)
