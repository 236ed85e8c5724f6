"""The debug log: `bftui --debug` (or BFTUI_DEBUG=1) writes what happened to a file.

Modules log with `logging.getLogger(__name__)` at DEBUG level, which goes
nowhere unless the log is on; it then goes to `bftui.log` in the user log
folder (`~/.local/state/bftui/log/` on Linux), kept to four files of 1 MB,
with the versions and the terminal at the top of each run, for a problem
report.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from bftui import __version__

_logger = logging.getLogger("bftui")


def log_file() -> Path:
    """Return where the debug log is written."""
    return platformdirs.user_log_path("bftui", appauthor=False) / "bftui.log"


def start(arguments: list[str]) -> Path:
    """Send bftui's log to the log file, and uncaught errors too; return its path.

    Raises:
        OSError: when the log folder cannot be made or written.
    """
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s")
    )
    _logger.addHandler(handler)
    _logger.setLevel(logging.DEBUG)
    _logger.debug(
        "bftui %s, Python %s on %s; TERM=%s COLORTERM=%s LANG=%s; argv=%s",
        __version__,
        platform.python_version(),
        platform.platform(),
        os.environ.get("TERM", ""),
        os.environ.get("COLORTERM", ""),
        os.environ.get("LANG", ""),
        arguments,
    )
    previous = sys.excepthook

    def uncaught(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        _logger.critical("uncaught error", exc_info=(kind, error, tb))
        previous(kind, error, tb)

    sys.excepthook = uncaught
    threading.excepthook = lambda hook: _logger.critical(
        "uncaught error in a thread",
        exc_info=hook.exc_value,
    )
    return path
