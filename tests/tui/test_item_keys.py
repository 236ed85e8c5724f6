"""The main screen's item keys: shown when they apply, explained when they do not; $EDITOR at a line; the sidebar's width."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import pytest
from appdriver import main_screen, notices, open_item, restyled_nodes, settle
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from bftui import paths
from bftui.settings import load_settings
from bftui.tui.app import BftuiApp
from bftui.tui.external_editor import editor_command
from bftui.tui.screens.problems import ProblemsScreen
from bftui.tui.screens.qa_list import QAListScreen


def footer_keys(pilot: Pilot[int]) -> list[str]:
    """Return the keys the footer shows, each with what it does, as far as they fit."""
    footer = main_screen(pilot).query_one(Footer)
    right = footer.region.right
    return [
        key.key
        for key in footer.query(FooterKey)
        if key.region.width and key.region.right <= right
    ]


async def test_footer_shows_the_item_keys_once_an_interview_is_shown(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        shown = footer_keys(pilot)
        assert not {"E", "e", "d", "i"} & set(shown)
        assert {"q", "question_mark", "n", "a"} <= set(shown)
        library = main_screen(pilot).library
        assert library is not None
        interview = next(a for a in library.articles if a.kind == "interview")
        await open_item(pilot, interview)
        assert {"E", "e", "d", "i", "q", "n", "a", "slash"} <= set(footer_keys(pilot))
        event = library.events[0]
        await open_item(pilot, event)
        shown = footer_keys(pilot)
        assert {"E", "e", "d"} <= set(shown) and "i" not in shown


async def test_footer_keys_are_built_again_only_when_they_change(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        library = main_screen(pilot).library
        assert library is not None
        first, second = library.events[:2]
        await open_item(pilot, first)
        built = list(main_screen(pilot).query(FooterKey))
        await open_item(pilot, second)  # the same keys: the same widgets
        assert list(main_screen(pilot).query(FooterKey)) == built
        interview = next(a for a in library.articles if a.kind == "interview")
        await open_item(pilot, interview)  # i too: built again
        assert "i" in footer_keys(pilot)
        assert not set(main_screen(pilot).query(FooterKey)) & set(built)


async def test_footer_keys_built_again_are_not_restyled_compact_and_back(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = restyled_nodes(app, monkeypatch)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        library = main_screen(pilot).library
        assert library is not None
        interview = next(a for a in library.articles if a.kind == "interview")
        await open_item(pilot, interview)  # new keys: built and styled on mounting
        built = set(main_screen(pilot).query(FooterKey))
        assert "i" in footer_keys(pilot)
        assert not built & set(restyled)
        assert not any(key.has_class("-compact") for key in built)
        await pilot.press("i")  # the Q&A list's footer is compact: its keys say so
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        compact = list(app.screen.query(FooterKey))
        assert compact and all(key.has_class("-compact") for key in compact)


async def test_item_keys_shown_at_80_columns_as_far_as_they_fit(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        library = main_screen(pilot).library
        assert library is not None
        await open_item(pilot, library.articles[0])
        shown = footer_keys(pilot)
        assert {"q", "question_mark", "E", "e"} <= set(shown)


@pytest.mark.parametrize("key", ["E", "e", "d", "i"])
async def test_item_keys_with_nothing_chosen_say_why(app: BftuiApp, key: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert main_screen(pilot).current is None
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is main_screen(pilot)
        assert any("Välj först" in notice for notice in notices(pilot))


async def test_i_on_an_event_says_it_needs_an_interview(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        library = main_screen(pilot).library
        assert library is not None
        await open_item(pilot, library.events[0])
        await pilot.press("i")
        await settle(pilot)
        assert any("intervju" in notice for notice in notices(pilot))


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("vi", ["vi", "+7", "f.toml"]),
        ("/usr/bin/nano -w", ["/usr/bin/nano", "-w", "+7", "f.toml"]),
        ("emacsclient -t", ["emacsclient", "-t", "+7", "f.toml"]),
        ("code --wait", ["code", "--wait", "--goto", "f.toml:7"]),
        ("hx", ["hx", "f.toml:7"]),
        ("gedit", ["gedit", "f.toml"]),
    ],
)
def test_editor_command_opens_at_the_line(command: str, expected: list[str]) -> None:
    assert editor_command(command, Path("f.toml"), 7) == expected
    assert editor_command(command, Path("f.toml"), 1)[-1] == "f.toml"


async def test_problems_view_opens_the_broken_file_at_its_line(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = library_path / "trasig.md"
    broken.write_text("+++\ntitle = \n+++\n", encoding="utf-8")
    record = tmp_path / "editor-args"
    fake = tmp_path / "bin" / "vi"  # a vi-like editor: it takes +LINE
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(fake))
    monkeypatch.delenv("VISUAL", raising=False)
    app = BftuiApp(library_path)
    app.suspend = contextlib.nullcontext  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main_screen(pilot)
    assert record.read_text(encoding="utf-8").split() == ["+2", str(broken)]


async def test_sidebar_follows_the_terminal_and_keys_change_it_for_good(
    library_path: Path,
) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        sidebar = main_screen(pilot).query_one("#sidebar")
        wide = sidebar.size.width
        assert wide > 60  # 34 columns before, whatever the terminal
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert sidebar.outer_size.width > wide
    settings, problems = load_settings(paths.config_file())
    assert problems == [] and settings.sidebar == 45
    again = BftuiApp(library_path, settings)
    async with again.run_test(size=(200, 30)) as pilot:
        await settle(pilot)
        assert main_screen(pilot).query_one("#sidebar").outer_size.width == 90
        await pilot.press("less_than_sign")
        await settle(pilot)
    assert load_settings(paths.config_file())[0].sidebar == 40
    assert os.path.getsize(paths.config_file()) < 100
