"""The Q&A list: adding, moving and deleting an entry changes only that entry's lines."""

from __future__ import annotations

import pytest
from appdriver import eager_tasks, main_screen, open_item, restyled_nodes, settle
from textual.pilot import Pilot

from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.tui.app import BftuiApp
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.qa_form import QAForm
from bftui.tui.screens.qa_list import QAListScreen
from bftui.tui.widgets.entry_list import EntryList


async def open_list(pilot: Pilot[int]) -> tuple[EntryList, list[str]]:
    """Open the Q&A list of the sample interview; return the list and its questions."""
    await settle(pilot)
    library = main_screen(pilot).library
    assert library is not None
    interview = next(a for a in library.articles if a.kind == "interview")
    await open_item(pilot, interview)
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(pilot.app.screen, QAListScreen)
    body = frontmatter.split(interview.path.read_text(encoding="utf-8")).body
    return pilot.app.screen.query_one(EntryList), [
        e.question for e in find_entries(body)
    ]


def drawn(entries: EntryList) -> list[str]:
    """The lines the list draws now."""
    return [entries.render_line(y).text.rstrip() for y in range(len(entries.entries))]


async def test_moving_deleting_and_adding_touch_only_those_entries(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 40)) as pilot:
        entries, questions = await open_list(pilot)
        assert len(questions) >= 3
        assert drawn(entries)[0] == f"1. {questions[0]}"

        await pilot.press("J")  # the first entry down
        await settle(pilot)
        assert entries.last_change == (0, 2, 2)
        assert entries.entries[:2] == [questions[1], questions[0]]
        assert entries.cursor == 1

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert entries.last_change == (1, 1, 0)  # one entry gone, no other touched
        assert entries.entries == [questions[1], *questions[2:]]
        assert drawn(entries)[1] == f"2. {questions[2]}"  # numbered as drawn

        await pilot.press("a")  # a new entry after the one under the cursor
        await settle(pilot)
        assert isinstance(app.screen, QAForm)
        await pilot.press(*"Sen?")
        await pilot.press("tab", *"Bra.", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        assert entries.last_change == (2, 0, 1)
        assert entries.entries[2] == "Sen?"
        assert entries.cursor == 2


async def test_the_list_is_styled_by_its_sheet_and_not_again_when_opened_again(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = restyled_nodes(app, monkeypatch)
    async with eager_tasks(), app.run_test(size=(120, 40)) as pilot:
        await open_list(pilot)
        first = app.screen
        aligned = (first.styles.align_horizontal, first.styles.align_vertical)
        assert aligned == ("center", "middle")  # its sheet read as it was shown
        await pilot.press("escape")
        await settle(pilot)
        restyled.clear()
        await pilot.press("i")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, QAListScreen) and again is not first
        assert again not in restyled  # styled once, as it was built
        assert again.query_one(".qa-list-dialog").region.x == 10  # centred
