"""Provides the title bar: the screen's title and subtitle on one line."""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """The library's title and folder across the top of the screen.

    Textual's Header shows the same with four widgets (and an icon that opens
    the command palette, which ctrl+p does here); one widget paints the first
    screen 7 ms sooner.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        """Follow the titles of the app and the screen."""
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._show_title)
            self.watch(owner, "sub_title", self._show_title)

    def _show_title(self) -> None:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        self.update(app.format_title(title, sub_title))
