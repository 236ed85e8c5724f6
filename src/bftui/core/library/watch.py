"""Notice files that others add, change or remove in the library folder.

Two ways: `watchfiles` (inotify, FSEvents, ...) on local disks, and polling
(stat every file every couple of seconds) on network folders, where change
notifications from other machines never arrive (NFS, SMB, sshfs). The mode
comes from the settings ("auto", "notify", "poll", "off"); "auto" reads the
mount table. Run `watch` in a thread worker; it blocks until `stop` is set:

    stop = threading.Event()
    for paths in watch(root, settings.watch, stop):
        ...  # e.g. index.sync(), then refresh the sidebar and the open item

Every report means "these paths may have changed": re-stat and compare (the
index's sync does), never trust the kind of event, which differs by backend.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

MODES = ("auto", "notify", "poll", "off")
POLL_SECONDS = 2.0
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs",
        "sshfs", "afs", "9p", "ncpfs", "fuse.rclone", "davfs", "fuse.davfs2",
        "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre",
    }
)  # fmt: skip
"""Filesystem types (as in /proc/mounts) whose changes by others go unnoticed."""

Snapshot = dict[str, tuple[int, int]]


def ignored(relative: str) -> bool:
    """Return True for paths no one needs to hear about.

    Hidden files and folders (our `.bftui-*.tmp` files, `.trash/`, `.git/`,
    editor locks like `.#x.md`), lock files and editor backups.
    """
    parts = relative.replace("\\", "/").split("/")
    name = parts[-1]
    return (
        any(part.startswith(".") for part in parts)
        or name.endswith((".lock", ".tmp", "~", ".swp"))
        or not name
    )


def _unescape(field: str) -> str:
    """Undo /proc/mounts' octal escapes (a space is written as \\040)."""
    if "\\" not in field:
        return field
    return field.encode().decode("unicode_escape").encode("latin-1").decode()


def filesystem_type(path: Path, mounts: Path = Path("/proc/mounts")) -> str:
    """Return the type of the filesystem `path` is on, or "" if unknown."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    target = str(path.resolve())
    best, kind = -1, ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1]).rstrip("/") or "/"
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, kind = len(point), fields[2]
    return kind


def resolve_mode(root: Path, setting: str, mounts: Path = Path("/proc/mounts")) -> str:
    """Return "notify", "poll" or "off" for library `root` and the user's `setting`."""
    if setting in ("notify", "poll", "off"):
        return setting
    return "poll" if filesystem_type(root, mounts) in NETWORK_FILESYSTEMS else "notify"


def snapshot(root: Path) -> Snapshot:
    """Return relative path -> (size, mtime_ns) of every file worth watching."""
    found: Snapshot = {}
    prefix = len(str(root)) + 1
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # Gone or unreadable: its files count as removed.
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                info = entry.stat()
            except OSError:
                continue
            relative = entry.path[prefix:]
            if not ignored(relative):
                found[relative] = (info.st_size, info.st_mtime_ns)
    return found


def difference(before: Snapshot, after: Snapshot) -> set[str]:
    """Return the paths added, removed or changed between two snapshots."""
    changed = {path for path, stat in after.items() if before.get(path) != stat}
    return changed | (before.keys() - after.keys())


def poll(
    root: Path, stop: threading.Event, seconds: float = POLL_SECONDS
) -> Iterator[set[Path]]:
    """Yield the paths that changed, checking every `seconds` until `stop` is set.

    The folder is looked at once right away, so changes made after this call
    are reported even if iterating starts later.
    """
    return _polling(root, stop, seconds, snapshot(root))


def _polling(
    root: Path, stop: threading.Event, seconds: float, before: Snapshot
) -> Iterator[set[Path]]:
    while not stop.wait(seconds):
        after = snapshot(root)
        changed = difference(before, after)
        before = after
        if changed:
            yield {root / path for path in changed}


def notify(root: Path, stop: threading.Event) -> Iterator[set[Path]]:
    """Yield the paths that changed, as the operating system reports them.

    Falls back to polling if the system refuses to watch (e.g. out of inotify
    watches), so the library stays live either way.
    """
    import watchfiles  # Only here: its import costs ~20 ms of start-up.

    prefix = len(str(root)) + 1

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        return not ignored(path[prefix:])

    try:
        for changes in watchfiles.watch(
            root,
            watch_filter=wanted,
            stop_event=stop,
            debounce=300,  # Group a burst (a git pull) but report within ~0.3 s.
            rust_timeout=500,
            yield_on_timeout=False,
            raise_interrupt=False,
        ):
            yield {Path(path) for _change, path in changes}
    except (OSError, RuntimeError):
        yield from poll(root, stop)


def watch(root: Path, setting: str, stop: threading.Event) -> Iterator[set[Path]]:
    """Yield sets of paths in `root` that may have changed, until `stop` is set.

    A reported folder means something in it changed (a new folder's first
    files may be reported as the folder alone): sync the whole library.

    `setting` is `Settings.watch`: "auto" (poll on network folders, else
    notify), "notify", "poll" or "off" (yields nothing and returns at once).
    """
    root = root.resolve()
    mode = resolve_mode(root, setting)
    if mode == "poll":
        yield from poll(root, stop)
    elif mode == "notify":
        yield from notify(root, stop)
