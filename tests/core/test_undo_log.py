"""Undo takes this session's changes back, last first, checked against the file like any save."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bftui.core.items import qa_edit
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.core.store import storage, trash
from bftui.core.store.snapshots import MergeConflict
from bftui.core.store.undo import ChangedSince, UndoLog

EVENT_2019 = "2019-natverkstraff-malmo"


@pytest.fixture
def log(library_path: Path) -> Iterator[UndoLog]:
    undo = UndoLog(library_path)
    undo.start()
    yield undo
    undo.stop()


def event(library_path: Path) -> Path:
    return library_path / "events" / f"{EVENT_2019}.toml"


def city(path: Path) -> str:
    return str(tomllib.loads(path.read_text(encoding="utf-8"))["city"])


def test_nothing_to_undo(log: UndoLog) -> None:
    assert log.undo() is None


def test_a_save_is_taken_back_and_the_undo_is_no_step(
    log: UndoLog, library_path: Path
) -> None:
    path = event(library_path)
    original = path.read_text(encoding="utf-8")
    snap = storage.update_event(path, {"city": "Lund"}, storage.snapshot(path))
    storage.update_event(path, {"city": "Umeå"}, snap)
    undone = log.undo()
    assert undone is not None and (undone.path, undone.action) == (path, "saved")
    assert city(path) == "Lund"
    log.undo()
    assert path.read_text(encoding="utf-8") == original
    assert log.undo() is None  # the undos were not recorded as changes


def test_a_change_made_since_by_someone_else_is_kept(
    log: UndoLog, library_path: Path
) -> None:
    path = event(library_path)
    storage.update_event(path, {"city": "Lund"}, storage.snapshot(path))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("participants = 200", "participants = 210"))
    log.undo()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["city"], data["participants"]) == ("Malmö", 210)


def test_the_same_field_changed_since_asks_and_keeps_the_step(
    log: UndoLog, library_path: Path
) -> None:
    path = event(library_path)
    storage.update_event(path, {"city": "Lund"}, storage.snapshot(path))
    theirs = path.read_text(encoding="utf-8").replace("Lund", "Göteborg")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(MergeConflict) as caught:
        log.undo()
    assert path.read_text(encoding="utf-8") == theirs
    assert len(log.steps) == 1
    storage.resolve(caught.value, {"city": "ours"})  # the undo's side: Malmö
    assert city(path) == "Malmö"


def test_a_qa_move_is_taken_back(log: UndoLog, library_path: Path) -> None:
    path = next(library_path.glob("*.md"))

    def questions() -> list[str]:
        body = frontmatter.split(path.read_text(encoding="utf-8")).body
        return [entry.question for entry in find_entries(body)]

    before = questions()
    storage.update_body(
        path, lambda body: qa_edit.move_entry(body, 0, 1), storage.snapshot(path)
    )
    assert questions() != before
    log.undo()
    assert questions() == before


def test_a_delete_is_taken_back(log: UndoLog, library_path: Path) -> None:
    path = event(library_path)
    text = path.read_text(encoding="utf-8")
    trash.move_to_trash(library_path, path)
    undone = log.undo()
    assert undone is not None and undone.action == "deleted"
    assert path.read_text(encoding="utf-8") == text
    assert trash.list_trash(library_path) == []


def test_a_new_item_goes_to_the_trash_and_asks_if_changed_since(
    log: UndoLog, library_path: Path
) -> None:
    first = storage.create_event(
        library_path, {"title": "Ny", "kind": "other", "year": 2025}
    )
    second = storage.create_event(
        library_path, {"title": "Andra", "kind": "other", "year": 2025}
    )
    second.write_text(second.read_text(encoding="utf-8") + "city = 'Lund'\n")
    with pytest.raises(ChangedSince):
        log.undo()
    assert second.exists()
    log.undo(force=True)
    assert not second.exists()
    log.undo()
    assert not first.exists()
    assert len(trash.list_trash(library_path)) == 2


def test_changes_to_another_library_are_not_this_logs(
    log: UndoLog, library_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    (other / "events").mkdir(parents=True)
    storage.create_event(other, {"title": "Annan", "kind": "other", "year": 2025})
    assert log.steps == []
