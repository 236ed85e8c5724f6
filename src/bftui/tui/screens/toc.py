"""Provides the table of contents of the shown document (an interview's questions)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from bftui.i18n import t
from bftui.tui.screens.choice import ChoiceScreen
from bftui.tui.widgets.document import Heading


class TocScreen(ChoiceScreen[int]):
    """Lists the document's headings; Enter dismisses with the chosen one's line."""

    BINDINGS = [Binding("escape,q,t", "dismiss(None)", t("key.close"), id="toc.close")]

    def __init__(self, headings: list[Heading], current_line: int) -> None:
        reading = max(
            (n for n, heading in enumerate(headings) if heading.line <= current_line),
            default=0,
        )
        super().__init__(
            [(Text("  " * max(0, h.level - 1) + h.text), h.line) for h in headings],
            title=t("toc.title"),
            hint=t("help.close_hint"),
            empty=t("toc.none"),
            list_id="toc-list",
            start=reading,
        )
