"""Someone changed the file while the form was open: show what changed and let the editor choose."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from bftui.core.store.snapshots import ConflictError
from bftui.core.text import safe_text
from bftui.i18n import t

ConflictChoice = Literal["reload", "new", "back"]


def _diff_content(lines: list[str]) -> Content:
    parts: list[tuple[str, str] | str] = []
    for line in lines:
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "$text-success"
        elif line.startswith("-") and not line.startswith("---"):
            style = "$text-error"
        elif line.startswith("@@"):
            style = "dim"
        parts.append(
            (safe_text(line) + "\n", style) if style else safe_text(line) + "\n"
        )
    return Content.assemble(*parts)


class ConflictScreen(ModalScreen[ConflictChoice]):
    """Show the changes made on disk; dismiss with "reload", "new" or "back"."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape,b", "choose('back')", t("conflict.back"), id="conflict.back"),
        Binding("r", "choose('reload')", t("conflict.reload"), id="conflict.reload"),
        Binding("n", "choose('new')", t("conflict.new"), id="conflict.new"),
    ]

    def __init__(
        self,
        error: ConflictError,
        *,
        can_reload: bool = True,
        can_save_new: bool = True,
    ) -> None:
        super().__init__(classes="conflict-screen")
        self.error = error
        self.can_reload = can_reload
        self.can_save_new = can_save_new

    def compose(self) -> ComposeResult:
        """Explain, show the diff, and offer the choices."""
        gone = self.error.theirs is None
        with Vertical(classes="conflict-dialog"):
            message = t("conflict.gone" if gone else "conflict.changed")
            yield Static(Content(message), classes="conflict-message")
            with VerticalScroll(classes="conflict-diff"):
                diff = [] if gone else self.error.diff()
                yield Static(_diff_content(diff), markup=False)
            with Horizontal(classes="conflict-buttons"):
                if self.can_reload and not gone:
                    yield Button(Content(t("conflict.reload")), id="conflict-reload")
                if self.can_save_new:
                    yield Button(Content(t("conflict.new")), id="conflict-new")
                yield Button(Content(t("conflict.back")), id="conflict-back")

    def on_mount(self) -> None:
        """Start on "back to the form", which changes nothing."""
        self.query_one("#conflict-back", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Choose with the button pressed."""
        event.stop()
        choice = (event.button.id or "").removeprefix("conflict-")
        self.action_choose(choice)

    def action_choose(self, choice: str) -> None:
        """Choose by key; choices that are not offered do nothing."""
        if choice == "reload" and (not self.can_reload or self.error.theirs is None):
            return
        if choice == "new" and not self.can_save_new:
            return
        if choice in ("reload", "new", "back"):
            self.dismiss(choice)  # type: ignore[arg-type]
