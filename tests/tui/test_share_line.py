"""The title bar's line for a work tree's state."""

from __future__ import annotations

import datetime as dt

from bftui.core.share.status import State
from bftui.tui.sharing import describe

NOW = dt.datetime(2026, 11, 30, 15, 0, tzinfo=dt.UTC)


def state(**changes: object) -> State:
    values: dict[str, object] = {
        "branch": "main",
        "commit": "abc",
        "upstream": "origin/main",
        "ahead": 2,
        "behind": 1,
        "by_bftui": ("a.md",),
        "by_hand": ("b.md",),
        "unmerged": (),
        "remotes": ("origin",),
        "merging": False,
        "last_sync": dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.UTC),
    }
    values.update(changes)
    return State(**values)  # type: ignore[arg-type]


def test_branch_files_not_shared_commits_and_last_sync() -> None:
    assert describe(state(), NOW) == "⎇ main · 2 ej delade · ↑2 ↓1 · synkat 14:05"


def test_a_sync_on_another_day_shows_its_date() -> None:
    older = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    assert describe(state(last_sync=older), NOW).endswith("synkat 2026-11-02")


def test_conflicts_detached_head_and_no_remote() -> None:
    line = describe(
        state(branch=None, unmerged=("x.md",), remotes=(), by_bftui=(), by_hand=()),
        NOW,
    )
    assert line == "⎇ lös HEAD · 1 i konflikt · ingen fjärr"
