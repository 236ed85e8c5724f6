"""The cursor keys of a list drawn line by line (the programme rows, the Q&A entries)."""

from __future__ import annotations

from textual.binding import Binding

_STEPS = (
    ("up", -1),
    ("down", 1),
    ("pageup", -10),
    ("pagedown", 10),
    ("home", -1_000_000_000),
    ("end", 1_000_000_000),
)


def cursor_bindings(action: str) -> list[Binding]:
    """Return the bindings that call `action(step)` for each cursor key (clamped by the list)."""
    return [Binding(key, f"{action}({step})", show=False) for key, step in _STEPS]
