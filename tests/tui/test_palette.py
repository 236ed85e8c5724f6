"""The command palette speaks the UI language, and a theme chosen there is kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

from appdriver import settle
from textual.command import CommandInput, CommandPalette

from bftui.i18n import set_language
from bftui.paths import config_file
from bftui.settings import load_settings
from bftui.tui.app import BftuiApp


async def palette_titles(app: BftuiApp) -> list[str]:
    screen = app.screen_stack[0]
    return [command.title for command in app.get_system_commands(screen)]


async def test_textuals_own_entries_are_in_swedish(library_path: Path) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = await palette_titles(app)
        assert {"Tema", "Avsluta", "Tangenter", "Skärmbild"} <= set(titles)
        assert not {"Theme", "Quit", "Keys", "Screenshot"} & set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Sök efter kommandon …"


async def test_and_in_english_with_lang_en(library_path: Path) -> None:
    set_language("en")
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert {"Theme", "Quit", "Keys"} <= set(await palette_titles(app))


async def test_a_theme_chosen_in_the_palette_is_kept_for_the_next_start(
    library_path: Path,
) -> None:
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('# my settings\nlanguage = "sv"\n', encoding="utf-8")
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        start_theme = app.theme
        await pilot.press("ctrl+p")
        await pilot.press(*"Tema")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Sök efter teman …"
        await pilot.press(*"nord")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert app.theme == "nord" != start_theme
    text = config.read_text(encoding="utf-8")
    assert "# my settings" in text
    assert tomllib.loads(text)["theme"] == "nord"
    settings, problems = load_settings(config)
    assert problems == [] and settings.theme == "nord"
    again = BftuiApp(library_path, settings)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_the_start_s_own_theme_choice_is_not_written(library_path: Path) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
    assert not config_file().exists()


async def test_an_item_chosen_in_the_palette_is_read_wherever_the_focus_was(
    library_path: Path,
) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen_stack[0]
        for focus in ("#tree", "#document"):
            screen.set_focus(screen.query_one(focus))
            await pilot.press("ctrl+p", *"Malmö-teamets", "enter")
            await settle(pilot)
            assert app.screen is screen
            assert screen.current.title.startswith("Malmö-teamets")  # type: ignore[attr-defined]
            assert app.focused is screen.query_one("#document"), focus
