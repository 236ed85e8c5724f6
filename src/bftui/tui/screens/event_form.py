"""The form for a new or changed event: every event field and its programme."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from bftui.core.items import formvalues
from bftui.core.items.model import EVENT_KINDS
from bftui.core.items.schema import EVENT_FIELDS, FieldError
from bftui.i18n import t
from bftui.tui.screens.form import FormScreen
from bftui.tui.widgets.choice_select import ChoiceSelect
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.programme_editor import ProgrammeEditor

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


class EventForm(FormScreen):
    """Every field of an event; dismisses with `Saved` once written."""

    FORM_NAME = "event"

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
        programme = self.query_one(ProgrammeEditor).parsed()
        return formvalues.parse_event(self._fields(), programme)

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
