"""Every change made through bftui is committed with a message that says what happened."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_values import ARTICLE, EVENT
from gitrepos import git

from bftui.core.items import qa_edit
from bftui.core.share import autocommit
from bftui.core.share.git import open_repo
from bftui.core.share.status import state
from bftui.core.store import storage, trash
from bftui.i18n import set_language


def last_message(folder: Path) -> str:
    return git(folder, "log", "-1", "--format=%s").strip()


def commits(folder: Path) -> int:
    return int(git(folder, "rev-list", "--count", "HEAD"))


@pytest.fixture
def committing(git_library: Path) -> Path:
    autocommit.enable()
    return git_library


def test_a_new_event_is_committed_as_the_user(committing: Path) -> None:
    path = storage.create_event(committing, {"title": "Träff i Umeå", "year": 2025})
    assert last_message(committing) == "Nytt evenemang: Träff i Umeå"
    assert git(committing, "log", "-1", "--format=%an <%ae>").strip() == (
        "Malin Malmö <malin@example.org>"
    )
    assert git(committing, "status", "--porcelain", "--", str(path)) == ""


def test_a_new_question_says_so_in_the_ui_language(committing: Path) -> None:
    path = committing / ARTICLE
    snap = storage.snapshot(path)
    storage.update_body(
        path, lambda body: qa_edit.add_entry(body, "Varför?", "Därför."), snap
    )
    assert last_message(committing).startswith("Ny fråga i Malmö-teamets")
    set_language("en")
    snap = storage.snapshot(path)
    storage.update_body(path, lambda body: qa_edit.move_entry(body, 0, 1), snap)
    assert last_message(committing).startswith("Moved a question in Malmö-teamets")
    snap = storage.snapshot(path)
    storage.update_body(path, lambda body: qa_edit.delete_entry(body, 0), snap)
    assert last_message(committing).startswith("Deleted a question in")


def test_a_save_a_delete_and_a_restore_are_each_one_commit(committing: Path) -> None:
    path = committing / EVENT
    before = commits(committing)
    storage.update_event(path, {"city": "Lund"}, storage.snapshot(path))
    assert (
        last_message(committing) == "Sparade Svenska Bostad först-nätverkets träff 2019"
    )
    moved = trash.move_to_trash(committing, path)
    assert (
        last_message(committing)
        == "Tog bort Svenska Bostad först-nätverkets träff 2019"
    )
    trash.restore(committing, moved)
    assert (
        last_message(committing)
        == "Återställde Svenska Bostad först-nätverkets träff 2019"
    )
    assert commits(committing) == before + 3
    assert git(committing, "status", "--porcelain") == ""


def test_hand_edits_are_never_committed(committing: Path) -> None:
    hand = committing / ARTICLE
    hand.write_text(hand.read_text(encoding="utf-8") + "\nFör hand.\n", "utf-8")
    storage.create_event(committing, {"title": "Ny", "year": 2025})
    assert git(committing, "status", "--porcelain") == f" M {ARTICLE}\n"
    now = state(open_repo(committing))
    assert now.by_hand == (ARTICLE,) and now.by_bftui == ()


def test_a_hand_edit_after_a_bftui_save_counts_as_by_hand(git_library: Path) -> None:
    autocommit.enable(commit=False)
    path = git_library / EVENT
    storage.update_event(path, {"city": "Lund"}, storage.snapshot(path))
    repo = open_repo(git_library)
    assert state(repo).by_bftui == (EVENT,)
    path.write_text(path.read_text(encoding="utf-8") + "# för hand\n", "utf-8")
    assert state(repo).by_hand == (EVENT,)


def test_with_the_switch_off_nothing_is_committed(git_library: Path) -> None:
    autocommit.enable(commit=False)
    before = commits(git_library)
    storage.create_event(git_library, {"title": "Ny", "year": 2025})
    assert commits(git_library) == before
    assert state(open_repo(git_library)).by_bftui == ("events/2025-ny.toml",)


def test_a_library_without_git_is_saved_as_before(library_path: Path) -> None:
    autocommit.enable()
    path = storage.create_event(library_path, {"title": "Ny", "year": 2025})
    assert path.is_file() and not (library_path / ".git").exists()
