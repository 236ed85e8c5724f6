"""Edit locks: who holds them, refusing a second editor, breaking only stale locks."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from bftui.core.store import locks


@pytest.fixture
def item(tmp_path: Path) -> Path:
    path = tmp_path / "x.md"
    path.write_text("+++\n+++\n", encoding="utf-8")
    return path


def other_lock(
    item: Path, *, pid: int = 1, host: str = "elsewhere", age: float = 0
) -> None:
    since = dt.datetime.now().astimezone() - dt.timedelta(seconds=age)
    record = {
        "user": "eva",
        "host": host,
        "pid": pid,
        "since": since.isoformat(),
        "token": "t",
    }
    lock = locks.lock_path(item)
    lock.write_text(json.dumps(record), encoding="utf-8")
    os.utime(lock, (since.timestamp(), since.timestamp()))


def test_acquire_release(item: Path) -> None:
    info = locks.acquire(item)
    assert info is not None and info.is_mine()
    assert locks.lock_path(item).exists()
    held = locks.read_lock(item)
    assert held is not None and held.token == info.token and "@" in held.owner
    assert locks.acquire(item) == held  # the same process may reopen
    locks.release(info)
    assert not locks.lock_path(item).exists()
    assert locks.read_lock(item) is None


def test_someone_else_holds_it(item: Path) -> None:
    other_lock(item)
    with pytest.raises(locks.LockedError) as caught:
        locks.acquire(item)
    assert caught.value.info.owner == "eva@elsewhere"
    assert not caught.value.info.is_stale()
    assert not locks.break_lock(caught.value.info)
    assert locks.read_lock(item) is not None
    # Reading is never blocked.
    assert item.read_text(encoding="utf-8")


def test_stale_lock_can_be_broken(item: Path) -> None:
    other_lock(item, age=locks.STALE_AFTER.total_seconds() + 60)
    held = locks.read_lock(item)
    assert held is not None and held.is_stale()
    assert locks.break_lock(held)
    assert locks.acquire(item) is not None


def test_lock_of_a_dead_process_here_is_stale(item: Path) -> None:
    other_lock(item, pid=2**22 + 12345, host=locks._host())
    held = locks.read_lock(item)
    assert held is not None and held.is_stale()


def test_touch_keeps_it_fresh(item: Path) -> None:
    other_lock(item, age=locks.STALE_AFTER.total_seconds() + 60)
    held = locks.read_lock(item)
    assert held is not None
    locks.touch(held)
    fresh = locks.read_lock(item)
    assert fresh is not None and not fresh.is_stale()


def test_garbage_lock_is_readable(item: Path) -> None:
    locks.lock_path(item).write_text("not json", encoding="utf-8")
    held = locks.read_lock(item)
    assert held is not None and held.owner == "?@?"


def test_read_only_folder_gives_no_lock(
    item: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert locks.acquire(item) is None
