"""The questions of an interview as a list: one numbered line each, only those in view drawn.

An interview can have hundreds of Q&A entries. A list of widgets or of
options measured one by one (Textual's `OptionList` measures every option
again after any change) costs more with each entry; here a change is
applied to the list of questions where it happened (`show` finds the span
that differs), and only the lines in view are drawn, numbered as they are
drawn, so adding, moving or deleting an entry costs the same at any length.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from bftui.tui.widgets.line_keys import cursor_bindings


class EntryList(ScrollView, can_focus=True):
    """Numbered questions, one line each, with a cursor."""

    BINDINGS = [*cursor_bindings("go")]

    COMPONENT_CLASSES = {"entry-list--cursor", "entry-list--empty"}

    class Picked(Message):
        """An entry was clicked: the cursor is on it."""

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="entry-list")
        self.entries: list[str] = []
        """The questions, in order."""
        self.cursor = 0
        """The entry under the cursor (0 when there are none)."""
        self.last_change = (0, 0, 0)
        """The last change `show` made: where, how many entries went, how many came."""
        self._empty = empty

    def show(self, entries: list[str], cursor: int | None = None) -> None:
        """Show `entries`, changing only the span that differs from those shown."""
        old = self.entries
        start = 0
        limit = min(len(old), len(entries))
        while start < limit and old[start] == entries[start]:
            start += 1
        end_old, end_new = len(old), len(entries)
        while (
            end_old > start
            and end_new > start
            and old[end_old - 1] == entries[end_new - 1]
        ):
            end_old -= 1
            end_new -= 1
        old[start:end_old] = entries[start:end_new]
        self.last_change = (start, end_old - start, end_new - start)
        if end_old - start != end_new - start:
            self.virtual_size = Size(self.size.width, max(1, len(old)))
        self.refresh()  # the lines in view, whatever the length
        self.go_to(self.cursor if cursor is None else cursor)

    def go_to(self, number: int) -> None:
        """Put the cursor on entry `number` (clamped) and scroll it into view."""
        self.cursor = max(0, min(number, len(self.entries) - 1))
        self.refresh()
        height = self.scrollable_content_region.height or 1
        if self.cursor < self.scroll_y:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= self.scroll_y + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_go(self, step: int) -> None:
        """Move the cursor `step` entries."""
        self.go_to(self.cursor + step)

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the entry clicked, and say it was picked."""
        number = int(self.scroll_y) + event.y
        if 0 <= number < len(self.entries):
            self.go_to(number)
            self.post_message(self.Picked())

    def on_resize(self) -> None:
        """Keep the scrollable size to the entries and the cursor in view."""
        self.virtual_size = Size(self.size.width, max(1, len(self.entries)))
        self.go_to(self.cursor)

    def render_line(self, y: int) -> Strip:
        """Draw the entry at `y` in view, numbered; the cursor's marked."""
        number = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if not self.entries and y == 0:
            text = self._empty
            style += self.get_component_rich_style("entry-list--empty")
        elif number >= len(self.entries):
            return Strip.blank(width, style)
        else:
            text = f"{number + 1}. {' '.join(self.entries[number].split())}"
            if number == self.cursor:
                style += self.get_component_rich_style("entry-list--cursor")
        return Strip([Segment(text, style)]).crop_extend(0, width, style)
