"""A cold start lists the library from the front matter while the index is built."""

from __future__ import annotations

import threading
from pathlib import Path

from appdriver import (  # type: ignore[import-not-found]
    main_screen,
    outline_listed,
    settle,
    wait_for,
)
from textual import events

from bftui.core.index.build import Index
from bftui.core.index.outline import EAGER_LIMIT
from bftui.tui.app import BftuiApp
from bftui.tui.screens.search import SearchScreen
from bftui.tui.widgets.sidebar import Stub, YearGroup


def write_news(root: Path, count: int) -> None:
    for number in range(count):
        year = 2030 + number % 3
        (root / f"nyhet-{number}.md").write_text(
            f'+++\ntitle = "Nyhet {number:03d}"\nkind = "news"\n'
            f"published = {year}-01-01\n+++\n\nText {number}.\n",
            encoding="utf-8",
        )


async def test_the_sidebar_fills_before_the_index_is_built(
    library_path: Path, held_build: threading.Event
) -> None:
    write_news(library_path, EAGER_LIMIT)  # Large: only the newest year opens.
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        tree = screen.library_tree
        await wait_for(pilot, lambda: bool(tree.root.children), "the sidebar filled")
        assert screen.library is None
        groups = [node.label.plain for node in tree.root.children]
        assert groups[:2] == [f"Artiklar ({EAGER_LIMIT + 1})", "Evenemang (2)"]
        years = tree.root.children[0].children
        assert [node.label.plain for node in years] == [
            "2032 (133)",
            "2031 (133)",
            "2030 (134)",
            "2020 (1)",
        ]
        assert years[0].is_expanded and not years[1].is_expanded
        assert isinstance(tree.current, Stub)
        assert tree.current.title == "Nyhet 002"

        # A closed year opens with its titles from the front matter.
        assert isinstance(years[2].data, YearGroup)
        years[2].expand()
        await pilot.pause()
        assert years[2].children[0].label.plain == "Nyhet 000"

        # Search says the index is being built, and finds once it is.
        await pilot.press("ctrl+f")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"nyhet")
        status = search.query_one("#search-status")
        await wait_for(
            pilot,
            lambda: "sökindex" in str(status.render()).lower(),
            "the index build in the status line",
        )

        held_build.set()
        await settle(pilot)
        assert screen.library is not None
        assert search.query_one("#search-results").option_count > 0
        assert "sökindex" not in str(status.render()).lower()


async def test_search_shows_hits_and_the_build_and_searches_again_as_it_grows(
    library_path: Path,
) -> None:
    index = Index.open(library_path)
    index.sync()
    progress: list[tuple[int, int] | None] = [(100, 5000)]
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        search = SearchScreen(library_path, index, building=lambda: progress[0])
        await app.push_screen(search)
        await pilot.press(*"malmö")
        status = search.query_one("#search-status")

        def shown() -> str:
            return str(status.render())

        await wait_for(
            pilot,
            lambda: "träff" in shown() and "100 av 5000" in shown(),
            "the first hits and their count",
        )
        progress[0] = (2500, 5000)
        await wait_for(
            pilot, lambda: search._searched_at == 2500, "a search at 2,500 files"
        )
        progress[0] = None
        await wait_for(
            pilot,
            lambda: "sökindex" not in shown().lower(),
            "the index built",
        )
        assert "träff" in shown()
    index.close()


async def test_keys_after_enter_on_a_listed_title_act_once_it_opens(
    library_path: Path, held_build: threading.Event
) -> None:
    """Enter on a title before the library is read opens it once read (and
    focuses the reader): `/` typed right after must still end in the filter."""
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await outline_listed(pilot)
        assert screen.library is None
        chosen = screen.library_tree.current
        assert isinstance(chosen, Stub)
        for key, character in (("enter", "\r"), ("slash", "/")):  # Queued at once.
            app.post_message(events.Key(key, character))
        await pilot.pause()
        held_build.set()
        await settle(pilot)
        assert screen.current is not None and screen.current.path == chosen.path
        assert app.focused is screen.filter_input
