"""Git in the app: the title bar's state, the sync key, an item's history, conflicts.

Real git, a bare remote and clones in temporary folders (see conftest).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from appdriver import main_screen, settle, wait_for  # type: ignore[import-not-found]
from conftest_values import ARTICLE, EVENT
from formhost import burst, typed  # type: ignore[import-not-found]
from gitrepos import add_question, git, set_fields
from textual.pilot import Pilot
from textual.widgets import OptionList

from bftui.core.share.git import Repo
from bftui.core.share.status import state
from bftui.core.share.sync import sync
from bftui.tui.app import BftuiApp
from bftui.tui.screens.conflict import MergeConflictScreen
from bftui.tui.screens.item_history import DeletedScreen, HistoryScreen, ReaderScreen
from bftui.tui.screens.trash import TrashScreen
from bftui.tui.widgets.title_bar import TitleBar


def title_bar(pilot: Pilot[Any]) -> str:
    return str(main_screen(pilot).query_one(TitleBar).render())


def notices(app: BftuiApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def title_says(pilot: Pilot[Any], text: str) -> None:
    await wait_for(pilot, lambda: text in title_bar(pilot), f"{text!r} in the title")


async def told(pilot: Pilot[Any], text: str) -> None:
    app = pilot.app
    assert isinstance(app, BftuiApp)
    await wait_for(pilot, lambda: text in notices(app), f"{text!r} in a notice")


async def showing(pilot: Pilot[Any], kind: type[Any]) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)


async def share_found(pilot: Pilot[Any]) -> None:
    screen = main_screen(pilot)
    await wait_for(pilot, lambda: screen._share_found, "the git state")


def city(repo: Repo, path: str) -> object:
    return tomllib.loads((repo.library / path).read_text(encoding="utf-8"))["city"]


async def test_the_title_bar_shows_the_branch_and_what_is_not_shared(
    cities: dict[str, Repo],
) -> None:
    malmo = cities["Malmö"]
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await title_says(pilot, "⎇ main")
        assert "↑0 ↓0" in title_bar(pilot)
        assert "aldrig synkat" in title_bar(pilot)

        # A save made in the app is committed: one commit to send.
        set_fields(malmo.library, EVENT, {"city": "Lund"})
        await title_says(pilot, "↑1 ↓0")

        # A hand edit is not shared.
        (malmo.library / EVENT).write_text(
            (malmo.library / EVENT).read_text(encoding="utf-8") + "# hand\n",
            encoding="utf-8",
        )
        main_screen(pilot).refresh_share()
        await title_says(pilot, "1 ej delad")


async def test_the_sync_key_fetches_the_others_changes_and_says_so(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    add_question(stockholm.library, ARTICLE, "Hur går det i Stockholm?", "Bra.")
    sync(stockholm)
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await title_says(pilot, "⎇ main")
        await pilot.press("s")
        await told(pilot, "1 hämtade")
        await settle(pilot)
        await title_says(pilot, "synkat")
        text = (malmo.library / ARTICLE).read_text(encoding="utf-8")
        assert "Hur går det i Stockholm?" in text


async def open_history(pilot: Pilot[Any]) -> HistoryScreen:
    """Wait for the item the app opened and for git, press h; return the history."""
    await settle(pilot)
    screen = main_screen(pilot)
    await wait_for(pilot, lambda: screen.current is not None, "the item shown")
    await share_found(pilot)
    await pilot.press("h")
    await showing(pilot, HistoryScreen)
    history = pilot.app.screen
    assert isinstance(history, HistoryScreen)
    return history


def answered_in_malmo(cities: dict[str, Repo]) -> BftuiApp:
    """Add a question to Malmö's interview; return the app opened on it (two versions)."""
    malmo = cities["Malmö"]
    add_question(malmo.library, ARTICLE, "Vad hände sedan?", "Mycket.")
    return BftuiApp(malmo.library, open_item=malmo.library / ARTICLE)


async def test_the_history_shows_versions_one_read_only_and_what_changed(
    cities: dict[str, Repo],
) -> None:
    app = answered_in_malmo(cities)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        await wait_for(pilot, lambda: len(history.versions) == 2, "two versions")
        rows = history.query_one(OptionList)
        first = str(rows.get_option_at_index(0).prompt)
        assert "Malin Malmö" in first and "Ny fråga i" in first

        await pilot.press("d")  # What the newest version changed.
        await showing(pilot, ReaderScreen)
        await settle(pilot)
        shown = "\n".join(
            line.text
            for line in app.screen.query_one("#version-document").rendered.lines
        )
        assert "Vad hände sedan? (tillagt)" in shown
        assert "Efter:" in shown and "Mycket." in shown
        await pilot.press("escape")

        await pilot.press("down", "enter")  # The older version, read-only.
        await showing(pilot, ReaderScreen)
        await settle(pilot)
        reader = app.screen
        heading = str(reader.query_one("#version-heading").render())
        assert "skrivskyddad" in heading and history.versions[1].short in heading
        document = reader.query_one("#version-document")
        shown = "\n".join(line.text for line in document.rendered.lines)
        assert "Malmö" in shown and "Vad hände sedan?" not in shown
        await pilot.press("e")  # No editing key works here.
        assert app.screen is reader


async def test_the_history_of_a_renamed_item_goes_back_past_the_rename(
    cities: dict[str, Repo],
) -> None:
    malmo = cities["Malmö"]
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    renamed = "events/2019-traff-i-malmo.toml"
    git(malmo.library, "mv", EVENT, renamed)
    git(malmo.library, "commit", "-q", "-m", "Nytt namn")
    app = BftuiApp(malmo.library, open_item=malmo.library / renamed)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        await wait_for(pilot, lambda: len(history.versions) == 3, "three versions")
        await pilot.press("down", "down", "enter")  # The first, under its old name.
        await showing(pilot, ReaderScreen)
        await settle(pilot)
        document = app.screen.query_one("#version-document")
        shown = "\n".join(line.text for line in document.rendered.lines)
        assert "Malmö" in shown and "Lund" not in shown


async def test_a_conflict_after_a_sync_is_chosen_side_by_side_and_staged(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    set_fields(stockholm.library, EVENT, {"city": "Uppsala"})
    sync(stockholm)
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await share_found(pilot)
        await pilot.press("s")
        await showing(pilot, MergeConflictScreen)
        merge = app.screen
        await wait_for(
            pilot,
            lambda: bool(merge.query("#merge-ours")),
            "the merge's sides",
        )
        await pilot.pause()
        assert str(merge.query_one("#merge-ours").render()) == "Lund"
        assert str(merge.query_one("#merge-theirs").render()) == "Uppsala"
        assert "Ort" in str(merge.query_one("#merge-heading").render())
        assert main_screen(pilot).library is not None
        assert not main_screen(pilot).library.problems  # Valid, never "invalid TOML".

        await pilot.press("d")  # Take theirs.
        await wait_for(pilot, lambda: not state(malmo).unmerged, "nothing unmerged")
        assert city(malmo, EVENT) == "Uppsala"
        await told(pilot, "s för att synka klart")

        await pilot.press("s")  # Finishes the merge and sends it.
        await told(pilot, "skickade")
        await settle(pilot)
    assert not state(malmo).merging
    sync(stockholm)
    assert city(stockholm, EVENT) == "Uppsala"


async def test_combining_both_sides_writes_the_text_typed(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    set_fields(stockholm.library, EVENT, {"city": "Uppsala"})
    sync(stockholm)
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await share_found(pilot)
        await pilot.press("s")
        await showing(pilot, MergeConflictScreen)
        await wait_for(
            pilot,
            lambda: bool(app.screen.query("#merge-combined")),
            "the combined text",
        )
        await pilot.pause()
        await pilot.press("k")
        editor = app.screen.query_one("#merge-combined")
        assert editor.text == "Lund / Uppsala"
        editor.text = "Lund och Uppsala"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not state(malmo).unmerged, "nothing unmerged")
    assert city(malmo, EVENT) == "Lund och Uppsala"


async def test_a_deleted_item_comes_back_from_history(cities: dict[str, Repo]) -> None:
    malmo = cities["Malmö"]
    git(malmo.top, "rm", "-q", "--", EVENT)
    git(malmo.top, "commit", "-q", "-m", "bort")
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await share_found(pilot)
        await pilot.press("T")  # The trash is empty; g lists git's deleted items.
        await showing(pilot, TrashScreen)
        await pilot.press("g")
        await showing(pilot, DeletedScreen)
        deleted = app.screen
        await wait_for(pilot, lambda: bool(deleted.deleted), "the deleted items")
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: (malmo.library / EVENT).is_file(),
            "the event brought back",
        )
        await settle(pilot)
        assert any(e.path.name == Path(EVENT).name for e in screen.library.events)


async def test_keys_typed_right_after_h_go_to_the_versions_once_listed(
    cities: dict[str, Repo],
) -> None:
    app = answered_in_malmo(cities)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(pilot)
        await pilot.press("escape")
        await settle(pilot)

        burst(app, [("h", "h"), ("down", None), ("enter", "\r")])  # one packet
        await typed(pilot)
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)  # The older version, read-only.
        history = app.screen_stack[-2]
        assert isinstance(history, HistoryScreen)
        heading = str(reader.query_one("#version-heading").render())
        assert history.versions[1].short in heading


async def test_keys_typed_right_after_bringing_an_item_back_see_it(
    cities: dict[str, Repo],
) -> None:
    malmo = cities["Malmö"]
    git(malmo.top, "rm", "-q", "--", EVENT)
    git(malmo.top, "commit", "-q", "-m", "bort")
    app = BftuiApp(malmo.library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await share_found(pilot)
        await pilot.press("T")
        await showing(pilot, TrashScreen)

        # g lists git's deleted items, Enter brings the first back, and End
        # and Enter open the sidebar's last row: the item brought back.
        keys = [("g", "g"), ("enter", "\r"), ("end", None), ("enter", "\r")]
        burst(app, keys)  # one packet
        await typed(pilot)
        await settle(pilot)
        assert (malmo.library / EVENT).is_file()
        assert screen.current is not None
        assert screen.current.path.name == Path(EVENT).name
