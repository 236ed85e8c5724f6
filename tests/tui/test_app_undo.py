"""ctrl+z takes back this session's last save, delete or Q&A move; the trash view restores."""

from __future__ import annotations

import tomllib
from pathlib import Path

from appdriver import (
    main_screen,
    notices,
    open_event_form,
    open_item,
    settle,
    show_event,
)
from formhost import burst, typed
from textual.pilot import Pilot
from textual.widgets import Input

from bftui.core.items.model import Event
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.tui.app import BftuiApp
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.qa_list import QAListScreen
from bftui.tui.screens.trash import TrashScreen


async def save_city(pilot: Pilot[int], city: str) -> Path:
    """Open the 2019 meeting in its form, set its city and save."""
    form, path = await open_event_form(pilot)
    form.query_one("#f-city", Input).value = city
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, EventForm)
    return path


async def delete_shown_event(pilot: Pilot[int]) -> Event:
    """Show the first event and delete it (d, y); return it."""
    event = await show_event(pilot)
    await pilot.press("d", "y")
    await settle(pilot)
    assert not event.path.exists()
    return event


def city(path: Path) -> str:
    return str(tomllib.loads(path.read_text(encoding="utf-8"))["city"])


async def test_ctrl_z_with_nothing_done_says_so(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Inget att ångra" in notice for notice in notices(pilot))


async def test_ctrl_z_takes_a_save_back(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        path = await save_city(pilot, "Lund")
        assert city(path) == "Lund"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert city(path) == "Malmö"
        assert any("Ångrat" in notice for notice in notices(pilot))


async def test_undo_of_a_save_changed_since_in_the_same_field_asks(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        path = await save_city(pilot, "Lund")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"Lund"', '"Göteborg"'), encoding="utf-8")
        await pilot.press("ctrl+z")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        assert not dialog.can_reload and not dialog.can_save_new
        await pilot.press("down", "enter", "ctrl+s")  # keep theirs: Göteborg
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen)
        assert city(path) == "Göteborg"
        assert main_screen(pilot).undo_log is not None
        assert main_screen(pilot).undo_log.steps == []  # that undo is done


async def test_ctrl_z_brings_a_deleted_item_back(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        event = screen.library.events[0]
        text = event.path.read_text(encoding="utf-8")
        await open_item(pilot, event)
        await pilot.press("d", "y")
        await settle(pilot)
        assert not event.path.exists()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert event.path.read_text(encoding="utf-8") == text
        assert screen.library is not None and screen.library.event(event.slug)


async def test_ctrl_z_takes_a_qa_move_back(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        article = screen.library.articles[0]

        def questions() -> list[str]:
            body = frontmatter.split(article.path.read_text(encoding="utf-8")).body
            return [entry.question for entry in find_entries(body)]

        before = questions()
        await open_item(pilot, article)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        await pilot.press("shift+down")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert questions() == [before[1], before[0], *before[2:]]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert questions() == before


async def test_the_trash_view_restores_a_deleted_item(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        event = await delete_shown_event(pilot)
        screen = main_screen(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TrashScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert event.path.exists()
        assert screen.current is not None and screen.current.path == event.path


async def test_undo_and_the_trash_are_in_the_palette(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = {
            command.title: command
            for command in app.get_system_commands(main_screen(pilot))
        }
        assert "Ångra" in commands
        commands["Papperskorgen"].callback()
        await settle(pilot)
        assert isinstance(app.screen, TrashScreen)


async def brought_back_by(
    pilot: Pilot[int], sequence: list[tuple[str, str | None]]
) -> Event:
    """Delete the shown event, type `sequence` as one packet; the event is back and shown."""
    event = await delete_shown_event(pilot)
    burst(pilot.app, sequence)
    await typed(pilot)
    await settle(pilot)
    assert event.path.exists()
    current = main_screen(pilot).current
    assert current is not None and current.path == event.path
    return event


async def test_keys_typed_right_after_ctrl_z_act_on_what_it_brought_back(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        event = await brought_back_by(pilot, [("ctrl+z", None), ("d", "d")])
        assert isinstance(app.screen, ConfirmScreen)  # d asks about it
        await pilot.press("y")
        await settle(pilot)
        assert not event.path.exists()


async def test_keys_typed_right_after_the_trash_act_on_the_item_restored(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await brought_back_by(pilot, [("T", "T"), ("enter", "\r"), ("d", "d")])
        assert isinstance(app.screen, ConfirmScreen)  # d asks about it
