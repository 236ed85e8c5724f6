"""Edit a long event in pieces: its head, and only the programme rows that changed.

tomlkit needs about 40 s to parse an event of 100,000 rows, and as long
again to write it. Cut at its rows (`library.toml_rows`), the event is
edited piece by piece with the same `tomledit` rules: a save that leaves
the programme alone edits the head only, and a changed programme edits,
adds or drops just the rows that differ. Every piece written is checked
by reading it back, as `tomledit.render` checks a whole file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

import tomlkit

from bftui.core.library import toml_rows
from bftui.core.store import tomledit
from bftui.core.text import safe_text

Data = Mapping[str, Any]

CUT_FROM = 200
"""Events with at least this many rows are edited in pieces (smaller ones whole)."""


def edit_in_pieces(
    text: str, data: Data, order: Sequence[str], *, cut_from: int = CUT_FROM
) -> tuple[str, dict[str, Any]] | None:
    """Return event `text` with `data` written into it, and what it should read as.

    What it should read as leaves out the programme when `data` does not
    touch it (the rows are not read at all). None when the event is too
    short to cut, cannot be cut safely, or does not read in pieces: the
    caller edits it whole (and reports its errors with their lines).

    Raises:
        tomledit.VerifyError: when a piece written does not read back as meant.
    """
    piece = toml_rows.cut(text)
    if piece is None or len(piece.rows) < cut_from:
        return None
    try:
        head_data = toml_rows.parse_head(piece)
        old_rows = toml_rows.parse_rows(piece.rows) if toml_rows.KEY in data else None
    except tomllib.TOMLDecodeError:
        return None
    if old_rows is not None and len(old_rows) != len(piece.rows):
        return None  # a row line inside a string: the pieces are not the rows
    fields = {key: value for key, value in data.items() if key != toml_rows.KEY}
    head, should_be = _edited_head(piece.head, head_data, fields, order)
    if old_rows is None:
        return piece.text(head), should_be
    new_rows = list(data[toml_rows.KEY] or [])
    rows, rows_should_be = _edited_rows(piece.rows, old_rows, new_rows)
    if rows_should_be:
        should_be[toml_rows.KEY] = rows_should_be
    return _ending_of(text, head + "".join(rows)), should_be


def _ending_of(original: str, text: str) -> str:
    """Return `text` ending in the line ends `original` ends in (rows may have gone or come)."""
    body = original.rstrip("\r\n")
    return text.rstrip("\r\n") + original[len(body) :]


def _edited_head(
    head: str, head_data: dict[str, Any], fields: Data, order: Sequence[str]
) -> tuple[str, dict[str, Any]]:
    doc = tomlkit.parse(head)
    tomledit.apply(doc, fields, order)
    should_be = tomledit.expected(head_data, fields)
    return tomledit.render(doc, head, should_be), should_be


def _key(row: Data) -> tuple[tuple[str, str], ...]:
    """Return what tells rows apart as a form sees them (for matching old and new)."""
    shown = tomledit.plain(row)
    return tuple(
        sorted(
            (name, safe_text(value) if isinstance(value, str) else repr(value))
            for name, value in shown.items()
        )
    )


def _edited_rows(
    pieces: Sequence[str], old: list[dict[str, Any]], new: list[Data]
) -> tuple[list[str], list[dict[str, Any]]]:
    """Return the row pieces for rows `new`, the unchanged ones kept as they were."""
    matcher = SequenceMatcher(None, list(map(_key, old)), list(map(_key, new)), False)
    line_end = "\r\n" if pieces[0].endswith("\r\n") else "\n"
    out: list[str] = []
    should_be: list[dict[str, Any]] = []

    def add(text: str, row: dict[str, Any], *, new: bool = False) -> None:
        if out and not out[-1].endswith("\n"):
            out[-1] += line_end
        if out and new and not out[-1].endswith(line_end * 2):
            out[-1] += line_end  # a blank line before a new row, as written by hand
        out.append(text)
        should_be.append(row)

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for number in range(i1, i2):
                add(pieces[number], old[number])
            continue
        paired = min(i2 - i1, j2 - j1)
        for offset in range(paired):
            add(*_edited_row(pieces[i1 + offset], old[i1 + offset], new[j1 + offset]))
        for row_data in new[j1 + paired : j2]:
            add(*_new_row(row_data, line_end), new=True)
    return out, should_be


def _edited_row(
    piece: str, old: dict[str, Any], new: Data
) -> tuple[str, dict[str, Any]]:
    doc = tomlkit.parse(piece)
    tomledit.apply(doc[toml_rows.KEY][0], new, list(new))
    row = tomledit.expected(old, new)
    return tomledit.render(doc, piece, {toml_rows.KEY: [row]}), row


def _new_row(data: Data, line_end: str) -> tuple[str, dict[str, Any]]:
    doc = tomlkit.document()
    tomledit.apply(doc, {toml_rows.KEY: [data]})
    row = tomledit.plain(data)
    text = tomledit.render(doc, "", {toml_rows.KEY: [row]})
    return (text + "\n").replace("\n", line_end), row  # a blank line after it
