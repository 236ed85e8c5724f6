"""Run the user's $EDITOR (or $VISUAL) on a file, at a line when the editor takes one."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App

PLUS_LINE = frozenset(
    {"vi", "vim", "nvim", "view", "gvim", "nano", "pico", "emacs", "emacsclient"}
    | {"mg", "jed", "joe", "jmacs", "jstar", "ne", "micro", "kak", "mcedit", "ed"}
)
"""Editors that open a file at line N with `+N FILE`."""
COLON_LINE = frozenset({"hx", "helix", "subl", "zed"})
"""Editors that open a file at line N with `FILE:N`."""
GOTO_LINE = frozenset({"code", "codium", "code-insiders"})
"""Editors that open a file at line N with `--goto FILE:N`."""


def editor() -> str:
    """Return the user's editor command: $VISUAL, else $EDITOR, else vi."""
    return os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"


def editor_command(command: str, path: Path, line: int = 0) -> list[str]:
    """Return the arguments that open `path` in `command`, at `line` if above 1."""
    words = shlex.split(command) or ["vi"]
    name = Path(words[0]).name
    if line <= 1:
        return [*words, str(path)]
    if name in PLUS_LINE:
        return [*words, f"+{line}", str(path)]
    if name in COLON_LINE:
        return [*words, f"{path}:{line}"]
    if name in GOTO_LINE:
        return [*words, "--goto", f"{path}:{line}"]
    return [*words, str(path)]


def run_editor(app: App[object], path: Path, line: int = 0) -> OSError | None:
    """Edit `path` in the user's editor with the app suspended; return why it failed."""
    with app.suspend():
        try:
            subprocess.run(editor_command(editor(), path, line), check=False)
        except OSError as error:
            return error
    return None
