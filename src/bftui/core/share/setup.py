"""Make a library for sharing: `bftui init`, a clone of a shared one, and what a clone lacks.

A new library gets its folders, a README, a `.gitignore` for what bftui
writes for itself (locks, the trash, temporary files) and a
`.gitattributes` that merges items with `bftui merge-file`. The merge
driver itself lives in the repository's config, which a clone does not
carry: `prepare` puts it there (and the ignore rules in `.git/info`), so a
plain `git clone` is set up the first time bftui opens or syncs it.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from bftui.core import fileio
from bftui.core.library.folders import CONFIG_NAME, EVENTS_DIR
from bftui.core.share.commit import commit_paths
from bftui.core.share.git import (
    NETWORK_TIMEOUT,
    GitError,
    Repo,
    git_program,
    open_repo,
    run_git,
)
from bftui.core.store.atomic import write_new
from bftui.i18n import t

IGNORED = ("*.lock", ".trash/", ".bftui-*.tmp", ".imported/")
"""What bftui writes into a library for itself, never to be shared: edit locks,
the trash, half-written saves and the importer's kept proposals."""

GITIGNORE = (
    "# bftui's own files: edit locks, the trash, half-written saves, import proposals\n"
    + "".join(f"{pattern}\n" for pattern in IGNORED)
)
GITATTRIBUTES = (
    "# Articles and events merge field by field and Q&A entry by Q&A entry\n"
    "*.md merge=bftui\n"
    "events/*.toml merge=bftui\n"
    "README.md merge=text\n"
)
DRIVER = "merge.bftui.driver"


@dataclass(frozen=True, slots=True)
class Made:
    """A library `bftui init` made or cloned."""

    path: Path
    repo: Repo | None
    """Its git work tree; None when git is not installed."""
    committed: bool
    """Whether its files were committed (the first commit of a new library)."""
    problem: str | None = None
    """What could not be done in git (the library itself is there)."""


def driver_command() -> str:
    """Return the command git runs to merge an item: this bftui's `merge-file`."""
    return f"{shlex.quote(sys.executable)} -m bftui merge-file %O %A %B %P"


def prepare(repo: Repo) -> None:
    """Give `repo` what bftui needs and a clone lacks: the merge driver and ignore rules.

    Only the repository's private folder and config change, never the work
    tree. Cheap when all is there already.

    Raises:
        GitError: when git fails.
    """
    current = repo.git("config", "--local", "--get", DRIVER, check=False)
    if not _works(current.stdout.strip()):
        repo.git(
            "config", "--local", "merge.bftui.name", "bftui: items, field by field"
        )
        repo.git("config", "--local", DRIVER, driver_command())
    info = repo.git_dir / "info"
    _add_lines(info / "exclude", list(IGNORED))  # patterns without "/" match anywhere
    prefix = f"{repo.prefix}/" if repo.prefix else ""
    attributes = repo.library / ".gitattributes"
    has_own = "merge=bftui" in _text_or_empty(attributes)
    if not has_own:
        _add_lines(
            info / "attributes",
            [f"{prefix}**/*.md merge=bftui", f"{prefix}events/*.toml merge=bftui"],
        )


def _works(driver: str) -> bool:
    """Return True if `driver` is a bftui merge driver whose program is still there.

    Another bftui install's driver is kept: two installs never take turns
    rewriting the config.
    """
    try:
        program, *args = shlex.split(driver)
    except ValueError:
        return False
    return args[-5:] == ["merge-file", "%O", "%A", "%B", "%P"] and (
        shutil.which(program) is not None
    )


def _text_or_empty(path: Path) -> str:
    """Return a small file of the library (.gitattributes), or "" if it is not one."""
    try:
        return fileio.read_bytes(path, 1024 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _add_lines(path: Path, lines: list[str]) -> None:
    try:
        have = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        have = []
    missing = [line for line in lines if line not in have]
    if missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            if have and not path.read_text(encoding="utf-8").endswith("\n"):
                handle.write("\n")
            handle.write("".join(f"{line}\n" for line in missing))


def _write_if_missing(path: Path, text: str, written: list[Path]) -> None:
    try:
        write_new(path, text)
    except FileExistsError:
        return
    written.append(path)


def _library_files(root: Path, sample: Path | None) -> list[Path]:
    """Write what a new library has (never over an existing file); return what was written."""
    written: list[Path] = []
    (root / EVENTS_DIR).mkdir(parents=True, exist_ok=True)
    if sample is not None:
        for source in sorted(sample.rglob("*")):
            relative = source.relative_to(sample)
            if source.is_file() and relative.name != CONFIG_NAME:
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                _write_if_missing(
                    root / relative, source.read_text(encoding="utf-8"), written
                )
    _write_if_missing(root / CONFIG_NAME, t("init.config"), written)
    _write_if_missing(root / "README.md", t("init.readme"), written)
    _write_if_missing(root / ".gitignore", GITIGNORE, written)
    _write_if_missing(root / ".gitattributes", GITATTRIBUTES, written)
    return written


def init_library(root: Path, *, sample: Path | None = None) -> Made:
    """Make a library in folder `root` (made if missing; nothing in it is overwritten).

    With git installed, `root` becomes a git work tree (unless it is in one
    already) and the new files are its first commit. `sample` is a library
    whose items to start from.

    Raises:
        OSError, StorageError: when the folder or a file cannot be written.
    """
    root.mkdir(parents=True, exist_ok=True)
    written = _library_files(root, sample)
    if git_program() is None:
        return Made(root, None, False, t("git.err.missing"))
    try:
        try:
            repo = open_repo(root)
        except GitError:
            chosen = run_git(
                root, ["config", "--get", "init.defaultBranch"], check=False
            )
            # The user's choice of first branch, else "main".
            run_git(
                root, ["init", "-q", *(() if chosen.stdout.strip() else ("-b", "main"))]
            )
            repo = open_repo(root)
        prepare(repo)
        paths = [repo.to_git(path) for path in written]
        committed = commit_paths(repo, paths, t("git.msg.init")) is not None
    except GitError as error:
        return Made(root, None, False, error.message)
    return Made(root, repo, committed)


def has_commit(repo: Repo) -> bool:
    """Return True when the work tree has a commit checked out (not a fresh, empty clone)."""
    return repo.git("rev-parse", "-q", "--verify", "HEAD", check=False).code == 0


def shared_branch(repo: Repo, remote: str) -> str | None:
    """Return the branch of `remote` the library lives on, as last fetched; None if it has none.

    The remote's HEAD when it names a branch it has, else `main`, else
    `master`, else the first branch by name.
    """
    listed = repo.git(
        "for-each-ref", "--format=%(refname)", f"refs/remotes/{remote}/", check=False
    )
    prefix = f"refs/remotes/{remote}/"
    branches = sorted(
        name.removeprefix(prefix)
        for name in listed.stdout.split()
        if name.startswith(prefix) and name != prefix + "HEAD"
    )
    head = repo.git(
        "symbolic-ref", "-q", "--short", f"refs/remotes/{remote}/HEAD", check=False
    ).stdout.strip()
    named = head.removeprefix(f"{remote}/")
    for choice in (named, "main", "master"):
        if choice in branches:
            return choice
    return branches[0] if branches else None


def check_out_shared_branch(repo: Repo, remote: str = "origin") -> bool:
    """In a clone with no commit yet, check out the branch the shared library is on.

    A bare repository made with plain `git init --bare` may name a branch
    nobody pushed (`master`, where bftui pushes `main`): a clone of it then
    checks out nothing, and its editor would see an empty library. Return
    False when HEAD has a commit already or the remote has no branch (an
    empty remote: a new shared library).

    Raises:
        GitError: when the branch cannot be checked out (files in the way).
    """
    if has_commit(repo):
        return False
    branch = shared_branch(repo, remote)
    if branch is None:
        return False
    repo.git("checkout", "-q", "-B", branch, "--track", f"{remote}/{branch}")
    return True


def clone_library(remote: str, root: Path) -> Made:
    """Clone the shared library at `remote` (URL, SSH path or folder) into `root`.

    An empty remote gets a new library's files as its first commit, ready to
    send with the first sync.

    Raises:
        GitError: when the clone fails (network, credentials, no such remote).
    """
    if root.exists() and any(root.iterdir()):
        raise GitError("failed", t("init.not_empty", path=root))
    root.parent.mkdir(parents=True, exist_ok=True)
    local = Path(remote).expanduser()
    if local.exists():  # a folder named relative to here, not to where git runs
        remote = str(local.absolute())
    try:
        run_git(
            root.parent,
            ["clone", "--quiet", "--", remote, str(root)],
            timeout=NETWORK_TIMEOUT,
            network=True,
        )
    except GitError:
        if root.exists() and not any(root.iterdir()):
            shutil.rmtree(root, ignore_errors=True)
        raise
    repo = open_repo(root)
    prepare(repo)
    if has_commit(repo) or check_out_shared_branch(repo):
        return Made(root, repo, False)
    made = init_library(root)
    return Made(root, repo, made.committed, made.problem)
