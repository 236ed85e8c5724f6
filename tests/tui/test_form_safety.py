"""Nothing typed is lost: drafts come back after a dropped session, conflicts overwrite nothing, quit asks."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest
from appdriver import EVENT_2019, main_screen, open_event_form, settle, wait_for
from formhost import set_field, type_text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from bftui.core.store import drafts, locks, sessions
from bftui.tui.app import BftuiApp
from bftui.tui.screens import form_keeping
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictScreen
from bftui.tui.screens.drafts import DraftsScreen
from bftui.tui.screens.event_form import EventForm


async def test_draft_is_offered_at_next_start_and_restores(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = sessions.current()
    # The first session is another process, which has ended by the second start.
    ended = sessions.Session(me.user, me.host, me.pid, "1", "an-earlier-boot")
    app = BftuiApp(library_path)
    with monkeypatch.context() as patch:
        patch.setattr(sessions, "current", lambda: ended)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            await pilot.pause()
            await type_text(pilot, "Halvfardig traff")
            assert isinstance(app.screen, EventForm)
            app.screen.autosave()  # what its timer does every few seconds
            await settle(pilot)
    # The session ends with the form still open, as when a connection drops.
    (draft,) = drafts.list_drafts(library_path)
    assert draft.title == "Ny träff: Halvfardig traff"  # as it is offered
    again = BftuiApp(library_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DraftsScreen)
        await pilot.press("enter")
        await settle(pilot)
        form = again.screen
        assert isinstance(form, EventForm)
        assert form.query_one("#f-title", Input).value == "Halvfardig traff"
        assert form.changed()  # so Escape asks before throwing it away
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
    assert drafts.list_drafts(library_path) == []


def drafted_title(pilot: Pilot[int]) -> object:
    """Return the title typed in the open form's draft, as this session kept it."""
    form = pilot.app.screen
    assert isinstance(form, EventForm)
    draft = drafts.load(form.target.library, form.target.draft_item)
    return draft.fields["values"]["title"] if draft else None


async def test_the_form_keeps_a_draft_by_itself_every_few_seconds(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody calls autosave here: the form's own timer must, again and again."""
    assert form_keeping.AUTOSAVE_SECONDS <= 5  # "every few seconds"
    monkeypatch.setattr(form_keeping, "AUTOSAVE_SECONDS", 0.05)  # the test's clock
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Halv")
        await wait_for(pilot, lambda: drafted_title(pilot) == "Halv", "a first draft")
        await type_text(pilot, "fardig")
        await wait_for(
            pilot,
            lambda: drafted_title(pilot) == "Halvfardig",
            "the draft follows the typing",
        )


async def test_conflict_back_then_save_as_new(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        form, path = await open_event_form(pilot)
        before = set(path.parent.glob("*.toml"))
        await set_field(pilot, form, "city", "Lund")
        theirs = path.read_text(encoding="utf-8").replace("Malmö", "Göteborg")
        path.write_text(theirs, encoding="utf-8")  # someone else, meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert path.read_text(encoding="utf-8") == theirs
        await pilot.press("b")  # back to the form, nothing lost
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#f-city", Input).value == "Lund"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("n")  # save as a new item
        await settle(pilot)
        assert not isinstance(app.screen, EventForm | ConflictScreen)
        assert path.read_text(encoding="utf-8") == theirs
        (copy,) = set(path.parent.glob("*.toml")) - before
        assert tomllib.loads(copy.read_text(encoding="utf-8"))["city"] == "Lund"
        shown = main_screen(pilot).current
        assert shown is not None and shown.path == copy


async def test_conflict_reload_shows_the_file_on_disk(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        form, path = await open_event_form(pilot)
        await set_field(pilot, form, "city", "Lund")
        theirs = path.read_text(encoding="utf-8").replace("Malmö", "Göteborg")
        path.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("r")  # reloading drops what was typed: it asks first
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert form.query_one("#f-city", Input).value == "Lund"
        await pilot.press("r", "y")
        await settle(pilot)
        assert app.screen is form
        assert form.query_one("#f-city", Input).value == "Göteborg"
        assert not form.changed()
        await pilot.press("ctrl+s")  # against the version now on disk
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
    assert path.read_text(encoding="utf-8") == theirs


async def test_quit_with_changed_form_asks(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        form, path = await open_event_form(pilot)
        lock = locks.lock_path(path)
        assert lock.exists()
        await set_field(pilot, form, "city", "Lund")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and app.return_code is None
        assert form.query_one("#f-city", Input).value == "Lund"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.return_code == 0
    assert not lock.exists()
    assert "Malmö" in path.read_text(encoding="utf-8")


async def test_quit_with_unchanged_form_gives_the_lock_back(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        _, path = await open_event_form(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.return_code == 0
    assert not locks.lock_path(path).exists()


async def test_stale_lock_broken_in_the_form_is_given_back(app: BftuiApp) -> None:
    library = app.library_root
    path = library / "events" / f"{EVENT_2019}.toml"
    lock = locks.lock_path(path)
    record = {
        "user": "eva",
        "host": "annan",
        "pid": 1,
        "since": "2020-01-01T10:00:00+01:00",
        "token": "x",
    }
    lock.write_text(json.dumps(record), encoding="utf-8")
    os.utime(lock, (1577869200, 1577869200))  # untouched since 2020
    async with app.run_test(size=(80, 24)) as pilot:
        form, _ = await open_event_form(pilot)
        line = form.query_one(".form-lock", Static)
        assert line.display and "eva@annan" in str(line.render())
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert not line.display
        mine = locks.read_lock(path)
        assert mine is not None and mine.is_mine()
        await pilot.press("escape")  # nothing changed: closes at once
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
    assert not lock.exists()
