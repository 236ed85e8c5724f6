"""Sync a library with its remote: commit what bftui wrote, fetch, merge, push.

Nothing is lost on any failure: bftui's writes are committed before anything
talks to the network; a failed fetch or push leaves the commits here to send
next time; a merge that conflicts stops with every file valid (the merge
driver keeps our side of a conflicting unit) for the app to resolve; a push
refused because someone else was first fetches, merges and tries again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bftui.core.share import journal
from bftui.core.share.commit import commit_paths
from bftui.core.share.git import (
    NETWORK_TIMEOUT,
    GitError,
    Repo,
    error,
    work_tree_lock,
)
from bftui.core.share.setup import check_out_shared_branch, prepare
from bftui.core.share.status import State, state
from bftui.i18n import t

PUSH_TRIES = 3
"""How often a push refused as out of date is fetched, merged and tried again."""

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Synced:
    """What one sync did."""

    committed: int
    """Files bftui wrote that this sync committed."""
    received: int
    """Commits merged from the remote."""
    sent: int
    """Commits sent to the remote."""
    by_hand: tuple[str, ...]
    """Files changed by hand: left as they are, not shared."""


def _quiet(_: str) -> None:
    return None


def commit_pending(repo: Repo, now: State) -> int:
    """Commit the files bftui wrote and nobody changed since; return how many."""
    written = journal.pending(repo)
    changed = {repo.to_git(repo.library / path) for path in now.by_bftui}
    mine = [w for w in written.values() if w.path in changed]
    done = {w.path for w in written.values() if w.path not in changed}
    if mine:
        messages = list(dict.fromkeys(w.message for w in mine))
        text = messages[0] if len(messages) == 1 else t("git.msg.sync")
        if len(messages) > 1:
            text += "\n\n" + "\n".join(f"- {m}" for m in messages)
        commit_paths(repo, [w.path for w in mine], text)
        done |= {w.path for w in mine}
    # Records of files committed by hand or changed by hand since are dropped too:
    # a hand edit is the editor's to share.
    journal.forget(repo, done)
    return len(mine)


def _target(repo: Repo, now: State) -> tuple[str, str]:
    """Return the remote and its branch that the checked-out branch syncs with."""
    if now.upstream:
        remote, _, branch = now.upstream.partition("/")
        if remote in now.remotes and branch:
            return remote, branch
    if not now.remotes:
        raise error("no_remote", path=repo.library)
    remote = "origin" if "origin" in now.remotes else now.remotes[0]
    return remote, now.branch or "main"


def _adopt_shared_branch(repo: Repo, now: State, progress: Progress) -> State:
    """Check out the remote's branch in a clone with no commit yet (see `check_out_shared_branch`)."""
    if now.commit is not None or not now.remotes:
        return now
    remote = "origin" if "origin" in now.remotes else now.remotes[0]
    progress(t("sync.fetch", remote=remote))
    repo.git("fetch", "--quiet", remote, timeout=NETWORK_TIMEOUT, network=True)
    return state(repo) if check_out_shared_branch(repo, remote) else now


def _rebases(repo: Repo) -> bool:
    """Return True when the user has git pull rebase (`pull.rebase = true`)."""
    result = repo.git("config", "--type=bool", "--get", "pull.rebase", check=False)
    return result.stdout.strip() == "true"


def _rebase(repo: Repo, upstream: str) -> bool:
    """Rebase onto `upstream`; on any trouble undo it and return False (merge instead)."""
    if repo.git("rebase", "-q", upstream, check=False).code == 0:
        return True
    repo.git("rebase", "--abort", check=False)
    return False


def _count(repo: Repo, spec: str) -> int:
    return int(repo.git("rev-list", "--count", spec).stdout.strip() or 0)


def _exists(repo: Repo, ref: str) -> bool:
    return repo.git("rev-parse", "-q", "--verify", ref, check=False).code == 0


_OVERWRITTEN = re.compile(r"would be overwritten by merge:\n((?:\t.*\n)+)")


def _merge(repo: Repo, remote: str, upstream: str) -> None:
    message = t("git.msg.merge", remote=remote)
    result = repo.git("merge", "--no-edit", "-q", "-m", message, upstream, check=False)
    if result.code == 0:
        return
    unmerged = state(repo).unmerged
    if unmerged:
        raise error("conflict", count=len(unmerged), paths=", ".join(unmerged))
    found = _OVERWRITTEN.search(result.stderr)
    if found:
        paths = ", ".join(line.strip() for line in found.group(1).splitlines())
        raise error("dirty", result.stderr, detail=paths)
    raise error("failed", result.stderr)


def _finish_merge(repo: Repo, now: State) -> None:
    """Commit a merge whose conflicts have all been resolved."""
    if now.unmerged:
        raise error("unresolved", paths=", ".join(now.unmerged))
    if now.merging:
        repo.git("commit", "--no-edit", "-q")


def sync(repo: Repo, progress: Progress = _quiet) -> Synced:
    """Commit what bftui wrote, fetch, merge and push; report each step to `progress`.

    Fetched commits are merged, or rebased onto when the user's git says
    `pull.rebase = true` and nothing changed by hand is in the way (a rebase
    that conflicts is undone and merged instead, for the app to resolve).

    Raises:
        GitError: "detached", "unresolved", "no_remote", "network", "auth",
            "rejected", "conflict" (the merge stopped for the app to resolve),
            "dirty" (hand edits in the way) or "failed". Whatever was done
            before the error stays done; a sync can always be tried again.
    """
    with work_tree_lock:
        prepare(repo)
        now = state(repo)
        if now.detached:
            raise error("detached")
        now = _adopt_shared_branch(repo, now, progress)
        _finish_merge(repo, now)
        progress(t("sync.commit"))
        committed = commit_pending(repo, now)
        remote, branch = _target(repo, now)
        rebase = not now.by_hand and _rebases(repo)
    tracking = f"refs/remotes/{remote}/{branch}"
    received = sent = 0
    for attempt in range(PUSH_TRIES):
        if attempt:
            progress(t("sync.retry"))
        progress(t("sync.fetch", remote=remote))
        repo.git("fetch", "--quiet", remote, timeout=NETWORK_TIMEOUT, network=True)
        with work_tree_lock:
            has_remote_branch = _exists(repo, tracking)
            behind = _count(repo, f"HEAD..{tracking}") if has_remote_branch else 0
            if behind:
                progress(t("sync.merge"))
                if not (rebase and _rebase(repo, tracking)):
                    _merge(repo, remote, tracking)
                received += behind
            ahead = 0
            if _exists(repo, "HEAD"):  # nothing to send from a clone of an empty remote
                ahead = _count(
                    repo, f"{tracking}..HEAD" if has_remote_branch else "HEAD"
                )
        if not ahead:
            break
        progress(t("sync.push", remote=remote))
        try:
            repo.git(
                "push",
                "--quiet",
                remote,
                f"HEAD:refs/heads/{branch}",
                timeout=NETWORK_TIMEOUT,
                network=True,
            )
        except GitError as failed:
            if failed.kind != "rejected" or attempt == PUSH_TRIES - 1:
                raise
            continue
        sent += ahead
        break
    if now.upstream is None and _exists(repo, tracking):
        repo.git("branch", "-q", f"--set-upstream-to={remote}/{branch}")
    journal.mark_synced(repo)
    # A merge never touches a file changed by hand (git refuses first).
    return Synced(committed, received, sent, now.by_hand)
