"""A labelled form field that says what is wrong with it right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

_COMPACT = (Input, TextArea, Select, Checkbox)
"""Controls drawn without their border: a field is one line, its label at its left."""


class FieldBox(Vertical):
    """One form field: its label, its control and (only when there is one) its error.

    The label sits left of a one-line control; a text area gets the class
    `-stacked`, which forms.tcss uses to put its label above it. A hint goes into
    the control's placeholder, so it costs no line of its own.
    """

    def __init__(
        self,
        key: str,
        label: str,
        control: Widget,
        *,
        required: bool = False,
        hint: str = "",
        id: str | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(id=id, classes=f"field {classes}")
        self.key = key
        """The field's key, as in the schema (`programme.2.title` for a row)."""
        self.control = control
        self._label = label + (" *" if required else "")
        if hint and isinstance(control, Input | TextArea) and not control.placeholder:
            control.placeholder = hint
        if isinstance(control, _COMPACT):
            control.compact = True
        if isinstance(control, TextArea):
            self.add_class("-stacked")
        self.error = ""
        """The error shown now, or ""."""

    def compose(self) -> ComposeResult:
        """Show the label, then the control with room for an error under it."""
        with Horizontal(classes="field-line"):
            yield Label(Content(self._label), classes="field-label")
            with Vertical(classes="field-control"):
                yield self.control
                yield Static("", classes="field-error", markup=False)

    def on_descendant_focus(self) -> None:
        """Mark the field that has the focus (its label lights up)."""
        self.add_class("-focus")

    def on_descendant_blur(self) -> None:
        """Unmark the field the focus left."""
        self.remove_class("-focus")

    def focus_control(self) -> bool:
        """Focus the field's first focusable widget; return False if it has none."""
        target = next((w for w in self.query("*") if w.focusable), None)
        if target is None:
            return False
        target.focus(scroll_visible=False)
        return True

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field, or clear it when None."""
        self.error = message or ""
        self.query_one(".field-error", Static).update(Content(self.error))
        self.set_class(bool(message), "-invalid")
