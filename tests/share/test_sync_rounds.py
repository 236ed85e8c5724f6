"""Random edits in three clones, synced in random order: every accepted entry arrives everywhere.

CI runs 20 rounds; `BFTUI_GIT_ROUNDS=100` runs the full hundred.
"""

from __future__ import annotations

import os
import random

from conftest_values import ARTICLE
from gitrepos import add_question, git, questions, set_fields

from bftui import cli
from bftui.core.share.git import GitError, Repo
from bftui.core.share.status import state
from bftui.core.share.sync import sync
from bftui.core.store import storage

ROUNDS = int(os.environ.get("BFTUI_GIT_ROUNDS", "20"))


def sync_resolving(repo: Repo) -> None:
    """Sync; a real conflict is resolved as the app's "keep mine" does, then synced."""
    try:
        sync(repo)
    except GitError as error:
        assert error.kind == "conflict", error.message
        for path in state(repo).unmerged:
            assert "<<<<<<<" not in (repo.library / path).read_text("utf-8")
            git(repo.top, "add", "--", path)
        sync(repo)


def events(repo: Repo) -> set[str]:
    return {p.name for p in (repo.library / "events").glob("*.toml")}


def test_random_rounds_of_edits_and_syncs(cities: dict[str, Repo]) -> None:
    rng = random.Random(2026)
    asked: set[str] = set()
    made: set[str] = set()
    for number in range(ROUNDS):
        city = rng.choice(sorted(cities))
        library = cities[city].library
        roll = rng.random()
        if roll < 0.45:
            question = f"Fråga {number} från {city}?"
            add_question(library, ARTICLE, question, f"Svar {number}.")
            asked.add(question)
        elif roll < 0.65:
            data = {"title": f"Träff {number}", "year": 2025, "city": city}
            made.add(storage.create_event(library, data).name)
        else:
            event = rng.choice(sorted(events(cities[city])))
            set_fields(library, f"events/{event}", {"participants": number + 1})
        if rng.random() < 0.5:
            sync_resolving(cities[rng.choice(sorted(cities))])
    for _ in range(2):
        for repo in cities.values():
            sync_resolving(repo)
    texts = set()
    for repo in cities.values():
        assert asked <= set(questions(repo.library, ARTICLE))
        assert made <= events(repo)
        texts.add((repo.library / ARTICLE).read_text(encoding="utf-8"))
        assert cli.main(["--library", str(repo.library), "check"]) == 0
        assert state(repo).by_bftui == ()
    assert len(texts) == 1
