"""A labelled form field that says what is wrong with it right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static


class FieldBox(Vertical):
    """One form field: its label, its control and its error message."""

    DEFAULT_CLASSES = "field"

    def __init__(
        self,
        key: str,
        label: str,
        control: Widget,
        *,
        required: bool = False,
        hint: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.key = key
        """The field's key, as in the schema (`programme.2.title` for a row)."""
        self.control = control
        self._label = label + (" *" if required else "")
        self._hint = hint
        self.error = ""
        """The error shown now, or ""."""

    def compose(self) -> ComposeResult:
        """Show the label, the control, a hint and room for an error."""
        label = Content(self._label)
        if self._hint:
            label = Content.assemble(label, ("  " + self._hint, "dim"))
        yield Label(label, classes="field-label")
        yield self.control
        yield Static("", classes="field-error", markup=False)

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field, or clear it when None."""
        self.error = message or ""
        self.query_one(".field-error", Static).update(Content(self.error))
        self.set_class(bool(message), "-invalid")
