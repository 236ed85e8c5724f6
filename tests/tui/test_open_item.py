"""The app started on an item (`bftui SLUG`, `bftui FILE`) shows it once the library is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import main_screen, settle

from bftui.i18n import set_language
from bftui.paths import bundled_library
from bftui.tui.app import BftuiApp
from bftui.tui.screens.main import display_path
from bftui.tui.widgets.document import DocumentView


async def test_the_app_opens_on_the_item_it_was_given(library_path: Path) -> None:
    event = library_path.resolve() / "events" / "2020-natverkstraff-stockholm.toml"
    app = BftuiApp(library_path.resolve(), open_item=event)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.current is not None and screen.current.path == event
        assert isinstance(app.focused, DocumentView)


def test_the_header_names_the_sample_and_shortens_the_home_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert display_path(bundled_library()) == "Exempelbiblioteket"
    assert display_path(bundled_library() / "events") == "Exempelbiblioteket"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert display_path(tmp_path / "bibliotek" / "malmo") == "~/bibliotek/malmo"
    assert display_path(tmp_path) == "~"
    assert display_path(Path("/srv/bostadforst")) == "/srv/bostadforst"
    set_language("en")
    assert display_path(bundled_library()) == "The sample library"


async def test_the_sample_shows_its_name_in_the_title_bar() -> None:
    app = BftuiApp(bundled_library().resolve())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert main_screen(pilot).sub_title == "Exempelbiblioteket"
