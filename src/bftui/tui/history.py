"""Back and forward through the items visited, like a web browser."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Visit:
    """An item that was shown, and where the reader was in it."""

    path: Path
    line: int = 0


class History:
    """The visited items and the position in that list."""

    def __init__(self, limit: int = 200) -> None:
        self._visits: list[Visit] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Visit | None:
        """The visit being shown."""
        return self._visits[self._index] if self._visits else None

    def visit(self, path: Path, *, replace: bool = False) -> None:
        """Record that `path` is shown; forward visits are dropped.

        With `replace`, the current visit is replaced instead (used while the
        cursor runs through the sidebar, so each row does not become a visit).
        """
        current = self.current
        if current and current.path == path:
            return
        del self._visits[self._index + 1 :]
        if replace and self._visits:
            self._visits[-1] = Visit(path)
        else:
            self._visits.append(Visit(path))
        del self._visits[: -self._limit]
        self._index = len(self._visits) - 1

    def back(self) -> Visit | None:
        """Step back; return the visit to show, or None at the start."""
        if self._index <= 0:
            return None
        self._index -= 1
        return self._visits[self._index]

    def forward(self) -> Visit | None:
        """Step forward; return the visit to show, or None at the end."""
        if self._index >= len(self._visits) - 1:
            return None
        self._index += 1
        return self._visits[self._index]
