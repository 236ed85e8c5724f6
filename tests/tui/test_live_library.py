"""Files added, changed or removed by others show in the app without a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

from appdriver import main_screen, open_item, settle, shown_text
from textual.pilot import Pilot

from bftui.settings import Settings
from bftui.tui.app import BftuiApp

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
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        event = screen.library.event("2019-natverkstraff-malmo")
        assert event is not None
        await open_item(pilot, event)
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
