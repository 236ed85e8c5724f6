"""Helpers for the git tests: run git, make libraries, clones and a bare remote."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(folder: Path, *args: str) -> str:
    """Run git in `folder` and return what it printed (a failure fails the test)."""
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True
    )
    return done.stdout
