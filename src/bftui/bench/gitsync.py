"""The benchmark's git library: the synthetic library committed and cloned from a bare remote.

`git_library` makes it once per run (a copy of the library, its first
commit, a bare remote it syncs with); `sync_runs` times `bftui sync` with
nothing to do, each run a separate process as a person would start it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

_IDENTITY = ("-c", "user.name=bftui bench", "-c", "user.email=bench@example.org")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", *_IDENTITY, *args], cwd=folder, check=True, capture_output=True
    )


def git_library(root: Path, scratch: Path) -> Path:
    """Return a git clone of library `root` (made once in `scratch`), in sync with its remote."""
    clone = scratch / "git-library"
    if (clone / ".git").is_dir():
        return clone
    seed = scratch / "git-seed"
    shutil.copytree(root, seed)
    _git(seed, "init", "-q", "-b", "main")
    _git(seed, "add", "-A")
    _git(seed, "commit", "-q", "-m", "bench")
    remote = scratch / "git-remote.git"
    _git(scratch, "clone", "-q", "--bare", str(seed), str(remote))
    _git(scratch, "clone", "-q", str(remote), str(clone))
    shutil.rmtree(seed)
    return clone


def sync_runs(library: Path, runs: int) -> tuple[list[float], list[float]]:
    """Time `bftui sync` in `library` with nothing to do, and `bftui --version`.

    One process per run, as a person would start it; the two alternate so
    both get the same noise, and `--version` shows what starting Python and
    bftui alone costs. Returns (sync times, --version times).
    """
    base = [sys.executable, "-m", "bftui", "--library", str(library)]
    subprocess.run([*base, "sync"], check=True, capture_output=True)  # sets it up
    times: dict[str, list[float]] = {"sync": [], "--version": []}
    for _ in range(runs):
        for what in times:
            started = time.perf_counter()
            subprocess.run([*base, what], check=True, capture_output=True)
            times[what].append(time.perf_counter() - started)
    return times["sync"], times["--version"]
