"""Files a merge left unmerged: their three versions from git's index, and resolving them.

After a sync stops on a conflict, git keeps each unmerged file's versions as
index stages: 1 the common ancestor, 2 ours, 3 theirs. `unmerged` reads them;
`merge_unmerged` merges them unit by unit (`bftui.core.store.merge`) with the
resolutions chosen so far; `resolve` writes the result and marks the file
resolved (`git add`), or removes it when the chosen side deleted it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bftui.core.share.git import Repo
from bftui.core.share.status import state
from bftui.core.store.atomic import atomic_write
from bftui.core.store.merge import Conflict, Kind, Merge, kind_for_path, merge_item

WHOLE_FILE = "file"
"""The conflict key of a file one side deleted: kept or removed as a whole."""


@dataclass(frozen=True, slots=True)
class Unmerged:
    """One unmerged file and its three versions (None where a side has no file)."""

    path: str
    """Library-relative."""
    kind: Kind
    base: str | None
    ours: str | None
    theirs: str | None


def _stage(repo: Repo, number: int, path: str) -> str | None:
    result = repo.git("show", f":{number}:{repo.to_git(Path(path))}", check=False)
    return result.stdout if result.code == 0 else None


def unmerged(repo: Repo) -> list[Unmerged]:
    """Return the library's item files a merge left unmerged, with their versions.

    Raises:
        GitError: when git fails.
    """
    found = []
    for path in state(repo).unmerged:
        kind = kind_for_path(path)
        if kind is not None:
            base, ours, theirs = (_stage(repo, n, path) for n in (1, 2, 3))
            found.append(Unmerged(path, kind, base, ours, theirs))
    return found


def merge_unmerged(file: Unmerged, resolutions: dict[str, str] | None = None) -> Merge:
    """Merge `file`'s versions with `resolutions`; the conflicts left are in the result.

    A file one side deleted is one conflict (`WHOLE_FILE`): keep it ("ours"
    or "theirs", whichever has it) or remove it (the side without it).
    """
    if file.ours is None or file.theirs is None:
        choice = (resolutions or {}).get(WHOLE_FILE)
        if choice in ("ours", "theirs"):
            kept = file.ours if choice == "ours" else file.theirs
            return Merge(kept if kept is not None else "")
        label = Path(file.path).name
        conflict = Conflict(WHOLE_FILE, label, file.base, file.ours, file.theirs)
        return Merge(file.ours or file.theirs or "", (conflict,))
    return merge_item(file.base or "", file.ours, file.theirs, file.kind, resolutions)


def removed(file: Unmerged, resolutions: dict[str, str]) -> bool:
    """Whether the resolution of a file one side deleted is to remove it."""
    choice = resolutions.get(WHOLE_FILE)
    side = file.ours if choice == "ours" else file.theirs if choice == "theirs" else ""
    return side is None


def resolve(repo: Repo, file: Unmerged, resolutions: dict[str, str]) -> Path:
    """Write `file` merged with `resolutions` and mark it resolved (`git add`).

    Raises:
        ValueError: when a conflict is still unanswered.
        StorageError: when the file cannot be written.
        GitError: when git fails.
    """
    merged = merge_unmerged(file, resolutions)
    if not merged.clean:
        raise ValueError(f"unresolved: {', '.join(c.key for c in merged.conflicts)}")
    path = repo.library / file.path
    where = repo.to_git(path)
    if removed(file, resolutions):
        repo.git("rm", "-q", "--cached", "--ignore-unmatch", "--", where)
        path.unlink(missing_ok=True)
        return path
    atomic_write(path, merged.text, root=repo.library)
    repo.git("add", "--", where)
    return path
