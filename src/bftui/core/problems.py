"""A problem with one file: where it is, and what is wrong, said to the user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bftui.core.text import safe_text


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one file, reported to the user instead of raised."""

    path: Path
    """The file, relative to the library when it is inside it."""
    line: int
    """1-based line in the file; 1 when the problem concerns the file as a whole."""
    message: str
    """What is wrong, in the UI language, on one line and harmless in a terminal."""

    def __post_init__(self) -> None:
        # Messages quote values from files (a bad URL, a TOML error): make them
        # harmless once, here, and keep them on one line for `path:line: message`.
        message = " ".join(safe_text(self.message).split())
        object.__setattr__(self, "message", message)

    @property
    def display_path(self) -> str:
        """The path as text that is safe to print (file names are untrusted too)."""
        return safe_text(str(self.path)).replace("\n", "\u2424")

    def __str__(self) -> str:
        return f"{self.display_path}:{self.line}: {self.message}"
