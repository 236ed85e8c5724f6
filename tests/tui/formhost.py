"""A tiny host App for testing one form screen, collecting what it dismisses with.

Also the forms the tests open in it, and typing into them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import WorkerCancelled

import bftui.tui
from bftui.core.items import formvalues
from bftui.core.library.loading import load
from bftui.core.store import storage
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.form import FormScreen, FormTarget
from bftui.tui.screens.qa_form import QAForm
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


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Press the keys that type `text`, one after another."""
    await pilot.press(*[key for key, _ in keys(text)])


async def set_field(pilot: Pilot[Any], form: FormScreen, key: str, text: str) -> None:
    """Focus the one-line field `key`, clear it (ctrl+u) and type `text`."""
    form.query_one(f"#f-{key}", Input).focus()
    await pilot.press("ctrl+u")
    await type_text(pilot, text)


def new_event_form(root: Path, saved: list[Any]) -> EventForm:
    """A new meeting's form that saves into `root`, noting each save in `saved`."""

    def save(data: dict[str, Any]) -> Path:
        saved.append(data)
        return storage.create_event(root, data)

    target = FormTarget(root, "event:new", "Ny träff", save)
    return EventForm(target, formvalues.event_values(None))


def event_choices(root: Path) -> list[tuple[str, str]]:
    """The events an article in `root` can belong to, as the form lists them."""
    return [(e.slug, e.title) for e in load(root).events]


def new_article_form(root: Path) -> ArticleForm:
    """A new article's form (published 2024-06-01) that saves into `root`."""

    def save(result: tuple[dict[str, Any], str]) -> Path:
        return storage.create_article(root, *result)

    target = FormTarget(root, "article:new", "Ny artikel", save)
    values = formvalues.article_values(None, "", dt.date(2024, 6, 1))
    return ArticleForm(target, values, events=event_choices(root))


def qa_form(root: Path, got: list[Any], values: dict[str, str] | None = None) -> QAForm:
    """A new Q&A entry's form that notes each save in `got` and writes nothing."""

    def save(result: tuple[str, str]) -> Path:
        got.append(result)
        return root / "x.md"

    target = FormTarget(root, "qa:x.md:new", "Ny fråga", save)
    return QAForm(target, values or {"question": "", "answer": ""})
