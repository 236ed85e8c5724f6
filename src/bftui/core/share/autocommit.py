"""Commit every change bftui makes to a git library, as it happens.

`enable()` makes the store's announcements (`bftui.core.store.changes`)
reach `record`: each change is noted in the journal and committed with a
message that says what happened. When it cannot be committed (git missing
an identity, a merge under way, a detached HEAD), it stays noted and
`bftui sync` commits it. Hand edits are never committed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bftui.core.store.changes import Change, listen, unlisten

if TYPE_CHECKING:
    from bftui.core.share.git import Repo


def enable(commit: bool = True) -> None:
    """Note every change bftui makes in a git library; with `commit`, commit it too."""
    unlisten(record)
    unlisten(note_only)
    listen(record if commit else note_only)


def disable() -> None:
    """Stop noting and committing changes."""
    unlisten(record)
    unlisten(note_only)


def _noted(change: Change) -> tuple[Repo, str, str] | None:
    # Imported at the first change: the app's start only registers the listener.
    from bftui.core.share import journal
    from bftui.core.share.describe import message
    from bftui.core.share.git import find_repo

    repo = find_repo(change.root)
    if repo is None:
        return None
    path = repo.to_git(change.path)
    if repo.in_library(path) is None:
        return None
    text = message(change)
    journal.note(repo, path, text)
    return repo, path, text


def note_only(change: Change) -> None:
    """Note `change` for the next sync, without committing it."""
    _noted(change)


def record(change: Change) -> None:
    """Note `change` and commit it, unless the work tree is mid-merge or detached."""
    from bftui.core.share import journal
    from bftui.core.share.commit import commit_paths
    from bftui.core.share.git import GitError, work_tree_lock

    noted = _noted(change)
    if noted is None:
        return
    repo, path, text = noted
    with work_tree_lock:
        try:
            if (repo.git_dir / "MERGE_HEAD").exists():
                return
            if repo.git("symbolic-ref", "-q", "HEAD", check=False).code != 0:
                return
            commit_paths(repo, [path], text)
        except GitError:
            return  # kept in the journal: the next sync commits it
        journal.forget(repo, {path})
