"""Big and deep inputs: a 5 MB article, 100,000 lines, 1,000 levels, 5,000 entries.

The loader and compose take them; the reader shows them while the sidebar
keeps moving, or says what it could not show as Markdown. How fast is the
benchmark's to say (`python -m bftui.bench`, its "big inputs" rows; alone:
`python -m bftui.bench.big_inputs`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.theme import Theme

from bftui.bench.big_inputs import (
    FIRST_LINES,
    INPUTS,
    PARAGRAPH,
    open_in_app,
    render,
    write_input,
)
from bftui.core.items import qa
from bftui.core.library.compose import compose
from bftui.core.library.loading import load, read_body
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.i18n import t
from bftui.tui.rendering import markdown_theme, render_document


@pytest.mark.slow
@pytest.mark.parametrize("name", list(INPUTS))
def test_big_and_deep_files_load_and_compose(sample_copy: Path, name: str) -> None:
    path = write_input(sample_copy, name)
    library = load(sample_copy)
    article = library.article(path.stem)
    assert article is not None, [str(p) for p in library.problems]
    markdown = compose(article, library)
    assert len(markdown) > 0.9 * len(read_body(article))


@pytest.mark.parametrize("name", ["deep-quotes", "deep-lists", "deep-mixed"])
def test_deep_nesting_is_shown_as_written_with_a_notice(
    sample_copy: Path, name: str
) -> None:
    """Regression: markdown-it dropped everything below 20 levels without a word."""
    path = write_input(sample_copy, name)
    library = load(sample_copy)
    article = library.article(path.stem)
    assert article is not None
    lines = [
        line.text
        for section in render_document(compose(article, library), 80, Theme())
        for line in section.lines
    ]
    text = "\n".join(lines)
    notice = t("reader.too_deep").split()[0]
    assert notice in text
    last = {"deep-quotes": "nivå 1000", "deep-lists": "nivå 999", "deep-mixed": "x"}
    assert last[name] in text.replace("\n", " ")


def test_ordinary_nesting_is_still_rendered_as_markdown() -> None:
    markdown = "> citat\n>> i citat\n\n- punkt\n  - i punkt\n    - djupare\n"
    text = "\n".join(
        line.text for s in render_document(markdown, 80, Theme()) for line in s.lines
    )
    assert t("reader.too_deep").split()[0] not in text and "▌" in text and "•" in text


def test_the_benchmark_times_the_whole_render_or_its_first_screen() -> None:
    """Regression: its render figure took the renderer's generator and no section."""
    markdown = "".join(f"## Avsnitt {n}\n\n" + PARAGRAPH * 3 for n in range(20))
    sections = render_document(markdown, 80, markdown_theme({}))
    every = sum(len(section.lines) for section in sections)
    _seconds, lines = render(markdown)
    assert lines == every
    _seconds, first = render(markdown, until=FIRST_LINES)
    assert FIRST_LINES <= first < every


def test_a_file_over_the_size_limit_is_a_problem_not_a_hang(sample_copy: Path) -> None:
    path = sample_copy / "enorm.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    library = load(sample_copy)
    assert [p.path for p in library.problems] == [Path("enorm.md")]


@pytest.mark.slow
async def test_five_thousand_entries_render_while_the_sidebar_moves(
    sample_copy: Path,
) -> None:
    path = write_input(sample_copy, "5000-entries")
    report = await open_in_app(sample_copy, path.stem)
    assert report["sidebar_moved"]
    body = read_body(load(sample_copy).article(path.stem))
    assert len(qa.find_entries(body)) == 5000
    assert report["lines_shown"] > 5000 * 4


@pytest.mark.slow
async def test_five_megabytes_show_their_first_screens(
    sample_copy: Path,
) -> None:
    path = write_input(sample_copy, "5mb")
    report = await open_in_app(sample_copy, path.stem, until=500)
    assert report["sidebar_moved"]
    assert "Avsnitt 1" in report["head"]


def _words(count: int, start: str = "ord") -> str:
    return " ".join(f"{start}{number}" for number in range(count))


def test_a_ten_megabyte_line_renders_a_first_screen_first() -> None:
    """Regression: one 10 MB line was one paragraph, shown after 170 s of rendering."""
    line = _words(1_300_000)
    assert len(line) > 10 * 10**6
    first = next(render_document(line, 80, Theme()))
    assert 24 <= len(first.lines) < 200
    assert first.lines[0].text.startswith("ord0 ord1 ord2")


def test_a_long_line_in_pieces_keeps_every_word_in_one_paragraph() -> None:
    line = _words(20_000)
    sections = list(render_document(f"## Rubrik\n\n{line}\n\nSlut.", 60, Theme()))
    assert len(sections) > 5 and sections[0].heading == "Rubrik"
    assert all(not s.heading for s in sections[1:])
    texts = [strip.text.rstrip() for s in sections for strip in s.lines]
    shown = " ".join(texts).split()
    assert shown == ["Rubrik", *line.split(), "Slut."]
    # No blank line between the pieces of the one paragraph.
    body = texts[texts.index(next(t for t in texts if t.startswith("ord0"))) :]
    assert "" not in body[: body.index("Slut.") - 1]


def test_a_piece_of_a_long_line_never_starts_a_block() -> None:
    line = "Text " + " ".join(["# rubrik", "- punkt", "> citat", "+ plus"] * 3000)
    sections = list(render_document(line, 80, Theme()))
    text = " ".join(strip.text for section in sections for strip in section.lines)
    assert len(sections) > 10 and all(not s.heading for s in sections)
    # Every marker is kept as text: none began a heading, a list or a quote.
    assert [text.count(mark) for mark in "#->+"] == [3000] * 4


@pytest.mark.slow
async def test_a_ten_megabyte_line_shows_its_first_screen_while_the_sidebar_moves(
    sample_copy: Path,
) -> None:
    path = write_input(sample_copy, "10mb-line")
    report = await open_in_app(sample_copy, path.stem, until=200)
    assert report["sidebar_moved"]
    assert not report["complete"]  # shown long before the whole line is rendered
    assert "Bostad först-teamet" in report["head"]
