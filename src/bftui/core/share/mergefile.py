"""`bftui merge-file %O %A %B %P`: git's merge driver for articles and events.

Git hands over three temporary files (base, ours, theirs) and the path; the
merged text replaces ours. A clean merge exits 0. A real conflict writes a
valid file (our side of each conflicting unit, never conflict markers) and
exits 1, so git marks the path unmerged and keeps the three sides in its
index (stages 1, 2, 3) for the app's conflict screen. Files that are not
items (a README) get git's own line merge.
"""

from __future__ import annotations

from pathlib import Path

from bftui.core import fileio
from bftui.core.library.reading import MAX_FILE_BYTES
from bftui.core.share.git import GitError, run_git
from bftui.core.store.merge import kind_for_path, merge_item


def _read(path: Path) -> str:
    try:
        data = fileio.read_bytes(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return ""
    return data.decode("utf-8")


def merge_files(base: Path, ours: Path, theirs: Path, name: str) -> int:
    """Merge `theirs` into `ours` (both edits of `base`) for item path `name`.

    Returns:
        0 when the merge is clean, 1 when conflicts remain (git's convention).
    """
    kind = kind_for_path(name)
    try:
        texts = _read(base), _read(ours), _read(theirs)
    except (OSError, UnicodeDecodeError):
        kind = None
    if kind is None:
        return _line_merge(base, ours, theirs)
    try:
        merged = merge_item(*texts, kind)
    except Exception:  # noqa: BLE001 - whatever went wrong, ours stays and git asks
        return 1
    if merged.text != texts[1]:
        ours.write_bytes(merged.text.encode("utf-8"))
    return 0 if merged.clean else 1


def _line_merge(base: Path, ours: Path, theirs: Path) -> int:
    try:
        done = run_git(
            ours.parent, ["merge-file", str(ours), str(base), str(theirs)], check=False
        )
    except GitError:
        return 1
    return 0 if done.code == 0 else 1
