"""Atomic file writes: a file is either its old self or its new self, never half."""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from bftui.core import fileio
from bftui.i18n import t
from bftui.paths import in_sample

try:
    import fcntl
except ImportError:  # Windows: saves are still checked, only not serialised
    fcntl = None  # type: ignore[assignment]

SaveT = TypeVar("SaveT", bound=Callable[..., Any])

CHECKPOINT: Callable[[str], None] | None = None
"""Test hook: when set, it is called with "written", "synced" and "replaced"
as a save reaches those steps (the text in the temporary file; the temporary
file synced; the rename done). Crash tests set it in a child process to kill
that process at a chosen step; it is None otherwise."""

TEMP_PREFIX = ".bftui-"
TEMP_SUFFIX = ".tmp"
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
"""This host, as temporary file names name it (a hash: any host name is safe)."""

_ERRNO_KEYS = {
    errno.ENOSPC: "storage.disk_full",
    errno.EDQUOT: "storage.disk_full",
    errno.EACCES: "storage.no_permission",
    errno.EPERM: "storage.no_permission",
    errno.EROFS: "storage.read_only",
    errno.ENOENT: "storage.missing_folder",
    errno.ENOTDIR: "storage.missing_folder",
}


class StorageError(Exception):
    """A file could not be written; `message` says why in the UI language."""

    def __init__(self, path: Path, message: str, error: OSError | None = None) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.errno = error.errno if error else None


def storage_error(path: Path, error: OSError) -> StorageError:
    """Return a `StorageError` that explains OS `error` on `path` to a person."""
    key = _ERRNO_KEYS.get(error.errno or 0)
    if key:
        message = t(key)
    else:
        message = t("storage.os_error", error=error.strerror or str(error))
    return StorageError(path, message, error)


def write_target(path: Path, root: Path | None) -> Path:
    """Return the file to write for `path`, following a symlink only into `root`.

    Replacing a symbolic link would turn it into a plain file, so a link is
    written through: to its target, and only when that target is inside the
    library `root`.

    Raises:
        StorageError: when `path` is a link, or lies in a linked folder, that
            leads outside `root`.
    """
    refuse_sample(path)
    try:
        target = fileio.resolve(path)
        inside = root is not None and target.is_relative_to(fileio.resolve(root))
    except OSError as error:  # A loop of links.
        raise storage_error(path, error) from error
    # A linked folder on the way (events/ -> elsewhere) leads out as surely as a link.
    if root is not None and not inside:
        raise StorageError(path, t("storage.symlink_outside"))
    if not path.is_symlink():
        return path
    if not inside:
        raise StorageError(path, t("storage.symlink_outside"))
    return target


def refuse_sample(path: Path) -> None:
    """Refuse to change anything in the bundled sample or the installed package.

    Raises:
        StorageError: when `path` is there.
    """
    if in_sample(path):
        raise StorageError(path, t("storage.sample_read_only"))


def _umask() -> int:
    # os.umask can only be read by setting it, which races with other threads;
    # Linux reports it in /proc instead.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _reached(step: str) -> None:
    if CHECKPOINT is not None:
        CHECKPOINT(step)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some systems cannot open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_prefix() -> str:
    """Return the start of this process's temporary file names: host and pid.

    `remove_stale_temps` removes a temporary file of a process that has
    died on this host at once, whatever its age.
    """
    return f"{TEMP_PREFIX}{_HOST}-{os.getpid()}-"


def _write_temp(folder: Path, data: bytes, old: os.stat_result | None) -> str:
    """Write `data` to a new temporary file in `folder`, flushed and synced.

    It gets the mode (and group) of `old`, or the usual mode for the user's
    umask. On any error nothing is left behind and the error is raised.
    """
    temp = ""
    try:
        fd, temp = tempfile.mkstemp(
            dir=folder, prefix=_temp_prefix(), suffix=TEMP_SUFFIX
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _reached("written")
            # mkstemp makes 0600 files, which would hide them from co-editors.
            if old is None:
                os.fchmod(handle.fileno(), 0o666 & ~_umask())
            else:
                os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), -1, old.st_gid)
            os.fsync(handle.fileno())
    except BaseException:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    return temp


def atomic_write(path: Path, text: str, *, root: Path | None = None) -> Path:
    """Replace `path` with `text` (UTF-8) so that no reader ever sees half a file.

    The text goes to a temporary file in the same folder, which is flushed,
    synced and renamed over `path`; then the folder is synced. The file keeps
    its mode and group; a new file gets the usual mode for the user's umask.

    Returns:
        The path written, which is the link's target when `path` is a link.

    Raises:
        StorageError: on any OS error; the old file is then intact and no
            temporary file is left behind.
    """
    target = write_target(path, root)
    data = text.encode("utf-8")
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise storage_error(path, error) from error
    temp = ""
    try:
        temp = _write_temp(target.parent, data, old)
        _reached("synced")
        os.replace(temp, target)
        _reached("replaced")
    except BaseException as error:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(error, OSError):
            raise storage_error(path, error) from error
        raise
    _fsync_folder(target.parent)
    return target


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of the folder of file `path` (following a link).

    It keeps other bftui processes from saving into the folder meanwhile. The
    kernel drops a flock when its process dies, so a crash never leaves a
    folder locked; where a folder cannot be locked, saving goes on without.
    """
    try:
        fd = os.open(fileio.resolve(path).parent, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        if fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def one_save_at_a_time(save: SaveT) -> SaveT:
    """Run `save(path, ...)` under `folder_lock(path)`, from its check to its write.

    Without it, two processes could both find the file unchanged since their
    snapshot and the second replace would silently drop the first one's save.
    """

    @functools.wraps(save)
    def locked(path: Path, *args: Any, **kwargs: Any) -> Any:
        with folder_lock(path):
            return save(path, *args, **kwargs)

    return locked  # type: ignore[return-value]


def write_new(path: Path, text: str, *, root: Path | None = None) -> None:
    """Create `path` with `text`, failing if it already exists.

    The text is written to a complete temporary file first, which is then
    hard-linked to `path` (`os.link` fails if the name is taken, so two
    editors never take the same one): whenever the process dies, the name
    is either absent or complete. Where a file system has no hard links,
    the name is claimed with `O_EXCL` and then filled atomically.

    Raises:
        FileExistsError: when the name is taken.
        StorageError: on any other OS error, or when `path` leads out of `root`.
    """
    write_target(path, root)
    temp = ""
    try:
        temp = _write_temp(path.parent, text.encode("utf-8"), None)
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        if temp and error.errno in _NO_HARD_LINKS:
            _claim_and_fill(path, text, root)
        else:
            raise storage_error(path, error) from error
    finally:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _fsync_folder(path.parent)
    # What a creation killed here before left behind (cheap: one folder).
    remove_stale_temps(path.parent, recursive=False)


_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}
)
"""What `os.link` says on file systems without hard links (FAT, some SMB)."""


def _claim_and_fill(path: Path, text: str, root: Path | None) -> None:
    """Create `path` where hard links fail: claim the name, then fill it atomically."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise
    except OSError as error:
        raise storage_error(path, error) from error
    os.close(fd)
    try:
        atomic_write(path, text, root=root)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


STALE_AFTER = 60
"""Seconds after which a leftover temporary file is taken to be abandoned:
writing one takes milliseconds, so one this old belongs to no save."""


def remove_stale_temps(
    root: Path, *, now: float | None = None, recursive: bool = True
) -> int:
    """Remove temporary files a killed save left in `root`; return how many.

    A `.bftui-*.tmp` file goes when it is older than `STALE_AFTER`, or at
    once when the process named in it (on this host) is gone: a younger one
    of a living process may be a save in progress. Errors are ignored (the
    next start tries again); hidden folders such as `.trash` are not entered,
    nor any subfolder unless `recursive`.
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = (
            [name for name in dirs if not name.startswith(".")] if recursive else []
        )
        for name in files:
            if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
                continue
            path = Path(folder, name)
            try:
                if _owner_died(name) or path.lstat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


def _owner_died(name: str) -> bool:
    """Return True if the temporary file `name` is of a process gone from this host."""
    host, _, rest = name[len(TEMP_PREFIX) :].partition("-")
    pid, _, _ = rest.partition("-")
    if host != _HOST or not pid.isdigit() or not 0 < int(pid) < 2**22:
        return False  # Another host's, an older bftui's, or no pid: by age only.
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # Alive, but another user's.
    return False
