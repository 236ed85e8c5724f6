"""Snapshots: what a form opened on, and the conflict when the file changed since.

Written against the survivors of mutation testing (`mutmut run`): what a
conflict holds and says, not only that there is one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bftui.core.store.atomic import StorageError
from bftui.core.store.snapshots import (
    ConflictError,
    Snapshot,
    current_text,
    snapshot,
    text_snapshot,
)
from bftui.i18n import t


def test_a_snapshot_holds_the_digest_size_and_text(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("title = 'Å'\n", encoding="utf-8")
    data = path.read_bytes()
    taken = snapshot(path)
    assert taken == Snapshot(
        hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns, len(data)
    )
    assert taken.text == "title = 'Å'\n"
    assert text_snapshot("title = 'Å'\n") == Snapshot(taken.sha256, 0, len(data))


def test_an_unreadable_or_broken_file_says_which_and_why(tmp_path: Path) -> None:
    missing = tmp_path / "borta.toml"
    with pytest.raises(StorageError) as gone:
        snapshot(missing)
    assert gone.value.path == missing and gone.value.message == t(
        "storage.missing_folder"
    )
    broken = tmp_path / "latin1.toml"
    broken.write_bytes(b"title = '\xe5'\n")
    with pytest.raises(StorageError) as latin1:
        snapshot(broken)
    assert (latin1.value.path, latin1.value.message) == (broken, t("storage.not_utf8"))


def test_a_changed_file_is_a_conflict_that_shows_both_sides(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("a = 1\nb = 2\n", encoding="utf-8")
    opened = snapshot(path)
    path.write_bytes(b"a = 1\nb = 3 \xff\n")  # theirs, not even UTF-8
    with pytest.raises(ConflictError) as caught:
        current_text(path, opened)
    conflict = caught.value
    assert (conflict.path, conflict.base) == (path, "a = 1\nb = 2\n")
    assert conflict.theirs == "a = 1\nb = 3 \ufffd\n"
    assert str(conflict) == str(path)
    assert conflict.diff() == [
        f"--- {t('storage.diff_yours')}",
        f"+++ {t('storage.diff_theirs')}",
        "@@ -1,2 +1,2 @@",
        " a = 1",
        "-b = 2",
        "+b = 3 \ufffd",
    ]
    assert len(conflict.diff(limit=3)) == 3


def test_a_deleted_file_is_a_conflict_with_nothing_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    opened = snapshot(path)
    path.unlink()
    with pytest.raises(ConflictError) as caught:
        current_text(path, opened)
    assert (caught.value.path, caught.value.base, caught.value.theirs) == (
        path,
        "a = 1\n",
        None,
    )
    assert caught.value.diff()[2:] == ["@@ -1 +0,0 @@", "-a = 1"]


def test_an_unchanged_file_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("a = 'Ö'\n", encoding="utf-8")
    assert current_text(path, snapshot(path)) == "a = 'Ö'\n"
