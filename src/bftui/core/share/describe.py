"""Say what a change did, for its commit message: "Ny fråga i <titel>", "Sparade <titel>"."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bftui.core import fileio
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter, toml_rows
from bftui.core.library.folders import EVENTS_DIR
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.store.changes import Change
from bftui.core.text import safe_text
from bftui.i18n import t


def is_event(path: Path) -> bool:
    """Return True if item file `path` is an event (`events/<slug>.toml`)."""
    return path.suffix == ".toml" and path.parent.name == EVENTS_DIR


def _front(text: str, event: bool) -> dict[str, object]:
    try:
        if event:  # The head only: an event can have 100,000 programme rows.
            return toml_rows.head_data(text)
        return tomllib.loads(frontmatter.split(text).front)
    except (tomllib.TOMLDecodeError, frontmatter.FrontMatterError):
        return {}


def title_of(path: Path, text: str | None) -> str:
    """Return the title in item text `text`, or the file's name when it has none."""
    title = _front(text, is_event(path)).get("title") if text else None
    if isinstance(title, str) and title.strip():
        return safe_text(" ".join(title.split()))
    return path.stem


def _read(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return fileio.read_text(path, MAX_FILE_BYTES)
    except (OSError, UnicodeDecodeError):
        return None


def _qa_change(before: str, after: str) -> str | None:
    """Return how the Q&A entries changed when nothing else did, else None."""
    try:
        old, new = frontmatter.split(before), frontmatter.split(after)
    except frontmatter.FrontMatterError:
        return None
    if old.front != new.front:
        return None
    old_entries, new_entries = find_entries(old.body), find_entries(new.body)
    if not old_entries and not new_entries:
        return None
    old_pairs = [(e.question, e.answer) for e in old_entries]
    new_pairs = [(e.question, e.answer) for e in new_entries]
    if len(new_pairs) > len(old_pairs):
        return "qa_added"
    if len(new_pairs) < len(old_pairs):
        return "qa_deleted"
    if sorted(old_pairs) == sorted(new_pairs) and old_pairs != new_pairs:
        return "qa_moved"
    if old_pairs != new_pairs:
        return "qa_edited"
    return None


def message(change: Change) -> str:
    """Return the commit message for `change`, in the UI language."""
    if change.action == "deleted":
        return t("git.msg.deleted", title=title_of(change.path, _read(change.trashed)))
    title = title_of(change.path, change.after)
    if change.action == "created":
        kind = "new_event" if is_event(change.path) else "new_article"
        return t(f"git.msg.{kind}", title=title)
    if change.action == "restored":
        return t("git.msg.restored", title=title)
    qa = None
    if change.before and change.after and not is_event(change.path):
        qa = _qa_change(change.before, change.after)
    return t(f"git.msg.{qa or 'saved'}", title=title)
