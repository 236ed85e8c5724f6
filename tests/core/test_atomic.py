"""Atomic saves: a kill at any step leaves the old file or the new one; mode and group stay."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bftui.core.store import atomic
from bftui.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX, atomic_write

OLD = "title = 'Gammal'\n" * 200
NEW = "title = 'Ny'\n" * 300

# A child process that saves NEW over the file and kills itself at one step.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
from bftui.core.store import atomic

def stop(step):
    if step == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)

atomic.CHECKPOINT = stop
atomic.atomic_write(Path(sys.argv[1]), sys.argv[3])
"""


def save_killed_at(path: Path, step: str) -> None:
    """Save NEW over `path` in a child process that SIGKILLs itself at `step`."""
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AT, str(path), step, NEW], check=False
    )
    assert child.returncode == -signal.SIGKILL, f"the save never reached {step!r}"


@pytest.mark.parametrize("step", ["written", "synced"])
def test_a_save_killed_before_its_rename_leaves_the_old_file(
    tmp_path: Path, step: str
) -> None:
    path = tmp_path / "event.toml"
    path.write_text(OLD, encoding="utf-8")
    save_killed_at(path, step)
    assert path.read_text(encoding="utf-8") == OLD
    # What the kill left is a temporary file that no reader takes for an item.
    assert [p.name[: len(TEMP_PREFIX)] for p in tmp_path.iterdir() if p != path] == [
        TEMP_PREFIX
    ]


def test_a_save_killed_after_its_rename_leaves_the_new_file(tmp_path: Path) -> None:
    path = tmp_path / "event.toml"
    path.write_text(OLD, encoding="utf-8")
    save_killed_at(path, "replaced")
    assert path.read_text(encoding="utf-8") == NEW
    assert list(tmp_path.iterdir()) == [path]


def test_each_step_of_a_save_leaves_the_old_file_or_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process (so mutation testing sees it): the folder at each step."""
    path = tmp_path / "event.toml"
    path.write_text(OLD, encoding="utf-8")
    seen: dict[str, tuple[list[str], str]] = {}

    def look(step: str) -> None:
        names = sorted(p.name for p in tmp_path.iterdir())
        seen[step] = (names, path.read_text(encoding="utf-8"))

    monkeypatch.setattr(atomic, "CHECKPOINT", look)
    atomic_write(path, NEW)
    names, text = seen["written"]
    (temp,) = [name for name in names if name != path.name]
    assert temp.startswith(TEMP_PREFIX) and temp.endswith(TEMP_SUFFIX)
    assert text == OLD and seen["synced"] == seen["written"]
    assert seen["replaced"] == ([path.name], NEW)


@pytest.fixture(params=[0o022, 0o002], ids=["umask022", "umask002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under each usual umask."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


@pytest.mark.parametrize("mode", [0o640, 0o664, 0o600, 0o644])
def test_a_save_keeps_the_mode_whatever_the_umask(
    tmp_path: Path, umask: int, mode: int
) -> None:
    path = tmp_path / "event.toml"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(mode)
    atomic_write(path, NEW)
    assert path.stat().st_mode & 0o777 == mode
    assert path.read_text(encoding="utf-8") == NEW


def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: int) -> None:
    atomic_write(tmp_path / "new.toml", NEW)
    assert (tmp_path / "new.toml").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown"
)
def test_a_save_keeps_the_group_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    """The file keeps its group (a shared library's), not the saver's own group."""
    shared_group = 4242  # no group of root's: a save that drops it shows
    assert shared_group not in (os.getegid(), *os.getgroups())
    path = tmp_path / "event.toml"
    path.write_text(OLD, encoding="utf-8")
    os.chown(path, -1, shared_group)
    path.chmod(0o660)
    owner = path.stat().st_uid
    atomic_write(path, NEW)
    assert path.stat().st_gid == shared_group
    assert path.stat().st_uid == owner
    assert path.stat().st_mode & 0o777 == 0o660
