"""Nothing is ever written into the bundled sample (or the installed package)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.core.store import locks, storage, trash
from bftui.core.store.atomic import StorageError
from bftui.paths import bundled_library, in_sample


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_sample_is_known(library_path: Path) -> None:
    sample = bundled_library()
    assert in_sample(sample / "events" / "x.toml")
    assert not in_sample(library_path / "events" / "x.toml")


def test_every_write_into_the_sample_is_refused() -> None:
    sample = bundled_library()
    before = files(sample)
    event = next((sample / "events").glob("*.toml"))
    with pytest.raises(StorageError) as caught:
        storage.create_event(sample, {"title": "X", "year": 2025})
    assert "bftui init" in caught.value.message
    with pytest.raises(StorageError):
        storage.update_event(event, {"city": "Lund"}, storage.snapshot(event))
    with pytest.raises(StorageError):
        trash.move_to_trash(sample, event)
    assert locks.acquire(event) is None
    assert files(sample) == before
