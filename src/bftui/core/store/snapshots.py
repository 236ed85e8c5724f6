"""Snapshots of a file as a form saw it, and the conflict raised when it changed since.

The check reads and hashes the file: on network folders `stat()` can be
seconds stale and some file systems keep mtimes at whole seconds.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from bftui.core import fileio
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.store.atomic import StorageError, storage_error
from bftui.core.store.merge import Conflict, Kind, Merge
from bftui.i18n import t


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a file held when a form opened on it."""

    sha256: str
    mtime_ns: int
    size: int
    text: str = field(default="", compare=False, repr=False)
    """The file's text, so a conflict can show what changed since."""
    merged: bool = field(default=False, compare=False)
    """True for a save that merged another change in (see `storage.update_text`)."""


class ConflictError(Exception):
    """The file changed on disk since the form opened; nothing was written."""

    def __init__(self, path: Path, base: str, theirs: str | None) -> None:
        super().__init__(str(path))
        self.path = path
        self.base = base
        """The text the form was opened on."""
        self.theirs = theirs
        """The text on disk now, or None when the file is gone."""

    def diff(self, limit: int = 400) -> list[str]:
        """Return the unified diff from the form's version to the one on disk."""
        lines = difflib.unified_diff(
            self.base.splitlines(),
            (self.theirs or "").splitlines(),
            t("storage.diff_yours"),
            t("storage.diff_theirs"),
            lineterm="",
        )
        return list(lines)[:limit]


class MergeConflict(ConflictError):
    """The file changed since the form read it, and both changed the same units.

    Nothing was written. `merge` holds the merged text (our version of each
    conflicting unit) and the conflicts; `storage.resolve` writes it once the
    editor has chosen.
    """

    def __init__(
        self, path: Path, base: str, ours: str, theirs: str, kind: Kind, merge: Merge
    ) -> None:
        super().__init__(path, base, theirs)
        self.ours = ours
        """The text our change gives when applied to `base`."""
        self.kind: Kind = kind
        self.merge = merge

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """The units both sides changed differently."""
        return self.merge.conflicts

    @property
    def their_text(self) -> str:
        """The text on disk now (never None: a gone file is no merge)."""
        return self.theirs or ""


def text_snapshot(text: str) -> Snapshot:
    """Return a snapshot of a file that holds `text` (as a merge last saw it)."""
    data = text.encode("utf-8")
    return Snapshot(digest(data), 0, len(data), text)


def digest(data: bytes) -> str:
    """Return the SHA-256 of `data` in hex."""
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> tuple[bytes, os.stat_result]:
    # Opening revalidates a network file system's cache; stat alone may not.
    return fileio.read_file(path, MAX_FILE_BYTES)


def snapshot(path: Path) -> Snapshot:
    """Read `path` and return its snapshot, text included.

    Raises:
        StorageError: when it cannot be read or is not UTF-8.
    """
    try:
        data, info = _read(path)
    except OSError as error:
        raise storage_error(path, error) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise StorageError(path, t("storage.not_utf8")) from error
    return Snapshot(digest(data), info.st_mtime_ns, info.st_size, text)


def current_text(path: Path, expected: Snapshot) -> str:
    """Return the text of `path` on disk, if it is still what `expected` saw.

    Raises:
        ConflictError: when it changed or is gone.
        StorageError: when it cannot be read.
    """
    try:
        data, _ = _read(path)
    except FileNotFoundError:
        raise ConflictError(path, expected.text, None) from None
    except OSError as error:
        raise storage_error(path, error) from error
    if digest(data) != expected.sha256:
        theirs = data.decode("utf-8", errors="replace")
        raise ConflictError(path, expected.text, theirs)
    return data.decode("utf-8")
