"""Run bftui in real terminals (tmux, 40x12) with hostile TERM values and NO_COLOR.

    python tests/hostile/harness/terminals.py

starts `bftui` in a detached tmux session per setting, presses a few keys,
quits, and prints one JSON line per setting: whether the library was drawn,
whether any traceback showed, and the exit status. The app's stderr is not
redirected: Textual draws on it.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bftui.paths import bundled_library

SETTINGS: list[dict[str, str]] = [
    {"TERM": "dumb"},
    {"TERM": "linux"},
    {"TERM": "xterm"},
    {"TERM": "xterm-256color", "NO_COLOR": "1"},
    {"TERM": "dumb", "NO_COLOR": "1"},
]


def _tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", *args], capture_output=True, text=True, check=False
    ).stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_for(session: str, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(session)
        if text in screen:
            break
        time.sleep(0.2)
    return screen


def run_in_tmux(
    library: Path, env: dict[str, str], size: str = "40x12"
) -> dict[str, Any]:
    """Run bftui on `library` in a tmux pane of `size` with `env`; report what it showed."""
    session = f"bftui-{uuid.uuid4().hex[:8]}"
    width, height = size.split("x")
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = (
        f"env {assignments} {shlex.quote(sys.executable)} -m bftui "
        f"--library {shlex.quote(str(library))}; echo EXIT=$?; sleep 30"
    )
    _tmux("new-session", "-d", "-s", session, "-x", width, "-y", height, command)
    try:
        first = _wait_for(session, "2020", 40)  # the sidebar's year groups
        for keys in (["Down"], ["Enter"], ["?"], ["Escape"], ["p"], ["Escape"]):
            _tmux("send-keys", "-t", session, *keys)
            time.sleep(0.4)
        middle = _screen(session)
        _tmux("send-keys", "-t", session, "C-q")
        last = _wait_for(session, "EXIT=", 15)
    finally:
        _tmux("kill-session", "-t", session)
    screens = "\n".join((first, middle, last))
    status = next(
        (
            int(line.split("=", 1)[1])
            for line in last.splitlines()
            if line.startswith("EXIT=")
        ),
        None,
    )
    return {
        "env": env,
        "drew_library": "2020" in first or "2019" in first,
        "traceback": "Traceback" in screens or "Error" in screens,
        "exit_status": status,
        "screen": middle,
    }


def main() -> int:
    """Run every setting on a copy of the sample library and print the results."""
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        library = Path(scratch) / "library"
        shutil.copytree(bundled_library(), library)
        for env in SETTINGS:
            result = run_in_tmux(library, env)
            failed |= result["traceback"] or result["exit_status"] != 0
            # The screen only when something went wrong: what it showed instead.
            shown = result["traceback"] or not result["drew_library"]
            print(
                json.dumps({k: v for k, v in result.items() if shown or k != "screen"})
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
