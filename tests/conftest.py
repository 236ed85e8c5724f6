"""Shared fixtures: a private copy of the sample library and isolated user folders."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bftui.i18n import set_language
from bftui.paths import bundled_library

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)
EVENT_2019 = "2019-natverkstraff-malmo"
EVENT_2020 = "2020-natverkstraff-stockholm"


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point config, cache, state and data folders at a fresh temporary home."""
    home = tmp_path_factory.mktemp("home")
    for name in ("CONFIG", "CACHE", "STATE", "DATA"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(home / name.lower()))
    monkeypatch.delenv("BFTUI_LIBRARY", raising=False)
    monkeypatch.setenv("EDITOR", "true")
    set_language("sv")
    yield home
    set_language("sv")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Return a writable copy of the sample library."""
    target = tmp_path / "library"
    shutil.copytree(bundled_library(), target)
    return target
