"""Provides the reader: the document view and the find bar under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from bftui.i18n import t
from bftui.tui.widgets.document import DocumentView


class Reader(Vertical):
    """The reading pane: an item's composed Markdown, and find in it."""

    def compose(self) -> ComposeResult:
        """Lay out the document and the (hidden) find bar."""
        yield DocumentView(id="document")
        find = Input(placeholder=t("reader.find_placeholder"), id="find")
        find.cursor_blink = False
        yield find

    @property
    def document(self) -> DocumentView:
        """The document view."""
        return self.query_one(DocumentView)
