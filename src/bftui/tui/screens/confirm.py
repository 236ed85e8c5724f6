"""A yes/no question in a small dialog; Escape means no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bftui.i18n import t


class ConfirmScreen(ModalScreen[bool]):
    """Ask `question`; dismiss with True for yes and False for no."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape,n", "answer(False)", t("confirm.no"), id="confirm.no"),
        Binding("y,j", "answer(True)", t("confirm.yes"), id="confirm.yes"),
    ]

    def __init__(self, question: str, *, yes: str = "", no: str = "") -> None:
        super().__init__(classes="confirm-screen")
        self.question = question
        self._yes = yes or t("confirm.yes")
        self._no = no or t("confirm.no")

    def compose(self) -> ComposeResult:
        """Show the question and the two buttons, "no" focused."""
        with Vertical(classes="confirm-dialog"):
            yield Static(Content(self.question), classes="confirm-question")
            with Horizontal(classes="confirm-buttons"):
                yield Button(Content(self._no), id="confirm-no")
                yield Button(Content(self._yes), id="confirm-yes", variant="error")

    def on_mount(self) -> None:
        """Start on "no", so a stray Enter throws nothing away."""
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button pressed."""
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """Answer by key."""
        self.dismiss(answer)
