"""Form drafts: what an editor typed, autosaved under the user's state folder.

A draft is kept per library, item (`item` is a key such as `event:new` or
`article:2020/x.md`) and session until the form saves or the editor
discards it, so a dropped connection never costs an interview. A draft
belongs to the session that wrote it: another instance never offers a
running instance's draft, nor deletes it; a draft whose session has ended
is offered to the next one, which adopts it. Draft files are read as
untrusted: a draft with a wrong field is skipped, never a crash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bftui.core.store import sessions
from bftui.core.store.atomic import atomic_write, storage_error
from bftui.core.store.sessions import Session
from bftui.paths import drafts_dir

_VERSION = 2
_READABLE = (1, 2)
"""Version 1 drafts name no session: they are an earlier session's."""

MAX_BYTES = 64 * 1024 * 1024
"""A draft file longer than this is not one bftui wrote."""

QUIET_AFTER = dt.timedelta(minutes=15)
"""A draft of another host's session (a shared home) untouched this long is left behind."""

_FORMS = ("event", "article", "qa")
_PATH = r"[^:\0]+"
_ITEM = re.compile(
    rf"(?:event|article):(?:new|{_PATH})|qa:{_PATH}:(?:\d{{1,9}}|new:(?:end|\d{{1,9}}))"
)
"""The draft keys forms write; anything else in a draft file is not restored."""


@dataclass(frozen=True, slots=True)
class Draft:
    """The contents of one unsaved form."""

    library: Path
    item: str
    """Which item the form is for, e.g. `event:new` or `qa:x.md:2`."""
    form: str
    """Which form: "event", "article" or "qa"."""
    title: str
    """What the draft is called when it is offered for restore."""
    fields: dict[str, Any]
    """The form's values, as JSON-ready text, lists, numbers and booleans."""
    saved: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    owner: Session = field(default_factory=lambda: sessions.current())
    """The session whose form the draft is."""
    file: Path | None = field(default=None, compare=False)
    """The file it was read from."""


def _file(library: Path, item: str, owner: Session) -> Path:
    who = f"{owner.host}\0{owner.pid}\0{owner.started}\0{owner.boot}"
    key = f"{library.resolve()}\0{item}\0{who}".encode()
    return drafts_dir() / f"{hashlib.sha256(key).hexdigest()[:32]}.json"


def save(draft: Draft) -> Path:
    """Write `draft` (atomically, readable only by the user) and return its file.

    Raises:
        StorageError: when it cannot be written.
    """
    folder = drafts_dir()
    try:
        # Drafts may hold unpublished interviews: keep them private.
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise storage_error(folder, error) from error
    record = {
        "version": _VERSION,
        "library": str(draft.library.resolve()),
        "item": draft.item,
        "form": draft.form,
        "title": draft.title,
        "saved": draft.saved.isoformat(),
        "owner": draft.owner.record(),
        "fields": draft.fields,
    }
    path = _file(draft.library, draft.item, draft.owner)
    atomic_write(path, json.dumps(record, ensure_ascii=False, indent=1))
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return path


def _read_bytes(path: Path) -> bytes | None:
    """Return the bytes of regular file `path` up to the limit; None for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None  # a FIFO or device would block, or never end
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= MAX_BYTES else None


def _read(path: Path) -> Draft | None:
    raw = _read_bytes(path)
    if raw is None:
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("version") not in _READABLE:
        return None
    keys = ("library", "item", "form", "title")
    text = {key: value for key in keys if isinstance(value := record.get(key), str)}
    if len(text) != len(keys):
        return None
    fields, saved_text = record.get("fields"), record.get("saved")
    if not isinstance(fields, dict) or not isinstance(saved_text, str):
        return None
    if text["form"] not in _FORMS or not _ITEM.fullmatch(text["item"]):
        return None
    if "\0" in text["library"]:
        return None
    try:
        saved = dt.datetime.fromisoformat(saved_text).astimezone()
    except (ValueError, OverflowError, OSError):
        return None
    owner = sessions.from_record(record.get("owner"))
    return Draft(
        library=Path(text["library"]),
        item=text["item"],
        form=text["form"],
        title=text["title"][:500],
        fields=fields,
        saved=saved,
        owner=owner,
        file=path,
    )


def load(library: Path, item: str) -> Draft | None:
    """Return this session's draft of `item` in `library`, or None."""
    return _read(_file(library, item, sessions.current()))


def _left_behind(draft: Draft) -> bool:
    """Return True if the session that wrote `draft` has ended."""
    alive = draft.owner.alive()
    if alive is not None:
        return not alive
    if draft.owner.host == "?":
        return True  # an old draft that names no session
    # Another host's session (a shared home): ended when it has been quiet long.
    try:
        mtime = draft.file.stat().st_mtime if draft.file else 0.0
    except OSError:
        return False
    age = dt.datetime.now().timestamp() - mtime
    return age > QUIET_AFTER.total_seconds()


def list_drafts(library: Path) -> list[Draft]:
    """Return the drafts left behind for `library` by ended sessions, newest first.

    A running session's drafts (this one's or another instance's) are not
    listed; unreadable ones are skipped.
    """
    folder = drafts_dir()
    if not folder.is_dir():
        return []
    root = library.resolve()
    found = [
        draft
        for path in folder.glob("*.json")
        if (draft := _read(path)) is not None
        and draft.library == root
        and _left_behind(draft)
    ]
    return sorted(found, key=lambda d: d.saved, reverse=True)


def adopt(draft: Draft) -> Draft:
    """Make the left-behind `draft` this session's: write it as ours, then remove the old file.

    Raises:
        StorageError: when it cannot be written (the old file is kept then).
    """
    mine = replace(draft, owner=sessions.current())
    mine = replace(mine, file=save(mine))
    if draft.file is not None and draft.file != mine.file:
        with contextlib.suppress(OSError):
            draft.file.unlink()
    return mine


def touch(library: Path, item: str) -> None:
    """Show that this session's draft of `item` is still being edited (if there is one)."""
    with contextlib.suppress(OSError):
        os.utime(_file(library, item, sessions.current()))


def discard(library: Path, item: str) -> None:
    """Forget this session's draft of `item` in `library` (no error if there is none).

    Raises:
        StorageError: when it exists but cannot be removed.
    """
    _unlink(_file(library, item, sessions.current()))


def discard_left_behind(draft: Draft) -> bool:
    """Delete the file of a listed draft, unless its session turns out to be running.

    Returns False when the draft was kept because a live session owns it.

    Raises:
        StorageError: when it exists but cannot be removed.
    """
    if draft.file is None:
        return False
    now = _read(draft.file)
    if now is not None and not _left_behind(now):
        return False
    _unlink(draft.file)
    return True


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise storage_error(path, error) from error


def fitted(
    values: Any,
    template: Mapping[str, Any],
    *,
    choices: Mapping[str, Collection[str]] | None = None,
    rows: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Return a draft's form `values` shaped like `template`, the form's own values.

    Every key of the template is there; a value of the wrong type (or, for a
    key in `choices`, not among them) is the template's; unknown keys are
    dropped; a list is a list of rows of text with the keys of `rows[key]`.
    """
    values = values if isinstance(values, dict) else {}
    shaped: dict[str, Any] = {}
    for key, default in template.items():
        value = values.get(key, default)
        if isinstance(default, list):
            row = (rows or {}).get(key, {})
            ok = isinstance(value, list)
            value = [_row(v, row) for v in value if isinstance(v, dict)] if ok else []
        elif default is None or isinstance(default, bool):
            value = value if value is None or isinstance(value, bool) else default
        elif not isinstance(value, type(default)):
            value = default
        if key in (choices or {}) and value not in (choices or {})[key]:
            value = default
        shaped[key] = value
    return shaped


def _row(value: dict[str, Any], row: Mapping[str, Any]) -> dict[str, str]:
    return {key: v if isinstance(v := value.get(key), str) else "" for key in row}
