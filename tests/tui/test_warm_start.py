"""A warm start paints the sidebar from the cached outline before the library is read."""

from __future__ import annotations

import threading
from pathlib import Path

from appdriver import (  # type: ignore[import-not-found]
    cache_index,
    main_screen,
    settle,
    shown_text,
)

from bftui.core.library.loading import load
from bftui.tui.app import BftuiApp
from bftui.tui.screens.event_form import EventForm
from bftui.tui.widgets.sidebar import FIRST_ROWS, Stub


async def test_the_outline_shows_and_a_chosen_row_opens_once_read(
    warm_app: BftuiApp, library_path: Path, held_load: threading.Event
) -> None:
    article = load(library_path).articles[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(pilot)
        tree = screen.library_tree
        assert screen.library is None
        groups = [node.label.plain for node in tree.root.children]
        assert groups[:2] == ["Artiklar (1)", "Evenemang (2)"]
        assert tree.current == Stub(article.path, article.title)

        await pilot.press("enter")
        held_load.set()
        await settle(pilot)

        assert screen.current == article
        assert "Anita Svantesson" in shown_text(pilot)
        assert tree.current == article


async def test_the_cursor_moved_in_the_outline_stays_on_its_item(
    warm_app: BftuiApp, library_path: Path, held_load: threading.Event
) -> None:
    newest_event = load(library_path).events[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = main_screen(pilot).library_tree
        await pilot.press("down", "down", "down")
        assert tree.current == Stub(newest_event.path, newest_event.title)

        held_load.set()
        await settle(pilot)

        assert tree.current == newest_event


async def test_keys_typed_at_once_move_from_the_first_row(
    warm_app: BftuiApp, library_path: Path, held_load: threading.Event
) -> None:
    newest_event = load(library_path).events[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter")
        held_load.set()
        await settle(pilot)

        assert main_screen(pilot).current == newest_event


async def test_a_form_asked_for_while_reading_opens_once_read(
    warm_app: BftuiApp, held_load: threading.Event
) -> None:
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "n")
        assert warm_app.screen is main_screen(pilot)

        held_load.set()
        await settle(pilot)

        assert isinstance(warm_app.screen, EventForm)
        assert len(warm_app.screen_stack) == 2  # Pressed twice, opened once.


async def test_a_start_row_nobody_chose_moves_to_the_new_first_item(
    warm_app: BftuiApp, library_path: Path, held_load: threading.Event
) -> None:
    (library_path / "nyast.md").write_text(
        '+++\ntitle = "Nyast av allt"\nkind = "news"\npublished = 2030-01-01\n+++\n'
        "\nText.\n",
        encoding="utf-8",
    )
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = main_screen(pilot).library_tree
        assert isinstance(tree.current, Stub)
        assert tree.current.title != "Nyast av allt"  # The outline is a start old.

        held_load.set()
        await settle(pilot)

        assert tree.current == load(library_path).articles[0]
        assert tree.current.title == "Nyast av allt"


async def test_the_whole_outline_is_shown_before_the_library_is_read(
    library_path: Path, held_load: threading.Event
) -> None:
    for number in range(FIRST_ROWS + 50):
        (library_path / f"nyhet-{number}.md").write_text(
            f'+++\ntitle = "Nyhet {number:03d}"\nkind = "news"\n'
            f"published = 2030-01-01\n+++\n\nText.\n",
            encoding="utf-8",
        )
    cache_index(library_path)
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main_screen(pilot)
        assert screen.library is None
        newest = screen.library_tree.root.children[0].children[0]
        assert len(newest.children) == FIRST_ROWS + 50
        held_load.set()
        await settle(pilot)


def test_the_benchmark_skeleton_lays_out_the_rows_a_warm_start_does() -> None:
    """The README compares bftui's first paint with the skeleton's: like for like."""
    from bftui.bench import skeleton

    assert skeleton.OPEN_ROWS == FIRST_ROWS
