"""Crashes mid-save: a saving process killed with SIGKILL 100 times loses nothing.

The harness runs longer from the command line:
`python tests/hostile/harness/crash_saves.py --kills 1000`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.core.library.loading import load
from bftui.core.store import drafts
from bftui.core.store.atomic import TEMP_PREFIX, TEMP_SUFFIX

from .harness.crash_saves import run


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
