"""Provides the links screen: the links of the shown document, to follow or copy."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bftui.i18n import t
from bftui.tui.rendering import LinkSpan


class LinksScreen(ModalScreen[str | None]):
    """Lists the document's links; Enter dismisses with the chosen one's target."""

    BINDINGS = [
        Binding("escape,q,l", "dismiss(None)", t("key.close"), id="links.close")
    ]

    def __init__(self, links: list[LinkSpan]) -> None:
        super().__init__()
        unique = {(link.text, link.href): link for link in links}
        self._links = list(unique.values())

    def compose(self) -> ComposeResult:
        """Show each link's text and, dimmed, where it leads."""
        options = [
            Option(
                Text.assemble(link.text.strip(), "\n", (f"  {link.href}", "dim")),
                id=str(n),
            )
            for n, link in enumerate(self._links)
        ]
        if not options:
            options = [Option(Text(t("links.none")), disabled=True)]
        links = OptionList(*options, id="links-list")
        links.border_title = t("links.title")
        links.border_subtitle = t("links.hint")
        yield links

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Dismiss with the chosen link's target."""
        if event.option.id is not None:
            self.dismiss(self._links[int(event.option.id)].href)
