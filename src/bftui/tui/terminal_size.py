"""The terminal's own size wins over `COLUMNS` and `LINES` while the app runs.

Textual asks `shutil.get_terminal_size`, which believes those variables
first: `COLUMNS=5 LINES=3` (left over from a script, or set by a tool) made
the app draw into a 5x3 corner of an 80x24 terminal. They are set aside
for the app's run when the terminal can tell its size, and put back after.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

SIZE_VARIABLES = ("COLUMNS", "LINES")


@contextmanager
def real_terminal_size() -> Iterator[None]:
    """Hide `COLUMNS` and `LINES` from the app while the terminal knows its size."""
    try:
        os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        yield  # No terminal to ask: the variables are all there is.
        return
    saved = {
        name: os.environ.pop(name) for name in SIZE_VARIABLES if name in os.environ
    }
    try:
        yield
    finally:
        os.environ.update(saved)
