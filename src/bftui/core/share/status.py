"""The state of a library's work tree: branch, upstream, ahead/behind, what changed and who by.

One `git status --porcelain=v2 --branch -z` and one `git remote` give it all;
the journal tells bftui's writes from hand edits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bftui.core.share import journal
from bftui.core.share.git import Repo


@dataclass(frozen=True, slots=True)
class State:
    """Where a library's work tree stands."""

    branch: str | None
    """The branch checked out; None when HEAD is detached."""
    commit: str | None
    """The commit checked out; None before the first commit."""
    upstream: str | None
    """The branch it syncs with (e.g. "origin/main"), or None."""
    ahead: int
    """Commits here not yet sent."""
    behind: int
    """Commits fetched, not yet merged here."""
    by_bftui: tuple[str, ...]
    """Files bftui changed and has not committed (library-relative)."""
    by_hand: tuple[str, ...]
    """Files changed by hand: never committed by bftui (library-relative)."""
    unmerged: tuple[str, ...]
    """Files a merge left to resolve (library-relative)."""
    remotes: tuple[str, ...]
    merging: bool
    """A merge is under way (conflicts to resolve, or to finish with a sync)."""
    last_sync: dt.datetime | None

    @property
    def detached(self) -> bool:
        """Return True when no branch is checked out."""
        return self.branch is None and self.commit is not None


@dataclass(slots=True)
class _Parsed:
    branch: str | None = None
    commit: str | None = None
    upstream: str | None = None
    ahead: int = 0
    behind: int = 0
    detached: bool = False


def parse_status(output: str) -> tuple[_Parsed, list[str], list[str]]:
    """Parse `git status --porcelain=v2 --branch -z`: (header, changed, unmerged).

    Paths are as git prints them: relative to the top of the work tree.
    """
    head = _Parsed()
    changed: list[str] = []
    unmerged: list[str] = []
    fields = output.split("\0")
    index = 0
    while index < len(fields):
        entry = fields[index]
        index += 1
        if entry.startswith("# "):
            _header(head, entry[2:])
        elif entry.startswith("1 "):
            changed.append(entry.split(" ", 8)[8])
        elif entry.startswith("2 "):
            changed.append(entry.split(" ", 9)[9])
            changed.append(fields[index])  # the path it was renamed from
            index += 1
        elif entry.startswith("u "):
            unmerged.append(entry.split(" ", 10)[10])
        elif entry.startswith("? "):
            changed.append(entry[2:])
    return head, changed, unmerged


def _header(head: _Parsed, line: str) -> None:
    name, _, value = line.partition(" ")
    if name == "branch.oid":
        head.commit = None if value == "(initial)" else value
    elif name == "branch.head":
        head.detached = value == "(detached)"
        head.branch = None if head.detached else value
    elif name == "branch.upstream":
        head.upstream = value
    elif name == "branch.ab":
        ahead, behind = value.split()
        head.ahead, head.behind = int(ahead), abs(int(behind))


def state(repo: Repo) -> State:
    """Return the state of `repo`'s work tree, limited to the library's files.

    Raises:
        GitError: when git fails.
    """
    where = repo.prefix or "."
    output = repo.git(
        "--no-optional-locks",
        "status",
        "--porcelain=v2",
        "--branch",
        "-z",
        "--untracked-files=all",
        "--",
        where,
    ).stdout
    head, changed, unmerged = parse_status(output)
    written = journal.pending(repo)
    by_bftui: list[str] = []
    by_hand: list[str] = []
    for path in changed:
        inside = repo.in_library(path)
        if inside is None:
            continue
        record = written.get(path)
        mine = record is not None and journal.still_bftuis(repo, record)
        (by_bftui if mine else by_hand).append(inside)
    remotes = tuple(repo.git("remote").stdout.split())
    return State(
        branch=head.branch,
        commit=head.commit,
        upstream=head.upstream,
        ahead=head.ahead,
        behind=head.behind,
        by_bftui=tuple(sorted(set(by_bftui))),
        by_hand=tuple(sorted(set(by_hand))),
        unmerged=tuple(
            sorted(p for u in unmerged if (p := repo.in_library(u)) is not None)
        ),
        remotes=remotes,
        merging=(repo.git_dir / "MERGE_HEAD").exists(),
        last_sync=journal.last_synced(repo),
    )
