"""`COLUMNS=5 LINES=3` in an 80x24 terminal: the terminal's real size wins.

Textual's driver asks `shutil.get_terminal_size`, which trusts the
variables first; `run_app` sets them aside while the app runs.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import sys
import termios
from collections.abc import Iterator
from typing import IO

import pytest
from textual.drivers.linux_driver import LinuxDriver

from bftui.tui.terminal_size import real_terminal_size


@pytest.fixture
def terminal_80x24(monkeypatch: pytest.MonkeyPatch) -> Iterator[IO[str]]:
    """Make stdout an 80x24 pseudo-terminal, with COLUMNS=5 and LINES=3 set."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    stdout = os.fdopen(slave, "w")
    monkeypatch.setattr(sys, "__stdout__", stdout)
    monkeypatch.setenv("COLUMNS", "5")
    monkeypatch.setenv("LINES", "3")
    yield stdout
    stdout.close()
    os.close(master)


def test_the_terminals_size_wins_while_the_app_runs(terminal_80x24: IO[str]) -> None:
    driver_size = (
        LinuxDriver._get_terminal_size
    )  # what Textual asks, at start and on resize
    assert driver_size(None) == (5, 3)  # type: ignore[arg-type]
    with real_terminal_size():
        assert driver_size(None) == (80, 24)  # type: ignore[arg-type]
        assert "COLUMNS" not in os.environ and "LINES" not in os.environ
    assert (os.environ["COLUMNS"], os.environ["LINES"]) == ("5", "3")


def test_without_a_terminal_the_variables_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "__stdout__", None)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    with real_terminal_size():
        assert shutil.get_terminal_size() == (100, 40)


def test_run_app_runs_inside_the_real_size(
    terminal_80x24: IO[str], monkeypatch: pytest.MonkeyPatch, library_path: object
) -> None:
    from bftui.settings import Settings
    from bftui.tui import app

    seen: list[tuple[int, int]] = []

    def run(self: app.BftuiApp, **options: object) -> None:
        seen.append(LinuxDriver._get_terminal_size(None))  # type: ignore[arg-type]

    monkeypatch.setattr(app.BftuiApp, "run", run)
    app.run_app(library_path, Settings())  # type: ignore[arg-type]
    assert seen == [(80, 24)]
