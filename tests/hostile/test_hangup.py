"""A dropped connection, a kill, a vanished terminal: what was typed is kept, locks go.

The app runs for real (a process in tmux, or on a bare pseudo-terminal);
the test types into a form, waits until the words are on the screen, and
ends the app the hard way at once, well before the next autosave.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bftui.bench.terminal import Terminal
from bftui.core.store import locks

EVENT = "events/2019-natverkstraff-malmo.toml"
PATIENCE = 60.0
"""Seconds to wait for the app (a generous bound: the machine may be busy)."""


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return done.stdout


def _until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited in vain for {what}")
        time.sleep(0.05)


class Pane:
    """bftui in a tmux pane of 80x24."""

    def __init__(self, library: Path, state: Path) -> None:
        self.name = f"bftui-{uuid.uuid4().hex[:8]}"
        command = (
            f"env XDG_STATE_HOME={shlex.quote(str(state))} TERM=xterm-256color "
            f"{shlex.quote(sys.executable)} -m bftui --library {shlex.quote(str(library))}"
            "; echo EXIT=$?; sleep 60"
        )
        _tmux("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", command)
        shell = int(_tmux("display", "-p", "-t", self.name, "#{pane_pid}"))
        self.pid = 0

        def started() -> bool:
            found = subprocess.run(
                ["pgrep", "-P", str(shell)], capture_output=True, text=True
            ).stdout.split()
            self.pid = int(found[0]) if found else 0
            return bool(self.pid)

        _until(started, "the app's process")

    def screen(self) -> str:
        return _tmux("capture-pane", "-p", "-t", self.name)

    def shows(self, text: str) -> None:
        try:
            _until(lambda: text in self.screen(), repr(text))
        except AssertionError as error:
            raise AssertionError(f"{error}; the screen:\n{self.screen()}") from None

    def keys(self, *keys: str) -> None:
        _tmux("send-keys", "-t", self.name, *keys)

    def close(self) -> None:
        _tmux("kill-session", "-t", self.name)


@pytest.fixture
def pane(sample_copy: Path, tmp_path: Path) -> Iterator[Pane]:
    if shutil.which("tmux") is None or shutil.which("pgrep") is None:
        pytest.skip("needs tmux and pgrep")
    opened = Pane(sample_copy, tmp_path / "state")
    yield opened
    opened.close()


def _drafted_titles(state: Path) -> list[str]:
    return [
        json.loads(path.read_text(encoding="utf-8"))["fields"]["values"]["title"]
        for path in (state / "bftui" / "drafts").glob("*.json")
    ]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "closed"])
def test_the_last_words_are_kept_and_the_lock_given_back(
    pane: Pane, sample_copy: Path, tmp_path: Path, how: str
) -> None:
    pane.shows("2 evenemang.")  # the library is read (the welcome counts it)
    pane.keys("End", "Enter")
    pane.shows("Deltagare")
    pane.keys("E")
    pane.shows("Redigera")
    pane.shows("ctrl+s spara")
    time.sleep(1)  # keys typed while the form still mounts may go astray (issue 13.1)
    lock = locks.lock_path(sample_copy / EVENT)
    assert lock.exists()
    pane.keys("Sista")  # the title is selected: typing replaces it
    pane.shows("Sista")
    pane.keys(" orden")
    pane.shows("Sista orden")
    if how == "closed":  # the terminal goes, as when an SSH connection drops
        pane.close()
    else:
        os.kill(pane.pid, getattr(signal, how))
        pane.shows("EXIT=")
        code = 128 + getattr(signal, how)
        assert f"EXIT={code}" in pane.screen() and "Traceback" not in pane.screen()
    _until(lambda: _gone(pane.pid), "the app to end")
    assert _drafted_titles(tmp_path / "state") == ["Sista orden"]
    assert not lock.exists()


def test_a_vanished_terminal_ends_the_app(sample_copy: Path, tmp_path: Path) -> None:
    """A pseudo-terminal that is not the app's controlling terminal closes: no spinning."""
    master, slave = os.openpty()
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TERM": "xterm-256color",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "bftui", "--library", str(sample_copy)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,  # a session of its own with no controlling terminal
    )
    os.close(slave)
    terminal = Terminal.__new__(Terminal)  # only to read and type on `master`
    terminal.pid, terminal.fd, terminal.output = app.pid, master, bytearray()
    try:
        terminal.wait_for("Filtrera", PATIENCE)
        since = terminal.mark()
        terminal.send("n")
        terminal.wait_for("Ny träff", PATIENCE, since)
        terminal.drain(1)  # keys typed while the form mounts may go astray (13.1)
        terminal.send("Sista orden")
        terminal.wait_for("Sista orden", PATIENCE, since)
    finally:
        os.close(master)
    try:
        code = app.wait(PATIENCE)
    finally:
        app.kill()
    assert code == 128 + signal.SIGHUP
    assert _drafted_titles(tmp_path / "state") == ["Sista orden"]


def test_a_stopped_benchmark_ends_the_programs_it_started() -> None:
    """The benchmark's terminals end with it, whether it is terminated or hung up.

    The program in the terminal ignores SIGHUP (as a busy or broken one may),
    so only the benchmark's own care ends it.
    """
    script = (
        "import sys, time\n"
        "from bftui.bench.terminal import Terminal, stop_on_signals\n"
        "stop_on_signals()\n"
        "code = 'import signal, time; signal.signal(signal.SIGHUP, signal.SIG_IGN);"
        ' print("ready", flush=True); time.sleep(600)\'\n'
        "child = Terminal([sys.executable, '-c', code], {})\n"
        "child.wait_for('ready')\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    for how in (signal.SIGTERM, signal.SIGHUP):
        bench = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
        )
        assert bench.stdout is not None
        child = int(bench.stdout.readline())
        assert not _gone(child)
        bench.send_signal(how)
        assert bench.wait(PATIENCE) == 128 + how
        assert _gone(child)
