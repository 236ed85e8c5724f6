"""SVG snapshots of the main screens at 80x24 (review changes with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import main_screen, open_item, settle  # type: ignore[import-not-found]
from textual.pilot import Pilot

from bftui.tui.app import BftuiApp

SIZE = (80, 24)


@pytest.fixture
def snapshot_app(library_path: Path, monkeypatch: pytest.MonkeyPatch) -> BftuiApp:
    """The app over the sample, with the header's path the same on every machine."""
    monkeypatch.setenv("HOME", str(library_path.parent))
    return BftuiApp(library_path)


async def _open(pilot: Pilot[int], slug: str) -> None:
    await settle(pilot)
    library = main_screen(pilot).library
    assert library is not None
    item = library.article(slug) or library.event(slug)
    if slug == "interview":
        item = next(a for a in library.articles if a.kind == "interview")
    assert item is not None
    await open_item(pilot, item)


def test_interview(snap_compare, snapshot_app: BftuiApp) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _open(pilot, "interview")

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=run_before)


def test_event_without_sidebar(snap_compare, snapshot_app: BftuiApp) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _open(pilot, "2019-natverkstraff-malmo")
        await pilot.press("b")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, snapshot_app: BftuiApp) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=run_before)


def test_problems_screen(
    snap_compare, snapshot_app: BftuiApp, library_path: Path
) -> None:
    (library_path / "trasig.md").write_text("+++\ntitle = \n+++\n", encoding="utf-8")

    async def run_before(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=SIZE, run_before=run_before)
