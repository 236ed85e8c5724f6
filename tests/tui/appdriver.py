"""Drive the app in tests: wait for workers, find the main screen, read the reader, open a form.

A module of its own (not conftest), so that tests import it by a unique name.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from bftui.core.index.build import Index
from bftui.core.items.model import Article, Event, Item
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.main import MainScreen
from bftui.tui.widgets.sidebar import Stub


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker has finished and its messages are handled.

    An exclusive worker that a newer one replaced ends cancelled, which is no
    failure here (it shows when the machine is busy): the wait goes on.
    """
    for _ in range(3):
        for _attempt in range(10):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause()
        await pilot.pause()


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], what: str, *, limit: float = 20
) -> None:
    """Let the app run until `condition()` is true; fail saying `what` if it never is.

    `limit` only keeps a broken app from hanging the suite: it is no claim about
    speed (that is the benchmark's), so it is generous for a loaded machine.
    """
    given_up = time.monotonic() + limit
    while not condition():
        if time.monotonic() > given_up:
            raise AssertionError(f"never happened: {what}")
        await pilot.pause(0.02)


HOLD_SECONDS = 30
"""A step a test holds goes on by itself after this long: a failing test never hangs."""


def cache_index(root: Path) -> None:
    """Build and cache the index of `root` (and its outline), as a closed app leaves it."""
    index = Index.open(root)
    index.sync()
    index.library()
    index.close()


def main_screen(pilot: Pilot[Any]) -> MainScreen:
    """Return the app's main screen."""
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


async def outline_listed(pilot: Pilot[Any]) -> MainScreen:
    """Wait until the sidebar lists titles not read yet (the outline); return the main screen."""
    screen = main_screen(pilot)
    await wait_for(
        pilot, lambda: isinstance(screen.library_tree.current, Stub), "the outline"
    )
    return screen


def shown_text(pilot: Pilot[int]) -> str:
    """Return the whole rendered text of the document in the reader."""
    return "\n".join(line.text for line in main_screen(pilot).document.rendered.lines)


async def open_item(pilot: Pilot[int], item: Item) -> None:
    """Put the sidebar cursor on `item`, press Enter and wait for the reader."""
    screen = main_screen(pilot)
    screen.library_tree.focus()
    assert screen.library_tree.show_item(item)
    await pilot.press("enter")
    await settle(pilot)


EVENT_2019 = "2019-natverkstraff-malmo"
"""The sample library's 2019 network meeting in Malmö, which many tests edit."""


def notices(pilot: Pilot[int]) -> list[str]:
    """Return the messages of the notifications the app has shown."""
    return [str(n.message) for n in pilot.app._notifications]


async def show_event(pilot: Pilot[int], slug: str | None = None) -> Event:
    """Wait for the library, show the event `slug` (or the first) and return it."""
    await settle(pilot)
    library = main_screen(pilot).library
    assert library is not None
    event = library.event(slug) if slug else library.events[0]
    assert event is not None
    await open_item(pilot, event)
    return event


async def show_article(pilot: Pilot[int]) -> Article:
    """Wait for the library, show its first article and return it."""
    await settle(pilot)
    library = main_screen(pilot).library
    assert library is not None
    article = library.articles[0]
    await open_item(pilot, article)
    return article


async def open_form(
    pilot: Pilot[int], slug: str | None
) -> tuple[EventForm | ArticleForm, Path]:
    """Show the event `slug` (or the first article, for None), press E; return its form."""
    item = await (show_event(pilot, slug) if slug else show_article(pilot))
    await pilot.press("E")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, EventForm | ArticleForm)
    return form, item.path


async def open_event_form(pilot: Pilot[int]) -> tuple[EventForm, Path]:
    """Show the 2019 meeting and open it in its form (E)."""
    form, path = await open_form(pilot, EVENT_2019)
    assert isinstance(form, EventForm)
    return form, path


@asynccontextmanager
async def eager_tasks() -> AsyncIterator[None]:
    """Run new tasks eagerly where Python can (3.12+), as Textual's `App.run` does.

    `App.run_test` does not: in it a screen pushed builds its widgets later
    than in a real terminal, after its style sheet is read.
    """
    loop = asyncio.get_running_loop()
    loop.set_task_factory(getattr(asyncio, "eager_task_factory", None))
    try:
        yield
    finally:
        loop.set_task_factory(None)


def restyled_nodes(app: Any, monkeypatch: Any) -> list[DOMNode]:
    """Return the list to which each node Textual styles again (with its children) is added."""
    restyled: list[DOMNode] = []
    update_styles = app.update_styles

    def recorded(node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        update_styles(node, animate)

    monkeypatch.setattr(app, "update_styles", recorded)
    return restyled
