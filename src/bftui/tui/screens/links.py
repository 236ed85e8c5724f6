"""Provides the links screen: the links of the shown document, to follow or copy."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from bftui.i18n import t
from bftui.tui.rendering import LinkSpan
from bftui.tui.screens.choice import ChoiceScreen


class LinksScreen(ChoiceScreen[str]):
    """Lists the document's links; Enter dismisses with the chosen one's target."""

    BINDINGS = [
        Binding("escape,q,l", "dismiss(None)", t("key.close"), id="links.close")
    ]

    def __init__(self, links: list[LinkSpan]) -> None:
        unique = {(link.text, link.href): link for link in links}
        super().__init__(
            [
                (
                    Text.assemble(link.text.strip(), "\n", (f"  {link.href}", "dim")),
                    link.href,
                )
                for link in unique.values()
            ],
            title=t("links.title"),
            hint=t("links.hint"),
            empty=t("links.none"),
            list_id="links-list",
        )
