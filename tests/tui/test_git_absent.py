"""Without git, or in a folder that is no git work tree, the app says what it cannot do."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import main_screen, settle, wait_for  # type: ignore[import-not-found]

from bftui.tui.app import BftuiApp
from bftui.tui.widgets.title_bar import TitleBar


async def check_keys_refused(app: BftuiApp, says: str) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await wait_for(pilot, lambda: screen._share_found, "the git state")
        await pilot.press("s")
        messages = [n.message for n in app._notifications]
        assert any(says in message for message in messages)
        assert "⎇" not in str(screen.query_one(TitleBar).render())
        await pilot.press("enter", "h")  # The item's history: refused as well.
        await settle(pilot)
        assert app.screen is screen
        assert sum(says in n.message for n in app._notifications) == 2


async def test_a_folder_outside_git_says_sync_and_history_need_it(
    library_path: Path,
) -> None:
    await check_keys_refused(BftuiApp(library_path), "inte ett git-arkiv")


async def test_without_git_installed_everything_else_works(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (library_path / ".git").mkdir()  # Looks like a work tree; git is missing.
    monkeypatch.setattr("bftui.core.share.git.shutil.which", lambda _name: None)
    await check_keys_refused(BftuiApp(library_path), "git finns inte")
