"""Locks and drafts in the app: broken and leftover locks, a full disk, sessions."""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from appdriver import (
    EVENT_2019,
    notices,
    open_event_form,
    settle,
    show_event,
)
from formhost import burst, keys, typed
from textual.widgets import Static

from bftui import cli
from bftui.core.store import drafts, locks, sessions
from bftui.settings import load_settings
from bftui.tui.app import BftuiApp
from bftui.tui.screens.drafts import DraftsScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.problems import ProblemsScreen


def lock_line(pilot_app: BftuiApp) -> Static:
    return pilot_app.screen.query_one(".form-lock", Static)


def event_path(app: BftuiApp) -> Path:
    return app.library_root / "events" / f"{EVENT_2019}.toml"


@pytest.mark.parametrize(
    "content",
    [
        b"",  # what a full disk left behind
        b'{"user": "x", "pi',
        json.dumps(
            {
                **sessions.current().record(),
                "pid": 2**22 + 7,  # this user's, on this host, long dead
                "since": "2020-01-01T00:00:00+00:00",
                "token": "old",
            }
        ).encode(),
    ],
)
async def test_my_own_leftover_lock_is_taken_over_silently(
    app: BftuiApp, content: bytes
) -> None:
    path = event_path(app)
    lock = locks.lock_path(path)
    lock.write_bytes(content)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event_form(pilot)
        assert not lock_line(app).display
        mine = locks.read_lock(path)
        assert mine is not None and mine.is_mine()
        await pilot.press("escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert not lock.exists()  # given back: it does not outlive the session


async def test_a_huge_pid_in_someone_elses_lock(app: BftuiApp) -> None:
    path = event_path(app)
    record = {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": 10**23,
        "since": "2020-01-01T10:00:00+01:00",
        "token": "x",
    }
    locks.lock_path(path).write_text(json.dumps(record), encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event_form(pilot)
        line = lock_line(app)
        # No such process: the lock is stale, and says so.
        assert line.display and "ctrl+b" in str(line.render())


real_mkstemp = tempfile.mkstemp


def full_disk_mkstemp(**kwargs: Any) -> tuple[int, str]:
    """Make a temporary file as `tempfile.mkstemp` does, on a disk that is full."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    fd, path = real_mkstemp(**kwargs)
    os.close(fd)
    return os.open("/dev/full", os.O_WRONLY), path


async def test_full_disk_on_opening_a_form_is_a_message(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = event_path(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await show_event(pilot, EVENT_2019)
        with monkeypatch.context() as patch:
            patch.setattr(locks.tempfile, "mkstemp", full_disk_mkstemp)
            await pilot.press("E")
            await settle(pilot)
        assert isinstance(app.screen, EventForm)
        line = lock_line(app)
        assert line.display and "No space left" in str(line.render())
        assert not locks.lock_path(path).exists()
        await pilot.press("escape")
        await pilot.pause()
        await open_event_form(pilot)  # the second time, with room: no ghost editor
        assert not lock_line(app).display


def left_draft(app: BftuiApp, values: object, owner: sessions.Session) -> None:
    drafts.save(
        drafts.Draft(
            app.library_root,
            "event:new",
            "event",
            "Ny träff: X",
            {"values": values},
            owner=owner,
        )
    )


async def test_a_running_instances_draft_is_not_offered(app: BftuiApp) -> None:
    me = sessions.current()
    parent = os.getppid()  # a process that runs: as another bftui would
    running = sessions.Session(
        me.user, me.host, parent, sessions._start_time(parent), me.boot
    )
    left_draft(app, {"title": "Hans"}, running)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, DraftsScreen)


async def test_a_draft_with_values_of_the_wrong_shape_restores(app: BftuiApp) -> None:
    me = sessions.current()
    ended = sessions.Session(me.user, me.host, me.pid, "1", "an-earlier-boot")
    values = {"title": ["x"], "kind": "bogus", "city": "Lund", "programme": [1, {}]}
    left_draft(app, values, ended)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.values()["city"] == "Lund"
        assert form.values()["title"] == ""


async def test_a_failed_draft_says_it_is_the_draft(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker / "state"))  # cannot be made
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Halv")
        form = app.screen
        assert isinstance(form, EventForm)
        form.autosave()
        await settle(pilot)
        await pilot.press(*"fardig")
        form.autosave()  # failing again: said once
        await settle(pilot)
        said = notices(pilot)
        assert len(said) == 1 and said[0].startswith("Utkastet")
        assert str(blocker) in said[0]
        assert app.screen is form


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("EDITOR", "vi '", "No closing quotation"),
        ("VISUAL", 'nano "x', "No closing quotation"),
        ("EDITOR", "no-such-editor-here --wait", "no-such-editor-here"),
        ("VISUAL", "''", "$VISUAL"),
    ],
)
async def test_a_bad_editor_is_a_message(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, said: str
) -> None:
    monkeypatch.setenv(variable, value)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event_form(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running
        (note,) = notices(pilot)
        assert said in note


async def test_editor_without_a_terminal_is_a_message(app: BftuiApp) -> None:
    # The test driver, like the web driver, cannot hand the terminal over.
    async with app.run_test(size=(80, 24)) as pilot:
        await open_event_form(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running
        (note,) = notices(pilot)
        assert "$EDITOR" in note


async def test_config_problems_are_in_the_problems_view(library_path: Path) -> None:
    config = library_path.parent / "config.toml"
    config.write_text('mouse = "yes"\nlangauge = "en"\n', encoding="utf-8")
    settings, problems = load_settings(config)
    app = BftuiApp(library_path, settings, setting_problems=problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        said = notices(pilot)
        assert any("p visar" in message for message in said)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        listed = [str(problem) for problem in app.screen._values]
        assert any("mouse" in line and "config.toml:1" in line for line in listed)
        assert any("langauge" in line and "config.toml:2" in line for line in listed)


@pytest.mark.parametrize(
    "config",
    [
        'library = "~no-such-user-here/x"',
        'library = "a\\u0000b"',
        "library = 5",
        "sidebar = true",
        "sidebar = 99999999999999999999",
        'keymap = {"app.quit" = ["x"]}',
        "mouse = 1",
    ],
)
def test_any_config_value_is_a_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    home = Path(os.environ["XDG_CONFIG_HOME"]) / "bftui"
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(config + "\n", encoding="utf-8")
    code = cli.main(["list"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and code in (0, 2)
    assert "bftui:" in err


async def test_keys_typed_right_after_restoring_a_draft_go_to_its_form(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = sessions.current()
    ended = sessions.Session(me.user, me.host, me.pid, "1", "an-earlier-boot")
    left_draft(app, {"title": "Hans"}, ended)
    taken, adopt = threading.Event(), drafts.adopt

    def held_adopt(draft: drafts.Draft) -> drafts.Draft:
        taken.wait(10)
        return adopt(draft)

    monkeypatch.setattr(drafts, "adopt", held_adopt)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        burst(app, [("enter", "\r"), *keys("en")])  # one packet
        for _ in range(5):  # The keys reach the app while the draft is taken over.
            await pilot.pause()
        taken.set()
        await typed(pilot)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert len(app.screen_stack) == 2
        assert form.values()["title"] == "en"  # As typed slowly: it replaces the title.


@pytest.fixture
def held_listing(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the listing of the drafts left behind until the returned event is set."""
    listed, list_drafts = threading.Event(), drafts.list_drafts

    def held_list(root: Path) -> list[drafts.Draft]:
        listed.wait(10)
        return list_drafts(root)

    monkeypatch.setattr(drafts, "list_drafts", held_list)
    return listed


async def test_keys_typed_before_the_drafts_are_offered_go_to_their_list(
    app: BftuiApp, held_listing: threading.Event
) -> None:
    """At start, Enter typed before the drafts list shows restores the draft,
    as when typed after it shows (not opening the item under the cursor)."""
    me = sessions.current()
    ended = sessions.Session(me.user, me.host, me.pid, "1", "an-earlier-boot")
    left_draft(app, {"title": "Hans"}, ended)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, [("enter", "\r"), *keys("en")])
        for _ in range(5):  # The keys reach the app before the drafts are listed.
            await pilot.pause()
        held_listing.set()
        await typed(pilot)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.values()["title"] == "en"  # As typed slowly: it replaces the title.


async def test_keys_typed_after_discarding_a_draft_go_to_the_drafts_left(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = sessions.current()
    for pid, title in ((me.pid, "Hans"), (me.pid + 1, "Greta")):  # Greta newest
        ended = sessions.Session(me.user, me.host, pid, "1", "an-earlier-boot")
        left_draft(app, {"title": title}, ended)
    discarded, discard = threading.Event(), drafts.discard_left_behind

    def held_discard(draft: drafts.Draft) -> bool:
        discarded.wait(10)
        return discard(draft)

    monkeypatch.setattr(drafts, "discard_left_behind", held_discard)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        burst(app, [("d", "d"), ("enter", "\r")])  # Greta's away, Hans restored
        for _ in range(5):  # The keys reach the app while Greta's is thrown away.
            await pilot.pause()
        discarded.set()
        await typed(pilot)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.values()["title"] == "Hans"


async def test_with_no_draft_kept_the_keys_do_not_wait_for_the_drafts_list(
    app: BftuiApp, held_listing: threading.Event
) -> None:
    """Most starts have no drafts: Enter at the first paint goes at once."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.keys_ready  # type: ignore[attr-defined]
        held_listing.set()
