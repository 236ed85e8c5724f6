"""A small dialog that asks for a file or folder path, completing names as you type."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from bftui.i18n import t


def complete(value: str) -> str | None:
    """Return `value` completed to the first file or folder name it starts, if any."""
    typed = os.path.expanduser(value)
    folder, _, start = typed.rpartition(os.sep)
    if not start:
        return None
    try:
        names = sorted(os.listdir(folder or os.curdir))
    except OSError:
        return None
    match = next((n for n in names if n.startswith(start) and n != start), None)
    if match is None:
        return None
    completed = value[: len(value) - len(start)] + match
    if os.path.isdir(os.path.join(folder or os.curdir, match)):
        completed += os.sep
    return completed


class PathSuggester(Suggester):
    """Suggests file and folder names; the folder is read in a thread, not the UI loop."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """Return the completed path for `value`."""
        return await asyncio.to_thread(complete, value)


class PathPrompt(ModalScreen[Path | None]):
    """Ask for a path; Enter dismisses with it (`~` expanded), Escape with None."""

    CSS_PATH = "../transfer.tcss"
    BINDINGS = [
        Binding("escape", "cancel", t("transfer.key_cancel"), id="path_prompt.cancel")
    ]

    def __init__(self, title: str, hint: str, value: str = "") -> None:
        super().__init__(classes="path-prompt")
        self.prompt_title = title
        self.hint = hint
        self.start_value = value

    def compose(self) -> ComposeResult:
        """The title, the path input and a hint."""
        with Vertical(classes="path-prompt-dialog"):
            yield Static(Content(self.prompt_title), classes="path-prompt-title")
            path = Input(self.start_value, suggester=PathSuggester(), id="path")
            yield path
            yield Static(Content(self.hint), classes="path-prompt-hint")

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        """Close without a path."""
        self.dismiss(None)
