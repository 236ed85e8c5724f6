"""Keys typed after a screen closes act on what the screen's answer changed."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from formhost import burst, typed
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from bftui.tui.typeahead import TypeAheadApp, screen_not_coming, screen_ready


class Saving(ModalScreen[str]):
    """Saves in a worker on ctrl+s, then closes with its answer, as a form does."""

    BINDINGS = [Binding("ctrl+s", "save")]

    def __init__(self, saved: threading.Event) -> None:
        super().__init__()
        self.saved = saved

    def compose(self) -> ComposeResult:
        yield Static("form")

    def action_save(self) -> None:
        self.keys_ready = False
        self._save()

    @work(thread=True)
    def _save(self) -> None:
        self.saved.wait(10)
        self.app.call_from_thread(self._close)

    def _close(self) -> None:
        app = self.app
        assert isinstance(app, TypeAheadApp)
        # The ctrl+s landing has just asked for the keys held to go on (on a
        # busy machine the save can end before that is handled).
        app.release_keys()
        self.dismiss("saved")
        screen_not_coming(app)


class Below(Screen[None]):
    """Opens the form on `s`, shows its answer after reading it again, notes it on `x`."""

    BINDINGS = [Binding("s", "open"), Binding("x", "note")]

    def __init__(self, saved: threading.Event, read: threading.Event) -> None:
        super().__init__()
        self.saved, self.read = saved, read
        self.shown = ""
        self.noted: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("main")

    def action_open(self) -> None:
        self.app.push_screen(Saving(self.saved), self.answered)

    def answered(self, answer: Any) -> None:
        """Show what was saved once read again in a worker, as the main screen does."""
        self.keys_ready = False  # Keys typed meanwhile act on it shown.
        self._read_again(answer)

    @work(thread=True)
    def _read_again(self, answer: str) -> None:
        self.read.wait(10)
        self.app.call_from_thread(self._show, answer)

    def _show(self, answer: str) -> None:
        self.shown = answer
        screen_ready(self)

    def action_note(self) -> None:
        self.noted.append(self.shown)


async def test_a_key_typed_after_a_save_waits_for_the_forms_answer() -> None:
    """`i` typed after ctrl+s in a new interview's form acted on the item
    shown before the save: it went on before the form's answer had run."""
    saved, read = threading.Event(), threading.Event()
    below = Below(saved, read)
    app = TypeAheadApp[None]()
    async with app.run_test() as pilot:
        await app.push_screen(below)
        burst(app, [("s", "s"), ("ctrl+s", None), ("x", "x")])
        # `_in_flight`: the key sent on and not yet handled.
        while not isinstance(app.screen, Saving) or app._in_flight is not None:
            await pilot.pause()  # ctrl+s has landed: `x` waits for the save.
        saved.set()
        while getattr(below, "keys_ready", True):  # The answer has come.
            await pilot.pause()
        while app._in_flight is not None:  # `x` lands, if it went on.
            await pilot.pause()
        read.set()
        await typed(pilot)
        assert below.noted == ["saved"]


class Slow(Static, can_focus=True):
    """Takes its time over each key, until its gate opens."""

    def __init__(self) -> None:
        super().__init__("slow")
        self.gate = asyncio.Event()
        self.keys: list[str] = []

    async def on_key(self, event: events.Key) -> None:
        self.keys.append(event.key)
        await self.gate.wait()


async def test_what_changes_the_screen_waits_for_the_key_on_its_way() -> None:
    """The library read again refilled the sidebar under `up` on its way; the
    cursor it moved was then put back, and `i` acted on the item there."""
    app = TypeAheadApp[None]()
    async with app.run_test() as pilot:
        slow = Slow()
        await app.screen.mount(slow)
        slow.focus()
        burst(app, [("up", None), ("x", "x")])
        # Not `pilot.pause`, which waits for every widget to be idle: this
        # one is not until its gate opens.
        for _ in range(500):
            if slow.keys:
                break
            await asyncio.sleep(0.01)
        seen: list[list[str]] = []
        app.after_key_lands(lambda: seen.append(list(slow.keys)))
        for _ in range(10):
            await asyncio.sleep(0)
        assert seen == []  # `up` is still being handled.
        slow.gate.set()
        await typed(pilot)
        assert seen == [["up"]]  # After `up`, before `x`.
        assert slow.keys == ["up", "x"]
