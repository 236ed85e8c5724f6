"""A labelled form field that says what is wrong with it right under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

_COMPACT = (Input, TextArea, Select, Checkbox)
"""Controls drawn without their border: a field is one line, its label at its left."""


class FieldBox(Widget):
    """One form field: its label, its control and (only when there is one) its error.

    A grid (forms.tcss): the label left of a one-line control, the error
    under the control; a text area gets the class `-stacked`, which puts its
    label above it. A hint goes into the control's placeholder, so it costs
    no line of its own.
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
        """Show the label and the control (forms.tcss lays them out in a grid)."""
        yield Label(Content(self._label), classes="field-label")
        yield self.control

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
        """Show `message` under the field, or clear it when None.

        The error line exists only while there is an error: a form of many
        fields opens quicker with fewer widgets.
        """
        self.error = message or ""
        self.set_class(bool(message), "-invalid")
        shown = self.query_children(".field-error")
        if message and shown:
            shown.first(Static).update(Content(message))
        elif message:
            error = Static(Content(message), classes="field-error", markup=False)
            self.mount(Static(classes="field-gap"), error)
        elif shown:
            self.query_children(".field-gap, .field-error").remove()
