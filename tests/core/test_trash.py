"""Deleting moves to .trash with a timestamp; restoring never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.core.library.loading import load
from bftui.core.store import trash
from bftui.core.store.atomic import StorageError


def test_delete_and_restore(library_path: Path) -> None:
    event = library_path / "events" / "2020-natverkstraff-stockholm.toml"
    text = event.read_text(encoding="utf-8")
    moved = trash.move_to_trash(library_path, event)
    assert not event.exists()
    assert moved.path.read_text(encoding="utf-8") == text
    assert moved.original == Path("events/2020-natverkstraff-stockholm.toml")
    assert moved.path.relative_to(library_path / ".trash").parts[1:] == (
        "events",
        event.name,
    )
    assert load(library_path).event(event.stem) is None
    (listed,) = trash.list_trash(library_path)
    assert listed.original == moved.original
    assert trash.restore(library_path, listed) == event
    assert event.read_text(encoding="utf-8") == text
    assert trash.list_trash(library_path) == []
    assert not any((library_path / ".trash").iterdir())


def test_restore_refuses_to_overwrite(library_path: Path) -> None:
    event = library_path / "events" / "2020-natverkstraff-stockholm.toml"
    moved = trash.move_to_trash(library_path, event)
    event.write_text("new", encoding="utf-8")
    with pytest.raises(StorageError):
        trash.restore(library_path, moved)
    assert event.read_text(encoding="utf-8") == "new"
    assert moved.path.exists()


def test_same_name_deleted_twice_in_a_second(library_path: Path) -> None:
    event = library_path / "events" / "x.toml"
    event.write_text("a", encoding="utf-8")
    first = trash.move_to_trash(library_path, event)
    event.write_text("b", encoding="utf-8")
    second = trash.move_to_trash(library_path, event)
    assert first.path != second.path
    assert {first.path.read_text(), second.path.read_text()} == {"a", "b"}


def test_outside_library_is_refused(library_path: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError):
        trash.move_to_trash(library_path, outside)
    assert outside.exists()
