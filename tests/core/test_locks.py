"""Edit locks: who holds them, refusing a second editor, breaking only stale locks."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import tempfile
from pathlib import Path
from typing import Any

import pytest

from bftui.core.store import locks, sessions
from bftui.core.store.atomic import StorageError

real_mkstemp = tempfile.mkstemp


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
    other_lock(item, pid=2**22 + 12345, host=socket.gethostname())
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
    assert held is not None and held.broken and held.owner.endswith("@?")


def test_read_only_folder_is_a_message(
    item: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locks.tempfile, "mkstemp", refuse)
    with pytest.raises(StorageError) as caught:
        locks.acquire(item)
    assert "Permission denied" in caught.value.message
    assert not locks.lock_path(item).exists()


def full_disk_mkstemp(**kwargs: Any) -> tuple[int, str]:
    """Make a temporary file as `tempfile.mkstemp` does, on a disk that is full."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    fd, path = real_mkstemp(**kwargs)
    os.close(fd)
    return os.open("/dev/full", os.O_WRONLY), path


def test_full_disk_leaves_no_lock_and_says_so(
    item: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locks.tempfile, "mkstemp", full_disk_mkstemp)
    with pytest.raises(StorageError) as caught:
        locks.acquire(item)
    assert "No space left" in caught.value.message
    assert sorted(p.name for p in item.parent.iterdir()) == ["x.md"]


def my_lock(item: Path, pid: int) -> None:
    me = sessions.current()
    record = {
        **me.record(),
        "pid": pid,
        "started": "",
        "since": "2020-01-01T00:00:00+00:00",
        "token": "old",
    }
    locks.lock_path(item).write_text(json.dumps(record), encoding="utf-8")


def test_my_own_dead_lock_is_cleared_without_asking(item: Path) -> None:
    my_lock(item, pid=2**22 + 12345)
    held = locks.read_lock(item)
    assert held is not None and held.is_my_leftover() and held.is_stale()
    info = locks.acquire(item)
    assert info is not None and info.is_mine() and info.token != "old"
    locks.release(info)
    assert not locks.lock_path(item).exists()


def test_my_lock_from_a_reused_pid_is_a_leftover(item: Path) -> None:
    # The pid is alive (it is this test's own parent), but started at another time.
    me = sessions.current()
    record = {
        **me.record(),
        "pid": os.getppid(),
        "started": "1",
        "since": "2020-01-01T00:00:00+00:00",
        "token": "old",
    }
    locks.lock_path(item).write_text(json.dumps(record), encoding="utf-8")
    info = locks.acquire(item)
    assert info is not None and info.is_mine()


def test_my_live_other_instance_keeps_its_lock(item: Path) -> None:
    # Same user, same host, a process that runs: another instance editing.
    me = sessions.current()
    parent = sessions.Session(
        me.user, me.host, os.getppid(), sessions._start_time(os.getppid()), me.boot
    )
    record = {**parent.record(), "since": "2020-01-01T00:00:00+00:00", "token": "other"}
    locks.lock_path(item).write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(locks.LockedError):
        locks.acquire(item)


def test_my_own_empty_lock_is_cleared(item: Path) -> None:
    locks.lock_path(item).write_bytes(b"")
    info = locks.acquire(item)
    assert info is not None and info.is_mine()
    held = locks.read_lock(item)
    assert held is not None and held.token == info.token


def test_someone_elses_broken_lock_names_the_file_owner(
    item: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locks.lock_path(item).write_bytes(b"")
    monkeypatch.setattr(locks, "_uid", lambda: 4242)
    with pytest.raises(locks.LockedError) as caught:
        locks.acquire(item)
    held = caught.value.info
    assert held.broken and held.owner != "?@?" and held.owner.endswith("@?")
    assert not held.is_stale()


HOSTILE_LOCKS: list[object] = [
    {
        "user": "eva",
        "host": "h",
        "pid": 10**23,
        "since": "2020-01-01T00:00:00",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": 10**23,
        "since": "2020-01-01T00:00:00",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": -1,
        "since": "2020-01-01",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": 0,
        "since": "2020-01-01",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": "12",
        "since": "2020-01-01",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": 1.5,
        "since": "2020-01-01",
        "token": "t",
    },
    {
        "user": "eva",
        "host": socket.gethostname(),
        "pid": True,
        "since": "2020-01-01",
        "token": "t",
    },
    {"user": ["x"], "host": {"a": 1}, "pid": None, "since": "2020-01-01", "token": "t"},
    {
        "user": "\x1b[31m" * 1000,
        "host": "h",
        "pid": 5,
        "since": "2020-01-01",
        "token": "t",
    },
    {"user": "eva", "host": "h", "pid": 5, "since": 20200101, "token": "t"},
    {
        "user": "eva",
        "host": "h",
        "pid": 5,
        "since": "9999-12-31T23:59:59-14:00",
        "token": "t",
    },
    {
        "user": "eva",
        "host": "h",
        "pid": 5,
        "since": "0001-01-01T00:00:00+14:00",
        "token": "t",
    },
    {"user": "eva", "host": "h", "pid": 5, "since": "nonsense", "token": "t"},
    {"user": "eva", "host": "h", "pid": 5, "since": "2020-01-01"},
    {"user": "eva", "host": "h", "pid": 5, "since": "2020-01-01", "token": 7},
    {
        "user": "eva",
        "host": "h",
        "pid": 5,
        "since": "2020-01-01",
        "token": "t",
        "started": 5,
        "boot": [],
    },
    [],
    "text",
    None,
    12,
]


@pytest.mark.parametrize("record", HOSTILE_LOCKS)
def test_any_lock_record_is_read_without_a_crash(item: Path, record: object) -> None:
    lock = locks.lock_path(item)
    lock.write_text(json.dumps(record), encoding="utf-8")
    _use_every_way(item)


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe", b"{" * 100_000, b"[" * 10_000 + b"]" * 10_000, b"x" * 10**6],
)
def test_any_lock_bytes_are_read_without_a_crash(item: Path, content: bytes) -> None:
    locks.lock_path(item).write_bytes(content)
    _use_every_way(item)


@pytest.mark.parametrize("mtime", [0.0, 4e9, 2.5e11])
def test_any_lock_time_is_read_without_a_crash(item: Path, mtime: float) -> None:
    other_lock(item)
    os.utime(locks.lock_path(item), (mtime, mtime))
    held = locks.read_lock(item)
    assert held is not None and held.is_stale()  # so old or so far ahead: breakable


def test_a_fifo_or_folder_named_like_a_lock(item: Path) -> None:
    os.mkfifo(locks.lock_path(item))
    _use_every_way(item)
    locks.lock_path(item).unlink(missing_ok=True)  # this user's: cleared as a leftover
    locks.lock_path(item).mkdir()
    _use_every_way(item)


def _use_every_way(item: Path) -> None:
    held = locks.read_lock(item)
    assert held is not None
    held.is_stale()
    held.is_mine()
    held.is_my_leftover()
    assert isinstance(held.owner, str) and len(held.owner) < 500
    try:
        info = locks.acquire(item)
    except locks.LockedError as error:
        locks.break_lock(error.info)
    except StorageError as error:
        assert error.message
    else:
        assert info is not None and info.is_mine()
        locks.release(info)
