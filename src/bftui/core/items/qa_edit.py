"""Add, edit, delete and move one Q&A entry of an interview body, touching only its lines.

Each function takes the raw body and returns the new one. Entries are found
with `qa.find_entries`; an entry's lines are its `###` heading, its answer
and the blank lines after it. Blank lines that separate an entry from the
next stay where they are, so every byte outside the entry is kept, and a
CRLF body gets CRLF lines.
"""

from __future__ import annotations

from bftui.core.items.model import QA
from bftui.core.items.qa import _headings, find_entries
from bftui.core.items.schema import FieldError
from bftui.core.text import safe_text
from bftui.i18n import t


def check_entry(question: str, answer: str) -> list[FieldError]:
    """Return what is wrong with a question and answer typed into a form."""
    errors: list[FieldError] = []
    if not question.strip():
        errors.append(FieldError("question", t("check.required")))
    elif "\n" in question.strip():
        errors.append(FieldError("question", t("form.qa_one_line")))
    # A heading of level 1-3 in an answer would end the entry early.
    if any(heading.level <= 3 for heading in _headings(answer)):
        errors.append(FieldError("answer", t("form.qa_no_headings")))
    return errors


def _newline(body: str) -> str:
    return "\r\n" if "\r\n" in body else "\n"


def _is_blank(line: str) -> bool:
    return not line.strip()


def _entry_lines(question: str, answer: str, newline: str) -> list[str]:
    cr = newline[:-1]
    lines = [f"### {question.strip()}{cr}"]
    answer = answer.strip("\n")
    if answer.strip():
        lines += [cr] + [line + cr for line in answer.split("\n")]
    return lines


def _split_entry(lines: list[str], entry: QA) -> tuple[list[str], list[str]]:
    """Return the entry's own lines and the blank lines that follow them."""
    block = lines[entry.start : entry.end]
    content = len(block)
    while content > 1 and _is_blank(block[content - 1]):
        content -= 1
    return block[:content], block[content:]


def _entry(body: str, index: int) -> QA:
    entries = find_entries(body)
    if not 0 <= index < len(entries):
        raise IndexError(index)
    return entries[index]


def add_entry(body: str, question: str, answer: str, after: int | None = None) -> str:
    """Return `body` with a new entry after entry `after`, or after the last if None."""
    newline = _newline(body)
    new = _entry_lines(question, answer, newline)
    entries = find_entries(body)
    lines = body.split("\n")
    if after is None:
        after = len(entries) - 1
    if after >= len(entries):
        raise IndexError(after)
    if after < 0 or entries[after].end == len(lines):
        # At the end: only add text, with one blank line before the heading.
        # A blank body without a final newline (" ", "\xa0") needs one before "###".
        if (not body.strip() and body[-1:] in ("", "\n")) or body.endswith(newline * 2):
            gap = ""
        elif body.endswith("\n"):
            gap = newline
        else:
            gap = newline * 2
        return body + gap + "\n".join(new) + "\n"
    position = entries[after].end
    if not _is_blank(lines[position - 1]):
        new = [newline[:-1], *new]
    return "\n".join(lines[:position] + new + [newline[:-1]] + lines[position:])


def edit_entry(body: str, index: int, question: str, answer: str) -> str:
    """Return `body` with entry `index` rewritten; unchanged parts keep their bytes."""
    entry = _entry(body, index)
    lines = body.split("\n")
    content, gap = _split_entry(lines, entry)
    heading = content[0]
    if safe_text(entry.question) != question.strip():
        heading = _entry_lines(question, "", _newline(body))[0]
    middle = content[1:]
    old_answer = "\n".join(line.removesuffix("\r") for line in middle).strip("\n")
    if safe_text(old_answer) != answer.strip("\n"):
        middle = _entry_lines("", answer, _newline(body))[1:]
    return "\n".join(
        lines[: entry.start] + [heading, *middle] + gap + lines[entry.end :]
    )


def delete_entry(body: str, index: int) -> str:
    """Return `body` without entry `index` and the blank lines after it."""
    entry = _entry(body, index)
    lines = body.split("\n")
    kept = lines[: entry.start] + lines[entry.end :]
    if entry.end == len(lines) and entry.start > 0:
        # The last entry held the body's final newline: end with exactly one.
        while kept and _is_blank(kept[-1]):
            kept.pop()
        kept.append("")
    return "\n".join(kept)


def move_entry(body: str, index: int, step: int) -> str:
    """Return `body` with entry `index` swapped with its neighbour `step` (-1 or +1) away.

    Raises:
        IndexError: when there is no such entry or no neighbour that way.
    """
    entries = find_entries(body)
    other = index + step
    if step not in (-1, 1) or not (
        0 <= index < len(entries) and 0 <= other < len(entries)
    ):
        raise IndexError(index)
    first, second = sorted((entries[index], entries[other]), key=lambda e: e.start)
    lines = body.split("\n")
    content_a, gap_a = _split_entry(lines, first)
    content_b, gap_b = _split_entry(lines, second)
    if not gap_a:
        # The later entry's text is moved up: keep it apart from what follows.
        gap_a = [_newline(body)[:-1]]
    between = lines[first.end : second.start]
    return "\n".join(
        lines[: first.start]
        + content_b
        + gap_a
        + between
        + content_a
        + gap_b
        + lines[second.end :]
    )
