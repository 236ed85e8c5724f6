"""The app's end when nobody asked for it: SIGHUP, SIGTERM or a terminal that is gone.

A dropped SSH connection hangs the terminal up; a shutdown or a `kill`
terminates. Either way the open forms' drafts are written with what was
typed up to that moment and the locks given back before the app exits.
A terminal can also vanish without a signal (a pseudo-terminal that is not
the app's controlling terminal, whose other side closed): Textual then
reads nothing forever at full speed, so the app looks for the hang-up
itself, twice a second, and ends the same way.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import threading
import time
from typing import Any

from textual.app import App

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)
)
CHECK_SECONDS = 0.5
"""How often the terminal is checked for a hang-up."""
GRACE_SECONDS = 10.0
"""How long an app ended by a signal may take to restore its terminal."""

_GONE = (
    select.POLLHUP | select.POLLERR | select.POLLNVAL if hasattr(select, "poll") else 0
)


def watch(app: App[Any]) -> None:
    """End `app` safely on SIGHUP and SIGTERM, and when its terminal is gone.

    A headless app (the tests) has neither a terminal nor the process to itself.
    """
    if not app.is_headless:
        _Watch(app)


class _Watch:
    """The signal handlers and the terminal check of one app; each ends it once."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.ended = False
        loop = asyncio.get_running_loop()
        for number in SIGNALS:
            try:
                loop.add_signal_handler(number, self.end, 128 + number)
            except (NotImplementedError, RuntimeError, ValueError):
                return  # not the main thread, or no signals here: nothing to watch
        self.fd = _terminal_fd()
        if self.fd is not None:
            self.timer = app.set_interval(CHECK_SECONDS, self.check)

    def check(self) -> None:
        """End the app if its terminal has been hung up."""
        if self.fd is not None and hung_up(self.fd):
            self.end(128 + getattr(signal, "SIGHUP", 1))

    def end(self, return_code: int) -> None:
        """Keep the drafts, give the locks back and exit, once.

        With the terminal gone the process ends at once: Textual would try to
        restore a terminal that is not there (and can hang doing so). With
        the terminal still there, the app exits as usual, and if that takes
        longer than `GRACE_SECONDS` the process ends anyway. A second signal
        while ending does what the signal does by default.
        """
        if self.ended:
            return
        self.ended = True
        loop = asyncio.get_running_loop()
        for number in SIGNALS:
            loop.remove_signal_handler(number)
        from bftui.tui.quitting import keep_everything  # the forms load only now

        keep_everything(self.app)
        if self.fd is None or hung_up(self.fd):
            os._exit(return_code)
        self.timer.stop()
        threading.Thread(
            target=_end_after_grace, args=(return_code,), daemon=True
        ).start()
        self.app.exit(return_code=return_code)


def _end_after_grace(return_code: int) -> None:
    time.sleep(GRACE_SECONDS)
    os._exit(return_code)


def _terminal_fd() -> int | None:
    if not _GONE or sys.__stdin__ is None:
        return None
    try:
        fd = sys.__stdin__.fileno()
    except (OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


def hung_up(fd: int) -> bool:
    """Return True if terminal `fd` has been hung up (its other side is gone)."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return any(events & _GONE for _, events in poller.poll(0))
