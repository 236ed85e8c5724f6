"""A file changed under an open form: the save merges, and asks only about what both changed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from appdriver import EVENT_2019, notices, open_form, settle, show_article
from formhost import set_field, type_text
from textual.widgets import Footer, RadioSet, TextArea
from textual.widgets._footer import FooterKey

from bftui.core.library import frontmatter
from bftui.core.store import drafts, sessions
from bftui.tui.app import BftuiApp
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictPick, ConflictScreen
from bftui.tui.screens.drafts import DraftsScreen
from bftui.tui.screens.event_form import EventForm


def someone_else(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_changes_to_different_fields_are_merged_without_asking(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        form, path = await open_form(pilot, EVENT_2019)
        await set_field(pilot, form, "city", "Lund")
        someone_else(path, "participants = 200", "participants = 210")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen | EventForm)
        assert any("sammanfogat" in notice for notice in notices(pilot))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["city"], data["participants"]) == ("Lund", 210)


async def test_lead_and_body_changed_by_two_people_both_land(app: BftuiApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        form, path = await open_form(pilot, None)
        await set_field(pilot, form, "lead", "En ny ingress")
        someone_else(
            path, "Bostad först-teamet i Malmö arrangerade", "Teamet arrangerade"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen | ArticleForm)
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(frontmatter.split(text).front)["lead"] == "En ny ingress"
    assert "Teamet arrangerade" in text


async def test_the_same_field_shows_both_and_the_editor_takes_theirs(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form, path = await open_form(pilot, EVENT_2019)
        await set_field(pilot, form, "city", "Lund")
        await set_field(pilot, form, "participants", "250")
        someone_else(path, 'city = "Malmö"', 'city = "Göteborg"')
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        (pick,) = dialog.query(ConflictPick)
        shown = " ".join(str(s.render()) for s in pick.query(".conflict-side-text"))
        assert "Lund" in shown and "Göteborg" in shown
        keys = {key.key for key in dialog.query_one(Footer).query(FooterKey)}
        assert {"ctrl+s", "r", "n", "escape"} <= keys  # the dialog shows its keys
        assert dialog.focused is pick.query_one(RadioSet)
        await pilot.press("down", "enter")  # "Ta deras"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen | EventForm)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["city"], data["participants"]) == ("Göteborg", 250)


async def test_the_editor_combines_both_versions(app: BftuiApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        form, path = await open_form(pilot, EVENT_2019)
        await set_field(pilot, form, "city", "Lund")
        someone_else(path, 'city = "Malmö"', 'city = "Göteborg"')
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        await pilot.press("down", "down", "enter")  # "Kombinera"
        await settle(pilot)
        area = dialog.query_one(".conflict-combined", TextArea)
        assert area.display and dialog.focused is area
        assert area.text == "Lund / Göteborg"  # both, to edit into one
        area.load_text("")
        await type_text(pilot, "Lund och Göteborg")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen | EventForm)
    assert (
        tomllib.loads(path.read_text(encoding="utf-8"))["city"] == "Lund och Göteborg"
    )


async def test_a_restored_draft_made_after_a_reload_saves(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Conflict, reload, type, lose the connection, restore, ctrl+s: saved, nothing lost."""
    me = sessions.current()
    # The first session is another process, which has ended by the second start.
    ended = sessions.Session(me.user, me.host, me.pid, "1", "an-earlier-boot")
    app = BftuiApp(library_path)
    with monkeypatch.context() as patch:
        patch.setattr(sessions, "current", lambda: ended)
        async with app.run_test(size=(80, 24)) as pilot:
            form, path = await open_form(pilot, None)
            await set_field(pilot, form, "lead", "Min ingress")
            someone_else(path, "Teamet kände stor stolthet", "Deras ingress")
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConflictScreen)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await settle(pilot)
            assert app.screen is form
            await set_field(pilot, form, "tags", "Lund")
            form.autosave()
            await settle(pilot)
    reloaded = path.read_text(encoding="utf-8")
    (draft,) = drafts.list_drafts(library_path)
    assert draft.fields["snapshot"]["text"] == reloaded  # the base it merges from
    again = BftuiApp(library_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DraftsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(again.screen, ArticleForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(again.screen, ConflictScreen | ArticleForm)
    front = tomllib.loads(frontmatter.split(path.read_text(encoding="utf-8")).front)
    assert front["lead"] == "Deras ingress när vi var i hamn"
    assert front["tags"] == ["Lund"]
    assert len(list(library_path.glob("*.md"))) == 1  # no duplicate article


async def test_deleting_an_entry_someone_changed_asks_in_the_qa_list(
    app: BftuiApp,
) -> None:
    from bftui.core.items.qa import find_entries
    from bftui.tui.screens.qa_list import QAListScreen

    async with app.run_test(size=(100, 30)) as pilot:
        path = (await show_article(pilot)).path
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
        someone_else(path, "Jag tyckte att höjdpunkterna var många", "Deras nya svar")
        await pilot.press("d", "y")  # the first entry, which they changed
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen) and not dialog.can_save_new
        await pilot.press("down", "enter", "ctrl+s")  # take theirs: the entry stays
        await settle(pilot)
        assert isinstance(app.screen, QAListScreen)
    body = frontmatter.split(path.read_text(encoding="utf-8")).body
    first = find_entries(body)[0]
    assert first.question == "Vilka var höjdpunkterna tyckte du?"
    assert first.answer.startswith("Deras nya svar")
