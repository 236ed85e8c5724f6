"""Deleting moves an item to `<library>/.trash/<when>/<its folder>/`, where it can be restored."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from bftui.core.store.atomic import StorageError, refuse_sample, storage_error
from bftui.core.store.changes import Change, announce
from bftui.i18n import t

TRASH_DIR = ".trash"
_STAMP = "%Y-%m-%dT%H-%M-%S"


@dataclass(frozen=True, slots=True)
class Trashed:
    """One deleted file in the trash."""

    path: Path
    """Where it is in the trash."""
    original: Path
    """Where it was, relative to the library."""
    deleted: dt.datetime


def _relative(root: Path, path: Path) -> Path:
    # The item itself, not what a link points at: a link is moved as a link.
    absolute = path.parent.resolve() / path.name
    try:
        return absolute.relative_to(root.resolve())
    except ValueError:
        raise StorageError(path, t("storage.outside_library")) from None


def _inside(root: Path, path: Path) -> bool:
    """Return True if `path`, with every link on the way followed, is in `root`."""
    return path.resolve().is_relative_to(root.resolve())


def move_to_trash(root: Path, path: Path) -> Trashed:
    """Move item file `path` of library `root` into the trash.

    Raises:
        StorageError: when it is not in the library or cannot be moved.
    """
    refuse_sample(path)
    relative = _relative(root, path)
    if relative.parts and relative.parts[0] == TRASH_DIR:
        raise StorageError(path, t("storage.outside_library"))
    if not _inside(root, root / TRASH_DIR):
        # A linked .trash would move the item out of the library.
        raise StorageError(root / TRASH_DIR, t("storage.outside_library"))
    now = dt.datetime.now().replace(microsecond=0)
    base = root / TRASH_DIR / now.strftime(_STAMP)
    folder, number = base, 1
    while (folder / relative).exists():
        number += 1
        folder = base.with_name(f"{base.name}-{number}")
    target = folder / relative
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(path, target)
    except OSError as error:
        raise storage_error(path, error) from error
    announce(Change(root, root / relative, "deleted", trashed=target))
    return Trashed(target, relative, now)


def list_trash(root: Path) -> list[Trashed]:
    """Return what is in the trash of library `root`, newest first."""
    trash = root / TRASH_DIR
    found: list[Trashed] = []
    if not trash.is_dir() or not _inside(root, trash):
        return found
    for stamp in trash.iterdir():
        try:
            when = dt.datetime.strptime(stamp.name[:19], _STAMP)
        except ValueError:
            continue
        for folder, _dirs, files in os.walk(stamp):
            for name in files:
                path = Path(folder, name)
                found.append(Trashed(path, path.relative_to(stamp), when))
    return sorted(found, key=lambda item: (item.deleted, str(item.path)), reverse=True)


def restore(root: Path, item: Trashed) -> Path:
    """Put `item` back where it was and return that path.

    Raises:
        StorageError: when a file is there now (it is never overwritten), or
            the move fails.
    """
    target = root / item.original
    if not _inside(root, target) or not _inside(root, item.path):
        raise StorageError(target, t("storage.outside_library"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            # link() fails if the name is taken, so nothing is ever overwritten.
            os.link(item.path, target, follow_symlinks=False)
        except FileExistsError:
            raise StorageError(target, t("storage.restore_exists")) from None
        except OSError:
            if target.exists() or target.is_symlink():
                raise StorageError(target, t("storage.restore_exists")) from None
            os.rename(item.path, target)
        else:
            os.unlink(item.path)
    except OSError as error:
        raise storage_error(target, error) from error
    _prune(item.path.parent, root / TRASH_DIR)
    announce(Change(root, target, "restored", after=_text(target)))
    return target


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _prune(folder: Path, trash: Path) -> None:
    """Remove the folders emptied by a restore, up to the trash itself."""
    while folder != trash and folder.is_relative_to(trash):
        with contextlib.suppress(OSError):
            folder.rmdir()
        if folder.exists():
            return
        folder = folder.parent
