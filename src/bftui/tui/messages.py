"""App-wide messages, posted by workers and handled on the UI thread."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from bftui.core.filtering import ItemFilter
from bftui.core.library import Library
from bftui.core.model import Article, Event


class LibraryLoaded(Message):
    """The library folder has been read (or read again)."""

    def __init__(
        self, library: Library, changed: frozenset[Path] = frozenset()
    ) -> None:
        super().__init__()
        self.library = library
        """Everything that was loaded, problems included."""
        self.changed = changed
        """Files known to have changed since the last load (absolute paths)."""
        self.article_filter = ItemFilter[Article](library.articles)
        """The articles, prepared for filtering (built in the loading thread)."""
        self.event_filter = ItemFilter[Event](library.events)


class LinkActivated(Message):
    """The user chose a link in the shown document."""

    def __init__(self, href: str) -> None:
        super().__init__()
        self.href = href
        """The link as written in the document."""
