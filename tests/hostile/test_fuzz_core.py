"""Garbage never crashes the content core: every target returns items or problems.

Each test is one fuzz target; `conftest.fuzz_settings` gives it a few hundred
examples in CI and 10,000 under `--hypothesis-profile=long`.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bftui.core.index import records
from bftui.core.items import qa, qa_edit, schema
from bftui.core.items.model import Article, Event
from bftui.core.library import frontmatter
from bftui.core.library.compose import compose
from bftui.core.library.loading import load, load_article, load_event
from bftui.core.problems import Problem
from bftui.core.text import has_controls

from .conftest import fuzz_settings
from .strategies import (
    ARTICLE_KEYS,
    EVENT_KEYS,
    article_text,
    encoded,
    event_text,
    front_matter,
    markdown,
    nasty_text,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a library folder the examples of one module overwrite in turn."""
    root = tmp_path_factory.mktemp("fuzz") / "library"
    (root / "events").mkdir(parents=True)
    return root


def _assert_problems(result: object, relative: Path) -> None:
    assert isinstance(result, list) and result, "a broken file must say why"
    for problem in result:
        assert isinstance(problem, Problem)
        assert problem.path == relative and problem.line >= 1
        assert not has_controls(problem.message) and "\n" not in problem.message


def _assert_harmless(item: Article | Event) -> None:
    for text in (item.title, getattr(item, "lead", ""), getattr(item, "summary", "")):
        assert not has_controls(text)


@fuzz_settings()
@given(encoded(article_text()))
def test_load_article_returns_an_article_or_problems(folder: Path, data: bytes) -> None:
    path = folder / "fuzz.md"
    path.write_bytes(data)
    result = load_article(path, folder)
    if isinstance(result, Article):
        _assert_harmless(result)
        assert result.body_line >= 2
        # What loads passes the index's checks of its rows: never refused there.
        records.decode(records.ARTICLE, records.encode(result, folder), folder)
    else:
        _assert_problems(result, Path("fuzz.md"))


@fuzz_settings()
@given(encoded(event_text()))
def test_load_event_returns_an_event_or_problems(folder: Path, data: bytes) -> None:
    path = folder / "events" / "fuzz.toml"
    path.write_bytes(data)
    result = load_event(path, folder)
    if isinstance(result, Event):
        _assert_harmless(result)
        assert isinstance(result.date, dt.date)
        records.decode(records.EVENT, records.encode(result, folder), folder)
    else:
        _assert_problems(result, Path("events/fuzz.toml"))


@fuzz_settings(100)
@given(
    articles=st.lists(encoded(article_text()), min_size=1, max_size=3),
    event=encoded(event_text()),
    config=encoded(st.sampled_from(('title = "x"', "title = ", "[", "title = 1"))),
)
def test_library_load_and_compose_never_raise(
    folder: Path, articles: list[bytes], event: bytes, config: bytes
) -> None:
    shutil.rmtree(folder)
    (folder / "events").mkdir(parents=True)
    (folder / "bftui.toml").write_bytes(config)
    for number, data in enumerate(articles):
        (folder / f"a-{number}.md").write_bytes(data)
    (folder / "events" / "e.toml").write_bytes(event)
    (folder / "events" / "2019-natverkstraff-malmo.toml").write_bytes(event)
    library = load(folder)
    assert len(library.articles) + len(library.problems) >= 1
    for item in library.items():
        markdown_text = compose(item, library)
        assert "\x1b" not in markdown_text and "\x9b" not in markdown_text
    for problem in library.problems:
        assert not has_controls(str(problem))


@fuzz_settings()
@given(article_text())
def test_front_matter_split_cuts_exactly_or_says_why(text: str) -> None:
    try:
        parts = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        assert error.line == 1 and error.key.startswith("frontmatter.")
        return
    assert text[parts.front_start : parts.front_end] == parts.front
    assert text[parts.body_start :] == parts.body
    assert parts.body_line == text.count("\n", 0, parts.body_start) + 1
    again = frontmatter.split(frontmatter.join(parts.front, parts.body))
    assert (again.front, again.body) == (parts.front, parts.body)


@fuzz_settings()
@given(markdown)
def test_qa_finder_gives_ordered_entries_inside_the_body(body: str) -> None:
    lines = body.split("\n")
    entries = qa.find_entries(body)
    position = 0
    for entry in entries:
        assert position <= entry.start < entry.end <= len(lines)
        assert lines[entry.start].lstrip(" ").startswith("###")
        position = entry.end
    intro = qa.introduction(body, entries)
    assert body.startswith(intro)


@fuzz_settings()
@given(front_matter(ARTICLE_KEYS), st.none() | st.sets(nasty_text, max_size=3))
def test_check_article_lists_field_errors(data: dict, events: set[str] | None) -> None:
    errors = schema.check_article(data, events)
    assert all(isinstance(error, schema.FieldError) for error in errors)
    assert all(error.message for error in errors)


@fuzz_settings()
@given(front_matter(EVENT_KEYS + ("programme",)))
def test_check_event_lists_field_errors(data: dict) -> None:
    errors = schema.check_event(data)
    assert all(isinstance(error, schema.FieldError) for error in errors)


ALL_FIELDS = schema.ARTICLE_FIELDS + schema.EVENT_FIELDS + schema.PROGRAMME_FIELDS


@fuzz_settings()
@given(st.sampled_from(ALL_FIELDS), nasty_text | st.from_regex(r"\d{1,5}[-: T\d]*"))
def test_parse_field_returns_a_value_or_a_message(
    spec: schema.FieldSpec, typed: str
) -> None:
    value, error = schema.parse_field(spec, typed)
    if error is not None:
        assert value is None and isinstance(error, str) and error
    elif value is not None:
        assert schema.check_value(spec, value) is None
        # What a form shows for a parsed value parses back to the same value.
        if spec.type not in ("markdown", "text", "url", "event_ref", "choice"):
            assert schema.parse_field(spec, schema.format_field(spec, value)) == (
                value,
                None,
            )


@pytest.mark.parametrize(
    "line", ['start = ""', 'end = ""', 'year = ""', 'participants = ""']
)
def test_an_empty_string_in_a_typed_event_field_is_a_problem(
    folder: Path, line: str
) -> None:
    """Regression: `start = ""` passed the schema and crashed comparing dates."""
    path = folder / "events" / "empty.toml"
    path.write_text(
        f'title = "T"\nyear = 2019\nstart = 2019-05-09\nend = 2019-05-10\n{line}\n'.replace(
            f"{line.split()[0]} = 2019", "x = 2019", 1
        ),
        encoding="utf-8",
    )
    result = load_event(path, folder)
    assert isinstance(result, list) and line.split()[0] in result[0].message


def test_a_lone_carriage_return_does_not_shift_the_entries() -> None:
    """Regression: markdown-it counted a lone CR as a line end, so edits hit the wrong lines."""
    body = "Intro\rmore\n\n### Q1\n\nA1\n\n### Q2\n\nA2\n"
    assert [(e.question, e.start) for e in qa.find_entries(body)] == [
        ("Q1", 2),
        ("Q2", 6),
    ]
    edited = qa_edit.edit_entry(body, 0, "Q1", "NEW")
    assert edited == "Intro\rmore\n\n### Q1\n\nNEW\n\n### Q2\n\nA2\n"


@fuzz_settings()
@given(markdown, st.sampled_from(("Ny fråga?", "Fråga med `kod` och *stjärna*")))
def test_adding_an_entry_keeps_every_other_entry(body: str, question: str) -> None:
    # An open fence or HTML block would swallow the new heading.
    assume(
        not any(
            line.lstrip().startswith(("```", "~~~", "<")) for line in body.split("\n")
        )
    )
    assert qa_edit.check_entry(question, "Svar.") == []
    before = [entry.question for entry in qa.find_entries(body)]
    after = [
        entry.question
        for entry in qa.find_entries(qa_edit.add_entry(body, question, "Svar."))
    ]
    assert after == [*before, question]


@pytest.mark.parametrize("body", ["\xa0", "    ", "\t", " ", "", "\n", "\r\n"])
def test_an_entry_added_to_a_blank_body_is_an_entry(body: str) -> None:
    """Regression: "\\xa0### Q" and "    ### Q" were no headings, so the entry was lost."""
    added = qa_edit.add_entry(body, "Ny fråga?", "Svar.")
    assert [entry.question for entry in qa.find_entries(added)] == ["Ny fråga?"]
