"""The cold start's outline from the front matter alone: the same as the library's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bftui.core.index.headlines import cold_outline, headline
from bftui.core.index.outline import outline_of
from bftui.core.library.loading import load

Write = Callable[[str, str | bytes], Path]


def titles(outline_years: list) -> list[tuple[int, list[str]]]:
    return [(y.year, [title for _, title in y.leaves or []]) for y in outline_years]


def test_the_sample_outline_matches_the_loaded_library(sample: Path) -> None:
    library = load(sample)
    assert cold_outline(sample) == outline_of(library)


def test_years_newest_first_and_titles_in_swedish_order(
    root: Path, write: Write
) -> None:
    for slug, title, date in (
        ("a", "Örebro", "2021-03-01"),
        ("b", "Ängel", "2021-01-01"),
        ("c", "Zebra", "2021-02-01"),
        ("d", "Alfa", "2019-05-05"),
    ):
        write(
            f"{slug}.md",
            f'+++\ntitle = "{title}"\nkind = "news"\npublished = {date}\n+++\n',
        )
    outline = cold_outline(root)
    assert outline.title == "Test"
    assert titles(outline.articles) == [
        (2021, ["Zebra", "Ängel", "Örebro"]),
        (2019, ["Alfa"]),
    ]
    assert outline.events == []


def test_values_that_are_not_plain_go_through_tomllib(root: Path, write: Write) -> None:
    write(
        "escaped.md",
        '+++\ntitle = "Ett \\"citat\\" och \\u00e5"\nkind = "news"\n'
        "published = 2020-01-01\n+++\n",
    )
    write(
        "literal.md",
        "+++\ntitle = 'Bokstavligt'\nkind = \"news\"\npublished = 2020-01-02\n+++\n",
    )
    write(
        "tricky.md",
        '+++\nlead = """\ntitle = "Inte titeln"\n"""\ntitle = "Den riktiga"\n'
        'kind = "news"\npublished = 2020-01-03\n+++\n',
    )
    write(
        "events/traff.toml",
        'summary = """\nyear = 1999\n"""\ntitle = "Träffen"\nstart = 2018-05-04T10:00:00\n',
    )
    outline = cold_outline(root)
    assert titles(outline.articles) == [
        (2020, ["Bokstavligt", "Den riktiga", 'Ett "citat" och å'])
    ]
    assert titles(outline.events) == [(2018, ["Träffen"])]


def test_long_front_matter_is_read_whole(root: Path, write: Write) -> None:
    lead = "ord " * 3000
    write(
        "lang.md",
        f'+++\nlead = "{lead}"\ntitle = "Lång"\nkind = "news"\npublished = 2022-01-01\n+++\n',
    )
    found = headline(root, "lang.md")
    assert found is not None and (found.title, found.year) == ("Lång", 2022)


def test_broken_files_are_left_for_the_index_to_report(
    root: Path, write: Write
) -> None:
    write("utan.md", "Ingen front matter\n")
    write("oppen.md", '+++\ntitle = "Aldrig stängd"\n')
    write("trasig.md", '+++\ntitle = "x\npublished = 2020-01-01\n+++\n')
    write("ingen-titel.md", "+++\npublished = 2020-01-01\n+++\n")
    write("bytes.md", b'+++\ntitle = "\xff"\npublished = 2020-01-01\n+++\n')
    write("events/tom.toml", 'title = "Inget datum"\n')
    write("ar-noll.md", '+++\ntitle = "Noll"\npublished = 0000-01-01\n+++\n')
    write("events/ar-noll.toml", 'title = "Noll"\nstart = 0000-01-01\n')
    outline = cold_outline(root)
    assert outline.articles == [] and outline.events == []


def test_control_characters_in_titles_are_made_harmless(
    root: Path, write: Write
) -> None:
    write(
        "esc.md",
        '+++\ntitle = "Hej \\u001b]0;x\\u0007"\nkind = "news"\npublished = 2020-01-01\n+++\n',
    )
    found = headline(root, "esc.md")
    assert found is not None and "\x1b" not in found.title
