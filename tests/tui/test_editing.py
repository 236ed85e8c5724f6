"""Editing from the main screen by keyboard alone: a new meeting and a new Q&A entry."""

from __future__ import annotations

import tomllib
from pathlib import Path

from appdriver import main_screen, open_item, settle, show_event, shown_text
from formhost import type_text

from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.tui.app import BftuiApp
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.qa_form import QAForm
from bftui.tui.screens.qa_list import QAListScreen


async def test_new_meeting_and_entry_by_keyboard(
    app: BftuiApp, library_path: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        await type_text(pilot, "Studiebesok i Oslo")
        await pilot.press("tab", "tab")
        await type_text(pilot, "2025")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        path = library_path / "events" / "2025-studiebesok-i-oslo.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data == {
            "title": "Studiebesok i Oslo",
            "kind": "network-meeting",
            "year": 2025,
        }
        assert screen.current is not None and screen.current.path == path
        assert "Studiebesok i Oslo" in shown_text(pilot)

        assert screen.library is not None
        article = screen.library.articles[0]
        before = article.path.read_text(encoding="utf-8")
        await open_item(pilot, article)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, QAForm)
        await type_text(pilot, "Vad hande sen?")
        await pilot.press("tab")
        await type_text(pilot, "Mycket.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        await pilot.press("shift+up")  # the new, last entry becomes the third
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        after = article.path.read_text(encoding="utf-8")
        body = frontmatter.split(after).body
        questions = [entry.question for entry in find_entries(body)]
        assert questions[2:] == [
            "Vad hande sen?",
            "Vad skulle du önska dig av 2020 års nätverksträff?",
        ]
        assert frontmatter.split(after).front == frontmatter.split(before).front
        assert "Vad hande sen?" in shown_text(pilot)


async def test_delete_asks_and_moves_to_trash(
    app: BftuiApp, library_path: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        event = await show_event(pilot)
        screen = main_screen(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert not event.path.exists()
        assert list((library_path / ".trash").rglob(event.path.name))
        assert screen.library is not None and screen.library.event(event.slug) is None
