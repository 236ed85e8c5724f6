"""The event form in a host App: save, field errors, programme rows, cancel."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from formhost import HostApp, burst, keys, new_event_form, type_text, typed
from textual.widgets import Button, Input, Select

from bftui.core.items import formvalues
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.form import FormTarget, Saved
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.programme_editor import ProgrammeEditor


async def test_new_meeting_saved_with_keyboard(library_path: Path) -> None:
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.focused is not None and form.focused.id == "f-title"
        await type_text(pilot, "Träff i Umeå")
        await pilot.press("tab", "tab")  # past kind
        await type_text(pilot, "2024")
        await pilot.press("tab")
        await type_text(pilot, "2024-03-05")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, Saved)
    assert result.path.name == "2024-traff-i-umea.toml"
    data = tomllib.loads(result.path.read_text(encoding="utf-8"))
    assert data == {
        "title": "Träff i Umeå",
        "kind": "network-meeting",
        "year": 2024,
        "start": dt.date(2024, 3, 5),
    }


async def test_each_invalid_field_is_marked_and_nothing_saved(
    library_path: Path,
) -> None:
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        for key, text in [
            ("year", "nittonhundra"),
            ("start", "5 mars"),
            ("participants", "-3"),
            ("url", "ftp://x"),
        ]:
            form.query_one(f"#f-{key}", Input).value = text
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        boxes = {box.key: box for box in form.query(FieldBox)}
        for key in ("title", "year", "start", "participants", "url"):
            assert boxes[key].error, key
            assert boxes[key].has_class("-invalid")
        assert not boxes["city"].error
        # Fixing a field clears its message as you type.
        form.query_one("#f-title", Input).focus()
        await type_text(pilot, "X")
        await pilot.pause()
        assert not boxes["title"].error
    assert saved == [] and app.results == []
    assert not list((library_path / "events").glob("*item*"))


async def test_end_before_start_is_refused(library_path: Path) -> None:
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#f-title", Input).value = "T"
        form.query_one("#f-start", Input).value = "2024-03-05"
        form.query_one("#f-end", Input).value = "2024-03-01"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        box = next(b for b in form.query(FieldBox) if b.key == "end")
        assert box.error
    assert saved == []


async def test_programme_rows_add_remove_reorder(library_path: Path) -> None:
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#f-title", Input).value = "Träff"
        form.query_one("#f-year", Input).value = "2024"
        editor = form.query_one(ProgrammeEditor)
        for title in ("Ett", "Två", "Tre"):
            form.query_one("#programme-add", Button).press()
            assert form.focused is editor.fields.inputs["day"]
            editor.fields.inputs["title"].value = title
        editor.query_one(".row-up", Button).press()  # "Tre" above "Två"
        editor.choose(0)
        editor.query_one(".row-remove", Button).press()  # "Ett" goes
        assert editor.fields.inputs["title"].value == "Tre"
        editor.fields.inputs["day"].value = "2"
        editor.fields.description.load_text("Rad ett\nRad två")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (result,) = app.results
    data = tomllib.loads(result.path.read_text(encoding="utf-8"))
    assert data["programme"] == [
        {"day": 2, "title": "Tre", "description": "Rad ett\nRad två"},
        {"title": "Två"},
    ]


async def test_programme_editor_is_removed_like_any_widget(library_path: Path) -> None:
    """Removing a row is `remove_row`: Textual's `remove` still takes the editor away."""
    app = HostApp(lambda: new_event_form(library_path, []))
    async with app.run_test(size=(80, 24)):
        editor = app.screen.query_one(ProgrammeEditor)
        await editor.remove()
        assert not app.screen.query(ProgrammeEditor)


async def test_keys_typed_right_after_adding_a_row_land_in_the_new_row(
    library_path: Path,
) -> None:
    """Enter on "+ Ny programpunkt", then the row typed at once (one SSH packet)."""
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#f-title", Input).value = "Träff"
        form.query_one("#f-year", Input).value = "2024"
        form.query_one("#programme-add", Button).focus()
        await pilot.pause()
        burst(app, [("enter", None), *keys("1"), ("tab", "\t"), *keys("13:00")])
        burst(app, [("tab", "\t"), *keys("Workshop")])
        # On to the description, ↑, ↓, ✕ and "+ Ny programpunkt" again.
        burst(app, [("tab", "\t")] * 5)
        burst(app, [("enter", None), *keys("2"), ("tab", "\t"), ("tab", "\t")])
        burst(app, [*keys("Fika"), ("ctrl+s", None)])
        await typed(pilot)
    assert saved[0]["title"] == "Träff"
    assert saved[0]["programme"] == [
        {"day": 1, "time": "13:00", "title": "Workshop", "description": None},
        {"day": 2, "time": None, "title": "Fika", "description": None},
    ]


async def test_cancel_without_changes_closes_at_once(library_path: Path) -> None:
    app = HostApp(lambda: new_event_form(library_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_cancel_with_changes_asks_first(library_path: Path) -> None:
    app = HostApp(lambda: new_event_form(library_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Halv")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: back to the form, text kept
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert app.screen.query_one("#f-title", Input).value == "Halv"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.results == [None]


async def test_a_wrong_row_is_shown_and_others_are_named(library_path: Path) -> None:
    """Rows 2 and 4 have no title: row 2 is shown with its error, row 4 is named."""
    saved: list[Any] = []

    def make() -> EventForm:
        values = formvalues.event_values({"title": "Träff", "year": 2024})
        titles = ["Ett", "", "Tre", ""]
        values["programme"] = [{**formvalues.empty_row(), "title": t} for t in titles]
        return EventForm(
            FormTarget(library_path, "event:x", "Träff", saved.append), values
        )

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = form.query_one(ProgrammeEditor)
        assert editor.chosen == 1
        assert form.focused is editor.fields.inputs["title"]
        message = str(form.query_one(".form-message").render())
        assert "Programrad 4, Rubrik: måste fyllas i" in message
    assert saved == []


async def test_an_unknown_kind_is_shown_kept_and_named_on_save(
    library_path: Path,
) -> None:
    """A hand-written kind the form does not offer: it opens with it, and saving
    says what is wrong under the field instead of dropping it."""
    saved: list[Any] = []
    values = {**formvalues.event_values(None), "title": "Träff", "year": "2025"}

    def make() -> EventForm:
        target = FormTarget(library_path, "event:new", "Ny träff", saved.append)
        return EventForm(target, {**values, "kind": "workshop"})

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, EventForm)
        kind = form.query_one("#f-kind", Select)
        assert kind.value == "workshop"
        assert form.values()["kind"] == "workshop"
        await pilot.press("ctrl+s")
        await typed(pilot)
        box = next(box for box in form.query(FieldBox) if box.key == "kind")
        assert "workshop" in box.error
        assert saved == []
        # Filled again with another unknown kind (a reload), and then a known one.
        form.fill({**values, "kind": "festival"})
        assert form.values()["kind"] == "festival"
        form.fill({**values, "kind": "conference"})
        await pilot.press("ctrl+s")
        await typed(pilot)
    assert saved and saved[0]["kind"] == "conference"
