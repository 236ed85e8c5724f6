"""What keeps the first paint quick: the held collector, styles loaded late, one layout per batch of rows."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from appdriver import settle  # type: ignore[import-not-found]
from rich.text import Text
from textual.widgets import Input, Tree

from bftui import cli
from bftui.core.index.outline import Outline, YearOutline
from bftui.tui.app import BftuiApp
from bftui.tui.heap import hold_collector
from bftui.tui.screens.event_form import EventForm
from bftui.tui.widgets.sidebar import LibraryTree, YearGroup
from bftui.tui.widgets.title_bar import TitleBar


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Turn the collector back on whatever the test left it as."""
    yield
    gc.enable()


def test_the_collector_is_held_while_the_app_starts(
    library_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    seen: list[bool] = []

    def run_app(root: Path, settings: object, **_: object) -> int:
        seen.append(gc.isenabled())
        return 0

    fake = types.ModuleType("bftui.tui.app")
    fake.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bftui.tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    assert cli.main([str(library_path)]) == 0
    assert seen == [False]


async def test_the_collector_runs_again_after_the_first_paint(
    app: BftuiApp, collector_restored: None
) -> None:
    hold_collector()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.isenabled()


async def test_form_styles_load_with_the_first_form(app: BftuiApp) -> None:
    def form_styles_loaded() -> bool:
        return any("forms.tcss" in str(source) for source in app.stylesheet.source)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not form_styles_loaded()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        assert form_styles_loaded()
        dialog = app.screen.query_one(".form-dialog")
        assert dialog.styles.border_top[0] != ""


@pytest.fixture
def invalidations(monkeypatch: pytest.MonkeyPatch) -> list[Tree[object]]:
    """Count the times Textual's Tree forgets its laid-out rows."""
    seen: list[Tree[object]] = []
    invalidate = Tree._invalidate

    def counted(tree: Tree[object]) -> None:
        seen.append(tree)
        invalidate(tree)

    monkeypatch.setattr(Tree, "_invalidate", counted)
    return seen


def test_a_year_of_rows_is_laid_out_once(invalidations: list[Tree[object]]) -> None:
    tree = LibraryTree()
    leaves = [(Path(f"a{number}.md"), f"Artikel {number}") for number in range(500)]
    outline = Outline("Bibliotek", [YearOutline(2025, 500, leaves)], [], 0)
    invalidations.clear()
    tree.fill_outline(outline, first_rows=500)
    assert len(invalidations) == 1
    year = tree.root.children[0].children[0]
    assert len(year.children) == 500
    assert year.is_expanded


def test_rows_past_the_first_screens_follow_the_first_paint(
    invalidations: list[Tree[object]],
) -> None:
    tree = LibraryTree()
    leaves = [(Path(f"a{number}.md"), f"Artikel {number}") for number in range(500)]
    events = [(Path(f"e{number}.toml"), f"Träff {number}") for number in range(20)]
    outline = Outline(
        "Bibliotek",
        [YearOutline(2025, 500, leaves)],
        [YearOutline(2025, 20, events)],
        0,
    )
    tree.fill_outline(outline, first_rows=100)
    articles, events_group = (group.children[0] for group in tree.root.children)
    assert [row.data.title for row in articles.children] == [
        title for _, title in leaves[:100]
    ]
    assert events_group.is_expanded and not events_group.children

    invalidations.clear()
    tree.add_outline_rest()
    assert len(invalidations) == 1
    assert [row.data.title for row in articles.children] == [t for _, t in leaves]
    assert [row.data.title for row in events_group.children] == [t for _, t in events]
    tree.add_outline_rest()
    assert len(articles.children) == 500


def test_opening_a_year_lays_out_its_rows_once(
    invalidations: list[Tree[object]],
) -> None:
    tree = LibraryTree()
    outline = Outline("Bibliotek", [YearOutline(2024, 300, None)], [], 0)
    tree.fill_outline(outline)
    year = tree.root.children[0].children[0]
    items = [
        types.SimpleNamespace(path=Path(f"a{n}.md"), title=f"Artikel {n}")
        for n in range(300)
    ]
    year.data = YearGroup(2024, items)  # type: ignore[arg-type]
    invalidations.clear()
    tree._open_year(year)
    assert len(year.children) == 300
    assert len(invalidations) <= 2  # the rows, then the year opening


def test_row_labels_are_kept_as_made_and_cut_at_a_line_break() -> None:
    tree = LibraryTree()
    label = Text("Bostad först i Malmö")
    assert tree.process_label(label) is label
    assert tree.process_label(Text("Första raden\nandra")).plain == "Första raden"
    assert tree.process_label("[b]Fet[/b] titel").plain == "Fet titel"


async def test_the_filter_and_find_bars_are_made_when_first_used(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query(Input)
        await pilot.press("slash", *"malm")
        await pilot.pause()
        filter_input = screen.query_one("#filter", Input)
        assert app.focused is filter_input
        assert filter_input.value == "malm"
        await pilot.press("escape", "tab", "f", *"bo")
        await pilot.pause()
        find = screen.query_one("#find", Input)
        assert app.focused is find
        assert find.value == "bo"


READERS = (
    "bftui.core.library.loading",
    "bftui.core.items.model",
    "bftui.core.library.reading",
    "bftui.core.index.records",
    "bftui.core.index.build",
    "bftui.core.store.drafts",
    "bftui.core.index.filtering",
    "bftui.core.library.links",
    "bftui.core.library.compose",
    "bftui.tui.rendering",
)
"""Modules the loading thread imports after the first paint."""


def test_the_app_starts_without_importing_the_readers() -> None:
    code = (
        "import sys, bftui.cli, bftui.tui.app, bftui.tui.screens.main; "
        f"print([name for name in {READERS!r} if name in sys.modules])"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "[]"


async def test_the_title_bar_follows_the_library_title(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(TitleBar)
        title, dash, where = str(bar.render()).partition(" — ")
        assert (title, dash) == ("Bostad först-nätverket (exempel)", " — ")
        assert where.endswith("library")  # the folder the library is in
        app.screen.title = "Nytt namn"
        await pilot.pause()
        assert str(bar.render()).startswith("Nytt namn — ")
