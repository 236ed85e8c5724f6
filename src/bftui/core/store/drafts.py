"""Form drafts: what an editor typed, autosaved under the user's state folder.

A draft is kept per library and item (`item` is a key such as
`event:new` or `article:2020/x.md`) until the form saves or the editor
discards it, so a dropped connection never costs an interview.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bftui import paths
from bftui.core.store.atomic import atomic_write, storage_error

_VERSION = 1


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


def drafts_dir() -> Path:
    """Return the folder drafts are kept in."""
    return paths.state_dir() / "drafts"


def _file(library: Path, item: str) -> Path:
    key = f"{library.resolve()}\0{item}".encode()
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
        "fields": draft.fields,
    }
    path = _file(draft.library, draft.item)
    atomic_write(path, json.dumps(record, ensure_ascii=False, indent=1))
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return path


def _read(path: Path) -> Draft | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("version") != _VERSION or not isinstance(record["fields"], dict):
            return None
        return Draft(
            library=Path(record["library"]),
            item=str(record["item"]),
            form=str(record["form"]),
            title=str(record["title"]),
            fields=record["fields"],
            saved=dt.datetime.fromisoformat(record["saved"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load(library: Path, item: str) -> Draft | None:
    """Return the draft of `item` in `library`, or None."""
    return _read(_file(library, item))


def list_drafts(library: Path) -> list[Draft]:
    """Return the drafts kept for `library`, newest first; unreadable ones are skipped."""
    folder = drafts_dir()
    if not folder.is_dir():
        return []
    root = library.resolve()
    found = [
        draft
        for path in folder.glob("*.json")
        if (draft := _read(path)) is not None and draft.library == root
    ]
    return sorted(found, key=lambda d: d.saved, reverse=True)


def discard(library: Path, item: str) -> None:
    """Forget the draft of `item` in `library` (no error if there is none).

    Raises:
        StorageError: when it exists but cannot be removed.
    """
    path = _file(library, item)
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise storage_error(path, error) from error
