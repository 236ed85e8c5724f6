"""Undo for one session: the saves, new items, deletes and restores it made, last first.

`UndoLog` hears every change `bftui.core.store` announces for its library
(a form's save, a Q&A move, a delete) and `undo` takes the last one back,
checked against the file like any save: a file changed since is merged
(`storage.update_text`), and a merge that clashes raises `MergeConflict`
for the editor to settle with `storage.resolve`.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from bftui.core import fileio
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.store import changes, storage, trash
from bftui.core.store.atomic import StorageError
from bftui.core.store.changes import Change
from bftui.core.store.merge import kind_for_path
from bftui.core.store.snapshots import MergeConflict, digest, text_snapshot
from bftui.i18n import t


class ChangedSince(StorageError):
    """A new item to undo was changed since: moving it to the trash needs a yes."""


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo did, to say so."""

    path: Path
    """The item it changed (for a delete: where the item is back)."""
    action: str
    """The change it undid: "saved", "created", "deleted" or "restored"."""


class UndoLog:
    """The changes made to one library in this session, to take back last first."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.steps: list[Change] = []
        self._undoing = threading.local()

    def start(self) -> None:
        """Start hearing the changes made to the library."""
        changes.listen(self._heard)

    def stop(self) -> None:
        """Stop hearing them."""
        changes.unlisten(self._heard)

    def _heard(self, change: Change) -> None:
        if getattr(self._undoing, "active", False):
            return  # An undo is no step to undo.
        if change.root.resolve() == self.root:
            self.steps.append(change)

    def undo(self, *, force: bool = False) -> Undone | None:
        """Take the last change back; None when there is none.

        The step is dropped only once it is undone; `force` moves a new
        item to the trash even if it changed since it was made.

        Raises:
            MergeConflict: the file changed since in the same fields.
            ChangedSince: a new item to remove was changed since.
            ConflictError: the file is gone.
            StorageError: when it cannot be written (or a file is in the way).
        """
        if not self.steps:
            return None
        step = self.steps[-1]
        self._undoing.active = True
        try:
            path = _take_back(step, force=force)
        finally:
            self._undoing.active = False
        self.steps.pop()
        return Undone(path, step.action)

    def resolve(self, conflict: MergeConflict, resolutions: dict[str, str]) -> Undone:
        """Finish the last undo, whose merge clashed, as the editor settled it.

        Raises:
            MergeConflict: a change made since clashes again.
            StorageError: when it cannot be written.
        """
        step = self.steps[-1]
        self._undoing.active = True
        try:
            storage.resolve(conflict, resolutions, root=step.root)
        finally:
            self._undoing.active = False
        self.steps.pop()
        return Undone(step.path, step.action)


def _take_back(step: Change, *, force: bool) -> Path:
    root = step.root
    if step.action == "saved" and step.before is not None and step.after is not None:
        before = step.before
        kind = kind_for_path(step.path.relative_to(root).as_posix()) or "article"
        storage.update_text(
            step.path, lambda _text: before, text_snapshot(step.after), kind, root=root
        )
        return step.path
    if step.action == "deleted" and step.trashed is not None:
        original = step.path.relative_to(root)
        return trash.restore(
            root, trash.Trashed(step.trashed, original, dt.datetime.now())
        )
    # "created" and "restored": the item goes (back) to the trash.
    if not force and _changed(step.path, step.after):
        raise ChangedSince(step.path, t("undo.changed_since"))
    trash.move_to_trash(root, step.path)
    return step.path


def _changed(path: Path, text: str | None) -> bool:
    try:
        data = fileio.read_bytes(path, MAX_FILE_BYTES)
    except OSError:
        return False
    return text is None or digest(data) != digest(text.encode("utf-8"))
