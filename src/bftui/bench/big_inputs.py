"""Big and deep files, and how long bftui takes to load, compose and show them.

`10mb-line` is one line of 10 MB: the reader renders it in pieces, and the
app is timed until its first screen, which must come at once.

    python -m bftui.bench.big_inputs [NAME ...]

writes each file into a copy of the sample library, then times the loader,
compose, the reader's rendering and the app: the reader renders the file
while the sidebar cursor keeps moving, and a 10 ms ticker records the longest
event-loop stall. The benchmark (`python -m bftui.bench`) holds these times
to their targets; the hostile tests use the same inputs for what must hold
whatever the speed.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bftui.core.library.compose import compose
from bftui.core.library.loading import load
from bftui.paths import bundled_library
from bftui.tui.rendering import markdown_theme, render_document

FRONT = (
    '+++\ntitle = "{title}"\nkind = "{kind}"\npublished = 2024-01-02\n{extra}+++\n\n'
)
HANG = 600
"""Seconds after which a run counts as hung (no claim about speed: a busy
machine may be slow; the benchmark holds the times to their targets)."""
INTERVIEWEE = '\n[interviewee]\nname = "Anita Svantesson"\n'
PARAGRAPH = (
    "Bostad först-teamet i Malmö arrangerade träffen i samarbete med Sveriges "
    "Stadsmissioner, med *över 200* deltagare och `kod` och [en länk](https://x.se/).\n\n"
)


def five_megabytes() -> str:
    """Return a 5 MB report: paragraphs under section headings."""
    sections, size, parts = 0, 0, []
    while size < 5 * 2**20:
        sections += 1
        part = f"## Avsnitt {sections}\n\n" + PARAGRAPH * 40
        parts.append(part)
        size += len(part.encode())
    return FRONT.format(title="Fem megabyte", kind="report", extra="") + "".join(parts)


def hundred_thousand_lines() -> str:
    """Return an article of 100,000 short lines (one long paragraph and list)."""
    lines = [f"- rad {number} med lite text" for number in range(100_000)]
    return FRONT.format(title="Hundratusen rader", kind="report", extra="") + "\n".join(
        lines
    )


def deep_quotes() -> str:
    """Return Markdown with blockquotes nested 1,000 levels deep."""
    body = "\n".join(">" * level + " nivå " + str(level) for level in range(1, 1001))
    return FRONT.format(title="Djupa citat", kind="report", extra="") + body + "\n"


def deep_lists() -> str:
    """Return Markdown with list items nested 1,000 levels deep."""
    body = "\n".join("  " * level + f"- nivå {level}" for level in range(1000))
    return FRONT.format(title="Djupa listor", kind="report", extra="") + body + "\n"


def deep_mixed() -> str:
    """Return Markdown nesting quotes, lists and emphasis 1,000 levels deep."""
    body = "> - " * 500 + "*" * 1000 + "text" + "*" * 1000 + "\n\n" + "[" * 1000 + "x"
    return FRONT.format(title="Djupt blandat", kind="report", extra="") + body + "\n"


def ten_megabyte_line() -> str:
    """Return a report whose body is one line of 10 MB."""
    words = PARAGRAPH.strip() + " "
    line = words * (10 * 2**20 // len(words.encode()) + 1)
    return FRONT.format(title="En lång rad", kind="report", extra="") + line + "\n"


def many_entries() -> str:
    """Return an interview with 5,000 Q&A entries."""
    entries = "".join(
        f"### Fråga {number}?\n\nSvar {number}: {PARAGRAPH}" for number in range(5000)
    )
    front = FRONT.format(title="Femtusen frågor", kind="interview", extra=INTERVIEWEE)
    return front + "Intro.\n\n" + entries


INPUTS: dict[str, Callable[[], str]] = {
    "5mb": five_megabytes,
    "100k-lines": hundred_thousand_lines,
    "deep-quotes": deep_quotes,
    "deep-lists": deep_lists,
    "deep-mixed": deep_mixed,
    "5000-entries": many_entries,
    "10mb-line": ten_megabyte_line,
}
FIRST_SCREEN_ONLY = frozenset({"10mb-line"})
"""Inputs the app is timed on until its first screen (`FIRST_LINES`), not the
whole: rendering 10 MB of one paragraph takes minutes, in the background."""
FIRST_LINES = 30
"""Rendered lines that make a first screen."""
READER_WIDTH = 80
"""Columns the renderer alone is timed at (the reader of an 80-column terminal)."""


def render(markdown: str, until: int | None = None) -> tuple[float, int]:
    """Render `markdown` as the reader does, all of it or its first `until` lines.

    Returns the seconds it took and the lines rendered. The reader renders in
    a thread, section by section (`render_document` yields them one at a time:
    nothing is rendered until they are taken).
    """
    theme = markdown_theme({})
    began = time.perf_counter()
    lines = 0
    for section in render_document(markdown, READER_WIDTH, theme):
        lines += len(section.lines)
        if until is not None and lines >= until:
            break
    return time.perf_counter() - began, lines


def write_input(root: Path, name: str) -> Path:
    """Write input `name` into library `root` and return its path."""
    path = root / f"stor-{name}.md"
    path.write_text(INPUTS[name](), encoding="utf-8")
    return path


async def open_in_app(
    root: Path, slug: str, keys: int = 6, until: int | None = None
) -> dict[str, Any]:
    """Open `slug` in the app; return render time, sidebar moves and the longest stall.

    The app runs until the whole document is rendered, or `until` lines are.
    """
    from bftui.tui.app import BftuiApp
    from bftui.tui.screens.main import MainScreen

    app = BftuiApp(root)
    stall = 0.0
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        began = time.perf_counter()
        while screen.library is None or not screen.library.articles:
            if time.perf_counter() - began > HANG:
                raise TimeoutError("the library never loaded")
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        await pilot.pause()
        item = screen.library.article(slug)
        assert item is not None, screen.library.problems
        running = True

        first_screen: float | None = None

        async def ticker() -> None:
            # Also watches for the first screen: the Pilot's key presses below
            # wait until the app is idle, which it is not while it renders.
            nonlocal stall, first_screen
            last = time.perf_counter()
            while running:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                stall = max(stall, now - last - 0.01)
                last = now
                if (
                    first_screen is None
                    and screen.current is item
                    and screen.document.rendered is not welcome
                    and len(screen.document.rendered.lines) >= FIRST_LINES
                ):
                    first_screen = now - began

        screen.library_tree.show_item(item)  # the cursor on the item, as Enter has it
        await pilot.pause()
        began = time.perf_counter()
        welcome = screen.document.rendered
        task = asyncio.create_task(ticker())
        screen.open_item(item)
        tree = screen.library_tree
        tree.focus()
        lines = []
        for number in range(keys):  # while the reader renders, the sidebar moves
            # Down and back up: the cursor ends on the item, so no preview replaces it.
            await pilot.press("down" if number % 2 == 0 else "up")
            lines.append(tree.cursor_line)

        def done() -> bool:
            rendered = screen.document.rendered
            shown = rendered.complete or bool(until and len(rendered.lines) >= until)
            return screen.current is item and rendered is not welcome and shown

        while not done():
            await asyncio.sleep(0.02)
            if time.perf_counter() - began > HANG:
                raise TimeoutError(slug)
        seconds = time.perf_counter() - began
        running = False
        await task
        shown = len(screen.document.rendered.lines)
        text = "\n".join(line.text for line in screen.document.rendered.lines[:400])
        complete = screen.document.rendered.complete
    return {
        "app_render_s": round(seconds, 2),
        "first_screen_s": round(seconds if first_screen is None else first_screen, 2),
        "complete": complete,
        "largest_stall_s": round(stall, 3),
        "sidebar_moved": len(set(lines)) > 1,
        "lines_shown": shown,
        "head": text,
    }


def measure(name: str) -> dict[str, Any]:
    """Time the loader, compose, the renderer and the app on input `name`.

    The renderer alone renders the whole document, or for `FIRST_SCREEN_ONLY`
    inputs its first screen (`FIRST_LINES`), as the app is timed on them.
    """
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "library"
        shutil.copytree(bundled_library(), root)
        path = write_input(root, name)
        began = time.perf_counter()
        library = load(root)
        loaded = time.perf_counter() - began
        item = library.article(path.stem)
        assert item is not None, [str(p) for p in library.problems]
        began = time.perf_counter()
        markdown = compose(item, library)
        composed = time.perf_counter() - began
        until = FIRST_LINES if name in FIRST_SCREEN_ONLY else None
        rendered, rendered_lines = render(markdown, until)
        shown = asyncio.run(open_in_app(root, path.stem, until=until))
        shown.pop("head")
        return {
            "input": name,
            "bytes": path.stat().st_size,
            "lines": path.read_text(encoding="utf-8").count("\n"),
            "load_s": round(loaded, 2),
            "compose_s": round(composed, 2),
            "render_s": round(rendered, 2),
            "rendered_lines": rendered_lines,
            "composed_chars": len(markdown),
            **shown,
        }


def main() -> int:
    """Measure every input (or those named) and print the results as JSON lines."""
    for name in sys.argv[1:] or INPUTS:
        print(json.dumps(measure(name)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
