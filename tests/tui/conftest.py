"""Fixtures for the app tests: an app over a private library."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.tui.app import BftuiApp


@pytest.fixture
def app(library_path: Path) -> BftuiApp:
    """Return the app over a writable copy of the sample library."""
    return BftuiApp(library_path)
