"""Three-way merge of an item's file: field by field and Q&A entry by Q&A entry.

One engine serves the forms (the file changed under an open form) and git (the
`bftui merge-file` driver). Given the text both sides started from (`base`),
ours and theirs, `merge_item` returns the merged text and the real conflicts:
the same field, the same Q&A entry or the same paragraphs changed on both
sides. Everything else lands: different fields, questions added on both sides,
tags added on both sides. A conflicting unit keeps our version, so the merged
text is always a valid item file, never one with conflict markers; the caller
shows the conflicts and calls `merge_item` again with `resolutions`.

Comments, key order and formatting come from `ours` (tomlkit edits in place).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, TypeVar

import tomlkit

from bftui.core.items import qa
from bftui.core.library import frontmatter, toml_rows
from bftui.core.store import row_edit, tomledit

Kind = Literal["article", "event"]
Side = Literal["base", "ours", "theirs"]
_SIDES: tuple[Side, ...] = ("base", "ours", "theirs")
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Conflict:
    """One unit both sides changed differently.

    Until resolved, the merged text holds our version of the unit, or theirs
    where we deleted a unit they changed.
    """

    key: str
    """Stable name of the unit: "title", "interviewee.name", "qa:<question>",
    "intro:1", "programme:1", "file"; the key of `resolutions`."""
    label: str
    """A short, human name of the unit (the field name or the question)."""
    base: str | None
    ours: str | None
    theirs: str | None
    """Each side's text of the unit, None where the side has no such unit."""
    toml: bool = False
    """True when the sides are TOML value literals, False for plain text."""


@dataclass(frozen=True, slots=True)
class Merge:
    """The merged text and the conflicts left in it."""

    text: str
    conflicts: tuple[Conflict, ...] = ()

    @property
    def clean(self) -> bool:
        """True when nothing conflicted."""
        return not self.conflicts


class _Conflicts:
    """Collects conflicts and answers them from the caller's resolutions."""

    def __init__(self, resolutions: Mapping[str, str] | None) -> None:
        self.found: list[Conflict] = []
        self.resolutions = dict(resolutions or {})

    def decide(
        self,
        key: str,
        label: str,
        sides: tuple[Any, Any, Any],
        show: Callable[[Any], str | None],
        parse: Callable[[str], Any],
        toml: bool = False,
    ) -> Any:
        """Return the resolved value of a conflicting unit (ours if unresolved)."""
        choice = self.resolutions.get(key)
        if choice in _SIDES:
            return sides[_SIDES.index(choice)]
        if choice is not None:
            return parse(choice)
        base, ours, theirs = (None if v is _MISSING else show(v) for v in sides)
        self.found.append(Conflict(key, label, base, ours, theirs, toml))
        # Never lose words: a unit we deleted and they changed stays until decided.
        return sides[2] if sides[1] is _MISSING else sides[1]


def kind_for_path(path: str) -> Kind | None:
    """Return the kind of item a library-relative `path` holds, None for other files."""
    parts = path.replace("\\", "/").split("/")
    if parts[-1].endswith(".toml") and len(parts) >= 2 and parts[-2] == "events":
        return "event"
    if parts[-1].endswith(".md") and parts[-1].lower() != "readme.md":
        return "article"
    return None


def merge_item(
    base: str,
    ours: str,
    theirs: str,
    kind: Kind,
    resolutions: Mapping[str, str] | None = None,
) -> Merge:
    """Merge `ours` and `theirs`, two edits of `base` ("" when there is none).

    `resolutions` answers earlier conflicts by key: "ours", "theirs", "base"
    (a side's version; choosing a side without the unit removes it) or a text
    in the form the conflict showed its sides in (to combine them).
    """
    if ours == theirs or base == theirs:
        return Merge(ours)
    if base == ours:
        return Merge(theirs)
    conflicts = _Conflicts(resolutions)
    try:
        if kind == "event":
            text = _merge_toml(base, ours, theirs, conflicts)
        else:
            text = _merge_article(base, ours, theirs, conflicts)
    except (frontmatter.FrontMatterError, tomllib.TOMLDecodeError, ValueError):
        # A side that is not a valid item merges as one unit: the whole file.
        text = conflicts.decide(
            "file", "file", (base, ours, theirs), lambda v: v, lambda v: v
        )
    return Merge(text, tuple(conflicts.found))


# -- Articles ---------------------------------------------------------------


def _split(text: str) -> tuple[str, str]:
    if not text:
        return "", ""
    parts = frontmatter.split(text)
    return parts.front, parts.body


def _merge_article(base: str, ours: str, theirs: str, conflicts: _Conflicts) -> str:
    (base_front, base_body), (our_front, our_body), (their_front, their_body) = (
        _split(base),
        _split(ours),
        _split(theirs),
    )
    front = _merge_toml(base_front, our_front, their_front, conflicts)
    body = _merge_body(base_body, our_body, their_body, conflicts)
    if front == our_front and body == our_body:
        return ours
    head = ours[: len(ours) - len(ours.lstrip("\ufeff"))]
    return head + frontmatter.join(front, body)


def _segments(body: str) -> tuple[str, list[tuple[str, str]]]:
    """Cut `body` into its introduction and (key, text) Q&A entries."""
    entries = qa.find_entries(body)
    lines = body.split("\n")
    intro = qa.introduction(body, entries)
    seen: dict[str, int] = {}
    units: list[tuple[str, str]] = []
    for index, entry in enumerate(entries):
        end = entries[index + 1].start if index + 1 < len(entries) else len(lines)
        seen[entry.question] = seen.get(entry.question, 0) + 1
        count = seen[entry.question]
        key = entry.question if count == 1 else f"{entry.question} ({count})"
        units.append((key, "\n".join(lines[entry.start : end]).strip("\n")))
    return intro, units


def _answer(unit: str) -> str:
    return unit.partition("\n")[2].strip()


def _follow_renames(
    base: list[tuple[str, str]], side: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Give an entry whose question was edited its base key (same answer)."""
    base_keys = {key for key, _ in base}
    side_keys = {key for key, _ in side}
    orphans = {_answer(text): key for key, text in base if key not in side_keys}
    renamed = []
    for key, text in side:
        answer = _answer(text)
        if key not in base_keys and answer and answer in orphans:
            key = orphans.pop(answer)
        renamed.append((key, text))
    return renamed


def _merge_body(base: str, ours: str, theirs: str, conflicts: _Conflicts) -> str:
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    (base_intro, base_units), (our_intro, our_units), (their_intro, their_units) = (
        _segments(base),
        _segments(ours),
        _segments(theirs),
    )
    intro = _merge_text("intro", base_intro, our_intro, their_intro, conflicts)
    our_units = _follow_renames(base_units, our_units)
    their_units = _follow_renames(base_units, their_units)
    units = merge_keyed(
        base_units,
        our_units,
        their_units,
        lambda key, sides: conflicts.decide(
            f"qa:{key}", key, sides, lambda v: v, lambda v: v.strip("\n")
        ),
    )
    parts = [intro.strip("\n")] if intro.strip() else []
    parts += [text for _, text in units]
    ending = "\n" if ours.endswith("\n") or not ours else ""
    leading = ours[: len(ours) - len(ours.lstrip("\n"))]
    return leading + "\n\n".join(parts) + ending


# -- Text -------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")


def _paragraphs(text: str) -> list[str]:
    stripped = text.strip("\n")
    return _BLANK_LINES.split(stripped) if stripped else []


def _merge_text(
    key: str, base: str, ours: str, theirs: str, conflicts: _Conflicts
) -> str:
    """Merge a text paragraph by paragraph; a paragraph changed on both sides conflicts."""
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    count = 0

    def clash(chunks: tuple[list[str], list[str], list[str]]) -> list[str]:
        nonlocal count
        count += 1
        chosen = conflicts.decide(
            f"{key}:{count}",
            key,
            chunks,
            lambda v: "\n\n".join(v),
            _paragraphs,
        )
        return list(chosen)

    merged = diff3(_paragraphs(base), _paragraphs(ours), _paragraphs(theirs), clash)
    text = "\n\n".join(merged)
    return text + "\n" if ours.endswith("\n") and text else text


# -- TOML -------------------------------------------------------------------


def _merge_toml(base: str, ours: str, theirs: str, conflicts: _Conflicts) -> str:
    """Merge three TOML texts key by key, editing `ours` in place."""
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    long_event = _merge_heads(base, ours, theirs, conflicts)
    if long_event is not None:
        return long_event
    earlier, mine, other = (tomllib.loads(text) for text in (base, ours, theirs))
    merged = _merge_table("", earlier, mine, other, conflicts)
    if merged == mine:
        return ours
    doc = tomlkit.parse(ours)
    tomledit.apply(doc, _changes(mine, merged), list(merged))
    return tomledit.render(doc, ours, merged)


def _merge_heads(
    base: str, ours: str, theirs: str, conflicts: _Conflicts
) -> str | None:
    """Merge a long event's fields alone, when at most one side changed its rows.

    The rows are then that side's, as they are (an event of 100,000 rows
    took minutes to merge whole). None: the event is merged whole.
    """
    cut_base, cut_ours, cut_theirs = (toml_rows.cut(t) for t in (base, ours, theirs))
    if cut_base is None or cut_ours is None or cut_theirs is None:
        return None
    if (
        min(len(cut.rows) for cut in (cut_base, cut_ours, cut_theirs))
        < row_edit.CUT_FROM
    ):
        return None
    earlier, mine, other = (
        "".join(cut.rows) for cut in (cut_base, cut_ours, cut_theirs)
    )
    if mine == other or earlier == other:
        rows = mine
    elif earlier == mine:
        rows = other
    else:
        return None
    try:
        for cut in (cut_base, cut_ours, cut_theirs):
            toml_rows.parse_head(cut)
    except tomllib.TOMLDecodeError:
        return None
    heads = (cut_base.head, cut_ours.head, cut_theirs.head)
    return _merge_toml(*heads, conflicts) + rows


def _changes(ours: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
    """Return what `tomledit.apply` needs to turn `ours` into `merged`."""
    changes: dict[str, Any] = {}
    for key in ours.keys() | merged.keys():
        old, new = ours.get(key, _MISSING), merged.get(key, _MISSING)
        if new is _MISSING:
            changes[key] = None
        elif isinstance(old, dict) and isinstance(new, dict):
            inner = _changes(old, new)
            if inner:
                changes[key] = inner
        elif old != new:
            if isinstance(old, list) and tomledit.is_rows(old) and new == []:
                changes[key] = None
            else:
                changes[key] = new
    return changes


def _merge_table(
    path: str,
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    conflicts: _Conflicts,
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    keys = list(ours) + [k for k in theirs if k not in ours]
    keys += [k for k in base if k not in keys]
    for key in keys:
        name = f"{path}{key}"
        b, o, t = (side.get(key, _MISSING) for side in (base, ours, theirs))
        value = _merge_value(name, b, o, t, conflicts)
        if value is not _MISSING:
            merged[key] = value
    # Keys that only theirs added go after their neighbour, as theirs had them.
    return {key: merged[key] for key in _weave(list(ours), list(theirs), merged)}


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return value
    return str(tomlkit.item(value).as_string())


def _parse_literal(text: str) -> Any:
    return tomllib.loads(f"value = {text}")["value"]


def _merge_value(
    name: str, base: Any, ours: Any, theirs: Any, conflicts: _Conflicts
) -> Any:
    if ours == theirs or base == theirs:
        return ours
    if base == ours:
        return theirs
    earlier = {} if base is _MISSING else base
    if all(isinstance(v, dict) for v in (earlier, ours, theirs)):
        return _merge_table(f"{name}.", earlier, ours, theirs, conflicts)
    lists = ([] if base is _MISSING else base, ours, theirs)
    if all(isinstance(v, list) for v in lists):
        if all(not isinstance(x, dict) for v in lists for x in v):
            return _merge_set(*lists)
        return _merge_rows(name, *lists, conflicts)
    texts = ("" if base is _MISSING else base, ours, theirs)
    if all(isinstance(v, str) for v in texts) and "\n" in "".join(texts):
        trial = _Conflicts(None)
        text = _merge_text(name, *texts, trial)
        if not trial.found:
            return text  # Long texts (a summary) merge paragraph by paragraph.
    strings = all(isinstance(v, str) or v is _MISSING for v in (base, ours, theirs))
    return conflicts.decide(
        name,
        name,
        (base, ours, theirs),
        _literal if not strings else (lambda v: v),
        (lambda v: v) if strings else _parse_literal,
        toml=not strings,
    )


def _merge_set(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Merge lists of plain values as sets, in ours' order, theirs' additions after."""
    removed = [x for x in base if x not in theirs]
    kept = [x for x in ours if x not in removed]
    return kept + [x for x in theirs if x not in base and x not in kept]


def _merge_rows(
    name: str,
    base: list[Any],
    ours: list[Any],
    theirs: list[Any],
    conflicts: _Conflicts,
) -> list[Any]:
    """Merge lists of tables (programme rows, links) row by row, in order."""
    label = name.rpartition(".")[2]
    rows = {_row_key(row): row for side in (base, ours, theirs) for row in side}
    count = 0

    def clash(chunks: tuple[list[str], list[str], list[str]]) -> list[str]:
        nonlocal count
        if not chunks[0]:
            return chunks[1] + chunks[2]  # Rows added at one place on both sides.
        count += 1
        chosen = conflicts.decide(
            f"{name}:{count}",
            label,
            (
                [rows[k] for k in chunks[0]],
                [rows[k] for k in chunks[1]],
                [rows[k] for k in chunks[2]],
            ),
            lambda side: tomlkit.dumps({label: side}),
            lambda text: tomllib.loads(text).get(label, []),
            toml=True,
        )
        for row in chosen:
            rows.setdefault(_row_key(row), row)
        return [_row_key(row) for row in chosen]

    base_keys, our_keys, their_keys = (
        [_row_key(row) for row in side] for side in (base, ours, theirs)
    )
    return [rows[key] for key in diff3(base_keys, our_keys, their_keys, clash)]


def _row_key(row: Any) -> str:
    return json.dumps(row, sort_keys=True, default=str)


# -- Sequences --------------------------------------------------------------


T = TypeVar("T", bound=Hashable)


def _hunks(base: Sequence[T], other: Sequence[T]) -> list[tuple[int, int, list[T]]]:
    """Return the changes from `base` to `other` as (start, end, replacement)."""
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (start, end, list(other[first:last]))
        for tag, start, end, first, last in matcher.get_opcodes()
        if tag != "equal"
    ]


def diff3(
    base: Sequence[T],
    ours: Sequence[T],
    theirs: Sequence[T],
    clash: Callable[[tuple[list[T], list[T], list[T]]], list[T]],
) -> list[T]:
    """Merge two edits of a sequence; `clash` decides where both changed one place.

    Changes that do not overlap all apply (neighbouring ones too: the units
    are paragraphs or rows, not lines); overlapping ones that differ, and
    insertions at the same place, go to `clash` as (base, ours, theirs) chunks.
    """
    hunks = sorted(
        [(hunk, 1) for hunk in _hunks(base, ours)]
        + [(hunk, 2) for hunk in _hunks(base, theirs)],
        key=lambda item: (item[0][0], item[0][1]),
    )
    merged: list[T] = []
    done = index = 0
    while index < len(hunks):
        group = [hunks[index]]
        low, high = hunks[index][0][0], hunks[index][0][1]
        index += 1
        while index < len(hunks):
            start, end, _ = hunks[index][0]
            both_insert_here = start == end == low == high
            if not (start < high or both_insert_here):
                break
            group.append(hunks[index])
            high = max(high, end)
            index += 1
        merged += base[done:low]
        versions = [_apply(base, low, high, group, side) for side in (1, 2)]
        if len({side for _, side in group}) == 1 or versions[0] == versions[1]:
            merged += versions[0] if group[0][1] == 1 else versions[1]
        else:
            merged += clash((list(base[low:high]), versions[0], versions[1]))
        done = high
    return merged + list(base[done:])


def _apply(
    base: Sequence[T],
    low: int,
    high: int,
    group: list[tuple[tuple[int, int, list[T]], int]],
    side: int,
) -> list[T]:
    """Return one side's version of `base[low:high]` from its hunks in `group`."""
    version: list[T] = []
    at = low
    for (start, end, replacement), owner in group:
        if owner == side:
            version += list(base[at:start]) + replacement
            at = end
    return version + list(base[at:high])


def _weave(first: list[str], second: list[str], present: Collection[str]) -> list[str]:
    """Order `present` keys as `first` has them, `second`'s others before their successor."""
    order = [key for key in first if key in present]
    for index, key in enumerate(second):
        if key in present and key not in order:
            after = [k for k in second[index + 1 :] if k in order]
            order.insert(order.index(after[0]) if after else len(order), key)
    return order + [key for key in present if key not in order]


def merge_keyed(
    base: list[tuple[str, str]],
    ours: list[tuple[str, str]],
    theirs: list[tuple[str, str]],
    clash: Callable[[str, tuple[Any, Any, Any]], Any],
) -> list[tuple[str, str]]:
    """Merge keyed units (Q&A entries): each by the three-way rule, order kept.

    `clash(key, (base, ours, theirs))` decides a unit changed on both sides
    (a side without the unit passes the module's missing marker); it returns
    the unit's text, or the missing marker to leave it out.
    """
    b, o, t = dict(base), dict(ours), dict(theirs)
    values: dict[str, str] = {}
    for key in (
        list(o)
        + [k for k in t if k not in o]
        + [k for k in b if k not in o and k not in t]
    ):
        bv, ov, tv = (side.get(key, _MISSING) for side in (b, o, t))
        value: Any
        if ov == tv or bv == tv:
            value = ov
        elif bv == ov:
            value = tv
        else:
            value = clash(key, (bv, ov, tv))
        if value is not _MISSING:
            values[key] = value
    base_keys = [k for k, _ in base]
    our_keys, their_keys = [k for k, _ in ours], [k for k, _ in theirs]
    moved_by_us = [k for k in our_keys if k in b] != [k for k in base_keys if k in o]
    moved_by_them = [k for k in their_keys if k in b] != [
        k for k in base_keys if k in t
    ]
    if moved_by_them and not moved_by_us:
        order = _weave(their_keys, our_keys, values)
    else:
        order = _weave(our_keys, their_keys, values)
    return [(key, values[key]) for key in order]
