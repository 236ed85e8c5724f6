"""The programme of an event in a form: rows to add, remove and move up or down."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, TextArea

from bftui.core.items.formvalues import empty_row, row_key
from bftui.core.items.schema import PROGRAMME_FIELDS
from bftui.i18n import t
from bftui.tui.widgets.field import FieldBox

_LABELS = {spec.key.removeprefix("programme."): spec for spec in PROGRAMME_FIELDS}


class ProgrammeRow(Vertical):
    """One row of the programme: day, time, title, description and its buttons."""

    DEFAULT_CLASSES = "programme-row"

    def __init__(self, number: int, values: dict[str, str]) -> None:
        super().__init__()
        self.number = number
        self.values = values

    def _box(self, name: str, control: Any, hint: str = "") -> FieldBox:
        spec = _LABELS[name]
        return FieldBox(
            row_key(self.number, name),
            spec.label,
            control,
            required=spec.required,
            hint=hint,
            classes=f"row-{name}",
        )

    def compose(self) -> ComposeResult:
        """Lay out the row's fields and buttons."""
        values = self.values
        with Horizontal(classes="programme-line"):
            day = Input(values.get("day", ""), classes="day")
            yield self._box("day", day, t("form.hint_count"))
            yield self._box("time", Input(values.get("time", ""), classes="time"))
        yield self._box("title", Input(values.get("title", ""), classes="title"))
        description = TextArea(values.get("description", ""), classes="description")
        yield self._box("description", description, t("form.hint_markdown"))
        with Horizontal(classes="programme-buttons"):
            yield Button(t("form.row_up"), classes="row-up", compact=True)
            yield Button(t("form.row_down"), classes="row-down", compact=True)
            yield Button(t("form.row_remove"), classes="row-remove", compact=True)

    def read(self) -> dict[str, str]:
        """Return what is typed in the row now.

        A row still being composed (or removed) gives what it was made with
        for the fields it does not show yet.
        """
        values = dict(self.values)
        for control in self.query(Input).results(Input):
            for name in ("day", "time", "title"):
                if control.has_class(name):
                    values[name] = control.value
        for area in self.query(".description").results(TextArea):
            values["description"] = area.text
        return values


class ProgrammeEditor(Vertical):
    """All programme rows and a button to add one."""

    def __init__(self, rows: list[dict[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = rows

    def compose(self) -> ComposeResult:
        """Show the rows and the add button."""
        for number, values in enumerate(self._initial):
            yield ProgrammeRow(number, values)
        yield Button(t("form.row_add"), id="programme-add", compact=True)

    def rows(self) -> list[dict[str, str]]:
        """Return the values of every row, in order."""
        return [row.read() for row in self.query(ProgrammeRow)]

    def boxes(self) -> list[FieldBox]:
        """Return the field boxes of every row."""
        return list(self.query(FieldBox))

    async def set_rows(
        self, rows: list[dict[str, str]], focus: int | None = None
    ) -> None:
        """Replace the rows with `rows`, focusing row `focus`'s first field if given."""
        await self.query(ProgrammeRow).remove()
        add = self.query_one("#programme-add", Button)
        await self.mount_all(
            [ProgrammeRow(number, values) for number, values in enumerate(rows)],
            before=add,
        )
        if focus is not None and 0 <= focus < len(rows):
            self.query(ProgrammeRow)[focus].query_one(".day", Input).focus()
        elif focus is not None:
            add.focus()

    @on(Button.Pressed, "#programme-add")
    async def _add(self) -> None:
        rows = self.rows()
        await self.set_rows([*rows, empty_row()], focus=len(rows))

    @on(Button.Pressed, ".row-remove, .row-up, .row-down")
    async def _row_button(self, event: Button.Pressed) -> None:
        event.stop()
        row = next(a for a in event.button.ancestors if isinstance(a, ProgrammeRow))
        rows, number = self.rows(), row.number
        if event.button.has_class("row-remove"):
            del rows[number]
            await self.set_rows(rows, focus=min(number, len(rows) - 1) if rows else -1)
            return
        other = number + (-1 if event.button.has_class("row-up") else 1)
        if not 0 <= other < len(rows):
            return
        rows[number], rows[other] = rows[other], rows[number]
        await self.set_rows(rows)
        button = ".row-up" if other < number else ".row-down"
        self.query(ProgrammeRow)[other].query_one(button, Button).focus()
