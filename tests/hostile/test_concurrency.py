"""Concurrent editors: two processes add Q&A entries and edit one event, 200 rounds.

Every save is either in the file or its editor was told of the conflict; no
file is ever corrupt. The harness runs longer from the command line:
`python tests/hostile/harness/concurrent_editors.py --editors 4 --rounds 500`.
"""

from __future__ import annotations

import pytest

from .harness.concurrent_editors import run


@pytest.mark.slow
def test_two_editors_lose_nothing_and_corrupt_nothing() -> None:
    report = run(editors=2, rounds=100)
    assert report["rounds"] == 200 and report["saves"] == 400
    assert report["lost"] == []
    assert report["corrupt_after_a_round"] == [] and report["final_corrupt"] == ""
    assert report["not_saved_but_written"] == []
    assert report["gave_up"] == 0
    # The editors really overlapped: storage had to merge (or refuse) some saves.
    assert report["merged"] + report["conflicts_reported"] > 0
