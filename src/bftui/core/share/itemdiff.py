"""What changed between two versions of an item, in the item's terms.

Not lines but units: each field (nested tables key by key), each Q&A entry
(by its question) and the paragraphs of the text. Used by `bftui log` and
the app's history view.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

import tomlkit

from bftui.core.items.qa import find_entries, introduction
from bftui.core.library import frontmatter
from bftui.core.store.merge import Kind
from bftui.i18n import t


@dataclass(frozen=True, slots=True)
class Difference:
    """One unit that differs between two versions."""

    key: str
    """"title", "interviewee.name", "qa:<question>", "text:3" ..."""
    label: str
    """A short, human name: the field's name, the question, "Stycke 3"."""
    old: str | None
    """The unit in the older version; None when it was added."""
    new: str | None
    """The unit in the newer version; None when it was removed."""
    toml: bool = False
    """True when old and new are TOML values, False for Markdown text."""

    @property
    def change(self) -> str:
        """Return "added", "removed" or "changed"."""
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


def _literal(value: Any) -> str:
    return str(tomlkit.item(value).as_string())


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _label(key: str) -> str:
    label = t(f"field.{key}")
    return key if label == f"field.{key}" else label


def _fields(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    before, after = _flatten(old), _flatten(new)
    found = []
    for key in [*before, *(k for k in after if k not in before)]:
        if before.get(key, object()) != after.get(key, object()):
            found.append(
                Difference(
                    key,
                    _label(key),
                    _literal(before[key]) if key in before else None,
                    _literal(after[key]) if key in after else None,
                    toml=True,
                )
            )
    return found


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in text.strip("\n").split("\n\n") if p.strip()]


def _text(old: str, new: str) -> list[Difference]:
    before, after = _paragraphs(old), _paragraphs(new)
    found = []
    opcodes = SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    for op, a1, a2, b1, b2 in opcodes:
        if op == "equal":
            continue
        number = b1 + 1 if b2 > b1 else a1 + 1
        found.append(
            Difference(
                f"text:{number}",
                t("diff.paragraph", number=number),
                "\n\n".join(before[a1:a2]) if a2 > a1 else None,
                "\n\n".join(after[b1:b2]) if b2 > b1 else None,
            )
        )
    return found


def _entries(body: str) -> dict[str, str]:
    units: dict[str, str] = {}
    for entry in find_entries(body):
        key = entry.question
        while key in units:
            key += " "
        units[key] = entry.answer.strip("\n")
    return units


def _qa(old: str, new: str) -> list[Difference]:
    before, after = _entries(old), _entries(new)
    found = []
    for question in [*before, *(q for q in after if q not in before)]:
        if before.get(question) != after.get(question):
            found.append(
                Difference(
                    f"qa:{question.strip()}",
                    question.strip(),
                    before.get(question),
                    after.get(question),
                )
            )
    return found


def _toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}


def diff_item(old: str, new: str, kind: Kind) -> list[Difference]:
    """Return the units that differ from `old` to `new`, fields first, in file order.

    A version that cannot be read as an item is compared as plain text.
    """
    if kind == "event":
        return _fields(_toml(old), _toml(new))
    try:
        before, after = frontmatter.split(old), frontmatter.split(new)
    except frontmatter.FrontMatterError:
        return _text(old, new)
    old_intro = introduction(before.body, find_entries(before.body))
    new_intro = introduction(after.body, find_entries(after.body))
    return [
        *_fields(_toml(before.front), _toml(after.front)),
        *_text(old_intro, new_intro),
        *_qa(before.body, after.body),
    ]
