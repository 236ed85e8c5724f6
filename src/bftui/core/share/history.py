"""An item's history in git: its commits, its text at any of them, and deleted items.

`git log` is asked for NUL-separated fields, so no message or name can
break the parsing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bftui.core.share.git import Repo, error
from bftui.core.store.atomic import write_new
from bftui.core.store.changes import Change, announce
from bftui.core.store.merge import kind_for_path

_FIELDS = "%H%x00%an%x00%ae%x00%aI%x00%s"
_RECORD = "\x1e"


@dataclass(frozen=True, slots=True)
class Version:
    """One commit that changed an item."""

    commit: str
    author: str
    email: str
    when: dt.datetime
    message: str

    @property
    def short(self) -> str:
        """Return the commit's short name."""
        return self.commit[:10]


@dataclass(frozen=True, slots=True)
class Deleted:
    """An item deleted in a commit, restorable from the one before it."""

    path: str
    """Library-relative."""
    version: Version
    """The commit that deleted it."""


def _version(fields: list[str]) -> Version:
    commit, author, email, when, message = fields
    return Version(commit, author, email, dt.datetime.fromisoformat(when), message)


def item_log(repo: Repo, path: Path) -> list[Version]:
    """Return the commits that changed item file `path`, newest first.

    Raises:
        GitError: when git fails.
    """
    output = repo.git(
        "log", f"--format={_FIELDS}", "-z", "--", repo.to_git(path)
    ).stdout
    fields = output.split("\0")
    return [
        _version(fields[start : start + 5])
        for start in range(0, len(fields) - 4, 5)
        if fields[start]
    ]


def text_at(repo: Repo, commit: str, path: Path) -> str:
    """Return the text of item file `path` as it was at `commit`.

    Raises:
        GitError: when the commit or the file at it does not exist.
    """
    spec = f"{commit}:{repo.to_git(path)}"
    result = repo.git("cat-file", "-p", spec, check=False)
    if result.code != 0:
        raise error("failed", result.stderr, detail=spec)
    return result.stdout


def find_commit(repo: Repo, name: str) -> str:
    """Return the full name of commit `name` (a short name, a branch, HEAD~2).

    Raises:
        GitError: when there is no such commit.
    """
    result = repo.git("rev-parse", "-q", "--verify", f"{name}^{{commit}}", check=False)
    if result.code != 0:
        raise error("failed", detail=name)
    return result.stdout.strip()


def deleted_items(repo: Repo) -> list[Deleted]:
    """Return the items deleted in history that are not in the library now, newest first."""
    output = repo.git(
        "log",
        "--diff-filter=D",
        f"--format={_RECORD}{_FIELDS}",
        "-z",
        "--name-only",
        "--",
        repo.prefix or ".",
    ).stdout
    found: dict[str, Deleted] = {}
    version: Version | None = None
    fields = output.split("\0")
    index = 0
    while index < len(fields):
        field = fields[index].lstrip("\n")
        if field.startswith(_RECORD):
            version = _version([field[1:], *fields[index + 1 : index + 5]])
            index += 5
            continue
        index += 1
        inside = repo.in_library(field) if field else None
        if version is None or inside is None or inside in found:
            continue
        if kind_for_path(inside) and not (repo.library / inside).exists():
            found[inside] = Deleted(inside, version)
    return list(found.values())


def restore_deleted(repo: Repo, deleted: Deleted) -> Path:
    """Bring `deleted` back from the commit before the one that deleted it.

    Raises:
        GitError: when git cannot give its text.
        FileExistsError: when a file of that name is there now (never overwritten).
        StorageError: when it cannot be written.
    """
    path = repo.library / deleted.path
    text = text_at(repo, f"{deleted.version.commit}^", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_new(path, text, root=repo.library)
    announce(Change(repo.library, path, "restored", after=text))
    return path
