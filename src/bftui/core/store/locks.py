"""Advisory edit locks: a `<file>.lock` sidecar says who is editing an item, and since when.

A lock never stops anyone from reading. It is written whole to a temporary
file and linked into place, so a lock file is either absent or complete and
two editors cannot both take it; its owner touches it while the form is
open, and a lock nobody touched for `STALE_AFTER` (or whose process on this
host is gone) can be broken by someone else. The user's own lock left by a
dead process on this host, or a broken lock file the user owns, is cleared
without asking. Lock files lie in the shared library, so every field read
back is untrusted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bftui.core.store import sessions
from bftui.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX, StorageError
from bftui.core.store.sessions import Session
from bftui.i18n import t
from bftui.paths import in_sample

STALE_AFTER = dt.timedelta(minutes=15)
"""A lock untouched this long belongs to an editor who is gone."""

SUFFIX = ".lock"

MAX_BYTES = 4096
"""A lock file longer than this is not one bftui wrote."""


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds the lock on an item."""

    path: Path
    """The lock file."""
    session: Session
    """The editor's session (unknowns in a broken lock)."""
    since: dt.datetime
    """When the lock was taken (local time, aware)."""
    touched: dt.datetime
    """When its owner last showed they are still there."""
    token: str
    broken: bool = False
    """The file is not a readable lock (empty, half-written or foreign)."""
    file_uid: int | None = field(default=None, compare=False)
    """Who owns the lock file, as the file system says."""

    @property
    def owner(self) -> str:
        """Return "user@host"."""
        return self.session.owner

    def is_mine(self) -> bool:
        """Return True if this process holds the lock."""
        return not self.broken and self.session.is_me()

    def is_my_leftover(self) -> bool:
        """Return True if the lock is this user's and nobody can be using it.

        That is a lock of this user's dead process on this host, or a broken
        lock file this user owns (bftui never writes one: it is a leftover).
        """
        if self.broken:
            return self.file_uid is not None and self.file_uid == _uid()
        return self.session.same_user_here() and self.session.alive() is False

    def is_stale(self, now: dt.datetime | None = None) -> bool:
        """Return True if the lock may be broken: untouched too long, or its process is gone."""
        now = now or dt.datetime.now().astimezone()
        if abs(now - self.touched) > STALE_AFTER:
            return True  # a time far in the future is as untrustworthy as an old one
        return not self.broken and self.session.alive() is False


class LockedError(Exception):
    """Someone else holds the lock; `info` says who."""

    def __init__(self, info: LockInfo) -> None:
        super().__init__(info.owner)
        self.info = info


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _user_of(uid: int | None) -> str:
    if uid is None:
        return "?"
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def lock_path(path: Path) -> Path:
    """Return the lock file of item file `path`."""
    return path.with_name(path.name + SUFFIX)


def _item_of(lock: Path) -> Path:
    return lock.with_name(lock.name.removesuffix(SUFFIX))


def _read_raw(lock: Path) -> tuple[bytes, os.stat_result] | None:
    """Return the lock file's first bytes and its status; None if there is none.

    A FIFO or device named like a lock is never opened for reading in a way
    that blocks: it is read as an empty (broken) lock.
    """
    try:
        fd = os.open(lock, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError:
        try:
            return b"", os.stat(lock)
        except OSError:
            return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return b"", status
        return os.read(fd, MAX_BYTES + 1), status
    except OSError:
        return b"", os.fstat(fd)
    finally:
        os.close(fd)


def _time(timestamp: float) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(timestamp).astimezone()
    except (OverflowError, ValueError, OSError):
        return None


def read_lock(path: Path) -> LockInfo | None:
    """Return who holds the lock on item `path`, or None; never raises."""
    lock = lock_path(path)
    try:
        found = _read_raw(lock)
    except OSError:
        return None
    if found is None:
        return None
    raw, status = found
    now = dt.datetime.now().astimezone()
    touched = _time(status.st_mtime) or now - 2 * STALE_AFTER
    uid = getattr(status, "st_uid", None)
    parsed = _parse(raw, touched)
    if parsed is None:
        # Empty, half-written or foreign: an unknown editor's, judged by its age.
        who = Session(_user_of(uid), "?", 0)
        return LockInfo(lock, who, touched, touched, "", True, uid)
    session, since, token = parsed
    return LockInfo(lock, session, since, touched, token, False, uid)


def _parse(raw: bytes, touched: dt.datetime) -> tuple[Session, dt.datetime, str] | None:
    if len(raw) > MAX_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    token, since_text = data.get("token"), data.get("since")
    if not isinstance(token, str) or not token or not isinstance(since_text, str):
        return None
    try:
        since = dt.datetime.fromisoformat(since_text).astimezone()
    except (ValueError, OverflowError, OSError):
        return None
    return sessions.from_record(data), min(since, touched), token


def _record(info: LockInfo) -> str:
    return json.dumps(
        {**info.session.record(), "since": info.since.isoformat(), "token": info.token}
    )


def acquire(path: Path) -> LockInfo | None:
    """Take the lock on item `path`.

    The user's own leftover lock (see `LockInfo.is_my_leftover`) is cleared
    and taken over without asking.

    Raises:
        LockedError: when someone else holds it.
        StorageError: when no lock can be written (a full disk, a read-only
            folder); editing still works then, but nobody sees it is going on.
    """
    lock = lock_path(path)
    if in_sample(path):
        return None  # the sample is read-only: no lock next to it either
    now = dt.datetime.now().astimezone().replace(microsecond=0)
    info = LockInfo(lock, sessions.current(), now, now, uuid.uuid4().hex)
    for _ in range(3):
        if _create(lock, _record(info)):
            return info
        held = read_lock(path)
        if held is None:
            continue  # it was just released: try again
        if held.is_mine():
            return held
        if held.is_my_leftover():
            _remove(held)
            continue
        raise LockedError(held)
    raise StorageError(lock, t("lock.busy"))


def _create(lock: Path, text: str) -> bool:
    """Write `text` as `lock` if there is no lock yet; return False if there is one.

    Raises:
        StorageError: when it cannot be written.
    """
    try:
        fd, temp = tempfile.mkstemp(
            prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=lock.parent
        )
    except OSError as error:
        raise _not_written(lock, error) from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp, 0o644)
        try:
            os.link(temp, lock)
        except FileExistsError:
            return False
        except OSError:
            return _create_in_place(lock, temp)  # a file system without hard links
        return True
    except OSError as error:
        raise _not_written(lock, error) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _create_in_place(lock: Path, temp: str) -> bool:
    """Claim `lock` with O_EXCL and copy `temp` into it; never leave it half-written."""
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(Path(temp).read_bytes())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        raise
    return True


def _not_written(lock: Path, error: OSError) -> StorageError:
    reason = error.strerror or str(error)
    return StorageError(lock, t("lock.not_written", error=reason), error)


def _remove(info: LockInfo) -> None:
    with contextlib.suppress(OSError):
        os.unlink(info.path)


def touch(info: LockInfo) -> None:
    """Show that the holder of `info` is still editing (keeps the lock fresh)."""
    with contextlib.suppress(OSError):
        os.utime(info.path)


def release(info: LockInfo) -> None:
    """Remove the lock `info`, if it is still that lock."""
    held = read_lock(_item_of(info.path))
    if held is not None and not held.broken and held.token == info.token:
        _remove(held)


def break_lock(info: LockInfo) -> bool:
    """Remove someone else's stale lock `info`; return True if it is gone.

    A lock that is not stale, or that was replaced meanwhile, is left alone.
    """
    current = read_lock(_item_of(info.path))
    if current is None:
        return True
    if (current.token, current.broken) != (info.token, info.broken):
        return False
    if not current.is_stale():
        return False
    try:
        os.unlink(info.path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True
