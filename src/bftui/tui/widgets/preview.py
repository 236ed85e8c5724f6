"""A Markdown text area's rendered preview, shown in its place while F2 holds it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Markdown, TextArea


class MarkdownPreview(VerticalScroll, can_focus=True):
    """The rendered text of `area`, shown instead of it; `close` brings the area back.

    Links are shown, never opened: the text is the editor's, not yet saved,
    and may be pasted from anywhere.
    """

    def __init__(self, area: TextArea) -> None:
        super().__init__(classes="markdown-preview")
        self.area = area

    def compose(self) -> ComposeResult:
        """The area's text, rendered."""
        yield Markdown(self.area.text, open_links=False)

    @classmethod
    async def open(cls, area: TextArea) -> MarkdownPreview:
        """Show the preview of `area` in its place and give it the focus."""
        preview = cls(area)
        assert isinstance(area.parent, Widget)
        await area.parent.mount(preview, after=area)
        area.display = False
        preview.focus(scroll_visible=False)
        return preview

    async def close(self) -> None:
        """Show the text area again, with the focus, and drop the preview."""
        self.area.display = True
        self.area.focus(scroll_visible=False)
        await self.remove()


def is_markdown_area(widget: object) -> bool:
    """Return True for a text area that holds Markdown (a summary, a body, an answer)."""
    return isinstance(widget, TextArea) and widget.has_class("markdown")
