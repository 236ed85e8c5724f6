"""Announcements of what bftui changed in a library: one per save, new item, delete, restore.

Every write of an item goes through `bftui.core.store`, which announces it
here once the file is on disk; listeners (the git auto-commit) hear it. A
listener that fails never undoes or fails the save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ACTIONS = ("created", "saved", "deleted", "restored")


@dataclass(frozen=True, slots=True)
class Change:
    """One change bftui made to an item file."""

    root: Path
    """The library."""
    path: Path
    """The item file (for a delete: where it was)."""
    action: str
    """One of `ACTIONS`."""
    before: str | None = None
    """The file's text before a save."""
    after: str | None = None
    """The file's text after a save, a creation or a restore."""
    trashed: Path | None = None
    """Where a deleted file went."""


Listener = Callable[[Change], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Call `listener` with every later change (once, however often it is added)."""
    if listener not in _listeners:
        _listeners.append(listener)


def unlisten(listener: Listener) -> None:
    """Stop calling `listener`."""
    with contextlib.suppress(ValueError):
        _listeners.remove(listener)


def announce(change: Change) -> None:
    """Tell every listener about `change`; a failing listener is skipped."""
    for listener in list(_listeners):
        # The file is written: nothing a listener does may turn that into a failure.
        with contextlib.suppress(Exception):
            listener(change)
