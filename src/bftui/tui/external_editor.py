"""Run the user's $EDITOR (or $VISUAL) on a file, at a line when the editor takes one.

A variable that cannot be split like a shell would (an unbalanced quote),
names no program on the PATH, or a driver that cannot hand the terminal over
(the web and headless drivers) is a message, never a crash.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from textual.app import App, SuspendNotSupported

from bftui.core.text import safe_text
from bftui.i18n import t

PLUS_LINE = frozenset(
    {"vi", "vim", "nvim", "view", "gvim", "nano", "pico", "emacs", "emacsclient"}
    | {"mg", "jed", "joe", "jmacs", "jstar", "ne", "micro", "kak", "mcedit", "ed"}
)
"""Editors that open a file at line N with `+N FILE`."""
COLON_LINE = frozenset({"hx", "helix", "subl", "zed"})
"""Editors that open a file at line N with `FILE:N`."""
GOTO_LINE = frozenset({"code", "codium", "code-insiders"})
"""Editors that open a file at line N with `--goto FILE:N`."""


class EditorError(Exception):
    """$VISUAL or $EDITOR names no program that can be run; the text says why."""


def editor() -> str:
    """Return the user's editor command: $VISUAL, else $EDITOR, else vi (blank is unset)."""
    return _chosen()[1]


def _chosen() -> tuple[str, str]:
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "")
        if value.strip():
            return name, value
    return "EDITOR", "vi"


def editor_words() -> list[str]:
    """Return the user's editor command split into words, its program found.

    Raises:
        EditorError: when it cannot be split or its program is not found.
    """
    name, value = _chosen()
    try:
        words = shlex.split(value)
    except ValueError as error:
        shown = safe_text(value)
        raise EditorError(
            t("form.editor_unreadable", name=name, value=shown, error=error)
        ) from None
    if not words or shutil.which(words[0]) is None:
        program = safe_text(words[0] if words else value)
        raise EditorError(t("form.editor_missing", name=name, program=program))
    return words


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


def run_editor(app: App[object], path: Path, line: int = 0) -> str | None:
    """Edit `path` in the user's editor with the app suspended; return why it failed."""
    try:
        words = editor_words()
    except EditorError as error:
        return str(error)
    failed = None
    try:
        with app.suspend():
            try:
                subprocess.run(
                    editor_command(shlex.join(words), path, line), check=False
                )
            except OSError as error:
                reason = error.strerror or str(error)
                failed = t(
                    "form.editor_failed", editor=safe_text(words[0]), error=reason
                )
    except SuspendNotSupported:
        return t("form.editor_no_terminal")
    return failed
