"""Files added, changed or removed by others show in the app without a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from appdriver import EVENT_2019, main_screen, settle, show_event, shown_text
from textual.pilot import Pilot
from textual.widgets.tree import TreeNode

from bftui.settings import Settings
from bftui.tui.app import BftuiApp
from bftui.tui.widgets import sidebar
from bftui.tui.widgets.sidebar import Entry, YearGroup

NEW_ARTICLE = '+++\ntitle = "Nytt från Umeå"\nkind = "news"\npublished = 2025-02-03\n+++\n\nText.\n'


async def wait_for(pilot: Pilot[int], condition, seconds: float = 5.0) -> None:
    """Wait (handling messages) until `condition()` holds, or fail after `seconds`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "the app did not catch up in time"
        await pilot.pause(0.05)


async def test_added_changed_and_removed_files_show_without_restart(
    library_path: Path,
) -> None:
    app = BftuiApp(library_path, Settings(watch="poll"))
    async with app.run_test(size=(80, 24)) as pilot:
        event = await show_event(pilot, EVENT_2019)
        screen = main_screen(pilot)
        cursor_before = screen.library_tree.current

        (library_path / "nytt.md").write_text(NEW_ARTICLE, encoding="utf-8")
        await wait_for(pilot, lambda: screen.library.article("nytt") is not None)
        await settle(pilot)
        assert "Nytt från Umeå" in [i.title for i in screen.library_tree.shown_items]
        assert screen.library_tree.current == cursor_before

        text = event.path.read_text(encoding="utf-8")
        event.path.write_text(text.replace("över 200", "över 250"), encoding="utf-8")
        await wait_for(pilot, lambda: "över 250" in shown_text(pilot))

        event.path.unlink()
        await wait_for(pilot, lambda: screen.library.event(event.slug) is None)
        # `notify` posts a message: the notice lands on the app's next turn.
        await wait_for(
            pilot,
            lambda: any(
                "har tagits bort" in str(n.message) for n in app._notifications
            ),
        )
        assert "över 250" in shown_text(pilot)


async def test_a_reload_keeps_the_years_opened_and_the_cursor_row(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sidebar, "EAGER_LIMIT", 1)  # Only the newest years open.
    app = BftuiApp(library_path, Settings(watch="poll"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        tree = screen.library_tree

        def event_year(year: int) -> TreeNode[Entry]:
            events = tree.root.children[1]
            return next(
                n
                for n in events.children
                if isinstance(n.data, YearGroup) and n.data.year == year
            )

        assert not event_year(2019).is_expanded
        event_year(2019).expand()
        tree.move_cursor(event_year(2019))
        await pilot.pause()

        (library_path / "nytt.md").write_text(NEW_ARTICLE, encoding="utf-8")
        await wait_for(pilot, lambda: screen.library.article("nytt") is not None)
        await settle(pilot)

        assert event_year(2019).is_expanded
        assert tree.cursor_node is event_year(2019)
