"""Run a program in a pseudo-terminal, send it keys, and time what it writes.

A marker counts as on screen once its UTF-8 bytes arrive in the output: the
benchmark's markers are single words that only the awaited state shows.
Every program started here is ended when the benchmark ends, however it
ends (`stop_on_signals` turns SIGTERM and SIGHUP into an orderly exit).
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Mapping

KEYS = {
    "ctrl+p": "\x10",
    "ctrl+f": "\x06",
    "ctrl+q": "\x11",
    "enter": "\r",
    "end": "\x1b[F",
    "escape": "\x1b",
    "tab": "\t",
}


_ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[0-~])"
)
"""Terminal control sequences (CSI, OSC and two-byte escapes)."""


_RUNNING: dict[int, Terminal] = {}
"""The programs started and not yet reaped, by process id."""


def end_all() -> None:
    """Kill and reap every program still running (at exit, whatever the cause)."""
    for terminal in list(_RUNNING.values()):
        terminal.kill()


atexit.register(end_all)


def stop_on_signals() -> None:
    """Make SIGTERM and SIGHUP end this process as an error would: `finally` runs."""

    def stop(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, stop)


class MarkerTimeout(Exception):
    """The marker did not show in time."""


class Terminal:
    """One program in a pseudo-terminal of `size` (columns, rows)."""

    def __init__(
        self, argv: list[str], env: Mapping[str, str], size: tuple[int, int] = (120, 40)
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # The child: become the program.
            try:
                columns, rows = size
                fcntl.ioctl(
                    0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0)
                )
                os.execve(argv[0], argv, dict(env))
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        _RUNNING[pid] = self

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.output += data
        return bool(data)

    def mark(self) -> int:
        """Return where the output stands, to wait for what comes after it."""
        return len(self.output)

    def wait_for(self, marker: str, timeout: float = 60.0, since: int = 0) -> float:
        """Return the time (perf_counter) at which `marker` arrived after `since`."""
        wanted = marker.encode()
        deadline = time.perf_counter() + timeout
        while not self._holds(wanted, since):
            if time.perf_counter() > deadline or not self._read(0.002):
                raise MarkerTimeout(marker)
        return time.perf_counter()

    def _holds(self, wanted: bytes, since: int) -> bool:
        """Whether `wanted` arrived after `since`, even split by a style change."""
        tail = self.output[max(0, since - 64) :]
        return wanted in tail or wanted in _ESCAPES.sub(b"", tail)

    def send(self, *keys: str) -> float:
        """Type `keys` (names from KEYS, or text); return when they were sent."""
        for key in keys:
            os.write(self.fd, KEYS.get(key, key).encode())
        return time.perf_counter()

    def drain(self, seconds: float) -> None:
        """Read whatever comes for `seconds`."""
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline and self._read(0.01):
            pass

    def peak_rss_mb(self) -> float:
        """Return the program's peak resident memory so far, in MB."""
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self) -> None:
        """Quit the program (ctrl+q, then signals) and reap it."""
        with contextlib.suppress(OSError):
            self.send("ctrl+q")
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            if not self._read(0.02):
                time.sleep(0.02)
        else:
            self.kill()
            return
        _RUNNING.pop(self.pid, None)
        os.close(self.fd)

    def kill(self) -> None:
        """End the program at once and reap it."""
        if _RUNNING.pop(self.pid, None) is None:
            return
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)
