"""Slugs: lowercase ASCII, digits and hyphens, at most 80 characters, never a path."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bftui.core.slugs import MAX_LENGTH, is_valid, slugify, unique


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Malmö", "malmo"),
        ("Åre är öppet", "are-ar-oppet"),
        ("ÅÄÖ åäö", "aao-aao"),
        ("Café René", "cafe-rene"),
        ("2020-05-24 Nätverksträff i Malmö", "2020-05-24-natverkstraff-i-malmo"),
        ("Bostad först: 10 år!", "bostad-forst-10-ar"),
        ("  --Hej--  ", "hej"),
        ("Straße", "strasse"),
        ("a/b\\c", "a-b-c"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "item"),
        (".", "item"),
        ("", "item"),
        ("😀", "item"),
        ("tab\tnew\nline", "tab-new-line"),
        ("Œuvre", "oeuvre"),
        ("Bœuf", "boeuf"),
        ("Søren Ærø", "soren-aero"),
        ("Þórr Łódź Đakovo", "thorr-lodz-dakovo"),
        ("Müller", "muller"),
        ("Бездомность в Москве", "bezdomnost-v-moskve"),
        ("Στέγαση πρώτα", "stegasi-prota"),
        ("住房优先", "zhu-fang-you-xian"),
        ("Bostad först ♥ 2024", "bostad-forst-2024"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert is_valid(slug)


def test_slugify_cuts_at_80_without_a_trailing_hyphen() -> None:
    slug = slugify("ord " * 40)
    assert len(slug) <= MAX_LENGTH == 80
    assert not slug.endswith("-")
    assert slugify("a" * 200) == "a" * 80
    assert slugify("a" * 79 + " b") == "a" * 79


@pytest.mark.parametrize(
    ("slug", "valid"),
    [
        ("2019-natverkstraff-malmo", True),
        ("a", True),
        ("a" * 80, True),
        ("a" * 81, False),
        ("", False),
        (".", False),
        ("..", False),
        ("a/b", False),
        ("a\\b", False),
        ("Stor", False),
        ("malmö", False),
        ("-a", False),
        ("a-", False),
        ("a--b", False),
        ("a b", False),
        ("a.md", False),
    ],
)
def test_is_valid(slug: str, valid: bool) -> None:
    assert is_valid(slug) is valid


@pytest.mark.parametrize(
    ("taken", "result"),
    [
        (set(), "traff"),
        ({"traff"}, "traff-2"),
        ({"traff", "traff-2"}, "traff-3"),
        ({"traff", "traff-2", "traff-3", "traff-4"}, "traff-5"),
        ({"traff-2"}, "traff"),
    ],
)
def test_unique_adds_a_number_on_a_clash(taken: set[str], result: str) -> None:
    assert unique("traff", taken) == result


def test_unique_keeps_long_slugs_within_80() -> None:
    long = "a" * 78 + "-b"
    candidate = unique(long, {long})
    assert candidate == "a" * 78 + "-2"
    assert len(candidate) <= MAX_LENGTH
    assert is_valid(candidate)


@given(st.text())
def test_every_slug_is_valid_and_never_a_path(text: str) -> None:
    slug = slugify(text)
    assert is_valid(slug)
    assert "/" not in slug and "\\" not in slug and slug not in (".", "..")


# Found by mutation testing (`mutmut run`).


def test_apostrophe_letters_and_capital_latin_letters_join_their_word() -> None:
    assert slugify("Rockʼnʼroll i Москва") == "rocknroll-i-moskva"
    assert slugify("Æbleskiver vid Øresund") == "aebleskiver-vid-oresund"


def test_a_suffix_never_follows_a_hyphen_left_by_the_cut() -> None:
    slug = "a" * 77 + "-bb"
    assert len(slug) == MAX_LENGTH
    assert unique(slug, {slug}) == "a" * 77 + "-2"
    assert is_valid(unique(slug, {slug}))
