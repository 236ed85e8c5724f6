"""Benchmark the app headless (Textual's test driver): start, open items, search screen.

Times here leave out the terminal, so they show the app's own work. They read
the main screen's state (`library`, `open_item`, the reader's rendered lines),
so they follow the app as it is built; a figure the app cannot give yet is
reported as missing rather than guessed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bftui.bench.generate import REPORT_END_MARK, REPORT_MARK, TYPICAL_MARK
from bftui.bench.hello import Hello
from bftui.core.items.model import Item

if TYPE_CHECKING:
    from bftui.tui.screens.search import SearchScreen

SIZE = (120, 40)
T = TypeVar("T")


async def _until(check: Callable[[], bool], timeout: float = 60.0) -> float:
    """Wait until `check()` holds; return when it did (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.002)
    return time.perf_counter()


def _text(screen: object) -> str:
    rendered = screen.document.rendered  # type: ignore[attr-defined]
    return "\n".join(line.text for line in rendered.lines)


def _shows(screen: object, mark: str) -> bool:
    """Whether the reader of `screen` shows `mark` yet."""
    return mark in _text(screen)


def _whole(screen: object, mark: str) -> bool:
    """Whether the reader of `screen` rendered all of its item, to heading `mark`."""
    rendered = screen.document.rendered  # type: ignore[attr-defined]
    return bool(rendered.complete and any(mark in h.text for h in rendered.headings))


def _searched(screen: SearchScreen, prefix: str) -> bool:
    """Whether the search screen shows the hits of `prefix`."""
    return screen._shown_for == prefix


async def hello_start() -> float:
    """Return seconds from creating the minimal app to its first screen."""
    started = time.perf_counter()
    app = Hello()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def app_run(root: Path, typical: str, report: str) -> dict[str, float]:
    """Start the app on `root`, open the typical article and the report; time each."""
    from bftui.settings import Settings
    from bftui.tui.app import BftuiApp

    figures: dict[str, float] = {}
    started = time.perf_counter()
    app = BftuiApp(root.resolve(), Settings())
    async with app.run_test(size=SIZE) as pilot:
        main = app.screen_stack[0]
        loaded = await _until(lambda: getattr(main, "library", None) is not None)
        figures["start_to_sidebar"] = loaded - started
        library = main.library  # type: ignore[attr-defined]
        items: dict[str, Item] = {item.slug: item for item in library.items()}
        await pilot.pause()
        for name, slug, first, last in (
            ("typical", typical, TYPICAL_MARK, None),
            ("report", report, REPORT_MARK, REPORT_END_MARK),
        ):
            opened = time.perf_counter()
            main.open_item(items[slug])  # type: ignore[attr-defined]
            shown = await _until(partial(_shows, main, first))
            figures[f"{name}_first_screen"] = shown - opened
            if last is not None:
                done = await _until(partial(_whole, main, last))
                figures[f"{name}_whole"] = done - opened
        figures.update(await _search_screen(app, pilot))
    return figures


async def _search_screen(app: object, pilot: object) -> dict[str, float]:
    """Type into the search screen; time each keystroke until its hits are shown."""
    from textual.widgets import Input

    from bftui.tui.screens import search

    await pilot.press("ctrl+f")  # type: ignore[attr-defined]
    screen = app.screen  # type: ignore[attr-defined]
    if not isinstance(screen, search.SearchScreen):
        return {}
    await _until(lambda: screen._index is not None and screen._ready.is_set())
    box = screen.query_one("#search-input", Input)
    times = []
    for text in ("stadsmission", "malmo", "typ:intervju göteborg"):
        for end in range(2, len(text) + 1):
            prefix = text[:end]
            started = time.perf_counter()
            box.value = prefix
            shown = await _until(partial(_searched, screen, prefix))
            times.append(shown - started)
    times.sort()
    return {"search_screen_p95": times[int(len(times) * 0.95)]}


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run one measurement in a fresh event loop."""
    return asyncio.run(coroutine)
