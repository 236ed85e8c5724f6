"""Make the README's pictures from the app itself: `.venv/bin/python tools/screenshots.py`.

Runs the app headless on a copy of the sample library, at 80x24 and at
120x34, presses the keys a person would, and saves each screen as SVG in
docs/images/ (and as PNG beside it when `rsvg-convert` is installed, for a
quick look). The library is a copy of the sample at ~/bostadforst in a
temporary home, so the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from bftui.paths import bundled_library
from bftui.tui.app import BftuiApp
from bftui.tui.screens.main import MainScreen

IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"

Scene = Callable[[Pilot[int]], Awaitable[None]]


async def settle(pilot: Pilot[int]) -> None:
    """Wait until the app's workers are done and the screen is drawn."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def reader(pilot: Pilot[int]) -> None:
    """The interview in the reader, scrolled to its questions."""
    await settle(pilot)
    screen = pilot.app.screen_stack[0]
    assert isinstance(screen, MainScreen) and screen.library is not None
    interview = next(a for a in screen.library.articles if a.kind == "interview")
    screen.open_item(interview)
    await settle(pilot)
    await pilot.press("tab")
    await settle(pilot)


async def new_meeting(pilot: Pilot[int]) -> None:
    """The new-meeting form, partly filled in."""
    await reader(pilot)
    await pilot.press("n")
    await settle(pilot)
    await pilot.press(*"Nätverksträff i Umeå 2026", "tab", "tab", *"2026")
    await settle(pilot)


async def search(pilot: Pilot[int]) -> None:
    """Search results for a word found in several items."""
    await settle(pilot)
    await pilot.press("ctrl+f")
    await settle(pilot)
    await pilot.press(*"malmö")
    await settle(pilot)


SCENES: dict[str, tuple[Scene, tuple[int, int]]] = {
    "reader-80x24": (reader, (80, 24)),
    "reader-120x34": (reader, (120, 34)),
    "form-80x24": (new_meeting, (80, 24)),
    "search-120x34": (search, (120, 34)),
}


async def shoot(library: Path, name: str, scene: Scene, size: tuple[int, int]) -> Path:
    """Run `scene` on the app at `size` and save the screen as docs/images/NAME.svg."""
    app = BftuiApp(library)
    async with app.run_test(size=size) as pilot:
        await scene(pilot)
        return Path(app.save_screenshot(f"{name}.svg", str(IMAGES)))


def main() -> int:
    """Make every picture; return the exit status."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        # A writable copy, so the forms open, in a home of its own.
        os.environ["HOME"] = folder
        library = Path(folder) / "bostadforst"
        shutil.copytree(bundled_library(), library)
        for name, (scene, size) in SCENES.items():
            svg = asyncio.run(shoot(library, name, scene, size))
            print(svg)
            if shutil.which("rsvg-convert"):
                png = svg.with_suffix(".png")
                subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
