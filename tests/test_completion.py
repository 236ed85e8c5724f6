"""Shell completion: commands, options and the library's slugs, for bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def completions(line: str, tmp_path: Path, **env: str) -> list[str]:
    """Ask bftui for completions the way the shell code does."""
    out = tmp_path / "completions"
    subprocess.run(
        [sys.executable, "-m", "bftui"],
        env={
            **os.environ,
            **env,
            "_ARGCOMPLETE": "1",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        },
        check=True,
        timeout=60,
        cwd=tmp_path,
    )
    return sorted(
        word.strip() for word in out.read_text().split("\x0b") if word.strip()
    )


def test_commands_complete(tmp_path: Path) -> None:
    assert completions("bftui sh", tmp_path) == ["show"]
    assert "config" in completions("bftui co", tmp_path)


def test_slugs_of_the_chosen_library_complete(
    library_path: Path, tmp_path: Path
) -> None:
    found = completions(f"bftui show --library {library_path} 2019", tmp_path)
    assert found == ["2019-natverkstraff-malmo"]
    from_env = completions("bftui show 20", tmp_path, BFTUI_LIBRARY=str(library_path))
    assert "2020-natverkstraff-stockholm" in from_env and len(from_env) == 3


def test_open_completes_slugs_and_files(library_path: Path, tmp_path: Path) -> None:
    (tmp_path / "2019-notes.md").write_text("x")
    found = completions(f"bftui open --library {library_path} 2019", tmp_path)
    assert found == ["2019-natverkstraff-malmo", "2019-notes.md"]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete ")],
)
def test_the_completion_script_for_each_shell(shell: str, marker: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bftui", "completion", shell],
        capture_output=True,
        text=True,
        check=True,
    )
    assert marker in done.stdout and "bftui" in done.stdout
