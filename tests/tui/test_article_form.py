"""The article form in a host App: new interview, kinds, event by typing, errors, edit."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from appdriver import EVENT_2019
from formhost import HostApp, event_choices, new_article_form
from textual.widgets import Checkbox, Input, OptionList, Select, TextArea

from bftui.core.items import formvalues
from bftui.core.library import frontmatter
from bftui.core.library.loading import load
from bftui.core.store import storage
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.form import FormTarget, Saved
from bftui.tui.widgets.event_picker import EventPicker
from bftui.tui.widgets.field import FieldBox


async def test_new_interview_with_event_chosen_by_typing(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert form.focused is not None and form.focused.id == "f-kind"
        assert form.query_one("#f-published", Input).value == "2024-06-01"
        form.query_one("#f-title", Input).value = "Ett samtal"
        form.query_one("#f-interviewee-name", Input).value = "Eva Ek"
        form.query_one("#f-consent", Checkbox).value = True
        form.query_one("#f-body", TextArea).load_text("Intro.\n\n### Fråga?\n\nSvar.")
        picker_input = form.query_one(".event-input", Input)
        picker_input.focus()
        for key in "malmö":
            await pilot.press(key)
        await pilot.pause()
        options = form.query_one(".event-options", OptionList)
        assert options.display and options.option_count == 1
        await pilot.press("down", "enter")
        await pilot.pause()
        picker = form.query_one(EventPicker)
        # The title is shown; the slug is what is saved.
        assert picker_input.value == picker.title_of(EVENT_2019) != EVENT_2019
        assert picker.slug == EVENT_2019
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, Saved)
    text = result.path.read_text(encoding="utf-8")
    data = tomllib.loads(frontmatter.split(text).front)
    assert data["event"] == EVENT_2019
    assert data["interviewee"] == {"name": "Eva Ek", "consent": True}
    assert data["published"] == dt.date(2024, 6, 1)
    assert frontmatter.split(text).body == "\nIntro.\n\n### Fråga?\n\nSvar.\n"


async def test_interviewee_only_for_interviews(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert form.query_one("#interviewee").display
        form.query_one("#f-kind", Select).value = "news"
        await pilot.pause()
        assert not form.query_one("#interviewee").display
        form.query_one("#f-title", Input).value = "Nyhet"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (result,) = app.results
    data = tomllib.loads(
        frontmatter.split(result.path.read_text(encoding="utf-8")).front
    )
    assert data["kind"] == "news" and "interviewee" not in data


async def test_invalid_fields_are_marked(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        form.query_one("#f-published", Input).value = "igår"
        form.query_one(".event-input", Input).value = "ingen-sadan"
        form.query_one("#f-source", Input).value = "javascript:alert(1)"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        boxes = {box.key: box for box in form.query(FieldBox)}
        for key in ("title", "published", "event", "source", "interviewee.name"):
            assert boxes[key].error, key
    assert app.results == []


async def test_edit_unchanged_is_byte_identical(library_path: Path) -> None:
    article = load(library_path).articles[0]
    snap = storage.snapshot(article.path)
    parts = frontmatter.split(snap.text)

    def make() -> ArticleForm:
        def save(result: tuple[dict[str, Any], str]) -> Path:
            storage.update_article(article.path, *result, snap)
            return article.path

        values = formvalues.article_values(
            tomllib.loads(parts.front), parts.body, dt.date.today()
        )
        target = FormTarget(library_path, "article:x", "x", save)
        return ArticleForm(target, values, events=event_choices(library_path))

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.changed()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(app.results) == 1
    assert article.path.read_text(encoding="utf-8") == snap.text


async def test_saving_the_form_clears_needs_review(library_path: Path) -> None:
    front = {
        "title": "Importerad",
        "kind": "news",
        "published": dt.date(2030, 1, 2),
        "needs_review": ["published", "kind"],
    }
    path = storage.create_article(library_path, front, "\nText om nätverket.\n")
    assert load(library_path).item_at(path).needs_review == ("published", "kind")
    snap = storage.snapshot(path)
    parts = frontmatter.split(snap.text)

    def make() -> ArticleForm:
        def save(result: tuple[dict[str, Any], str]) -> Path:
            storage.update_article(path, *result, snap)
            return path

        values = formvalues.article_values(
            tomllib.loads(parts.front), parts.body, dt.date.today()
        )
        target = FormTarget(library_path, "article:y", "y", save)
        return ArticleForm(target, values, events=event_choices(library_path))

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#f-published", Input).value = "2021-06-21"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(app.results) == 1
    data = tomllib.loads(frontmatter.split(path.read_text(encoding="utf-8")).front)
    assert "needs_review" not in data
    assert data["published"] == dt.date(2021, 6, 21) and data["title"] == "Importerad"


async def test_no_unknown_event_while_choosing_one(library_path: Path) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        picker_input = form.query_one(".event-input", Input)
        picker_input.focus()
        await pilot.press("tab", "shift+tab")  # left once: errors show as typed
        await pilot.press(*"malm")
        await pilot.pause()
        box = next(b for b in form.query(FieldBox) if b.key == "event")
        assert not box.error
        await pilot.press("down")  # into the list of matches: still choosing
        await pilot.pause()
        assert not box.error
        await pilot.press("shift+tab", "tab")  # back in the input, then away
        await pilot.press("tab")
        await pilot.pause()
        assert box.error == "okänt evenemang 'malm'"


async def test_consent_shows_a_tick_and_the_source_asks_for_an_address(
    library_path: Path,
) -> None:
    app = HostApp(lambda: new_article_form(library_path))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        consent = form.query_one("#f-consent", Checkbox)
        assert "✓" not in str(consent.render())
        consent.value = True
        await pilot.pause()
        assert "✓" in str(consent.render())
        assert "https://" in form.query_one("#f-source", Input).placeholder


async def test_an_unknown_kind_is_shown_kept_and_named_on_save(
    library_path: Path,
) -> None:
    saved: list[Any] = []

    def make() -> ArticleForm:
        target = FormTarget(library_path, "article:new", "Ny artikel", saved.append)
        values = formvalues.article_values(None, "Text.", dt.date(2024, 6, 1))
        values.update(kind="blog", title="Ett inlägg")
        return ArticleForm(target, values, events=[])

    app = HostApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.screen
        assert isinstance(form, ArticleForm)
        assert form.query_one("#f-kind", Select).value == "blog"
        assert form.values()["kind"] == "blog"
        await pilot.press("ctrl+s")
        await pilot.pause()
        box = next(box for box in form.query(FieldBox) if box.key == "kind")
        assert "blog" in box.error
    assert saved == [] and app.results == []
