"""`--debug` and BFTUI_DEBUG write a log a problem report can include."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def bftui(
    *argv: str, home: Path, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_STATE_HOME": str(home / "state"), **(extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "bftui", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_debug_writes_the_log_and_says_where(
    library_path: Path, isolated_user_dirs: Path
) -> None:
    done = bftui(
        "--debug", "list", "--library", str(library_path), home=isolated_user_dirs
    )
    log = isolated_user_dirs / "state" / "bftui" / "log" / "bftui.log"
    assert done.returncode == 0
    assert done.stderr == f"bftui: felsökningslogg: {log}\n"
    text = log.read_text(encoding="utf-8")
    assert "bftui 0." in text and "Python" in text and "'list'" in text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_log_shows_the_git_commands_run(
    library_path: Path, isolated_user_dirs: Path
) -> None:
    target = isolated_user_dirs / "lib"
    done = bftui(
        "init", str(target), home=isolated_user_dirs, extra={"BFTUI_DEBUG": "1"}
    )
    assert done.returncode == 0, done.stderr
    text = (isolated_user_dirs / "state" / "bftui" / "log" / "bftui.log").read_text()
    assert "git init" in text


def test_without_debug_nothing_is_written(
    library_path: Path, isolated_user_dirs: Path
) -> None:
    done = bftui(
        "list",
        "--library",
        str(library_path),
        home=isolated_user_dirs,
        extra={"BFTUI_DEBUG": "0"},
    )
    assert done.returncode == 0 and done.stderr == ""
    assert not (isolated_user_dirs / "state" / "bftui").exists()


def test_without_debug_the_log_costs_no_import(library_path: Path) -> None:
    code = (
        "import sys\nfrom bftui.cli import main\n"
        f"main(['list', '--library', {str(library_path)!r}])\n"
        "print('logging.handlers' in sys.modules, 'socket' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stderr.strip().splitlines()[-1] == "False False"
