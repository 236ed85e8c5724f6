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
from bftui.core.share.git import NETWORK_TIMEOUT, GitError, Repo, error
from bftui.core.share.setup import prepare
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


def _remote(repo: Repo, now: State) -> str:
    if now.upstream and "/" in now.upstream:
        candidate = now.upstream.split("/", 1)[0]
        if candidate in now.remotes:
            return candidate
    if "origin" in now.remotes:
        return "origin"
    if not now.remotes:
        raise error("no_remote", path=repo.library)
    return now.remotes[0]


def _count(repo: Repo, spec: str) -> int:
    return int(repo.git("rev-list", "--count", spec).stdout.strip() or 0)


def _exists(repo: Repo, ref: str) -> bool:
    return repo.git("rev-parse", "-q", "--verify", ref, check=False).code == 0


_OVERWRITTEN = re.compile(r"would be overwritten by merge:\n((?:\t.*\n)+)")


def _merge(repo: Repo, upstream: str) -> None:
    result = repo.git("merge", "--no-edit", "-q", upstream, check=False)
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

    Raises:
        GitError: "detached", "unresolved", "no_remote", "network", "auth",
            "rejected", "conflict" (the merge stopped for the app to resolve),
            "dirty" (hand edits in the way) or "failed". Whatever was done
            before the error stays done; a sync can always be tried again.
    """
    prepare(repo)
    now = state(repo)
    if now.detached:
        raise error("detached")
    _finish_merge(repo, now)
    progress(t("sync.commit"))
    committed = commit_pending(repo, now)
    remote = _remote(repo, now)
    branch = now.branch or "main"
    tracking = f"refs/remotes/{remote}/{branch}"
    received = sent = 0
    for attempt in range(PUSH_TRIES):
        if attempt:
            progress(t("sync.retry"))
        progress(t("sync.fetch", remote=remote))
        repo.git("fetch", "--quiet", remote, timeout=NETWORK_TIMEOUT, network=True)
        has_remote_branch = _exists(repo, tracking)
        if has_remote_branch:
            if not now.upstream:
                repo.git("branch", "-q", f"--set-upstream-to={remote}/{branch}")
            behind = _count(repo, f"HEAD..{tracking}")
            if behind:
                progress(t("sync.merge"))
                _merge(repo, tracking)
                received += behind
        ahead = _count(repo, f"{tracking}..HEAD" if has_remote_branch else "HEAD")
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
        if not has_remote_branch:
            repo.git("branch", "-q", f"--set-upstream-to={remote}/{branch}")
        break
    journal.mark_synced(repo)
    return Synced(committed, received, sent, state(repo).by_hand)
