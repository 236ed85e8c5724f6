"""Provides the help screen: every key of the app and what it does."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from bftui.i18n import t

KeyGroup = tuple[str, Sequence[BindingType]]
"""A titled list of bindings, as a class's BINDINGS declares them."""


def keys_table(groups: Sequence[KeyGroup], display: Callable[[Binding], str]) -> Table:
    """Return a table of every described binding in `groups`, keys shown by `display`."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column()
    for title, declared in groups:
        table.add_row(Text(title, style="bold underline"), "")
        rows: dict[str, list[str]] = {}
        for binding in Binding.make_bindings(declared):
            if binding.description:
                rows.setdefault(binding.description, []).append(display(binding))
        for description, keys in rows.items():
            table.add_row(
                Text(" / ".join(dict.fromkeys(keys)), style="bold"), Text(description)
            )
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key, grouped by where it works."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", t("key.close"), id="help.close"),
    ]

    def __init__(self, groups: Sequence[KeyGroup]) -> None:
        super().__init__()
        self._groups = groups

    def compose(self) -> ComposeResult:
        """Show the keys of each group in one scrollable table."""
        self.table = keys_table(self._groups, self.app.get_key_display)
        with VerticalScroll(id="help-body") as body:
            body.border_title = t("help.title")
            body.border_subtitle = t("help.close_hint")
            yield Static(self.table)
