"""The form for a new or changed event: every event field and its programme."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.widgets import Input, Select, TextArea
from textual.worker import get_current_worker

from bftui.core.items import formvalues
from bftui.core.items.model import EVENT_KINDS
from bftui.core.items.schema import EVENT_FIELDS, FieldError
from bftui.core.library import toml_rows
from bftui.i18n import number, t
from bftui.tui.screens.form import FormScreen, FormTarget
from bftui.tui.screens.form_keeping import KeptForm, Saved
from bftui.tui.widgets.choice_select import ChoiceSelect
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.programme_editor import ProgrammeEditor, RowParse

_HINTS = {
    "year": "form.hint_year",
    "start": "form.hint_datetime",
    "end": "form.hint_datetime",
    "partners": "form.hint_list",
    "participants": "form.hint_count",
    "summary": "form.hint_markdown",
}


def control_id(key: str) -> str:
    """Return the widget id of the control of field `key`."""
    return "f-" + key.replace(".", "-")


READ_AT_ONCE = 2_000
"""Programme rows read and added to an open form at a time."""


@dataclass(frozen=True, slots=True)
class RowsToRead:
    """The programme rows of a long event still to read once its form shows."""

    pieces: tuple[str, ...]
    """Their text, one piece per row (`toml_rows.cut`)."""
    text: str
    """The whole file, read whole if the pieces do not read alone."""
    total: int
    """How many rows the event has in all."""


class EventForm(FormScreen):
    """Every field of an event; dismisses with `Saved` once written.

    A long programme (`RowsToRead`) is read on after the form shows, a few
    thousand rows at a time: the editor types in the fields meanwhile; rows
    cannot be added, moved or removed, and a save waits, until all are read.
    """

    FORM_NAME = "event"

    def __init__(
        self,
        target: FormTarget,
        values: dict[str, Any],
        *,
        initial: dict[str, Any] | None = None,
        rows_to_read: RowsToRead | None = None,
    ) -> None:
        super().__init__(target, values, initial=initial)
        self.rows_to_read = rows_to_read
        """The rows still being read, None once all are in the form."""
        self._reading = 0
        """Counts the readings started: a reading for an earlier opening stops."""
        self._from_file = 0
        """Rows read so far (the form's own count changes as the editor works)."""
        self._unreadable = ""
        """Why the rest of the rows could not be read, if they could not."""
        self._save_when_read = False

    def take_over(self, order: KeptForm) -> None:
        """Open on `order`'s event, and read its long programme on if it has one."""
        super().take_over(order)
        assert isinstance(order, EventForm)
        self.rows_to_read = order.rows_to_read
        self._save_when_read = False
        self._unreadable = ""

    def opened(self) -> None:
        """Focus the first field; read the rest of a long programme."""
        super().opened()
        self._read_on()

    def _read_on(self) -> None:
        self._reading += 1
        rows = self.rows_to_read
        editor = self.query_one(ProgrammeEditor)
        editor.hold_order(rows is not None)
        if rows is not None:
            self._from_file = editor.count
            self._show_reading()
            # Once the form is drawn: the reading would slow the first paint.
            self.call_after_refresh(self._read_rows, rows, self._reading)

    @work(thread=True, exclusive=True, group="event-rows", exit_on_error=False)
    def _read_rows(self, rows: RowsToRead, reading: int) -> None:
        worker = get_current_worker()
        number = self._from_file
        try:
            for batch in toml_rows.batches(rows.pieces, READ_AT_ONCE):
                if worker.is_cancelled or reading != self._reading:
                    return
                values = formvalues.row_values(batch)
                parsed = [
                    formvalues.parse_row(number + n, row)
                    for n, row in enumerate(values)
                ]
                number += len(values)
                self.app.call_from_thread(self._rows_read, reading, values, parsed)
        except tomllib.TOMLDecodeError:
            # A row line inside a multi-line string: the pieces do not read
            # alone, the whole file may (and says where it does not).
            try:
                data = tomllib.loads(rows.text)
            except tomllib.TOMLDecodeError as error:
                self.app.call_from_thread(self._rows_unreadable, reading, str(error))
                return
            values = formvalues.event_values(data)["programme"][self._from_file :]
            self.app.call_from_thread(self._rows_read, reading, values, [])
        self.app.call_from_thread(self._all_read, reading)

    def _rows_read(
        self, reading: int, values: list[dict[str, str]], parsed: list[RowParse]
    ) -> None:
        if reading != self._reading:
            return
        self.query_one(ProgrammeEditor).extend(values, parsed)
        self._initial["programme"].extend(values)
        self._from_file += len(values)
        self._show_reading()

    def _show_reading(self) -> None:
        if self.rows_to_read is not None and not self._save_when_read:
            total = self.rows_to_read.total
            read = number(self._from_file)
            self.show_message(t("form.rows_reading", read=read, total=number(total)))

    def _all_read(self, reading: int) -> None:
        if reading != self._reading:
            return
        self.rows_to_read = None
        self.query_one(ProgrammeEditor).hold_order(False)
        self.show_message("")
        if self._save_when_read:
            self._save_when_read = False
            self.action_save()

    def _rows_unreadable(self, reading: int, error: str) -> None:
        if reading == self._reading:
            self._unreadable = t("form.rows_unreadable", error=error)
            self.show_message(self._unreadable)

    def draft_values(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """While rows are read, a draft keeps the fields and not the rows, if they are as read.

        A restored draft without rows has the file's. Rows changed before
        the last one is read cannot be kept whole: no draft until then.
        """
        if self.rows_to_read is None:
            return values
        if values["programme"] != self._initial["programme"]:
            return None
        return {key: value for key, value in values.items() if key != "programme"}

    def action_save(self) -> None:
        """Save, once every row is read (saying so meanwhile)."""
        if self._unreadable:
            self.show_message(self._unreadable)
        elif self.rows_to_read is not None:
            self._save_when_read = True
            self.show_message(t("form.rows_save_when_read"))
        else:
            super().action_save()

    def dismiss(self, result: Saved | None = None) -> AwaitComplete:
        """Close the form; a reading of its rows stops."""
        self._reading += 1
        self.workers.cancel_group(self, "event-rows")
        return super().dismiss(result)

    def compose_fields(self) -> ComposeResult:
        """One field per event key, then the programme rows."""
        values = self.start_values
        for spec in EVENT_FIELDS:
            if spec.key == "programme":
                continue
            text = str(values.get(spec.key, ""))
            control: Any
            if spec.key == "kind":
                control = ChoiceSelect(
                    EVENT_KINDS,
                    text,
                    label=lambda kind: t(f"kind.{kind}"),
                    prompt=t("form.none"),
                    id=control_id(spec.key),
                )
            elif spec.type == "markdown":
                control = TextArea(text, id=control_id(spec.key), classes="markdown")
            else:
                control = Input(text, id=control_id(spec.key))
            hint = t(_HINTS[spec.key]) if spec.key in _HINTS else ""
            yield FieldBox(
                spec.key, spec.label, control, required=spec.required, hint=hint
            )
        yield FieldBox(
            "programme",
            t("field.programme"),
            ProgrammeEditor(values.get("programme", []), id="programme"),
            classes="-stacked -programme",
        )

    def values(self) -> dict[str, Any]:
        """Return the typed text of every field and programme row."""
        values: dict[str, Any] = {}
        for key in formvalues.EVENT_TEXT_KEYS:
            control = self.query_one(f"#{control_id(key)}")
            if isinstance(control, Select):
                values[key] = "" if control.value is Select.NULL else str(control.value)
            elif isinstance(control, TextArea):
                values[key] = control.text
            elif isinstance(control, Input):
                values[key] = control.value
        values["programme"] = self.query_one(ProgrammeEditor).rows()
        return values

    def fill(self, values: dict[str, Any]) -> None:
        """Put `values` into the fields."""
        for key in formvalues.EVENT_TEXT_KEYS:
            control = self.query_one(f"#{control_id(key)}")
            text = str(values.get(key, ""))
            if isinstance(control, ChoiceSelect):
                control.choose(text)
            elif isinstance(control, TextArea):
                control.load_text(text)
            elif isinstance(control, Input):
                control.value = text
        self.query_one(ProgrammeEditor).set_rows(values.get("programme", []))

    def _fields(self) -> dict[str, Any]:
        values = self.values()
        values["programme"] = []
        return values

    def parse(self) -> tuple[Any, list[FieldError]]:
        """Return the event's TOML data and what is wrong with it."""
        editor = self.query_one(ProgrammeEditor)
        data, errors = formvalues.parse_event(self._fields(), editor.parsed())
        if data["programme"] and editor.rows() == self._initial.get("programme"):
            data["programme"] = formvalues.RowsAsRead(data["programme"])
        return data, errors

    def check(self) -> list[FieldError]:
        """Return what is wrong in the fields and the programme row shown (quick)."""
        chosen = self.query_one(ProgrammeEditor).chosen_errors()
        return formvalues.parse_event(self._fields(), ([], chosen))[1]

    def show_errors(self, errors: list[FieldError], *, focus: bool = True) -> None:
        """Show the errors, the first wrong programme row in the row fields."""
        editor = self.query_one(ProgrammeEditor)
        wrong_row = next((e for e in errors if e.key.startswith("programme.")), None)
        if wrong_row is not None:
            editor.show_row_of(wrong_row.key)
        shown = f"programme.{editor.chosen}."
        super().show_errors(
            [
                _in_words(error)
                if error.key.startswith("programme.")
                and not error.key.startswith(shown)
                else error
                for error in errors
            ],
            focus=focus,
        )


def _in_words(error: FieldError) -> FieldError:
    """Say which row and field an error of a row not shown is about (a numbered key is no help)."""
    _, number, name = error.key.split(".")
    field = t(f"field.programme.{name}")
    return FieldError(
        t("form.row_field", row=int(number) + 1, field=field), error.message
    )
