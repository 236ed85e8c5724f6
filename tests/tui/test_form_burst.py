"""Keys typed as one burst (a fast typist, one SSH packet) while a form opens or changes."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

import pytest
from appdriver import settle, show_article, show_event
from formhost import HostApp, burst, keys, qa_form

from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.core.library.loading import Library
from bftui.core.store import locks
from bftui.tui.app import BftuiApp
from bftui.tui.messages import LibraryLoaded
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.main import MainScreen
from bftui.tui.screens.qa_list import QAListScreen
from bftui.tui.targets import Opened


async def test_new_meeting_typed_as_one_burst_is_saved(
    app: BftuiApp, library_path: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(
            app,
            [("n", "n"), *keys("Snabb träff"), ("tab", "\t"), ("tab", "\t")]
            + [*keys("2025"), ("ctrl+s", None)],
        )
        await settle(pilot)
    path = library_path / "events" / "2025-snabb-traff.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["title"] == "Snabb träff"
    assert data["year"] == 2025


async def test_keys_typed_right_after_e_go_to_the_form(
    app: BftuiApp, library_path: Path
) -> None:
    """`E` opens the form in a worker: keys typed meanwhile wait for it."""
    async with app.run_test(size=(80, 24)) as pilot:
        event = await show_event(pilot)
        # "a" would open a new article, "d" would delete, on the main screen.
        burst(app, [("E", "E"), ("end", None), *keys(" add"), ("ctrl+s", None)])
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    data = tomllib.loads(event.path.read_text(encoding="utf-8"))
    assert data["title"] == event.title + " add"


async def test_question_typed_right_after_i_and_a_is_saved(
    app: BftuiApp, library_path: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        article = await show_article(pilot)
        burst(
            app,
            [("i", "i"), ("A", "A"), *keys("Och sen?"), ("tab", "\t")]
            + [*keys("Det blev bra."), ("ctrl+s", None)],
        )
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
    body = frontmatter.split(article.path.read_text(encoding="utf-8")).body
    last = find_entries(body)[-1]
    assert (last.question, last.answer.strip()) == ("Och sen?", "Det blev bra.")


async def test_escape_while_a_big_form_is_read_opens_nothing(
    app: BftuiApp, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a huge event takes long: Escape typed right after `E` cancels the form."""
    reading = threading.Event()
    read = Opened.read

    def slow_read(path: Path, *, lock: bool = True) -> Opened:
        reading.wait(timeout=30)
        return read(path, lock=lock)

    async with app.run_test(size=(80, 24)) as pilot:
        event = await show_event(pilot)
        monkeypatch.setattr(Opened, "read", staticmethod(slow_read))
        burst(app, [("E", "E"), ("escape", None)])
        await pilot.pause()
        reading.set()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not locks.lock_path(event.path).exists()


async def test_text_then_escape_while_a_big_form_is_read_asks_as_typed_slowly(
    app: BftuiApp, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text typed before the Escape is the form's: Escape asks whether to drop it,
    as it does when the same keys are typed after the form has opened."""
    reading = threading.Event()
    read = Opened.read

    def slow_read(path: Path, *, lock: bool = True) -> Opened:
        reading.wait(timeout=30)
        return read(path, lock=lock)

    async with app.run_test(size=(80, 24)) as pilot:
        event = await show_event(pilot)
        monkeypatch.setattr(Opened, "read", staticmethod(slow_read))
        burst(app, [("E", "E"), *keys("abc"), ("escape", None)])
        await pilot.pause()
        reading.set()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert isinstance(app.screen_stack[-2], EventForm)
        burst(app, [("y", "y")])  # Yes, throw the text away.
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not locks.lock_path(event.path).exists()
    assert "abc" not in event.path.read_text(encoding="utf-8")


async def test_a_screen_a_worker_opens_unasked_is_shown(tmp_path: Path) -> None:
    """A draft restored from a worker: nothing waited for it, nothing cancels it."""
    app = HostApp(lambda: qa_form(tmp_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        second = qa_form(tmp_path, [])
        app.push_expected(second, app.results.append)
        await pilot.pause()
        assert app.screen is second


async def test_keys_after_a_save_wait_for_its_own_reload_not_the_watchs(
    app: BftuiApp, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder watch may deliver the library while the save's reload still runs.

    Keys typed after ctrl+s act on the item saved, as when typed slowly: `i`
    lists the questions of the new interview, not of the item shown before.
    """
    async with app.run_test(size=(80, 24)) as pilot:
        await show_event(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        read = MainScreen.read_library

        def watched_first(screen: MainScreen) -> Library:
            """The save's reload; the watch delivers the same library before it."""
            library = read(screen)
            app.call_from_thread(screen.on_library_loaded, LibraryLoaded(library))
            while app.call_from_thread(lambda: screen.keys_ready and app.keys_pending):
                threading.Event().wait(0.01)  # The keys that went on land.
            return library

        monkeypatch.setattr(MainScreen, "read_library", watched_first)
        burst(
            app,
            [("a", "a"), ("tab", "\t"), *keys("Samtal med Ada")]
            + [("tab", "\t")] * 6
            + [*keys("Ada Berg"), ("ctrl+s", None)]  # her name
            + [("i", "i"), ("A", "A"), *keys("Hur?"), ("tab", "\t")]
            + [*keys("Bra."), ("ctrl+s", None)],
        )
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        assert app.screen.article.title == "Samtal med Ada"
    [saved] = library_path.glob("*-samtal-med-ada.md")
    entries = find_entries(frontmatter.split(saved.read_text(encoding="utf-8")).body)
    assert [(e.question, e.answer.strip()) for e in entries] == [("Hur?", "Bra.")]
