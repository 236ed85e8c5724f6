"""Change TOML in place with tomlkit, so comments, key order, quoting and unknown keys survive.

`data` maps keys to their new values: a key left out is not touched, an empty
value (None, "" or []) removes the key, a mapping edits a table key by key,
and a list of mappings edits an array of tables row by row. Values equal to
what is there (after `safe_text`, which is how forms saw them) keep their
original text, so saving an unchanged item gives back the very same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, InlineTable, Item, String, StringType, Table, Trivia

from bftui.core.text import safe_text

Data = Mapping[str, Any]


class VerifyError(ValueError):
    """tomlkit's output does not read back as the data it was given."""


def is_empty(value: Any) -> bool:
    """Return True for the values that mean "no such key": None, "" and []."""
    return value is None or value == "" or value == []


def same(old: Any, new: Any) -> bool:
    """Return True if file value `old` is what a form shows as `new`."""
    if isinstance(old, str) and isinstance(new, str):
        return old == new or safe_text(old) == new
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return old.keys() == new.keys() and all(same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(map(same, old, new))
    return type(old) is type(new) and old == new


def is_rows(value: Any) -> TypeGuard[list[Mapping[str, Any]]]:
    """Return True if `value` is a non-empty list of tables (an array of tables)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )


def _string(value: str, old: Any) -> String:
    if "\n" in value:
        item = tomlkit.string(value, multiline=True)
        raw = item._original
        if not raw.startswith("\n"):
            # Start the text on its own line, as hand-written files do.
            item = String(StringType.MLB, value, "\n" + raw, Trivia())
        return item
    literal = isinstance(old, String) and old.type is StringType.SLL
    if literal and "'" not in value and value == safe_text(value):
        return tomlkit.string(value, literal=True)
    return tomlkit.string(value)


def _table(data: Data) -> Table:
    table = tomlkit.table()
    for key, value in data.items():
        if not is_empty(value):
            table[key] = _item(value, None)
    return table


def _item(value: Any, old: Any) -> Any:
    if isinstance(value, str):
        return _string(value, old)
    if is_rows(value):
        rows = tomlkit.aot()
        for row in value:
            rows.append(_table(row))
        return rows
    if isinstance(value, Mapping):
        return _table(value)
    if isinstance(value, (dt.date, dt.datetime, int, bool, float, list)):
        return tomlkit.item(value)
    raise TypeError(type(value).__name__)


def _insert(
    container: Container | Table, key: str, item: Any, order: Sequence[str]
) -> None:
    if not isinstance(item, (Table, AoT)) and key in order:
        body = container.value if isinstance(container, Table) else container
        earlier = order[: order.index(key)]
        plain = [
            k
            for k in reversed(earlier)
            if k in body and not isinstance(body.item(k), (Table, AoT))
        ]
        if plain:
            # Keep the schema's key order for new keys (a private but stable
            # tomlkit call; a plain append is the fallback).
            with contextlib.suppress(Exception):
                body._insert_after(plain[0], key, item)
                return
    container[key] = item


def apply(container: Any, data: Data, order: Sequence[str] = ()) -> None:
    """Write `data` into the tomlkit `container` (document or table) in place."""
    for key, value in data.items():
        present = key in container
        old = container[key] if present else None
        plain_old = old.unwrap() if isinstance(old, Item) else old
        if is_empty(value):
            if present and not is_empty(plain_old):
                del container[key]
            continue
        if present and same(plain_old, value):
            continue
        if isinstance(value, Mapping) and isinstance(old, (Table, InlineTable)):
            apply(old, value, list(value))
        elif is_rows(value) and isinstance(old, AoT):
            _apply_rows(old, value)
        elif present:
            container[key] = _item(value, old)
        else:
            _insert(container, key, _item(value, None), order)


def _apply_rows(rows: AoT, new_rows: list[Data]) -> None:
    for row, data in zip(rows, new_rows, strict=False):
        apply(row, data, list(data))
    while len(rows) > len(new_rows):
        del rows[len(rows) - 1]
    for data in new_rows[len(rows) :]:
        if rows and not rows[-1].as_string().endswith("\n\n"):
            rows[-1].add(tomlkit.nl())  # a blank line between rows, as written by hand
        rows.append(_table(data))


def expected(original: Data, data: Data) -> dict[str, Any]:
    """Return the plain values `apply` should produce from `original` and `data`."""
    result = dict(original)
    for key, value in data.items():
        old = result.get(key)
        if is_empty(value):
            if key in result and not is_empty(old):
                del result[key]
        elif key in result and same(old, value):
            continue
        elif isinstance(value, Mapping) and isinstance(old, Mapping):
            result[key] = expected(old, value)
        elif is_rows(value) and is_rows(old):
            rows = [expected(o, n) for o, n in zip(old, value, strict=False)]
            rows += [plain(row) for row in value[len(old) :]]
            result[key] = rows
        else:
            result[key] = plain(value)
    return result


def plain(value: Any) -> Any:
    """Return `value` with empty values left out of its tables."""
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items() if not is_empty(v)}
    if is_rows(value):
        return [plain(v) for v in value]
    return value


def _line_ends(text: str, original: str) -> str:
    """Return `text` with the line ends and the final newlines of `original`."""
    text = text.replace("\r\n", "\n")
    if original:
        unix = original.replace("\r\n", "\n")
        final = len(unix) - len(unix.rstrip("\n"))
        text = text.rstrip("\n") + "\n" * final
    return text.replace("\n", "\r\n") if "\r\n" in original else text


def render(doc: Any, original_text: str, should_be: Data) -> str:
    """Return the TOML text of `doc`, checked with tomllib against `should_be`.

    Line ends follow `original_text`: a CRLF file stays CRLF throughout.

    Raises:
        VerifyError: when the text does not read back as `should_be`.
    """
    text = tomlkit.dumps(doc)
    if text != original_text:
        text = _line_ends(text, original_text)
    try:
        loaded = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VerifyError(str(error)) from error
    if loaded != should_be:
        keys = loaded.keys() | should_be.keys()
        raise VerifyError(
            ", ".join(sorted(k for k in keys if loaded.get(k) != should_be.get(k)))
        )
    return text
