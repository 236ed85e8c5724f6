"""With no library of one's own, the app opens the sample read-only and says how to make one."""

from __future__ import annotations

from pathlib import Path

from appdriver import main_screen, open_item, settle

from bftui.paths import bundled_library
from bftui.tui.app import BftuiApp
from bftui.tui.screens.main import MainScreen


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


async def test_every_editing_key_says_the_sample_is_read_only() -> None:
    sample = bundled_library()
    before = files(sample)
    app = BftuiApp(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        interview = next(a for a in screen.library.articles if a.kind == "interview")
        await open_item(pilot, interview)
        for key in ("n", "a", "E", "e", "i", "d"):
            app.clear_notifications()
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, MainScreen), key
            messages = [n.message for n in app._notifications]
            assert any("bftui init" in m for m in messages), key
    assert files(sample) == before
