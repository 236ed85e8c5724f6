"""Parse TOML from a file and say on which file line an error or a key stands.

tomllib gives no positions for keys, and only a message with "(at line N,
column M)" for errors, counted from the start of the TOML it was given. The
TOML of an article starts below its `+++` line, so every line here is turned
into a line of the file by adding where the TOML starts (`first_line`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bftui.core.problems import Problem
from bftui.i18n import t

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_AT_END = re.compile(r"\s*\(at end of document\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?\Z")
_QUOTES = ('"""', "'''")
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^Invalid value\Z", "toml.invalid_value"),
        (r"^Invalid statement\Z", "toml.invalid_statement"),
        (r"^Unterminated string\Z", "toml.unterminated_string"),
        (r"^Unclosed array\Z", "toml.unclosed_array"),
        (r"^Unclosed inline table\Z", "toml.unclosed_table"),
        (r"^Cannot overwrite a value\Z", "toml.overwrite"),
        (r"^Cannot declare (?P<detail>.+) twice\Z", "toml.declared_twice"),
        (r"^Expected '=' after a key", "toml.expected_equals"),
        (r"^Invalid initial character for a key part\Z", "toml.bad_key"),
        (r"^Illegal character (?P<detail>.+)\Z", "toml.illegal_character"),
        (r"^Found invalid character (?P<detail>.+)\Z", "toml.illegal_character"),
        (r"^Invalid date or datetime\Z", "toml.bad_date"),
        (r"^Expected newline or end of document after", "toml.trailing"),
        (r"^Unescaped '\\' in a string\Z", "toml.backslash"),
        (r"^Expected '\]\]?' at the end of a", "toml.unclosed_header"),
    )
)
"""tomllib's commonest messages, said in the UI language; others stay as they are."""


def parse(text: str, relative: Path, first_line: int) -> dict[str, Any] | Problem:
    """Parse TOML `text` that starts on file line `first_line`.

    Returns:
        The table, or a `Problem` on the file line where tomllib stopped.
    """
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _AT_LINE.search(message)
        if match:
            line = int(match.group(1))
        else:
            # "At end of document": an unclosed string or array. Its last line
            # outside strings is where a multi-line string opened, else the end.
            kept = [line.number for line in _lines(text) if line.text.strip()]
            line = kept[-1] + 1 if kept else 1
        reason = _reason(_AT_END.sub("", _AT_LINE.sub("", message)).strip())
        return Problem(
            relative, first_line + line - 1, t("problem.bad_toml", error=reason)
        )


def _reason(message: str) -> str:
    for pattern, key in _REASONS:
        match = pattern.match(message)
        if match:
            values = match.groupdict()
            if "detail" in values:
                # tomllib names a table as a tuple: ('a', 'b') -> a.b
                parts = re.findall(r"'([^']*)'", values["detail"])
                if values["detail"].startswith("(") and parts:
                    values["detail"] = ".".join(parts)
            return t(key, **values)
    return message


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    """0-based line in the TOML text."""
    table: str
    """Name of the `[table]` or `[[array]]` the line belongs to; "" at the top."""
    text: str
    header: bool


def _lines(text: str) -> list[_Line]:
    """Return the lines of `text` outside multi-line strings, with their table."""
    lines: list[_Line] = []
    table = ""
    open_quote = ""
    for number, line in enumerate(text.split("\n")):
        if open_quote:
            if line.count(open_quote) % 2:
                open_quote = ""
            continue
        header = _HEADER.match(line)
        if header:
            table = header.group(1).replace('"', "").replace("'", "").replace(" ", "")
        lines.append(_Line(number, table, line, bool(header)))
        open_quote = next((q for q in _QUOTES if line.count(q) % 2), "")
    return lines


def _assigns(line: str, name: str) -> bool:
    """Return True if `line` sets key `name` (bare, quoted or dotted)."""
    key = rf"(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')"
    return re.match(rf"^\s*{key}\s*[=.]", line) is not None


def key_line(text: str, key: str, first_line: int, missing_line: int) -> int:
    """Return the file line where dotted `key` is set in TOML `text`.

    `interviewee.name` is looked for inside `[interviewee]`, then as an
    inline or dotted key at the top. A key that is not there gives the line
    of its table's header, or `missing_line` when there is none.
    """
    lines = _lines(text)
    *parents, name = key.split(".")
    table = ".".join(parents)
    for line in lines:
        if line.table == table and not line.header and _assigns(line.text, name):
            return first_line + line.number
    for line in lines:
        if parents and line.table == "" and _assigns(line.text, parents[0]):
            return first_line + line.number
        if line.header and line.table and line.table in (key, table):
            return first_line + line.number
    return missing_line
