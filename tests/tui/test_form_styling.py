"""A form is styled by its own style sheet when first shown, and not again when reused.

Run with eager tasks, as in a real terminal on Python 3.12+: there Textual
builds a screen pushed (styling its widgets) before it reads the screen's
style sheet, and counts on restyling it as it is shown.
"""

from __future__ import annotations

import pytest
from appdriver import EVENT_2019, eager_tasks, open_item, restyled_nodes, settle
from textual.containers import Vertical

from bftui.tui.app import BftuiApp
from bftui.tui.screens.event_form import EventForm
from bftui.tui.widgets.field import FieldBox


def assert_styled(form: EventForm) -> None:
    """The form has the styles of forms.tcss, laid out at 120x24."""
    aligned = (form.styles.align_horizontal, form.styles.align_vertical)
    assert aligned == ("center", "middle")
    dialog = form.query_one(".form-dialog", Vertical)
    assert dialog.styles.border.top[0] == "round"
    assert dialog.region.x == 10 and dialog.region.width == 100
    assert form.query(FieldBox).first().region.height == 1


async def test_the_form_is_styled_by_its_sheet_and_not_again_when_reused(
    app: BftuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.BUILD_AHEAD = False  # the form is built as it is first shown
    restyled = restyled_nodes(app, monkeypatch)
    async with eager_tasks(), app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        library = app.screen_stack[0].library  # type: ignore[attr-defined]
        event = next(e for e in library.events if EVENT_2019 in e.path.name)
        await open_item(pilot, event)
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EventForm)
        assert_styled(form)
        await pilot.press("escape")  # nothing typed: closed at once
        await settle(pilot)
        assert not isinstance(app.screen, EventForm)
        restyled.clear()
        await pilot.press("E")
        await settle(pilot)
        assert app.screen is form  # the form kept, shown again
        assert form not in restyled
        assert_styled(form)
