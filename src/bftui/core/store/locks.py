"""Advisory edit locks: a `<file>.lock` sidecar says who is editing an item, and since when.

A lock never stops anyone from reading. It is created with `O_EXCL`, so two
editors cannot both take it; its owner touches it while the form is open, and
a lock nobody touched for `STALE_AFTER` (or whose process on this host is
gone) can be broken by someone else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

from bftui.core.text import safe_text
from bftui.paths import in_sample

STALE_AFTER = dt.timedelta(minutes=15)
"""A lock untouched this long belongs to an editor who is gone."""

SUFFIX = ".lock"


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds the lock on an item."""

    path: Path
    """The lock file."""
    user: str
    host: str
    pid: int
    since: dt.datetime
    """When the lock was taken (local time, aware)."""
    touched: dt.datetime
    """When its owner last showed they are still there."""
    token: str

    @property
    def owner(self) -> str:
        """Return "user@host"."""
        return f"{self.user}@{self.host}"

    def is_mine(self) -> bool:
        """Return True if this process holds the lock."""
        return self.host == _host() and self.pid == os.getpid()

    def is_stale(self, now: dt.datetime | None = None) -> bool:
        """Return True if the lock may be broken: untouched too long, or its process is gone."""
        now = now or dt.datetime.now().astimezone()
        if now - self.touched > STALE_AFTER:
            return True
        return self.host == _host() and not _alive(self.pid)


class LockedError(Exception):
    """Someone else holds the lock; `info` says who."""

    def __init__(self, info: LockInfo) -> None:
        super().__init__(info.owner)
        self.info = info


def _host() -> str:
    return socket.gethostname()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def lock_path(path: Path) -> Path:
    """Return the lock file of item file `path`."""
    return path.with_name(path.name + SUFFIX)


def read_lock(path: Path) -> LockInfo | None:
    """Return who holds the lock on item `path`, or None; never raises."""
    lock = lock_path(path)
    try:
        raw = lock.read_text(encoding="utf-8")
        touched = dt.datetime.fromtimestamp(lock.stat().st_mtime).astimezone()
    except OSError:
        return None
    try:
        data = json.loads(raw)
        since = dt.datetime.fromisoformat(data["since"])
        # The lock file is anyone's to write: its names are shown, so made harmless.
        return LockInfo(
            lock,
            safe_text(str(data["user"])),
            safe_text(str(data["host"])),
            int(data["pid"]),
            since,
            max(since, touched),
            str(data["token"]),
        )
    except (ValueError, KeyError, TypeError):
        # Half-written or foreign: treat it as an unknown editor's, judged by mtime.
        return LockInfo(lock, "?", "?", 0, touched, touched, "")


def acquire(path: Path) -> LockInfo | None:
    """Take the lock on item `path`.

    Returns:
        The lock, or None when no lock can be written (a read-only folder):
        editing still works then, and saving reports the real problem.

    Raises:
        LockedError: when someone else holds it.
    """
    lock = lock_path(path)
    if in_sample(path):
        return None  # the sample is read-only: no lock next to it either
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    info = LockInfo(
        lock, getpass.getuser(), _host(), os.getpid(), now, now, uuid.uuid4().hex
    )
    record = {
        "user": info.user,
        "host": info.host,
        "pid": info.pid,
        "since": now.isoformat(),
        "token": info.token,
    }
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            held = read_lock(path)
            if held is None:
                continue  # it was just released: try again
            if held.is_mine():
                return held
            raise LockedError(held) from None
        except OSError:
            return None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        return info
    return None


def touch(info: LockInfo) -> None:
    """Show that the holder of `info` is still editing (keeps the lock fresh)."""
    with contextlib.suppress(OSError):
        os.utime(info.path)


def release(info: LockInfo) -> None:
    """Remove the lock `info`, if it is still that lock."""
    held = read_lock(info.path.with_name(info.path.name.removesuffix(SUFFIX)))
    if held is not None and held.token == info.token:
        with contextlib.suppress(OSError):
            os.unlink(info.path)


def break_lock(info: LockInfo) -> bool:
    """Remove someone else's stale lock `info`; return True if it is gone.

    A lock that is not stale, or that was replaced meanwhile, is left alone.
    """
    current = read_lock(info.path.with_name(info.path.name.removesuffix(SUFFIX)))
    if current is None:
        return True
    if current.token != info.token or not current.is_stale():
        return False
    try:
        os.unlink(info.path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
