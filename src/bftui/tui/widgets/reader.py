"""Provides the reader: the document view and the find bar under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from bftui.i18n import t
from bftui.tui.widgets.document import DocumentView
from bftui.tui.widgets.input_bar import input_bar


class Reader(Vertical):
    """The reading pane: an item's composed Markdown, and find in it."""

    def compose(self) -> ComposeResult:
        """Lay out the document; the find bar comes when first asked for."""
        yield DocumentView(id="document")

    @property
    def find_bar(self) -> Input:
        """The (hidden) find bar under the document, made on first use."""
        return input_bar(self, "find", t("reader.find_placeholder"))

    @property
    def document(self) -> DocumentView:
        """The document view."""
        return self.query_one(DocumentView)
