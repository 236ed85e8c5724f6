"""What bftui wrote and has not committed yet, kept in the repository's private folder.

Each write adds a line (path, content hash, commit message) to
`<git dir>/bftui/written`; a changed file counts as bftui's only while its
content is still what bftui wrote, so a later hand edit shows as a hand
edit. Nothing here is in the work tree, so it is never committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from bftui.core import fileio
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.share.git import Repo

_JOURNAL = "written"
_LAST_SYNC = "last-sync"


@dataclass(frozen=True, slots=True)
class Written:
    """One file bftui wrote (or removed) and has not committed."""

    path: str
    """Relative to the top of the work tree."""
    sha: str | None
    """SHA-256 of the content written; None when bftui removed the file."""
    message: str


def _folder(repo: Repo) -> Path:
    return repo.git_dir / "bftui"


def content_sha(path: Path) -> str | None:
    """Return the SHA-256 of file `path`, or None when it does not exist."""
    try:
        return hashlib.sha256(fileio.read_bytes(path, MAX_FILE_BYTES)).hexdigest()
    except FileNotFoundError:
        return None
    except OSError:
        return None  # A folder, a FIFO or a file too big: never an item bftui wrote.


def note(repo: Repo, path: str, message: str) -> None:
    """Record that bftui just wrote (or removed) `path` for the reason `message`."""
    record = {"path": path, "sha": content_sha(repo.path(path)), "message": message}
    folder = _folder(repo)
    folder.mkdir(exist_ok=True)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    # One append per write: lines from two processes never interleave.
    fd = os.open(folder / _JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def pending(repo: Repo) -> dict[str, Written]:
    """Return the last record of each path bftui wrote, by path."""
    try:
        lines = (_folder(repo) / _JOURNAL).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, Written] = {}
    for line in lines:
        try:
            data = json.loads(line)
            found[data["path"]] = Written(data["path"], data["sha"], data["message"])
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash
    return found


def still_bftuis(repo: Repo, written: Written) -> bool:
    """Return True if the file is still as bftui left it (no hand edit since)."""
    return content_sha(repo.path(written.path)) == written.sha


def forget(repo: Repo, paths: set[str]) -> None:
    """Drop the records of `paths` (they are committed, or nothing is left to commit)."""
    journal = _folder(repo) / _JOURNAL
    kept = [w for w in pending(repo).values() if w.path not in paths]
    with contextlib.suppress(OSError):
        if not kept:
            journal.unlink(missing_ok=True)
            return
        temp = journal.with_name(_JOURNAL + ".new")
        temp.write_text(
            "".join(
                json.dumps(
                    {"path": w.path, "sha": w.sha, "message": w.message},
                    ensure_ascii=False,
                )
                + "\n"
                for w in kept
            ),
            encoding="utf-8",
        )
        os.replace(temp, journal)


def mark_synced(repo: Repo) -> None:
    """Remember that the library was synced now."""
    folder = _folder(repo)
    with contextlib.suppress(OSError):
        folder.mkdir(exist_ok=True)
        (folder / _LAST_SYNC).write_text(
            dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            encoding="utf-8",
        )


def last_synced(repo: Repo) -> dt.datetime | None:
    """Return when the library was last synced, or None."""
    try:
        text = (_folder(repo) / _LAST_SYNC).read_text(encoding="utf-8").strip()
        return dt.datetime.fromisoformat(text)
    except (OSError, ValueError):
        return None
