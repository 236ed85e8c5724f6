"""An item opened before the library is read shows at once, and again once it is read.

The library's reading is held on an Event: what the reader shows meanwhile
comes from the item's own file; released, the text is composed again with
the library (the event's title as a link), where the reader then was.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from appdriver import (  # type: ignore[import-not-found]
    HOLD_SECONDS,
    main_screen,
    outline_listed,
    settle,
    shown_text,
    wait_for,
)
from textual.command import CommandList, CommandPalette

from bftui.core.library.loading import load
from bftui.tui.app import BftuiApp
from bftui.tui.library_feed import LibraryFeed
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.problems import ProblemsScreen
from bftui.tui.widgets.document import DocumentView
from bftui.tui.widgets.sidebar import Stub

EVENT_FILE = "events/2019-natverkstraff-malmo.toml"
"""The sample article's event: linked once the library is read."""


@pytest.fixture
def held_compose(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event]:
    """Hold the composing of an item's text: the first event is set once it has
    started, the second lets it go on."""
    from bftui.core.library import compose as composing

    composed, release = threading.Event(), threading.Event()
    compose = composing.compose

    def held(item: object, library: object) -> str:
        composed.set()
        release.wait(HOLD_SECONDS)
        return compose(item, library)  # type: ignore[arg-type]

    monkeypatch.setattr(composing, "compose", held)
    return composed, release


def event_linked(pilot: object) -> bool:
    """Whether the reader links the article's event (it can once the library is read)."""
    links = main_screen(pilot).document.rendered.links  # type: ignore[arg-type]
    return any(link.href.endswith(EVENT_FILE) for link in links)


async def test_enter_on_a_listed_item_shows_its_text_before_the_library_is_read(
    warm_app: BftuiApp, warm_library: Path, held_load: threading.Event
) -> None:
    article = load(warm_library).articles[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        assert screen.library_tree.current == Stub(article.path, article.title)

        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (
                "Anita Svantesson" in shown_text(pilot)
                and screen.document.rendered.complete
            ),
            "the article's text",
        )
        assert screen.library is None
        assert screen.current == article
        assert isinstance(warm_app.focused, DocumentView)
        assert not event_linked(pilot)  # The event is named, not yet linked.
        await pilot.press("down", "down", "down")
        assert screen.document.top_line == 3

        held_load.set()
        await settle(pilot)

        assert screen.library is not None
        assert event_linked(pilot)
        assert screen.current is screen.library.articles[0]
        assert screen.document.top_line == 3
        assert isinstance(warm_app.focused, DocumentView)
        assert screen.library_tree.current == screen.current


async def test_a_cold_start_shows_a_listed_item_while_the_index_is_built(
    library_path: Path, held_build: threading.Event
) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "Anita Svantesson" in shown_text(pilot), "article text"
        )
        assert screen.library is None

        held_build.set()
        await settle(pilot)
        assert screen.library is not None
        assert event_linked(pilot)


async def test_an_item_named_on_the_command_line_shows_before_the_library_is_read(
    warm_library: Path, held_load: threading.Event
) -> None:
    article = load(warm_library).articles[0]
    app = BftuiApp(warm_library, open_item=article.path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await wait_for(
            pilot, lambda: "Anita Svantesson" in shown_text(pilot), "article text"
        )
        assert screen.library is None
        assert isinstance(app.focused, DocumentView)

        held_load.set()
        await settle(pilot)
        assert event_linked(pilot)
        assert isinstance(app.focused, DocumentView)


async def test_the_palette_opened_during_the_start_lists_the_items_once_read(
    warm_app: BftuiApp, warm_library: Path, held_load: threading.Event
) -> None:
    article = load(warm_library).articles[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"teamets")
        palette = warm_app.screen
        assert isinstance(palette, CommandPalette)
        assert main_screen(pilot).library is None

        held_load.set()
        hits = palette.query_one(CommandList)
        await wait_for(pilot, lambda: hits.option_count > 0, "a hit")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert main_screen(pilot).current == article


async def test_the_form_asked_for_an_item_shown_early_opens_once_read(
    warm_app: BftuiApp, held_load: threading.Event
) -> None:
    async with warm_app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.current is not None, "the article")
        await pilot.press("E")
        assert warm_app.screen is screen

        held_load.set()
        await settle(pilot)
        assert isinstance(warm_app.screen, ArticleForm)


async def test_the_library_is_read_once_the_item_named_at_the_start_is_shown(
    warm_library: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_compose: tuple[threading.Event, threading.Event],
) -> None:
    """Its text first: reading the library at the same time would hold it back."""

    article = load(warm_library).articles[0]
    app = BftuiApp(warm_library, open_item=article.path)
    composed, release = held_compose
    reads: list[str] = []
    load_library = LibraryFeed.load

    def recording(feed: LibraryFeed, progress: object, pause: object) -> None:
        reads.append(app.call_from_thread(main_screen_markdown, app))
        load_library(feed, progress, pause)  # type: ignore[arg-type]

    monkeypatch.setattr(LibraryFeed, "load", recording)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, composed.is_set, "the item composed")
        for _ in range(5):  # Past the first paint, when the library is read otherwise.
            await pilot.pause()
        assert reads == []

        release.set()
        await wait_for(pilot, lambda: reads, "the library read")
        await settle(pilot)
        assert "Anita Svantesson" in reads[0]
        assert event_linked(pilot)


def main_screen_markdown(app: BftuiApp) -> str:
    """The Markdown the reader of `app`'s main screen shows."""
    return app.screen_stack[0].query_one(DocumentView).markdown


async def library_waits_for_the_text(
    pilot: Any, reading: threading.Event, composed: threading.Event
) -> Any:
    """Enter on the first listed title, then let the library's reading go on:
    it must wait for that text (composed, held). Returns the main screen."""
    screen = await outline_listed(pilot)
    await pilot.press("enter")
    await wait_for(pilot, composed.is_set, "the item composed")
    reading.set()
    for _ in range(5):
        await pilot.pause()
    assert screen.library is None
    return screen


async def test_the_index_build_waits_for_an_item_chosen_during_it(
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    held_build: threading.Event,
    held_compose: tuple[threading.Event, threading.Event],
) -> None:
    """A cold start: the build pauses between batches until the chosen text is shown."""
    from bftui.tui.screens import main

    monkeypatch.setattr(main, "READ_AFTER_OPEN", 30.0)
    composed, release = held_compose
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await library_waits_for_the_text(pilot, held_build, composed)
        release.set()
        await wait_for(pilot, lambda: screen.library is not None, "the library")
        await settle(pilot)
        assert "Anita Svantesson" in shown_text(pilot)
        assert event_linked(pilot)


async def test_the_cached_library_waits_for_an_item_chosen_meanwhile(
    warm_app: BftuiApp,
    monkeypatch: pytest.MonkeyPatch,
    held_load: threading.Event,
    held_compose: tuple[threading.Event, threading.Event],
) -> None:
    """A warm start: assembling the cached items pauses until the chosen text is shown.

    Ten thousand of them hold the interpreter for a second, and the text
    chosen meanwhile rendered at half its speed.
    """
    from bftui.core.index import build
    from bftui.tui.screens import main

    monkeypatch.setattr(main, "READ_AFTER_OPEN", 30.0)
    monkeypatch.setattr(build, "PAUSE_EVERY", 1)
    composed, release = held_compose
    async with warm_app.run_test(size=(80, 24)) as pilot:
        screen = await library_waits_for_the_text(pilot, held_load, composed)
        release.set()
        await wait_for(pilot, lambda: screen.library is not None, "the library")
        await settle(pilot)
        assert event_linked(pilot)


async def test_keys_on_a_title_chosen_before_the_library_is_read_act_on_it_once_read(
    warm_app: BftuiApp, warm_library: Path, held_load: threading.Event
) -> None:
    """`d` after moving onto a listed title waits for the library, then asks; `y` deletes."""
    article = load(warm_library).articles[0]
    async with warm_app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        await pilot.press("down", "up", "d", "y")
        assert screen.library is None
        assert article.path.exists()

        held_load.set()
        await settle(pilot)
        assert warm_app.screen is screen
        assert not article.path.exists()
        trashed = list((warm_library / ".trash").rglob(article.path.name))
        assert len(trashed) == 1


async def test_the_problems_asked_for_before_the_library_is_read_open_once_read(
    warm_app: BftuiApp, held_load: threading.Event
) -> None:
    async with warm_app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        await pilot.press("p")
        assert warm_app.screen is screen

        held_load.set()
        await settle(pilot)
        assert isinstance(warm_app.screen, ProblemsScreen)
