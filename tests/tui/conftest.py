"""Fixtures for the app tests: an app over a private library, its reading held back."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from appdriver import HOLD_SECONDS, cache_index  # type: ignore[import-not-found]

from bftui.core.index.build import Index
from bftui.tui.app import BftuiApp
from bftui.tui.library_feed import LibraryFeed


@pytest.fixture
def app(library_path: Path) -> BftuiApp:
    """Return the app over a writable copy of the sample library."""
    return BftuiApp(library_path)


@pytest.fixture
def warm_library(library_path: Path) -> Path:
    """The sample library with its index (and outline) cached: the next start is warm."""
    cache_index(library_path)
    return library_path


@pytest.fixture
def held_load(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the app's reading of the library until the returned event is set."""
    release = threading.Event()
    load_library = LibraryFeed.load

    def held(feed: LibraryFeed, progress: object, pause: object) -> None:
        release.wait(HOLD_SECONDS)
        load_library(feed, progress, pause)  # type: ignore[arg-type]

    monkeypatch.setattr(LibraryFeed, "load", held)
    return release


@pytest.fixture
def warm_app(warm_library: Path, held_load: threading.Event) -> BftuiApp:
    """The app on a library whose index is cached, its reading held back."""
    return BftuiApp(warm_library)


@pytest.fixture
def held_build(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the index build (its first sync) until the returned event is set.

    On a cold start the sidebar lists the outline meanwhile.
    """
    release = threading.Event()
    sync = Index.sync

    def held(index: Index, progress: object = None) -> object:
        release.wait(HOLD_SECONDS)
        return sync(index, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(Index, "sync", held)
    return release
