"""A form is built once and refilled at each opening: nothing of the last opening stays."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from appdriver import main_screen, open_item, settle, wait_for
from formhost import HostApp, burst, keys, typed
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from bftui.core.items import formvalues
from bftui.core.items.model import Event
from bftui.core.store import drafts, locks
from bftui.tui import form_reuse
from bftui.tui.app import BftuiApp
from bftui.tui.form_reuse import ReusesForms, kept_name
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.form import FormTarget
from bftui.tui.widgets.choice_select import ChoiceSelect
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.programme_editor import ProgrammeEditor


def two_events(pilot: Pilot[int]) -> tuple[Event, Event]:
    library = main_screen(pilot).library
    assert library is not None
    first, second = library.events[:2]
    assert first.title != second.title
    return first, second


def key(library: Path, event: Event) -> str:
    """The draft key of an event's edit form."""
    return f"event:{event.path.relative_to(library).as_posix()}"


async def edit(pilot: Pilot[int], event: Event) -> EventForm:
    await open_item(pilot, event)
    await pilot.press("E")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, EventForm)
    return form


async def close(pilot: Pilot[int]) -> None:
    await pilot.press("escape")
    await settle(pilot)
    if isinstance(pilot.app.screen, ConfirmScreen):
        await pilot.press("y")
        await settle(pilot)
    assert not isinstance(pilot.app.screen, EventForm)


@asynccontextmanager
async def editing_first(
    app: BftuiApp,
) -> AsyncIterator[tuple[Pilot[int], EventForm, Event, Event]]:
    """Run `app` with the first of two events open in its form.

    Yields the pilot, the form, and the first and second events.
    """
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first, second = two_events(pilot)
        yield pilot, await edit(pilot, first), first, second


def title(form: EventForm) -> str:
    return form.query_one("#f-title", Input).value


async def test_a_form_opened_again_is_the_one_built_with_the_new_items_values(
    app: BftuiApp,
) -> None:
    async with editing_first(app) as (pilot, form, first, second):
        assert title(form) == first.title
        await close(pilot)
        again = await edit(pilot, second)
        assert again is form  # kept, not built again
        assert title(again) == second.title
        header = again.query_one(".form-title", Static).render()
        assert second.title in str(header) and first.title not in str(header)
        rows = again.query_one(ProgrammeEditor).rows()
        assert [r["title"] for r in rows] == [r.title for r in second.programme]
        assert not again.changed()
        assert again.focused is again.query_one("#f-title", Input)


async def test_typing_replaces_the_first_field_at_every_opening(
    app: BftuiApp,
) -> None:
    async with editing_first(app) as (pilot, form, first, second):
        await pilot.press("X")
        assert title(form) == "X"  # focusing selected the title
        await close(pilot)
        again = await edit(pilot, second)
        assert again is form
        await pilot.press("Y")
        assert title(again) == "Y"  # and so does opening the kept form again


async def test_nothing_typed_or_shown_in_the_last_opening_stays(
    app: BftuiApp,
) -> None:
    async with editing_first(app) as (pilot, form, first, second):
        await pilot.press("ctrl+u")  # the title emptied: an error when saving
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form.query_one(FieldBox).error
        await close(pilot)
        again = await edit(pilot, second)
        assert not any(box.error for box in again.query(FieldBox))
        assert str(again.query_one(".form-message", Static).render()) == ""
        assert title(again) == second.title
        await pilot.press("escape")  # nothing changed: it closes without asking
        await settle(pilot)
        assert not isinstance(app.screen, EventForm | ConfirmScreen)


async def test_the_draft_and_lock_are_the_second_items(
    app: BftuiApp, library_path: Path
) -> None:
    async with editing_first(app) as (pilot, form, first, second):
        await pilot.press("x")
        form.autosave()
        await settle(pilot)
        assert drafts.load(library_path, key(library_path, first)) is not None
        await close(pilot)  # its draft is thrown away with it
        await settle(pilot)
        assert drafts.load(library_path, key(library_path, first)) is None
        again = await edit(pilot, second)
        assert again.target.holding.lock is not None
        assert again.target.holding.lock.path == locks.lock_path(second.path)
        assert locks.read_lock(first.path) is None  # given back
        await pilot.press("y")
        again.autosave()
        await settle(pilot)
        draft = drafts.load(library_path, key(library_path, second))
        assert draft is not None
        assert draft.fields["values"]["title"] == "y"  # typed over the title
        assert drafts.load(library_path, key(library_path, first)) is None


async def test_a_closed_form_keeps_no_draft(app: BftuiApp, library_path: Path) -> None:
    async with editing_first(app) as (pilot, form, first, _):
        await pilot.press("x")
        await close(pilot)
        form.autosave()  # its timer runs on while it is kept
        form.keep_now()
        await settle(pilot)
        assert drafts.load(library_path, key(library_path, first)) is None


async def test_a_theme_chosen_while_the_form_was_closed_shows_in_it(
    app: BftuiApp,
) -> None:
    async with editing_first(app) as (pilot, form, first, second):
        await close(pilot)
        dialog = form.query_one(".form-dialog")
        before = dialog.styles.background
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        await edit(pilot, second)
        assert dialog.styles.background != before


class ReusingHost(ReusesForms[None], HostApp):
    """The forms' host app, keeping forms built as the app does."""


def event_form(root: Path, kind: str) -> EventForm:
    target = FormTarget(root, f"event:{kind}", kind, lambda _: root)
    return EventForm(target, {**formvalues.event_values(None), "kind": kind})


async def test_an_unknown_kind_is_offered_only_in_the_form_of_its_event(
    library_path: Path,
) -> None:
    app = ReusingHost(lambda: event_form(library_path, "workshop"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EventForm)
        kind = form.query_one("#f-kind", ChoiceSelect)
        offered = kind.query_one(OptionList).option_count
        assert kind.value == "workshop"
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(event_form(library_path, "network-meeting"))
        await pilot.pause()
        assert app.screen is form
        assert kind.value == "network-meeting"
        assert kind.query_one(OptionList).option_count == offered - 1


def built_ahead(app: BftuiApp, form: type[EventForm]) -> bool:
    name = f"bftui-kept-{form.__qualname__}"
    return app.is_screen_installed(name) and app.get_screen(name).is_mounted


async def test_the_forms_are_built_while_the_app_is_idle_and_take_keys_at_once(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: built_ahead(app, EventForm), "a form built")
        kept = app.get_screen(kept_name(event_form(Path(), "")))
        assert main_screen(pilot) is app.screen  # built, not shown
        burst(app, [("n", "n"), *keys("Ny idé")])
        await typed(pilot)
        assert app.screen is kept
        assert title(kept) == "Ny idé"
        assert kept.target.draft_item == "event:new"


async def test_a_textual_without_the_private_steps_builds_the_form_when_first_shown(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Building ahead uses two private steps of Textual's push_screen; a
    # Textual without them must still open forms (built when first shown).
    monkeypatch.setattr(form_reuse, "TEXTUAL_STEPS", ("_a_step_gone_from_textual",))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app._build_next()  # what the idle timer calls
        await pilot.pause()
        assert not built_ahead(app, EventForm)
        burst(app, [("n", "n"), *keys("Ny idé")])
        await typed(pilot)
        assert isinstance(app.screen, EventForm)
        assert title(app.screen) == "Ny idé"
