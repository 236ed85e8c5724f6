"""Crashes mid-save: a saving process killed with SIGKILL 100 times loses nothing.

The harness runs longer from the command line:
`python tests/hostile/harness/crash_saves.py --kills 1000`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bftui.core.library.loading import load
from bftui.core.store import atomic, drafts, storage
from bftui.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX

from .harness.crash_saves import run, run_creations


@pytest.mark.slow
def test_a_hundred_kills_leave_old_or_new_files_and_restorable_drafts() -> None:
    # run() asserts after every kill: the interview parses and holds exactly
    # the saved entries (or one more), and an interrupted entry's draft is there.
    report = run(kills=100, seed=6)
    assert report["kills_survived"] == 100
    assert report["temp_files_taken_for_content"] == []
    # Kills landed while a save was under way, and their drafts came back.
    assert report["killed_after"].get("drafted", 0) > 10
    assert report["drafts_restored"] > 0


def test_killed_creations_leave_every_name_absent_or_complete() -> None:
    # run_creations() asserts after every kill that each created name is there.
    report = run_creations(kills=40, seed=3, max_delay=0.2)
    assert report["creations_reported"] >= 40
    assert report["empty_files"] == [] and report["broken_items"] == []
    # One more than reported when a kill fell after a link and before the report.
    extra = report["events"] - 2 - report["creations_reported"]
    assert 0 <= extra <= report["kills_survived"]
    assert report["temp_files_after_start"] == 0


def test_a_creation_is_a_complete_file_from_the_first_moment(
    sample_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name appears (os.link) only once the text is written and synced."""
    seen: list[bytes] = []
    real_link = os.link

    def link(source: str, target: Path) -> None:
        real_link(source, target)
        seen.append(Path(target).read_bytes())
        raise KeyboardInterrupt  # killed right after the name appeared

    monkeypatch.setattr(os, "link", link)
    with pytest.raises(KeyboardInterrupt):
        storage.create_event(sample_copy, {"title": "Hel", "year": 2021})
    assert seen and seen[0].startswith(b'title = "Hel"')
    created = sample_copy / "events" / "2021-hel.toml"
    assert created.read_bytes() == seen[0]
    assert list((sample_copy / "events").glob(f"{TEMP_PREFIX}*")) == []


def test_stale_temporary_files_go_at_the_next_start_and_live_ones_stay(
    sample_copy: Path,
) -> None:
    events = sample_copy / "events"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    host = atomic._HOST
    dead = events / f"{TEMP_PREFIX}{host}-{child.pid}-x{TEMP_SUFFIX}"
    mine = events / f"{TEMP_PREFIX}{host}-{os.getpid()}-y{TEMP_SUFFIX}"
    other_host = events / f"{TEMP_PREFIX}0000beef-{child.pid}-z{TEMP_SUFFIX}"
    old = events / f"{TEMP_PREFIX}{host}-{os.getpid()}-old{TEMP_SUFFIX}"
    huge_pid = events / f"{TEMP_PREFIX}{host}-{10**30}-w{TEMP_SUFFIX}"
    for path in (dead, mine, other_host, old, huge_pid):
        path.write_text("halv", encoding="utf-8")
    long_ago = old.stat().st_mtime - atomic.STALE_AFTER - 1
    os.utime(old, (long_ago, long_ago))
    assert atomic.remove_stale_temps(sample_copy) == 2
    assert not dead.exists() and not old.exists()
    assert mine.exists() and other_host.exists() and huge_pid.exists()


def test_temporary_files_are_never_read_as_items(sample_copy: Path) -> None:
    article = next(sample_copy.glob("*.md"))
    for folder in (sample_copy, sample_copy / "events"):
        (folder / f"{TEMP_PREFIX}abc{TEMP_SUFFIX}").write_bytes(
            article.read_bytes()[:40]
        )
        (folder / f"{TEMP_PREFIX}abc.md").write_bytes(b"\xff half")
    library = load(sample_copy)
    assert library.problems == []
    assert len(library.articles) == 1 and len(library.events) == 2


def test_a_half_written_draft_is_skipped_not_fatal(sample_copy: Path) -> None:
    draft = drafts.Draft(sample_copy, "qa:x.md:new", "qa", "Fråga", {"question": "F?"})
    path = drafts.save(draft)
    path.write_text(path.read_text(encoding="utf-8")[:30], encoding="utf-8")
    assert drafts.load(sample_copy, "qa:x.md:new") is None
    assert drafts.list_drafts(sample_copy) == []
