"""Over SSH every byte costs: an idle app writes nothing to its terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bftui.bench.terminal import Terminal

QUIET = 1.0
"""Seconds without output after which the app counts as done with its work."""
IDLE = 4.0
"""Seconds of idleness in which not one byte may be written."""


def go_quiet(terminal: Terminal, what: str) -> None:
    """Read output until QUIET seconds pass without any (fail if that never happens)."""
    for _ in range(60):
        before = terminal.mark()
        terminal.drain(QUIET)
        if terminal.mark() == before:
            return
    raise AssertionError(f"the app kept writing after {what}")


def assert_idle_writes_nothing(terminal: Terminal) -> None:
    """Count the bytes written over IDLE seconds: there must be none."""
    start = terminal.mark()
    terminal.drain(IDLE)
    written = bytes(terminal.output[start:])
    assert written == b"", f"{len(written)} bytes while idle: {written[:120]!r}"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_an_idle_app_writes_nothing_to_its_terminal(library_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env |= {"TERM": "xterm-256color", "COLORTERM": "truecolor"}
    terminal = Terminal(
        [sys.executable, "-m", "bftui", str(library_path)], env, size=(80, 24)
    )
    try:
        terminal.wait_for("Artiklar")
        go_quiet(terminal, "the start")
        assert_idle_writes_nothing(terminal)
        # After reading an item (preview, reader, focus moved) it is quiet again.
        since = terminal.mark()
        terminal.send("enter")  # the first article, under the cursor
        terminal.wait_for("Intervjuad", since=since)
        go_quiet(terminal, "opening an item")
        assert_idle_writes_nothing(terminal)
    finally:
        terminal.close()
