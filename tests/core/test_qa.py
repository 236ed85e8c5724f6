"""Finding the questions and answers of an interview, with their body lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.core.items.qa import find_entries, introduction
from bftui.core.library.frontmatter import split

SAMPLE = "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff.md"
QUESTIONS = [
    "Vilka var höjdpunkterna tyckte du?",
    "Stora delar av Bostad först-teamet var aktivt engagerade i planering och "
    "genomförande av de två dagarna? Vad fick de med sig?",
    "Vad skulle du önska dig av 2020 års nätverksträff?",
]
ANSWER_STARTS = [
    "Jag tyckte att höjdpunkterna var många",
    "Både planering och genomförande av konferensen",
    "Det blev Stockholms stad som tog stafettpinnen",
]


@pytest.fixture
def seed_body(sample: Path) -> str:
    return split((sample / SAMPLE).read_text(encoding="utf-8")).body


def test_seed_has_its_three_questions(seed_body: str) -> None:
    entries = find_entries(seed_body)
    assert [entry.question for entry in entries] == QUESTIONS


def test_the_two_sentence_question_is_one_entry(seed_body: str) -> None:
    second = find_entries(seed_body)[1]
    assert second.question.count("?") == 2
    assert second.answer.startswith(ANSWER_STARTS[1])


def test_seed_answers(seed_body: str) -> None:
    entries = find_entries(seed_body)
    for entry, start in zip(entries, ANSWER_STARTS, strict=True):
        assert entry.answer.startswith(start)
        assert "###" not in entry.answer
        assert entry.answer == entry.answer.strip()
    assert entries[2].answer.endswith("alternativt Ulf Kristersson.")


def test_seed_line_ranges(seed_body: str) -> None:
    lines = seed_body.split("\n")
    entries = find_entries(seed_body)
    for entry in entries:
        assert lines[entry.start] == f"### {entry.question}"
        assert entry.answer in "\n".join(lines[entry.start : entry.end])
    assert [a.end for a in entries[:-1]] == [b.start for b in entries[1:]]
    assert entries[-1].end == len(lines)


def test_seed_introduction(seed_body: str) -> None:
    intro = introduction(seed_body, find_entries(seed_body)).strip()
    assert intro.startswith("Bostad först-teamet i Malmö arrangerade 2019 års träff")
    assert intro.endswith("Vi bad henne dela sina erfarenheter.")
    assert "###" not in intro


BODY = """Intro line.

### First?

Answer one.

#### A sub-heading stays in the answer

More of answer one.

## A new section

Not an answer.

### Second?

Answer two.
"""


def test_a_level_2_heading_ends_an_answer() -> None:
    first, second = find_entries(BODY)
    lines = BODY.split("\n")
    assert first.question == "First?"
    assert lines[first.end] == "## A new section"
    assert "#### A sub-heading stays in the answer" in first.answer
    assert first.answer.endswith("More of answer one.")
    assert "Not an answer" not in first.answer
    assert second.answer == "Answer two."
    assert second.end == len(lines)


@pytest.mark.parametrize(
    "body",
    [
        "> ### Quoted heading\n>\n> text\n",
        "- ### Heading in a list\n\n  text\n",
        "```\n### In a code fence\n```\n",
        "    ### Indented code\n",
        "<div>\n### In HTML\n</div>\n",
        "#### Level four\n\ntext\n",
    ],
)
def test_headings_that_are_not_top_level_level_3_are_no_questions(body: str) -> None:
    assert find_entries(body) == []
    assert introduction(body, []) == body


def test_a_setext_heading_ends_an_answer() -> None:
    body = "### Q?\n\nA.\n\nSection\n-------\n\nafter\n"
    (entry,) = find_entries(body)
    assert entry.answer == "A."
    assert body.split("\n")[entry.end] == "Section"


def test_closing_hashes_and_inline_markup_in_the_question() -> None:
    (entry,) = find_entries("### Vad *tycker* du? ###\n\nSvar.\n")
    assert entry.question == "Vad *tycker* du?"
    assert (entry.start, entry.end) == (0, 4)


def test_empty_answer_and_empty_body() -> None:
    first, second = find_entries("### A?\n### B?\n")
    assert (first.answer, first.start, first.end) == ("", 0, 1)
    assert (second.start, second.end) == (1, 3)
    assert find_entries("") == []


def test_introduction_is_everything_before_the_first_question() -> None:
    entries = find_entries(BODY)
    assert introduction(BODY, entries) == "Intro line.\n"
