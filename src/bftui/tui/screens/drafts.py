"""Unsaved form drafts from an earlier session, offered for restore at start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bftui.core.store.drafts import Draft
from bftui.i18n import t
from bftui.tui.typeahead import screen_ready
from bftui.tui.widgets.key_footer import KeyFooter


class DraftsScreen(ModalScreen[tuple[str, Draft] | None]):
    """Dismiss with ("restore" | "discard", draft), or None for "later"."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape", "later", t("form.drafts_later"), id="drafts.later"),
        Binding("enter", "restore", t("form.drafts_restore"), id="drafts.restore"),
        Binding("d,delete", "discard", t("form.drafts_discard"), id="drafts.discard"),
    ]

    def __init__(self, drafts: list[Draft]) -> None:
        super().__init__(classes="confirm-screen")
        self.drafts = drafts
        self.keys_ready = False
        """False until the list has the focus: keys typed meanwhile wait."""

    def compose(self) -> ComposeResult:
        """Explain, and list the drafts newest first."""
        with Vertical(classes="qa-list-dialog"):
            yield Static(Content(t("form.drafts_intro")), classes="form-title")
            yield OptionList(
                *(
                    Option(Content(f"{d.saved:%Y-%m-%d %H:%M}  {d.title}"))
                    for d in self.drafts
                ),
                id="draft-list",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the list on the newest draft."""
        options = self.query_one(OptionList)
        options.highlighted = 0
        self.set_focus(options)
        screen_ready(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a draft restores it."""
        event.stop()
        self.dismiss(("restore", self.drafts[event.option_index]))

    def _chosen(self) -> Draft | None:
        index = self.query_one(OptionList).highlighted
        return None if index is None else self.drafts[index]

    def action_restore(self) -> None:
        """Restore the highlighted draft."""
        draft = self._chosen()
        if draft is not None:
            self.dismiss(("restore", draft))

    def action_discard(self) -> None:
        """Throw the highlighted draft away."""
        draft = self._chosen()
        if draft is not None:
            self.dismiss(("discard", draft))

    def action_later(self) -> None:
        """Keep the drafts for next time."""
        self.dismiss(None)
