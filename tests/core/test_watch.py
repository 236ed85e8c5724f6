"""The library watcher: polling and notification report changes, ignore our own files."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bftui.core.library import watch


class Watching:
    """A watcher running in a thread, collecting what it reports."""

    def __init__(self, paths: Iterator[set[Path]]) -> None:
        self.reports: list[set[Path]] = []
        self.arrived = threading.Condition()
        self.thread = threading.Thread(target=self._run, args=(paths,), daemon=True)
        self.thread.start()

    def _run(self, paths: Iterator[set[Path]]) -> None:
        for report in paths:
            with self.arrived:
                self.reports.append(report)
                self.arrived.notify_all()

    def wait_for(self, path: Path, timeout: float = 5.0) -> None:
        """Wait until `path`, or a folder holding it, has been reported."""
        covering = {path, *path.parents}
        with self.arrived:
            assert self.arrived.wait_for(
                lambda: any(covering & report for report in self.reports), timeout
            ), f"{path} not reported; got {self.reports}"

    def seen(self) -> set[Path]:
        with self.arrived:
            return set().union(*self.reports)


@pytest.fixture
def stop() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()


def write_ignored(root: Path) -> None:
    (root / ".bftui-abc.tmp").write_text("temp")
    (root / "x.md.lock").write_text("lock")
    (root / ".trash").mkdir(exist_ok=True)
    (root / ".trash" / "old.md").write_text("gone")
    (root / ".#x.md").write_text("emacs lock")


@pytest.mark.parametrize("mode", ["poll", "notify"])
def test_reports_add_change_remove_but_not_our_own_files(
    root: Path, stop: threading.Event, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watch, "POLL_SECONDS", 0.05)
    kept = root / "kept.md"
    kept.write_text("one")
    gone = root / "gone.md"
    gone.write_text("bye")
    if mode == "poll":
        paths = watch.poll(root.resolve(), stop, 0.05)
    else:
        paths = watch.watch(root, "notify", stop)
    watching = Watching(paths)
    if mode == "notify":
        # Give the operating system's watch a moment to be in place.
        stop.wait(0.3)
    write_ignored(root)
    added = root / "events" / "new.toml"
    added.parent.mkdir()
    added.write_text('title = "x"')
    watching.wait_for(added.resolve())
    kept.write_text("two, longer")
    os.utime(kept, ns=(0, kept.stat().st_mtime_ns + 10**9))
    watching.wait_for(kept.resolve())
    gone.unlink()
    watching.wait_for(gone.resolve())
    assert all(
        ".bftui" not in str(p) and ".trash" not in str(p) for p in watching.seen()
    )
    assert not any(str(p).endswith((".lock", ".tmp")) for p in watching.seen())
    stop.set()
    watching.thread.join(5)
    assert not watching.thread.is_alive()


def test_off_yields_nothing(root: Path, stop: threading.Event) -> None:
    assert list(watch.watch(root, "off", stop)) == []


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("a.md", False),
        ("2020/a.md", False),
        ("events/x.toml", False),
        (".bftui-123.tmp", True),
        ("2020/.bftui-x.tmp", True),
        (".trash/a.md", True),
        (".git/index", True),
        ("a.md.lock", True),
        ("a.md~", True),
        (".#a.md", True),
    ],
)
def test_ignored(relative: str, expected: bool) -> None:
    assert watch.ignored(relative) is expected


def test_network_folders_are_polled(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    share = tmp_path / "share dir"
    inner = share / "lib"
    inner.mkdir(parents=True)
    escaped = str(share).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\nserver:/export {escaped} nfs4 rw 0 0\n"
    )
    assert watch.filesystem_type(inner, mounts) == "nfs4"
    assert watch.resolve_mode(inner, "auto", mounts) == "poll"
    assert watch.resolve_mode(tmp_path, "auto", mounts) == "notify"
    assert watch.resolve_mode(inner, "notify", mounts) == "notify"
    assert watch.resolve_mode(tmp_path, "poll", mounts) == "poll"
    for kind in ("cifs", "smb3", "fuse.sshfs"):
        mounts.write_text(f"x {escaped} {kind} rw 0 0\n")
        assert watch.resolve_mode(inner, "auto", mounts) == "poll"
