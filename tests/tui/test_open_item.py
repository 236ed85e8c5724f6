"""The app started on an item (`bftui SLUG`, `bftui FILE`) shows it once the library is read."""

from __future__ import annotations

from pathlib import Path

from appdriver import main_screen, settle

from bftui.tui.app import BftuiApp
from bftui.tui.widgets.document import DocumentView


async def test_the_app_opens_on_the_item_it_was_given(library_path: Path) -> None:
    event = library_path.resolve() / "events" / "2020-natverkstraff-stockholm.toml"
    app = BftuiApp(library_path.resolve(), open_item=event)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.current is not None and screen.current.path == event
        assert isinstance(app.focused, DocumentView)
