"""The programme of an event in a form: a list of its rows and one editor for the chosen row.

An event can have any number of rows (20 is common, 100,000 has been seen),
so the rows are never one set of widgets each: `RowList` draws only the
lines on screen from the plain values, and `RowEditor` shows the fields of
the row chosen in the list. Adding, moving or removing a row changes the
values and the lines drawn, never the widgets, so it is instant and the
focus is where the user expects before the next key is handled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Button, Input, TextArea

from bftui.core.items.formvalues import (
    Programme,
    empty_row,
    parse_row,
    row_key,
)
from bftui.core.items.schema import PROGRAMME_FIELDS, FieldError
from bftui.i18n import t
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.line_keys import cursor_bindings

RowParse = tuple[dict[str, Any], list[FieldError]]
"""One row's TOML data and what is wrong in it."""


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A row's values, its place when parsed, and their TOML data and errors."""

    row: dict[str, str]
    number: int
    data: dict[str, Any]
    errors: list[FieldError]


_LABELS = {spec.key.removeprefix("programme."): spec for spec in PROGRAMME_FIELDS}
NAMES = ("day", "time", "title", "description")


def row_line(number: int, row: dict[str, str]) -> str:
    """Return how row `number` (0-based) reads in the list: number, day, time, title."""
    parts = [f"{number + 1}."]
    if row.get("day", "").strip():
        parts.append(t("form.row_day", day=row["day"].strip()))
    if row.get("time", "").strip():
        parts.append(row["time"].strip())
    parts.append(" ".join(row.get("title", "").split()) or t("form.row_untitled"))
    return "  ".join(parts)


class NowButton(Button):
    """A button whose action runs as it is pressed, before the next key is handled.

    A `Button.Pressed` message is handled after keys already on their way;
    keys typed right after Enter on "+ Ny programpunkt" then went to the
    button. Here the action moves the focus first.
    """

    def __init__(self, label: str, action: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(label, compact=True, **kwargs)
        self._action = action

    def action_press(self) -> None:
        """Press on Enter or Space, every time: Textual ignores a second press
        within 0.2 s, which lost moves typed quickly ("↓" Enter Enter Enter)."""
        self.press()

    def press(self) -> NowButton:
        """Run the action now (and show the press)."""
        if self.disabled or not self.display:
            return self
        self._start_active_affect()
        self._action()
        return self


class RowList(ScrollView, can_focus=True):
    """One line per programme row, drawn only where it shows; the chosen row is marked."""

    BINDINGS = [
        *cursor_bindings("move"),
        Binding("enter", "edit", show=False),
    ]

    def __init__(self, editor: ProgrammeEditor) -> None:
        super().__init__(classes="row-list")
        self.editor = editor

    def sync(self) -> None:
        """Take the number of rows and the chosen row from the editor, and redraw."""
        self.virtual_size = Size(self.size.width, self.editor.count)
        self.refresh()
        self.show_chosen()

    def show_chosen(self) -> None:
        """Scroll so that the chosen row is in view."""
        chosen = self.editor.chosen
        height = self.scrollable_content_region.height or 1
        if chosen < self.scroll_y:
            self.scroll_to(y=chosen, animate=False, immediate=True)
        elif chosen >= self.scroll_y + height:
            self.scroll_to(y=chosen - height + 1, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """Draw the line of the row at `y` in view."""
        number = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if number >= self.editor.count:
            return Strip.blank(width, self.rich_style)
        text = row_line(number, self.editor.row(number))
        style = self.rich_style
        if number == self.editor.chosen:
            style += self.get_component_rich_style("row-list--chosen")
        segment = Segment(text[:width].ljust(width), style)
        return Strip([segment], width)

    COMPONENT_CLASSES = {"row-list--chosen"}

    def action_move(self, step: int) -> None:
        """Choose the row `step` rows away (clamped to the list)."""
        count = self.editor.count
        if count:
            self.editor.choose(max(0, min(count - 1, self.editor.chosen + step)))

    def action_edit(self) -> None:
        """Go to the chosen row's fields."""
        self.editor.focus_row()

    def on_click(self, event: events.Click) -> None:
        """Choose the row clicked."""
        number = int(self.scroll_y) + event.y
        if 0 <= number < self.editor.count:
            self.editor.choose(number)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as its rows (the form's styles cap it)."""
        return self.editor.count


class RowEditor(Vertical):
    """The fields and buttons of the chosen row."""

    DEFAULT_CLASSES = "programme-row"

    def __init__(self, editor: ProgrammeEditor) -> None:
        super().__init__()
        self.editor = editor
        self.inputs = {
            "day": Input(classes="day"),
            "time": Input(classes="time"),
            "title": Input(classes="title"),
        }
        self.description = TextArea(classes="description")

    def _box(self, name: str, control: Any, hint: str = "") -> FieldBox:
        spec = _LABELS[name]
        return FieldBox(
            row_key(0, name),
            spec.label,
            control,
            required=spec.required,
            hint=hint,
            classes=f"row-{name}",
        )

    def compose(self) -> ComposeResult:
        """Lay out the row's fields and buttons."""
        with Horizontal(classes="programme-line"):
            yield self._box("day", self.inputs["day"], t("form.hint_count"))
            yield self._box("time", self.inputs["time"])
        yield self._box("title", self.inputs["title"])
        yield self._box("description", self.description, t("form.hint_markdown"))
        editor = self.editor
        with Horizontal(classes="programme-buttons"):
            yield NowButton(t("form.row_up"), lambda: editor.move(-1), classes="row-up")
            yield NowButton(
                t("form.row_down"), lambda: editor.move(1), classes="row-down"
            )
            yield NowButton(
                t("form.row_remove"), editor.remove_row, classes="row-remove"
            )

    def read(self) -> dict[str, str]:
        """Return what is typed in the fields."""
        values = {name: control.value for name, control in self.inputs.items()}
        values["description"] = self.description.text
        return values

    def load(self, number: int, values: dict[str, str]) -> None:
        """Show row `number`'s values, the cursor at the end of each field."""
        for name, control in self.inputs.items():
            control.value = values.get(name, "")
            control.cursor_position = len(control.value)
        self.description.load_text(values.get("description", ""))
        for box in self.query(FieldBox):
            name = box.key.rpartition(".")[2]
            box.key = row_key(number, name)


class ProgrammeEditor(Vertical):
    """All programme rows: the list, the chosen row's fields and a button to add one."""

    def __init__(self, rows: list[dict[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows = [dict(row) for row in rows]
        self.chosen = 0
        """The row shown in the fields (0 when there are none)."""
        self._parsed: dict[int, ParsedRow] = {}
        """Each row's parse, by the id of its values (kept while they are)."""
        self.list = RowList(self)
        self.fields = RowEditor(self)

    def compose(self) -> ComposeResult:
        """Show the list, the chosen row and the add button."""
        yield self.list
        yield self.fields
        yield NowButton(t("form.row_add"), self.add, id="programme-add")

    def on_mount(self) -> None:
        """Show the first row, if any."""
        self._show(0)

    @property
    def count(self) -> int:
        """The number of rows."""
        return len(self._rows)

    def row(self, number: int) -> dict[str, str]:
        """Return row `number` as typed (the chosen one as it is in the fields now)."""
        if number == self.chosen and self.fields.is_mounted:
            return self.fields.read()
        return self._rows[number]

    def rows(self) -> list[dict[str, str]]:
        """Return the values of every row, in order."""
        rows = list(self._rows)
        if rows and self.fields.is_mounted:
            rows[self.chosen] = self.fields.read()
        return rows

    def _keep(self) -> None:
        """Put what is typed in the fields into the chosen row (if it differs)."""
        if self._rows and self.fields.is_mounted:
            typed = self.fields.read()
            if typed != self._rows[self.chosen]:
                self._rows[self.chosen] = typed

    def _show(self, number: int) -> None:
        self.chosen = max(0, min(number, len(self._rows) - 1))
        has_rows = bool(self._rows)
        self.list.display = self.fields.display = has_rows
        if has_rows:
            self.fields.load(self.chosen, self._rows[self.chosen])
        self.list.sync()

    def choose(self, number: int) -> None:
        """Show row `number` in the fields."""
        if number != self.chosen and 0 <= number < len(self._rows):
            self._keep()
            self._show(number)

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        """Replace every row with `rows` and show the first."""
        self._rows = [dict(row) for row in rows]
        self._parsed.clear()
        self._show(0)

    def extend(self, rows: list[dict[str, str]], parsed: list[RowParse]) -> None:
        """Add rows read later (a long programme), with each row's parse if known."""
        for row, (data, errors) in zip(rows, parsed, strict=False):
            self._parsed[id(row)] = ParsedRow(row, len(self._rows), data, errors)
            self._rows.append(row)
        self._rows += rows[len(parsed) :]
        if len(self._rows) == len(rows):
            self._show(0)
        else:
            self.list.sync()

    def hold_order(self, held: bool) -> None:
        """Let rows be added, moved and removed, or not (while more rows are read)."""
        for button in self.query(NowButton):
            button.disabled = held

    def focus_row(self, name: str = "day") -> None:
        """Give the focus to field `name` of the chosen row, now."""
        control: Any = (
            self.fields.description
            if name == "description"
            else self.fields.inputs[name]
        )
        self.screen.set_focus(control)

    def add(self) -> None:
        """Add an empty row after the last and go to its first field."""
        self._keep()
        self._rows.append(empty_row())
        self._show(len(self._rows) - 1)
        self.focus_row()

    def remove_row(self) -> None:
        """Remove the chosen row and go to the row now in its place."""
        if not self._rows:
            return
        del self._rows[self.chosen]
        self._show(self.chosen)
        if self._rows:
            self.focus_row()
        else:
            self.screen.set_focus(self.query_one("#programme-add", Button))

    def move(self, step: int) -> None:
        """Move the chosen row up (-1) or down (1); the focus stays on its button."""
        other = self.chosen + step
        if not 0 <= other < len(self._rows):
            return
        self._keep()
        rows = self._rows
        rows[self.chosen], rows[other] = rows[other], rows[self.chosen]
        self._show(other)

    def parsed(self) -> Programme:
        """Return every row's TOML data and what is wrong in them.

        A row is parsed again only once its values changed (or, if it has
        errors, its place), so checking the form as the user types stays
        quick at any number of rows.
        """
        data: list[dict[str, Any]] = []
        errors: list[FieldError] = []
        for number, row in enumerate(self._rows):
            if number == self.chosen and self.fields.is_mounted:
                parsed, wrong = parse_row(number, self.fields.read())
            else:
                parsed, wrong = self._parse(number, row)
            data.append(parsed)
            errors += wrong
        return data, errors

    def _parse(self, number: int, row: dict[str, str]) -> RowParse:
        known = self._parsed.get(id(row))
        if (
            known is None
            or known.row is not row
            or (known.errors and known.number != number)
        ):
            data, errors = parse_row(number, row)
            known = self._parsed[id(row)] = ParsedRow(row, number, data, errors)
        return known.data, known.errors

    def chosen_errors(self) -> list[FieldError]:
        """Return what is wrong in the chosen row (quick: only that row is read)."""
        if not self._rows:
            return []
        return parse_row(self.chosen, self.row(self.chosen))[1]

    def show_row_of(self, key: str) -> None:
        """Show the row an error key such as `programme.3.title` is about."""
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "programme" and parts[1].isdigit():
            self.choose(int(parts[1]))

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _typed(self) -> None:
        self.list.refresh()
