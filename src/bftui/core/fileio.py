"""Read files of unknown size and kind safely, and resolve paths that may loop.

Every read of a user-given or library file goes through `read_bytes`: it
reads at most its limit plus one byte whatever `stat` claims (`/dev/zero`
says 0), never blocks (a FIFO is opened with `O_NONBLOCK` and refused, like
any file that is not a regular file) and says what was wrong in an
`OSError` whose `strerror` is a message in the UI language.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from bftui.i18n import t


class RefusedError(OSError):
    """A file not read on purpose; prints as `path: message`, without an errno."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class NotRegularFileError(RefusedError):
    """The path is a folder, a FIFO, a device or a socket: never read."""


class TooLargeError(RefusedError):
    """The file holds more than the reader's limit."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(
            errno.EFBIG, t("file.too_large", limit=_megabytes(limit)), str(path)
        )
        self.limit = limit


def _megabytes(limit: int) -> str:
    return f"{limit / 2**20:g}"


def open_file(path: Path | str) -> BinaryIO:
    """Open the regular file `path` for reading, never blocking on a FIFO or device.

    Raises:
        NotRegularFileError: for anything but a regular file.
        OSError: when it cannot be opened.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(errno.EINVAL, t("file.not_regular"), str(path))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, limit: int) -> bytes:
    """Return the bytes of the regular file `path`, at most `limit` of them.

    Raises:
        OSError: as `read_file` does.
    """
    return read_file(path, limit)[0]


def read_file(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """Return the bytes of the regular file `path` (at most `limit`) and its stat.

    Raises:
        NotRegularFileError: for anything but a regular file (checked on the
            open file, so a swap after a check cannot fool it).
        TooLargeError: when the file holds more than `limit` bytes.
        OSError: when it cannot be opened or read (a link loop: `ELOOP`).
    """
    with open_file(path) as file:
        info = os.fstat(file.fileno())
        if info.st_size > limit:
            raise TooLargeError(path, limit)  # No need to read what stat admits.
        data = file.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(path, limit)
    return data, info


def read_text(path: Path, limit: int) -> str:
    """Return the UTF-8 text of `path` (see `read_bytes`).

    Raises:
        OSError: as `read_bytes` does.
        UnicodeDecodeError: when the file is not UTF-8.
    """
    return read_bytes(path, limit).decode("utf-8")


def resolve(path: Path) -> Path:
    """Return `path` made absolute with every link followed (`Path.resolve`).

    Raises:
        OSError: `ELOOP` for a loop of links, where Python 3.11 and 3.12
            raise `RuntimeError` and 3.13 follows the loop unless strict.
    """
    try:
        try:
            return path.resolve(strict=True)
        except OSError as error:
            if error.errno == errno.ELOOP:  # Python 3.13
                raise RuntimeError(error.strerror) from error
        return path.resolve()  # A path not (all) there yet.
    except RuntimeError as error:
        raise RefusedError(errno.ELOOP, t("file.loop"), str(path)) from error
