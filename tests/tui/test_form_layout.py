"""Forms at 80x24: compact fields, a refused save lands on the error, errors between fields stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from formhost import HostApp, new_article_form, new_event_form, type_text
from textual.widget import Widget
from textual.widgets import Input, TextArea

from bftui.core.items import formvalues
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.form import FormScreen, FormTarget
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.programme_editor import ProgrammeEditor


def on_screen(form: FormScreen, widget: Widget) -> bool:
    """Whether all of `widget` is inside the visible part of the form."""
    return form.body.region.contains_region(widget.region)


def box(form: FormScreen, key: str) -> FieldBox:
    return next(b for b in form.query(FieldBox) if b.key == key)


async def test_one_line_fields_and_the_body_fills_the_rest(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ArticleForm)
        for field in form.query(FieldBox):
            if not isinstance(field.control, TextArea):
                # No field, the event picker's included, may grow blank lines.
                assert field.region.height == 1, field.key
        # Every field of a new interview is on screen at once at 80x24.
        assert form.body.virtual_size.height <= form.body.size.height
        body = box(form, "body")
        assert body.region.bottom == form.body.region.bottom
        assert form.query_one("#f-body", TextArea).region.height >= 6


async def test_event_form_fields_are_one_line(library_path: Path) -> None:
    app = HostApp(lambda: new_event_form(library_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one(ProgrammeEditor).set_rows([formvalues.empty_row()])
        await pilot.pause()
        for field in form.query(FieldBox):
            if field.key != "programme" and not isinstance(field.control, TextArea):
                assert field.region.height == 1, field.key


async def test_refused_save_focuses_the_first_invalid_field(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, ArticleForm)
        await pilot.press("tab")
        await type_text(pilot, "Ett samtal")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        name = form.query_one("#f-interviewee-name", Input)
        assert form.focused is name
        named = box(form, "interviewee.name")
        assert named.error and on_screen(form, named)
        # The fields above it are still drawn where they were, not left blank.
        assert on_screen(form, box(form, "event"))
        await type_text(pilot, "Eva Ek")
        assert name.value == "Eva Ek"
        assert not named.error
    assert app.results == []


async def test_error_between_fields_stays_until_either_is_fixed(
    library_path: Path,
) -> None:
    saved: list[Any] = []
    app = HostApp(lambda: new_event_form(library_path, saved))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, EventForm)
        form.query_one("#f-start", Input).focus()
        await type_text(pilot, "2024-03-05")
        await pilot.press("tab")
        await type_text(pilot, "2024-03-01")
        await pilot.press("tab")  # leaving the end date says what is wrong
        await pilot.pause()
        end = box(form, "end")
        assert end.error
        # Typing elsewhere, even leaving another field wrong, keeps it.
        form.query_one("#f-city", Input).focus()
        await type_text(pilot, "Lund")
        form.query_one("#f-title", Input).focus()
        await pilot.press("x", "backspace", "tab")
        await pilot.pause()
        assert box(form, "title").error
        assert end.error
        # Moving the start before the end clears it, as typed.
        form.query_one("#f-start", Input).value = "2024-02-28"
        await pilot.pause()
        assert not end.error
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.focused is form.query_one("#f-title", Input)
    assert saved == []


async def test_every_tab_stop_is_scrolled_into_view(library_path: Path) -> None:
    """At 80x24, Tab (and Shift+Tab) through an event with rows: the focus is always seen."""
    rows = [{"day": "1", "time": "09:00", "title": f"Punkt {n}"} for n in range(3)]

    def make() -> EventForm:
        values = formvalues.event_values({"title": "Träff", "year": 2024})
        values["programme"] = [{**formvalues.empty_row(), **row} for row in rows]
        target = FormTarget(library_path, "event:x", "Träff", lambda _: library_path)
        return EventForm(target, values)

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, EventForm)
        seen = []
        for key in ["tab"] * 24 + ["shift+tab"] * 24:
            await pilot.press(key)
            await pilot.pause()
            focused = form.focused
            assert focused is not None
            seen.append(focused)
            assert on_screen(form, focused), (key, focused)
        assert form.query_one("#programme-add") in seen
        assert form.query_one(".row-remove") in seen


async def test_row_buttons_keep_the_focus_in_view(library_path: Path) -> None:
    rows = [{"title": f"Punkt {n}"} for n in range(12)]

    def make() -> EventForm:
        values = formvalues.event_values({"title": "Träff", "year": 2024})
        values["programme"] = [{**formvalues.empty_row(), **row} for row in rows]
        target = FormTarget(library_path, "event:x", "Träff", lambda _: library_path)
        return EventForm(target, values)

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        editor = form.query_one(ProgrammeEditor)
        down = form.query_one(".row-down")  # "Punkt 0" goes down five rows
        form.set_focus(down)
        await pilot.pause()
        for _ in range(5):
            await pilot.press("enter")
            await pilot.pause()
            assert form.focused is down and on_screen(form, down)
        assert editor.chosen == 5
        await pilot.press("tab", "enter")  # ✕ Ta bort: the focus goes to the day
        await pilot.pause()
        assert form.focused is editor.fields.inputs["day"]
        assert on_screen(form, form.focused)
        titles = [row["title"] for row in editor.rows()]
        assert titles[4:6] == ["Punkt 5", "Punkt 6"] and "Punkt 0" not in titles
