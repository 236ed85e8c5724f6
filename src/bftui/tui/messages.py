"""App-wide messages, posted by workers and handled on the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from bftui.core.library.loading import Library


class LibraryLoaded(Message):
    """The library folder has been read (or read again)."""

    def __init__(
        self,
        library: Library,
        changed: frozenset[Path] = frozenset(),
        *,
        awaited: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        """Everything that was loaded, problems included."""
        self.changed = changed
        """Files known to have changed since the last load (absolute paths)."""
        self.awaited = awaited
        """Read after a change of ours, which the keys typed since wait for
        (not the folder watch's reading, which may come first)."""


class LinkActivated(Message):
    """The user chose a link in the shown document."""

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href = href
        """The link as written in the document."""
