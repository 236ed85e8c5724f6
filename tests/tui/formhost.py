"""A tiny host App for testing one form screen, collecting what it dismisses with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

import bftui.tui
from bftui.tui.typeahead import TypeAheadApp

FORMS_CSS = Path(bftui.tui.__file__).parent / "forms.tcss"


class HostApp(TypeAheadApp[None]):
    """Opens the screen `make()` returns and keeps its results; keys go as in the app."""

    CSS_PATH = [FORMS_CSS]

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.results.append)


_NAMES = {
    " ": "space", "?": "question_mark", "-": "minus", ".": "full_stop",
    ":": "colon", ",": "comma",
}  # fmt: skip


def keys(text: str) -> list[tuple[str, str | None]]:
    """Return the key events that typing `text` sends."""
    return [(_NAMES.get(c, c), c) for c in text]


def burst(app: App[Any], sequence: list[tuple[str, str | None]]) -> None:
    """Queue every key at once, as a terminal delivers one packet."""
    for key, character in sequence:
        app.post_message(events.Key(key, character))


async def typed(pilot: Pilot[Any]) -> None:
    """Wait until every key sent has been handled, and what it started has finished."""
    app = pilot.app
    assert isinstance(app, TypeAheadApp)
    await pilot.pause()  # The keys sent reach the app.
    while app.keys_pending:
        await pilot.pause()
    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
            break
        except WorkerCancelled:  # replaced by a newer one: wait for that
            await pilot.pause()
    await pilot.pause()
