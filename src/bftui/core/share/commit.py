"""Commit given files with a message, as the user's git identity, leaving all else alone.

Only the named paths are committed (`git commit -- paths`): whatever else is
staged or changed by hand stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from bftui.core.share.git import GitError, Repo, classify, error

_NOTHING = (
    "nothing to commit",
    "no changes added to commit",
    "nothing added to commit",
)


def commit_paths(repo: Repo, paths: Iterable[str], message: str) -> str | None:
    """Commit `paths` (relative to the top of the work tree) with `message`.

    A path that is gone is committed as removed; one git never knew is skipped.

    Returns:
        The new commit, or None when the paths held nothing new.

    Raises:
        GitError: when git fails ("identity" when it does not know the user).
    """
    wanted = sorted(set(paths))
    if not wanted:
        return None
    tracked = set(
        repo.git("--literal-pathspecs", "ls-files", "-z", "--", *wanted).stdout.split(
            "\0"
        )
    )
    kept = [p for p in wanted if p in tracked or repo.path(p).exists()]
    if not kept:
        return None
    repo.git("--literal-pathspecs", "add", "-A", "--", *kept)
    result = repo.git(
        "--literal-pathspecs", "commit", "-q", "-m", message, "--", *kept, check=False
    )
    if result.code != 0:
        said = result.stdout + result.stderr
        if any(phrase in said for phrase in _NOTHING):
            return None
        raise _commit_error(result.stderr)
    return repo.git("rev-parse", "HEAD").stdout.strip()


def _commit_error(stderr: str) -> GitError:
    return error(classify(stderr, network=False), stderr)
