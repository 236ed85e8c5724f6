"""Provides the table of contents of the shown document (an interview's questions)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bftui.i18n import t
from bftui.tui.widgets.document import Heading


class TocScreen(ModalScreen[int | None]):
    """Lists the document's headings; Enter dismisses with the chosen one's line."""

    BINDINGS = [Binding("escape,q,t", "dismiss(None)", t("key.close"), id="toc.close")]

    def __init__(self, headings: list[Heading], current_line: int) -> None:
        super().__init__()
        self._headings = headings
        self._current = max(
            (n for n, h in enumerate(headings) if h.line <= current_line), default=0
        )

    def compose(self) -> ComposeResult:
        """Show the headings indented by level."""
        options = [
            Option(Text("  " * max(0, heading.level - 1) + heading.text), id=str(n))
            for n, heading in enumerate(self._headings)
        ]
        if not options:
            options = [Option(Text(t("toc.none")), disabled=True)]
        toc = OptionList(*options, id="toc-list")
        toc.border_title = t("toc.title")
        toc.border_subtitle = t("help.close_hint")
        yield toc

    def on_mount(self) -> None:
        """Start at the heading being read."""
        if self._headings:
            self.query_one(OptionList).highlighted = self._current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Dismiss with the chosen heading's line."""
        if event.option.id is not None:
            self.dismiss(self._headings[int(event.option.id)].line)
