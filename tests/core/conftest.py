"""Fixtures for the core tests: small libraries written file by file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bftui.paths import bundled_library


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Return an empty library folder (it has a bftui.toml, so it is a library)."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "bftui.toml").write_text('title = "Test"\n', encoding="utf-8")
    return folder


@pytest.fixture
def write(root: Path) -> Callable[[str, str | bytes], Path]:
    """Return a function that writes a file (text or bytes) into the library."""

    def write_file(relative: str, content: str | bytes) -> Path:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return write_file


@pytest.fixture
def sample() -> Path:
    """Return the bundled sample library (read only)."""
    return bundled_library()
