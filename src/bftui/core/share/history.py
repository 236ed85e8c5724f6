"""An item's history in git: its commits, its text at any of them, and deleted items.

`git log` is asked for NUL-separated fields, so no message or name can
break the parsing. An item's history goes on past a rename (`git mv`, or a
new title that gave it a new file name): `git log --follow`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
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
    path: str = ""
    """The item's file in this commit, as git names it from the top (it may
    have been renamed since); empty where not asked for."""

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


def _log(repo: Repo, *args: str) -> list[tuple[Version, list[str]]]:
    """Run `git log args` and return each commit with the files it names."""
    output = repo.git(
        "log", f"--format={_RECORD}{_FIELDS}", "-z", "--name-only", *args
    ).stdout
    commits: list[tuple[Version, list[str]]] = []
    fields = output.split("\0")
    index = 0
    while index < len(fields):
        field = fields[index].lstrip("\n")
        if field.startswith(_RECORD):
            commit, author, email, when, message = [
                field[1:],
                *fields[index + 1 : index + 5],
            ]
            version = Version(
                commit, author, email, dt.datetime.fromisoformat(when), message
            )
            commits.append((version, []))
            index += 5
            continue
        index += 1
        if field and commits:
            commits[-1][1].append(field)
    return commits


def item_log(repo: Repo, path: Path) -> list[Version]:
    """Return the commits that changed item file `path`, newest first.

    Commits from before the item was renamed are in it; each version
    names the file the item had in it.

    Raises:
        GitError: when git fails.
    """
    versions = []
    for version, names in _log(repo, "--follow", "--", repo.to_git(path)):
        name = names[0] if names else repo.to_git(path)
        versions.append(replace(version, path=name))
    return versions


def text_at(repo: Repo, commit: str, path: Path) -> str:
    """Return the text of item file `path` as it was at `commit`.

    At a commit from before the item was renamed, its text under the name
    it had then.

    Raises:
        GitError: when the commit or the file at it does not exist.
    """
    spec = f"{commit}:{repo.to_git(path)}"
    result = repo.git("cat-file", "-p", spec, check=False)
    if result.code != 0:
        earlier = _name_at(repo, commit, path)
        if earlier is None:
            raise error("failed", result.stderr, detail=spec)
        result = repo.git("cat-file", "-p", f"{commit}:{earlier}", check=False)
        if result.code != 0:
            raise error("failed", result.stderr, detail=spec)
    return result.stdout


def _name_at(repo: Repo, commit: str, path: Path) -> str | None:
    """Return the other name item `path` had at `commit`, if it was renamed since."""
    for version in item_log(repo, path):  # newest first
        if (
            repo.git(
                "merge-base", "--is-ancestor", version.commit, commit, check=False
            ).code
            == 0
        ):
            return version.path if version.path != repo.to_git(path) else None
    return None


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
    found: dict[str, Deleted] = {}
    for version, names in _log(repo, "--diff-filter=D", "--", repo.prefix or "."):
        for name in names:
            inside = repo.in_library(name)
            if inside is None or inside in found:
                continue
            if kind_for_path(inside) and not (repo.library / inside).exists():
                found[inside] = Deleted(inside, replace(version, path=name))
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
