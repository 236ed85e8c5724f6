"""At 80x24, Tab and shift+Tab through every form reach each field, and the field is in sight.

The forms scroll: a field that gets the focus out of sight takes what is
typed where the user cannot see it. The scrolling body itself never gets
the focus (shift+Tab from the first field used to land there).
"""

from __future__ import annotations

from typing import Any

import pytest
from appdriver import EVENT_2019, settle, show_article, show_event
from formhost import typed
from textual import events
from textual.containers import VerticalScroll
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input

from bftui.core.items.model import Article
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.tui.app import BftuiApp
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.event_form import EventForm
from bftui.tui.screens.qa_form import QAForm
from bftui.tui.screens.qa_list import QAListScreen
from bftui.tui.widgets.programme_editor import ProgrammeEditor

LIMIT = 80
"""More Tabs than any form here has fields: the round must close before."""


async def _in_sight(pilot: Pilot[Any], widget: Widget) -> None:
    """Fail unless `widget` is drawn on the screen once the layout settled.

    The focus scrolls its widget into view after the next refresh, and a
    loaded machine may need a few more for the layout: waited for, up to 5.
    """
    for _ in range(5):
        try:
            _drawn_whole(pilot, widget)
            return
        except (AssertionError, NoWidget):
            await pilot.pause()
    _drawn_whole(pilot, widget)


def _drawn_whole(pilot: Pilot[Any], widget: Widget) -> None:
    """Fail unless `widget` is drawn on the screen, whole (or filling the view)."""
    screen = pilot.app.screen
    assert not isinstance(widget, VerticalScroll), widget
    placed = screen.find_widget(widget)  # raises if it is not drawn at all
    shown = placed.region.intersection(placed.clip)
    assert shown.area, f"{widget!r} out of sight"
    if placed.region.height <= placed.clip.height:
        assert shown == placed.region, f"{widget!r} partly out of sight"
    assert screen.region.contains_region(shown)


async def _round(pilot: Pilot[Any], key: str) -> list[Widget]:
    """Press `key` until the focus is back where it started; each field in sight."""
    app = pilot.app
    start = app.focused
    assert start is not None
    await _in_sight(pilot, start)
    seen: list[Widget] = [start]
    for _ in range(LIMIT):
        app.post_message(events.Key(key, "\t" if key == "tab" else None))
        await typed(pilot)
        focused = app.focused
        assert focused is not None
        await _in_sight(pilot, focused)
        if focused is start:
            return seen
        seen.append(focused)
    raise AssertionError(f"{key} never came back to {start!r}: {seen[-5:]}")


async def _both_ways(pilot: Pilot[Any]) -> None:
    forward = await _round(pilot, "tab")
    backward = await _round(pilot, "shift+tab")
    # The same fields, the other way round.
    assert backward == [forward[0], *reversed(forward[1:])]


async def _event_and(pilot: Pilot[Any], key: str) -> None:
    """Show the 2019 meeting and press `key` (its form, or a new meeting's)."""
    await show_event(pilot, EVENT_2019)
    await pilot.press(key)
    await settle(pilot)


async def _interview_and(pilot: Pilot[Any], key: str) -> Article:
    """Show the sample's interview and press `key` (its form or its Q&A list)."""
    interview = await show_article(pilot)
    assert interview.kind == "interview"
    await pilot.press(key)
    await settle(pilot)
    return interview


@pytest.mark.parametrize("key", ["E", "n"], ids=["edit-event", "new-meeting"])
async def test_tab_through_the_event_forms(app: BftuiApp, key: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _event_and(pilot, key)
        assert isinstance(app.screen, EventForm)
        await _both_ways(pilot)


async def test_tab_through_the_article_form(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _interview_and(pilot, "E")
        assert isinstance(app.screen, ArticleForm)
        await _both_ways(pilot)


async def test_tab_through_the_qa_list_and_form(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        interview = await _interview_and(pilot, "i")
        assert isinstance(app.screen, QAListScreen)
        await _both_ways(pilot)
        await pilot.press("end", "enter")  # Enter, the list's own key, edits
        await settle(pilot)
        assert isinstance(app.screen, QAForm)
        question = app.screen.query_one("#f-question", Input).value
        body = frontmatter.split(interview.path.read_text(encoding="utf-8")).body
        assert question == find_entries(body)[-1].question
        await _both_ways(pilot)


@pytest.mark.parametrize(
    "button", [".row-down", ".row-up", ".row-remove", "#programme-add"]
)
async def test_the_programme_buttons_leave_the_focus_in_sight(
    app: BftuiApp, button: str
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await _event_and(pilot, "E")
        form = app.screen
        assert isinstance(form, EventForm)
        editor = form.query_one(ProgrammeEditor)
        assert editor.count >= 2
        editor.choose(1)
        form.set_focus(form.query_one(button, Button))
        await typed(pilot)
        await _in_sight(pilot, form.query_one(button, Button))
        app.post_message(events.Key("enter", "\r"))
        await typed(pilot)
        assert app.focused is not None
        await _in_sight(pilot, app.focused)


async def test_a_wrong_field_far_up_gets_the_focus_in_sight(app: BftuiApp) -> None:
    """ctrl+s at the foot of a new meeting with no title: the title, at the top, is shown."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        for key in (
            "shift+tab",
            "enter",
            "ctrl+s",
        ):  # to "+ Ny programpunkt", add, save
            app.post_message(events.Key(key, None))
            await typed(pilot)
        assert app.focused is form.query_one("#f-title", Input)
        await _in_sight(pilot, app.focused)
