"""Who is running: this process's session, and whether a recorded one is still alive.

Locks and drafts say which session wrote them (user, host, process, the
process's start and the machine's boot), so a running instance's files are
never taken for leftovers, and a dead instance's are recognised even when
its process number has since been given to another program.
Every field read back is untrusted: a record is anyone's to write.
"""

from __future__ import annotations

import functools
import getpass
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bftui.core.text import safe_text

MAX_PID = 2**22
"""Process numbers above this exist on no system (Linux's limit is 2**22)."""


@dataclass(frozen=True, slots=True)
class Session:
    """One running (or once running) instance of bftui."""

    user: str
    host: str
    pid: int
    """The process number; 0 when the record did not say (or said nonsense)."""
    started: str = ""
    """When the process started, as the system counts it ("" when unknown)."""
    boot: str = ""
    """Which boot of `host` the process ran in ("" when unknown)."""

    @property
    def owner(self) -> str:
        """Return "user@host"."""
        return f"{self.user}@{self.host}"

    def is_me(self) -> bool:
        """Return True if this is the running process's session."""
        me = current()
        return self.host == me.host and self.pid == me.pid and self.same_run(me)

    def same_user_here(self) -> bool:
        """Return True if the session was this user's, on this host."""
        me = current()
        return self.user == me.user and self.host == me.host

    def same_run(self, other: Session) -> bool:
        """Return False if the two records are known to be different processes."""
        return not (self.boot and other.boot and self.boot != other.boot) and not (
            self.started and other.started and self.started != other.started
        )

    def alive(self) -> bool | None:
        """Return whether the session's process still runs; None when it cannot be told.

        Only a process on this host can be asked; a record from another
        boot of this host, or naming no real process, is dead.
        """
        if self.host != current().host:
            return None
        if self.boot and self.boot != _boot_id():
            return False
        if not 0 < self.pid <= MAX_PID or not _pid_alive(self.pid):
            return False
        return not self.started or self.started == _start_time(self.pid)

    def record(self) -> dict[str, Any]:
        """Return the session as a JSON-ready record."""
        return {
            "user": self.user,
            "host": self.host,
            "pid": self.pid,
            "started": self.started,
            "boot": self.boot,
        }


@functools.cache
def current() -> Session:
    """Return the session of this process."""
    pid = os.getpid()
    return Session(_user(), socket.gethostname(), pid, _start_time(pid), _boot_id())


def forget_current() -> None:
    """Forget the cached session (after a fork, or in tests that pretend to be another)."""
    current.cache_clear()


def from_record(record: Any) -> Session:
    """Return the session a record names; wrong or missing fields become unknowns."""
    if not isinstance(record, dict):
        record = {}
    pid = record.get("pid")
    return Session(
        user=_name(record.get("user")),
        host=_name(record.get("host")),
        pid=pid if type(pid) is int and 0 < pid <= MAX_PID else 0,
        started=_name(record.get("started"), ""),
        boot=_name(record.get("boot"), ""),
    )


def _name(value: Any, unknown: str = "?") -> str:
    # Shown in the UI: made harmless, and kept short.
    if not isinstance(value, str) or not value.strip():
        return unknown
    return safe_text(value)[:200]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # it exists but is not ours (EPERM), or cannot be asked
    return True


def _start_time(pid: int) -> str:
    """Return when process `pid` started, in clock ticks since boot ("" if unknown)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # The command name (field 2) is in parentheses and may hold spaces.
    fields = stat.rpartition(")")[2].split()
    return fields[19] if len(fields) > 19 else ""


@functools.cache
def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""
