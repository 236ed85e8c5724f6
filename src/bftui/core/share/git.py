"""Run `git`: no shell, a time limit on every call, plain C output, no prompts.

`find_repo` says whether a library folder is in a git work tree; `Repo.git`
runs one command there. Every failure becomes a `GitError` whose `kind`
says what went wrong and whose `message` says it to a person.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from bftui.core.text import safe_text
from bftui.i18n import t, tn
from bftui.paths import in_sample

LOCAL_TIMEOUT = 60.0
"""Seconds a local command may take (status, commit, log, merge)."""
NETWORK_TIMEOUT = 180.0
"""Seconds a command that talks to a remote may take (fetch, push, clone)."""

work_tree_lock = threading.Lock()
"""Held around git commands that change the index or the work tree (commits,
merges), so that a sync and an auto-commit in two threads never race for
git's index lock. Fetch and push run without it."""

KINDS = (
    "missing",  # no git on PATH
    "not_repo",  # the library is not in a git work tree
    "no_remote",  # nothing to sync with
    "network",  # the remote cannot be reached
    "auth",  # the remote refused who we are (or would have asked for a password)
    "rejected",  # the push was refused
    "timeout",  # git took too long
    "detached",  # no branch checked out
    "conflict",  # a merge left files to resolve
    "dirty",  # changes made by hand are in the way
    "identity",  # no user.name / user.email
    "failed",  # anything else
)

_NETWORK = re.compile(
    r"could not resolve host|unable to access|connection (refused|timed out|reset)"
    r"|network is unreachable|no route to host|does not appear to be a git repository"
    r"|could not read from remote repository|unable to connect|connection closed"
    r"|repository .* (not found|does not exist)|not a git repository.*remote",
    re.IGNORECASE,
)
_AUTH = re.compile(
    r"permission denied|authentication failed|terminal prompts disabled"
    r"|could not read (username|password)|host key verification failed"
    r"|invalid username or password|access denied|403",
    re.IGNORECASE,
)
_REJECTED = re.compile(
    r"\[rejected\]|non-fast-forward|fetch first|failed to push some refs"
    r"|\[remote rejected\]",
    re.IGNORECASE,
)
_IDENTITY = re.compile(
    r"please tell me who you are|unable to auto-detect email|empty ident",
    re.IGNORECASE,
)

_log = logging.getLogger(__name__)


class GitError(Exception):
    """A git command failed; `message` says why in the UI language."""

    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.detail = detail
        """What git itself said (stderr), made harmless for a terminal."""


def error(kind: str, stderr: str = "", **values: object) -> GitError:
    """Return the `GitError` of `kind`, its message in the UI language.

    The message may use `{detail}`: the first line git said in `stderr`.
    """
    values.setdefault("detail", safe_text(_first_line(stderr)))
    key = f"git.err.{kind}"
    count = values.pop("count", None)
    message = tn(key, count, **values) if isinstance(count, int) else t(key, **values)
    return GitError(kind, message, safe_text(stderr.strip()))


def classify(stderr: str, *, network: bool) -> str:
    """Return the `GitError` kind that git's message `stderr` means."""
    if _IDENTITY.search(stderr):
        return "identity"
    if network and _REJECTED.search(stderr):
        return "rejected"
    if network and _AUTH.search(stderr):
        return "auth"
    if network and _NETWORK.search(stderr):
        return "network"
    return "failed"


def git_program() -> str | None:
    """Return the path of the `git` program, or None when it is not on PATH."""
    return shutil.which("git")


def git_env() -> dict[str, str]:
    """Return the environment git runs in: C messages, no prompt, no editor, no pager."""
    env = dict(os.environ)
    env.update(
        LC_ALL="C",
        LANGUAGE="C",
        GIT_TERMINAL_PROMPT="0",
        GIT_EDITOR="true",
        GIT_PAGER="cat",
        GIT_MERGE_AUTOEDIT="no",
    )
    # ssh must never ask on the app's terminal: git runs in a session of its
    # own (no terminal to open) and ssh may not pop up an askpass window either.
    # The user's own ssh command (core.sshCommand, GIT_SSH_COMMAND) stays theirs.
    env["SSH_ASKPASS_REQUIRE"] = "never"
    return env


@dataclass(frozen=True, slots=True)
class Result:
    """What one git command printed and how it ended."""

    stdout: str
    stderr: str
    code: int


def run_git(
    cwd: Path,
    args: list[str],
    *,
    timeout: float = LOCAL_TIMEOUT,
    network: bool = False,
    check: bool = True,
    input_text: str | None = None,
) -> Result:
    """Run `git args` in folder `cwd` and return its output.

    Raises:
        GitError: when git is missing, takes longer than `timeout`, or (with
            `check`) ends with a non-zero status.
    """
    program = git_program()
    if program is None:
        raise error("missing")
    try:
        done = subprocess.run(
            [program, *args],
            cwd=cwd,
            env=git_env(),
            input=(input_text or "").encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            start_new_session=True,  # no terminal for ssh or a helper to prompt on
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise error("timeout", seconds=int(timeout)) from None
    except OSError as os_error:
        raise error("failed", str(os_error)) from None
    result = Result(
        done.stdout.decode("utf-8", errors="replace"),
        done.stderr.decode("utf-8", errors="replace"),
        done.returncode,
    )
    _log.debug("git %s in %s: exit %d", " ".join(args), cwd, result.code)
    if check and result.code != 0:
        raise error(classify(result.stderr, network=network), result.stderr)
    return result


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.removeprefix("fatal: ").removeprefix("error: ").strip()
        if line and not line.startswith("hint:"):
            return line
    return ""


@dataclass(frozen=True, slots=True)
class Repo:
    """A library folder inside a git work tree."""

    library: Path
    """The library folder (absolute, links resolved)."""
    top: Path
    """The top of the work tree (the library or a folder above it)."""
    git_dir: Path
    """The repository's private folder (`.git`, or a worktree's own)."""

    @property
    def prefix(self) -> str:
        """Return the library's path inside the work tree ("" at the top)."""
        relative = self.library.relative_to(self.top).as_posix()
        return "" if relative == "." else relative

    def git(self, *args: str, **options: object) -> Result:
        """Run `git args` at the top of the work tree (see `run_git`)."""
        return run_git(self.top, list(args), **options)  # type: ignore[arg-type]

    def path(self, top_relative: str) -> Path:
        """Return the absolute path of a path git printed (relative to the top)."""
        return self.top / top_relative

    def to_git(self, path: Path) -> str:
        """Return `path` (absolute or library-relative) as git names it from the top."""
        absolute = path if path.is_absolute() else self.library / path
        absolute = Path(os.path.abspath(absolute))
        try:
            return absolute.relative_to(self.top).as_posix()
        except ValueError:
            resolved = absolute.parent.resolve() / absolute.name
            return resolved.relative_to(self.top).as_posix()

    def in_library(self, top_relative: str) -> str | None:
        """Return a path git printed relative to the library, or None if outside it."""
        prefix = self.prefix
        if not prefix:
            return top_relative
        if top_relative.startswith(prefix + "/"):
            return top_relative[len(prefix) + 1 :]
        return None


def _has_git_marker(folder: Path) -> bool:
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))


def find_repo(library: Path) -> Repo | None:
    """Return the git work tree that holds `library`, or None (no git, or no work tree).

    Opening it sets up what a plain `git clone` lacks (`setup.prepare`: the
    merge driver, the ignore rules; the shared branch checked out where the
    remote's HEAD named none), where the repository may be written.
    A folder with no `.git` above it costs no subprocess.
    """
    from bftui.core.share.setup import (  # setup runs git through here
        check_out_shared_branch,
        prepare,
    )

    library = library.resolve()
    if git_program() is None or not _has_git_marker(library) or in_sample(library):
        return None
    try:
        repo = open_repo(library)
    except GitError:
        return None
    with contextlib.suppress(GitError, OSError):
        prepare(repo)  # a read-only repository is still read
        check_out_shared_branch(repo)  # a clone that checked out nothing
    return repo


def open_repo(library: Path) -> Repo:
    """Return the git work tree that holds `library`.

    Raises:
        GitError: "missing" without git, "not_repo" when the folder is not in
            a work tree.
    """
    library = library.resolve()
    # The sample is read-only, even where it sits in a git checkout of bftui.
    if not library.is_dir() or in_sample(library):
        raise error("not_repo", path=library)
    result = run_git(
        library,
        ["rev-parse", "--is-inside-work-tree", "--show-toplevel", "--absolute-git-dir"],
        check=False,
    )
    lines = result.stdout.splitlines()
    if result.code != 0 or len(lines) < 3 or lines[0] != "true":
        raise error("not_repo", result.stderr, path=library)
    return Repo(library, Path(lines[1]).resolve(), Path(lines[2]))
