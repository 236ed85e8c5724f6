"""Q&A entry edits change only the entry's lines; every other byte stays."""

from __future__ import annotations

import pytest

from bftui.core.items import qa_edit
from bftui.core.items.qa import find_entries
from bftui.i18n import t

BODY = """\

Intro with   odd  spacing.
<!-- a comment the editor left -->

### First question?

First answer,
two lines.

### Second question?<sp>

Second answer.


### Third question?
Third answer, no blank line after the heading.
""".replace("<sp>", "   ")


def questions(body: str) -> list[str]:
    return [entry.question for entry in find_entries(body)]


def changed_lines(before: str, after: str) -> set[str]:
    return set(before.split("\n")) ^ set(after.split("\n"))


def test_add_at_end_only_appends() -> None:
    after = qa_edit.add_entry(BODY, "Fourth?", "Fourth answer.")
    assert after.startswith(BODY)
    assert after[len(BODY) :] == "\n### Fourth?\n\nFourth answer.\n"
    assert questions(after)[-1] == "Fourth?"


def test_add_after_entry_inserts_between() -> None:
    after = qa_edit.add_entry(BODY, "New?", "New answer.", after=0)
    assert questions(after) == [
        "First question?",
        "New?",
        "Second question?",
        "Third question?",
    ]
    assert changed_lines(BODY, after) == {"### New?", "New answer."}
    assert after.replace("### New?\n\nNew answer.\n\n", "") == BODY


def test_add_to_body_without_entries_or_final_newline() -> None:
    assert qa_edit.add_entry("Intro.", "Q?", "A.") == "Intro.\n\n### Q?\n\nA.\n"
    assert qa_edit.add_entry("", "Q?", "A.") == "### Q?\n\nA.\n"


def test_edit_changes_only_that_entry() -> None:
    after = qa_edit.edit_entry(BODY, 1, "Second question?", "A new answer.")
    assert after == BODY.replace("Second answer.", "A new answer.")
    after = qa_edit.edit_entry(BODY, 1, "Renamed?", "Second answer.")
    assert after == BODY.replace("### Second question?   ", "### Renamed?")


def test_edit_unchanged_is_identical() -> None:
    for index, entry in enumerate(find_entries(BODY)):
        assert qa_edit.edit_entry(BODY, index, entry.question, entry.answer) == BODY


def test_delete_middle_and_last() -> None:
    after = qa_edit.delete_entry(BODY, 1)
    assert questions(after) == ["First question?", "Third question?"]
    assert after == BODY.replace("### Second question?   \n\nSecond answer.\n\n\n", "")
    after = qa_edit.delete_entry(BODY, 2)
    assert after == BODY.split("### Third")[0].rstrip("\n") + "\n"


def test_move_up_and_down() -> None:
    up = qa_edit.move_entry(BODY, 2, -1)
    assert questions(up) == ["First question?", "Third question?", "Second question?"]
    down = qa_edit.move_entry(up, 1, +1)
    assert questions(down) == questions(BODY)
    intro = BODY.split("### First")[0]
    assert up.startswith(intro) and down.startswith(intro)
    with pytest.raises(IndexError):
        qa_edit.move_entry(BODY, 0, -1)
    with pytest.raises(IndexError):
        qa_edit.move_entry(BODY, 2, +1)


def test_crlf_body_keeps_crlf() -> None:
    crlf = BODY.replace("\n", "\r\n")
    after = qa_edit.edit_entry(crlf, 0, "First question?", "Changed.")
    assert after == crlf.replace("First answer,\r\ntwo lines.", "Changed.")
    added = qa_edit.add_entry(crlf, "Q?", "A.", after=0)
    assert added.count("\n") == added.count("\r\n")
    assert qa_edit.edit_entry(crlf, 1, "Second question?", "Second answer.") == crlf
    deleted = qa_edit.delete_entry(crlf, 2)
    assert deleted.endswith("Second answer.\r\n") and "\r\r" not in deleted


def test_other_headings_stay_between_entries() -> None:
    body = "### A?\n\na\n\n## Section\n\ntext\n\n### B?\n\nb\n"
    moved = qa_edit.move_entry(body, 0, 1)
    assert moved == "### B?\n\nb\n\n## Section\n\ntext\n\n### A?\n\na\n"


@pytest.mark.parametrize(
    ("question", "answer", "keys"),
    [
        ("Q?", "A.", []),
        ("", "A.", ["question"]),
        ("one\ntwo", "A.", ["question"]),
        ("Q?", "## Not allowed\n\ntext", ["answer"]),
        ("Q?", "Setext\n===", ["answer"]),
        ("Q?", "#### A small heading is fine", []),
    ],
)
def test_check_entry(question: str, answer: str, keys: list[str]) -> None:
    assert [error.key for error in qa_edit.check_entry(question, answer)] == keys


# Found by mutation testing (`mutmut run`): behaviour no test pinned down.


def test_check_entry_says_what_is_wrong() -> None:
    def said(question: str, answer: str) -> list[tuple[str, str]]:
        return [(e.key, e.message) for e in qa_edit.check_entry(question, answer)]

    assert said(" ", "Svar.") == [("question", t("check.required"))]
    assert said("Två\nrader?", "Svar.") == [("question", t("form.qa_one_line"))]
    assert said("F?", "Svar.\n\n### Rubrik") == [("answer", t("form.qa_no_headings"))]
    assert said("F?", "Svar.\n\n## Rubrik") == [("answer", t("form.qa_no_headings"))]
    assert said("F?", "Svar.\n\n#### Underrubrik") == []


def test_an_answer_keeps_its_indentation_and_crlf_on_every_line() -> None:
    body = "Intro.\r\n\r\n### F?\r\n\r\nSvar.\r\n"
    after = qa_edit.add_entry(body, "Ny?", "    kod\nrad två\n")
    assert after == body + "\r\n### Ny?\r\n\r\n    kod\r\nrad två\r\n"


def test_adding_after_the_last_index_is_refused() -> None:
    with pytest.raises(IndexError):
        qa_edit.add_entry(BODY, "Ny?", "Svar.", after=3)


def test_inserting_after_an_entry_with_no_blank_line_after_it() -> None:
    body = "### A?\n\nSvar A.\n### B?\n\nSvar B.\n"
    after = qa_edit.add_entry(body, "Ny?", "Svar.", after=0)
    assert after == "### A?\n\nSvar A.\n\n### Ny?\n\nSvar.\n\n### B?\n\nSvar B.\n"


def test_a_crlf_entry_with_its_answer_unchanged_keeps_its_bytes() -> None:
    body = "### F?\r\n\r\nRad ett.\r\nRad två.\r\n\r\n### G?\r\n\r\nSvar.\r\n"
    after = qa_edit.edit_entry(body, 0, "Ny fråga?", "Rad ett.\nRad två.")
    assert after == body.replace("### F?", "### Ny fråga?")
    assert qa_edit.edit_entry(body, 0, "F?", "\nRad ett.\nRad två.\n") == body


def test_deleting_the_only_entry_of_a_body_that_starts_with_it() -> None:
    assert qa_edit.delete_entry("### F?\n\nSvar.\n", 0) == ""
    assert qa_edit.delete_entry("Intro.\n\n### F?\n\nSvar.\n\n\n", 0) == "Intro.\n"


def test_moving_the_second_entry_up_to_first_place() -> None:
    body = "### A?\n\nSvar A.\n\n### B?\n\nSvar B.\n"
    assert qa_edit.move_entry(body, 1, -1) == "### B?\n\nSvar B.\n\n### A?\n\nSvar A.\n"
    with pytest.raises(IndexError):
        qa_edit.move_entry(body, 1, 1)
    with pytest.raises(IndexError):
        qa_edit.move_entry(body, 2, -1)


def test_moving_entries_without_blank_lines_keeps_them_apart() -> None:
    body = "### A?\nSvar A.\n### B?\nSvar B.\n"
    assert qa_edit.move_entry(body, 1, -1) == "### B?\nSvar B.\n\n### A?\nSvar A.\n"


def test_deleting_an_entry_before_the_last_keeps_the_bodys_end() -> None:
    body = "Intro.\n\n### A?\n\nA.\n\n### B?\n\nB.\n\n\n"
    assert qa_edit.delete_entry(body, 0) == "Intro.\n\n### B?\n\nB.\n\n\n"
