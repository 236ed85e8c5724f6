"""An editor's day replayed slowly and as one burst ends with the same files.

Issue 13's day: a new meeting with two programme rows, a new interview,
Q&A entries added, edited, moved and deleted, each saved. Played once with
the app idle after every key and once with every key sent at once (a fast
typist, or one SSH packet) on fresh copies of the sample library, it must
leave the same files behind, and the files the day means.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from appdriver import settle
from formhost import typed
from textual import events

from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.core.store import locks
from bftui.paths import bundled_library
from bftui.tui.app import BftuiApp
from bftui.tui.screens.main import MainScreen

Keys = list[tuple[str, str | None]]

_NAMES = {
    " ": "space", "?": "question_mark", "-": "minus", ".": "full_stop",
    ":": "colon", ",": "comma",
}  # fmt: skip
TAB, BACK, ENTER, SAVE = (
    ("tab", "\t"),
    ("shift+tab", None),
    ("enter", "\r"),
    ("ctrl+s", None),
)


def typing(text: str) -> Keys:
    """The keys that type `text`."""
    return [(_NAMES.get(c, c), c) for c in text]


def _day() -> Keys:
    meeting = [
        ("n", "n"), *typing("Vårträff"), TAB, TAB, *typing("2026"),
        BACK, BACK, BACK,  # from the title round to "+ Ny programpunkt"
        ENTER, *typing("1"), TAB, *typing("09:00"), TAB, *typing("Välkomna"),
        TAB, TAB, TAB, TAB, TAB,  # description, up, down, remove, add
        ENTER, *typing("1"), TAB, *typing("10:30"), TAB, *typing("Workshop"),
        SAVE,
    ]  # fmt: skip
    interview = [
        ("a", "a"), TAB, *typing("Samtal med Eva"),
        TAB, ("ctrl+u", None), *typing("2026-03-01"),
        TAB, TAB, TAB, TAB, TAB, *typing("Eva Ek"),  # lead, tags, event, source, name
        TAB, TAB, TAB, TAB, *typing("Inledning."),  # role, organisation, consent, body
        SAVE,
    ]  # fmt: skip
    questions = [("i", "i")]
    for question, answer in (("Första", "ett"), ("Andra", "två"), ("Tredje", "tre")):
        questions += [("A", "A"), *typing(f"{question} frågan?"), TAB]
        questions += [*typing(f"Svar {answer}."), SAVE]
    questions += [
        ("up", None), ENTER, ("end", None), *typing(" Nu"),  # edit the second
        TAB, ("end", None), *typing(" Mer."), SAVE,
        ("K", "K"),  # move it up
        ("down", None), ("down", None), ("d", "d"), ("y", "y"),  # delete the third
        ("escape", "\x1b"),
    ]  # fmt: skip
    return meeting + interview + questions


DAY = _day()


def _files(library: Path) -> dict[str, bytes]:
    return {
        path.relative_to(library).as_posix(): path.read_bytes()
        for path in sorted(library.rglob("*"))
        if path.is_file()
    }


async def _play(library: Path, keys: Keys, *, burst: bool) -> None:
    app = BftuiApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key, character in keys:
            app.post_message(events.Key(key, character))
            if not burst:
                await typed(pilot)
        await typed(pilot)
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


@pytest.fixture
def two_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    copies = [tmp_path / "slow", tmp_path / "burst"]
    for copy in copies:
        shutil.copytree(bundled_library(), copy)
    return copies


async def test_the_editors_day_slowly_and_as_one_burst_ends_the_same(
    two_libraries: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    slow, fast = two_libraries
    for library, burst in ((slow, False), (fast, True)):
        # Each run its own drafts and caches, as a fresh start would have.
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / f"state-{burst}"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / f"cache-{burst}"))
        await _play(library, DAY, burst=burst)
    meeting = tomllib.loads((slow / "events" / "2026-vartraff.toml").read_text())
    assert (meeting["title"], meeting["year"]) == ("Vårträff", 2026)
    rows = [(row["day"], row["time"], row["title"]) for row in meeting["programme"]]
    assert rows == [(1, "09:00", "Välkomna"), (1, "10:30", "Workshop")]
    text = (slow / "2026-03-01-samtal-med-eva.md").read_text(encoding="utf-8")
    parts = frontmatter.split(text)
    assert tomllib.loads(parts.front)["interviewee"]["name"] == "Eva Ek"
    entries = [(e.question, e.answer.strip()) for e in find_entries(parts.body)]
    assert entries == [
        ("Andra frågan? Nu", "Svar två. Mer."),
        ("Första frågan?", "Svar ett."),
    ]
    assert not [name for name in _files(slow) if name.endswith(locks.SUFFIX)]
    slow_files, fast_files = _files(slow), _files(fast)
    differ = sorted(
        name
        for name in slow_files.keys() | fast_files.keys()
        if slow_files.get(name) != fast_files.get(name)
    )
    assert not differ, {name: fast_files.get(name) for name in differ}
