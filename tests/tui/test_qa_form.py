"""The Q&A form in a host App: save, an empty question, a heading in the answer, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from formhost import HostApp, qa_form
from textual import events
from textual.widgets import Input, TextArea

from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.form import Saved
from bftui.tui.widgets.field import FieldBox


async def test_question_and_answer_saved(tmp_path: Path) -> None:
    got: list[Any] = []
    app = HostApp(lambda: qa_form(tmp_path, got))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.focused is not None and app.screen.focused.id == "f-question"
        await pilot.press("V", "a", "d", "question_mark", "tab")
        await pilot.press("S", "v", "a", "r")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert got == [("Vad?", "Svar")]
    assert isinstance(app.results[0], Saved)


async def test_keys_typed_in_one_burst_land_in_their_fields_and_are_saved(
    tmp_path: Path,
) -> None:
    """As from a fast typist, or keys an SSH connection delivers together."""
    got: list[Any] = []
    app = HostApp(lambda: qa_form(tmp_path, got))
    names = {"?": "question_mark", " ": "space", ".": "full_stop"}
    burst = [(names.get(c, c), c) for c in "Vad?"] + [("tab", "\t")]
    burst += [(names.get(c, c), c) for c in "Ett svar."] + [("ctrl+s", None)]
    async with app.run_test(size=(80, 24)) as pilot:
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert got == [("Vad?", "Ett svar.")]


async def test_invalid_entry_is_refused(tmp_path: Path) -> None:
    got: list[Any] = []
    app = HostApp(lambda: qa_form(tmp_path, got))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#f-answer", TextArea).load_text("## Rubrik\n\ntext")
        await pilot.press("ctrl+s")
        await pilot.pause()
        boxes = {box.key: box for box in form.query(FieldBox)}
        assert boxes["question"].error and boxes["answer"].error
        form.query_one("#f-question", Input).value = "Fråga?"
        form.query_one("#f-answer", TextArea).load_text("Bara text")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert got == [("Fråga?", "Bara text")]


async def test_cancel_edit_with_changes_asks(tmp_path: Path) -> None:
    got: list[Any] = []
    values = {"question": "Q?", "answer": "A"}
    app = HostApp(lambda: qa_form(tmp_path, got, values))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
    app = HostApp(lambda: qa_form(tmp_path, got, values))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None] and got == []


async def test_f2_previews_the_answer_in_place_and_back(tmp_path: Path) -> None:
    from textual.widgets._markdown import MarkdownBulletList

    from bftui.tui.widgets.preview import MarkdownPreview

    got: list[Any] = []
    values = {"question": "Vad?", "answer": "Det blev:\n\n- ett hem\n- ett jobb"}
    app = HostApp(lambda: qa_form(tmp_path, got, values))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")  # on the question: nothing to preview, says where
        await pilot.pause()
        assert not app.screen.query(MarkdownPreview)
        assert any("F2" in str(n.message) for n in app._notifications)
        await pilot.press("tab", "f2")
        await pilot.pause()
        area = app.screen.query_one("#f-answer", TextArea)
        preview = app.screen.query_one(MarkdownPreview)
        assert not area.display and app.screen.focused is preview
        await pilot.pause()
        assert len(preview.query_one(MarkdownBulletList).children) == 2
        assert preview.region.height >= 6  # in the answer's place, as tall
        await pilot.press("f2")
        await pilot.pause()
        assert area.display and app.screen.focused is area
        assert not app.screen.query(MarkdownPreview)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert got == [("Vad?", "Det blev:\n\n- ett hem\n- ett jobb")]
