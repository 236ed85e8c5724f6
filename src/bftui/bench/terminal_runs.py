"""The app and the baseline in a real (pseudo-)terminal: first paint, opening items, memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bftui.bench.generate import (
    FIRST_MARK,
    FIRST_TITLE,
    LIBRARY_TITLE,
    REPORT_END_MARK,
    REPORT_MARK,
    REPORT_TITLE,
    TYPICAL_MARK,
    TYPICAL_TITLE,
)
from bftui.bench.hello import MARK as HELLO_MARK
from bftui.bench.skeleton import MARK as SKELETON_MARK
from bftui.bench.terminal import MarkerTimeout, Terminal

SIDEBAR_MARK = LIBRARY_TITLE
"""The header shows the library's title with the sidebar: on a warm start both
come from the cached outline, before the library itself is read (a first
paint, not yet a loaded library); on a cold start, once the library is read."""


def environment(cache: Path, home: Path) -> dict[str, str]:
    """Return the environment of one run: its own cache, no user config."""
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "XDG_CACHE_HOME": str(cache),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "BFTUI_LIBRARY": "",
    }


def warm_cache(root: Path, cache: Path, home: Path) -> None:
    """Build the index and outline of `root` in `cache`, as a finished app start leaves them.

    A start that is closed as soon as its sidebar shows would not do: the
    sidebar of a cold start shows before the index is built.
    """
    code = (
        "import sys; from pathlib import Path; from bftui.core.index.build import Index; "
        "index = Index.open(Path(sys.argv[1])); index.sync(); index.library(); index.close()"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(root)],
        env=environment(cache, home),
        check=True,
        capture_output=True,
    )


def hello(home: Path) -> float:
    """Return seconds until the minimal app's line is on screen."""
    terminal = Terminal(
        [sys.executable, "-m", "bftui.bench.hello"], environment(home / "cache", home)
    )
    try:
        return terminal.wait_for(HELLO_MARK, 30) - terminal.started
    finally:
        terminal.close()


def skeleton(home: Path) -> float:
    """Return seconds until the Textual-only skeleton of the main screen is on screen."""
    terminal = Terminal(
        [sys.executable, "-m", "bftui.bench.skeleton"],
        environment(home / "cache", home),
    )
    try:
        return terminal.wait_for(SKELETON_MARK, 30) - terminal.started
    finally:
        terminal.close()


GIT_MARK = "⎇"
"""The title bar shows the branch once the git state is read."""


def app_start(
    root: Path, cache: Path, home: Path, *, git: bool = False
) -> dict[str, float]:
    """Start the app; return seconds to the first paint (its header) and to the sidebar.

    With `git`, also to the git state in the title bar ("git_state").
    """
    terminal = Terminal(
        [sys.executable, "-m", "bftui", str(root)], environment(cache, home)
    )
    try:
        shell = terminal.wait_for(root.name, 60) - terminal.started
        sidebar = terminal.wait_for(SIDEBAR_MARK, 120) - terminal.started
        figures = {"first_paint": shell, "sidebar": sidebar}
        if git:
            figures["git_state"] = terminal.wait_for(GIT_MARK, 60) - terminal.started
        return figures
    finally:
        terminal.close()


def app_interactive(root: Path, cache: Path, home: Path) -> dict[str, float]:
    """Start the app and open the first article as a person would; time each step.

    Enter goes as soon as the first article is listed (on a warm start that
    is the first frame, from the cached outline; on a cold start, once it is
    listed from the front matter): the app is interactive when its text shows.

    Returns:
        Seconds from launch to the first frame ("first_paint"), to the first
        article listed ("listed") and to its text on screen ("interactive").
    """
    terminal = Terminal(
        [sys.executable, "-m", "bftui", str(root)], environment(cache, home)
    )
    try:
        first_paint = terminal.wait_for(root.name, 60) - terminal.started
        listed = terminal.wait_for(FIRST_TITLE, 120) - terminal.started
        since = terminal.mark()
        terminal.send("enter")
        shown = terminal.wait_for(FIRST_MARK, 120, since) - terminal.started
        return {"first_paint": first_paint, "listed": listed, "interactive": shown}
    finally:
        terminal.close()


def _palette_open(terminal: Terminal, words: str, title: str) -> float:
    """Jump to the item called `title` by typing `words` in the command palette.

    Enter goes once the item is listed: a fixed pause would press it on an
    empty list whenever the library is read later than the pause (the palette
    lists items once it is). Returns when Enter was sent.
    """
    terminal.send("escape")
    terminal.drain(0.3)
    terminal.send("ctrl+p")
    terminal.drain(0.5)
    since = terminal.mark()
    terminal.send(words)
    terminal.wait_for(title, 60, since)
    terminal.drain(0.3)  # The list settles; then the first hit is chosen.
    return terminal.send("enter")


def app_session(root: Path, cache: Path, home: Path) -> dict[str, float]:
    """Open the typical article and the long report through the palette; peak memory."""
    terminal = Terminal(
        [sys.executable, "-m", "bftui", str(root)], environment(cache, home)
    )
    figures: dict[str, float] = {}
    try:
        terminal.wait_for(SIDEBAR_MARK, 120)
        terminal.drain(1.0)
        sent = _palette_open(terminal, "Typiska intervjun", TYPICAL_TITLE)
        figures["typical"] = terminal.wait_for(TYPICAL_MARK, 30, terminal.mark()) - sent
        sent = _palette_open(terminal, "Stora utvärderingsrapporten", REPORT_TITLE)
        since = terminal.mark()
        figures["report_first_screen"] = (
            terminal.wait_for(REPORT_MARK, 60, since) - sent
        )
        deadline = time.perf_counter() + 60
        # The palette leaves the focus in the reader: End until the last
        # heading shows, and the whole report is there.
        while True:
            terminal.send("end")
            try:
                figures["report_whole"] = (
                    terminal.wait_for(REPORT_END_MARK, 0.25, since) - sent
                )
                break
            except MarkerTimeout:
                if time.perf_counter() > deadline:
                    raise
        terminal.send("ctrl+f")
        terminal.drain(0.5)
        terminal.send("malmo")
        terminal.drain(2.0)
        terminal.send("escape")
        terminal.drain(0.3)
        figures["peak_rss_mb"] = terminal.peak_rss_mb()
    finally:
        terminal.close()
    return figures


def fresh_cache() -> tempfile.TemporaryDirectory[str]:
    """Return an empty cache folder for a cold start."""
    return tempfile.TemporaryDirectory(prefix="bftui-bench-cold-")
