"""A tiny host App for testing one form screen, collecting what it dismisses with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

import bftui.tui

FORMS_CSS = Path(bftui.tui.__file__).parent / "forms.tcss"


class HostApp(App[None]):
    """Opens the screen `make()` returns and keeps its results."""

    CSS_PATH = [FORMS_CSS]

    def __init__(self, make: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.results.append)
