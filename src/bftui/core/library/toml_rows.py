"""An event file cut at its programme rows, so a long programme is read and edited in pieces.

An event can have 100,000 programme rows (16 MB). Parsing such a file
whole takes seconds with `tomllib` and minutes with `tomlkit`, yet a form
needs only the fields first, and a save that leaves the rows alone needs
none of them. `cut` splits the text where each `[[programme]]` table
starts: the head (every other key) and one piece per row, which joined
give back the text.

The cut is only offered when it is safe: each piece then reads alone as
it reads in the whole file. A `[[programme]]` line inside a multi-line
string leaves the piece before it with an unclosed string, so `parse_head`
or `parse_rows` raises and the caller reads the file whole instead; any
other table after the rows makes `cut` return None.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

KEY = "programme"
"""The array of tables cut into rows."""

_HEADER = f"[[{KEY}]]"
"""A row's header line starts so (written otherwise, the file is read whole)."""
_ROW_STARTS = re.compile(re.escape("\n" + _HEADER))


@dataclass(frozen=True)
class Cut:
    """An event's text as its head and its programme rows, each with its own lines."""

    head: str
    """Everything before the first row: the event's other keys and tables."""
    rows: tuple[str, ...]
    """Each row's text, from its `[[programme]]` line to the next one."""

    def text(self, head: str | None = None) -> str:
        """Return the whole text again, with `head` in place of the head if given."""
        return (self.head if head is None else head) + "".join(self.rows)


def cut(text: str) -> Cut | None:
    """Return `text` cut at its programme rows, or None if it cannot be cut safely.

    None when the file has no rows, or when a line after the first row
    starts a table other than a programme row (or is any other line
    starting with `[`): such a file is read whole. So is one whose row
    headers are indented or spaced (`[[ programme ]]`), which bftui never writes.
    """
    first = 0 if text.startswith(_HEADER) else text.find("\n" + _HEADER) + 1
    if first == 0 and not text.startswith(_HEADER):
        return None
    # Every line from the first row on that starts a table starts a row.
    if text.count("\n[", first) != text.count("\n" + _HEADER, first):
        return None
    starts = [first, *(m.start() + 1 for m in _ROW_STARTS.finditer(text, first))]
    ends = [*starts[1:], len(text)]
    rows = tuple(text[start:end] for start, end in zip(starts, ends, strict=True))
    return Cut(text[: starts[0]], rows)


def parse_head(piece: Cut) -> dict[str, Any]:
    """Return the TOML data of the head (without the rows).

    Raises:
        tomllib.TOMLDecodeError: when the head does not read alone; the
            caller reads the whole file (for the error's true line too).
    """
    data = tomllib.loads(piece.head)
    if KEY in data:
        raise tomllib.TOMLDecodeError(f"{KEY} is also set before its rows")
    return data


def head_data(text: str) -> dict[str, Any]:
    """Return the TOML data of an event's keys other than its programme (quick on a long one).

    Raises:
        tomllib.TOMLDecodeError: when the event is not TOML.
    """
    piece = cut(text)
    if piece is not None:
        with contextlib.suppress(tomllib.TOMLDecodeError):
            return parse_head(piece)
    data = tomllib.loads(text)
    data.pop(KEY, None)
    return data


def parse_rows(rows: Sequence[str]) -> list[dict[str, Any]]:
    """Return the TOML data of consecutive row pieces.

    Raises:
        tomllib.TOMLDecodeError: when they do not read alone (see `parse_head`).
    """
    if not rows:
        return []
    data = tomllib.loads("".join(rows))
    rows_read = data.get(KEY)
    if data.keys() != {KEY} or not isinstance(rows_read, list):
        raise tomllib.TOMLDecodeError(f"rows hold more than {KEY}")
    return rows_read


def batches(rows: Sequence[str], size: int) -> Iterator[list[dict[str, Any]]]:
    """Yield the TOML data of `rows`, `size` rows at a time.

    Raises:
        tomllib.TOMLDecodeError: as `parse_rows`.
    """
    for start in range(0, len(rows), size):
        yield parse_rows(rows[start : start + size])
