"""Provides the title bar: the screen's title and subtitle, and the library's git state, on one line."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """The library's title and folder across the top of the screen.

    Textual's Header shows the same with four widgets (and an icon that opens
    the command palette, which ctrl+p does here); one widget paints the first
    screen 7 ms sooner.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._share = ""

    @property
    def share(self) -> str:
        """The library's git state ("" outside git), shown after the titles."""
        return self._share

    @share.setter
    def share(self, text: str) -> None:
        if text != self._share:  # The same state read again paints nothing.
            self._share = text
            self._show_title()

    def on_mount(self) -> None:
        """Follow the titles of the app and the screen."""
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._show_title)
            self.watch(owner, "sub_title", self._show_title)

    def _show_title(self) -> None:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        text = app.format_title(title, sub_title)
        if self._share:
            # Short of room, the folder goes first: the state matters more.
            share = Content.assemble(("  │  ", "dim"), self._share)
            whole = text + share
            fits = not self.size.width or whole.cell_length <= self.size.width
            text = whole if fits else Content(title) + share
        self.update(text)

    def on_resize(self) -> None:
        """Choose again what fits."""
        if self._share:
            self._show_title()
