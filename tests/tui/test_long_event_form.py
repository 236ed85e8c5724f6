"""An event of many programme rows: its form shows at once and reads the rest on.

Rows are read in batches in a worker; here the batches wait for the test,
so what the editor can do meanwhile is seen: type, close, save (which waits).
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from appdriver import main_screen, settle, show_event, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input

from bftui.core.items import formvalues
from bftui.core.library import toml_rows
from bftui.core.store import drafts
from bftui.tui import targets
from bftui.tui.app import BftuiApp
from bftui.tui.screens.event_form import READ_AT_ONCE, EventForm
from bftui.tui.widgets.programme_editor import ProgrammeEditor

ROWS = targets.READ_LATER_FROM + 2 * READ_AT_ONCE + 7
SLUG = "2025-lang-traff"


def row_text(number: int) -> str:
    return f"[[programme]]\nday = {number // 20 + 1}\ntitle = 'Punkt {number + 1}'\n\n"


def event_text(rows: int = ROWS, broken_at: int | None = None) -> str:
    head = 'title = "Lång träff"\nkind = "network-meeting"\nstart = 2025-05-20\n\n'
    pieces = [row_text(n) for n in range(rows)]
    if broken_at is not None:
        pieces[broken_at] = pieces[broken_at].replace("day = ", "day = = ")
    return head + "".join(pieces)


ROW_LINE_IN_TEXT = 'description = """\nSå här:\n[[programme]]\nslut"""\n\n'
"""A description holding a row's header line: the file cannot be read in pieces there."""


class HeldBatches:
    """Stands in for `toml_rows.batches`: each batch waits until the test lets it go."""

    def __init__(self) -> None:
        self.go = threading.Semaphore(0)
        self.given = 0
        self.real = toml_rows.batches

    def __call__(self, rows: Sequence[str], size: int) -> Iterator[Any]:
        for batch in self.real(rows, size):
            self.go.acquire(timeout=15)  # never hang a failed test
            self.given += 1
            yield batch

    def release(self, batches: int = 100) -> None:
        for _ in range(batches):
            self.go.release()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldBatches]:
    batches = HeldBatches()
    monkeypatch.setattr(toml_rows, "batches", batches)
    yield batches
    batches.release(1000)  # a failed test leaves no worker waiting


def write_event(library_path: Path, text: str) -> Path:
    path = library_path / "events" / f"{SLUG}.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def open_long_form(pilot: Pilot[int]) -> EventForm:
    await show_event(pilot, SLUG)
    await pilot.press("E")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, EventForm), "form")
    form = pilot.app.screen
    assert isinstance(form, EventForm)
    await wait_for(pilot, lambda: form.focused is not None, "the first field")
    return form


def message(form: EventForm) -> str:
    return str(form.query_one(".form-message").render())


async def test_the_form_shows_with_the_first_rows_and_reads_the_rest(
    library_path: Path, held: HeldBatches
) -> None:
    path = write_event(library_path, event_text())
    before = path.read_text(encoding="utf-8")
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        form = await open_long_form(pilot)
        editor = form.query_one(ProgrammeEditor)
        assert editor.count == targets.FIRST_ROWS
        assert f"{targets.FIRST_ROWS} av {ROWS:,}".replace(",", "\u00a0") in message(
            form
        )
        # Rows keep their order while the rest is read: no adding or moving.
        assert form.query_one("#programme-add", Button).disabled
        await pilot.press("ctrl+a", "ctrl+k", *"Ny titel")
        assert form.query_one("#f-title", Input).value == "Ny titel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "när hela programmet är läst" in message(form)
        assert path.read_text(encoding="utf-8") == before
        held.release()
        await wait_for(pilot, lambda: pilot.app.screen is not form, "the save")
        await settle(pilot)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("Lång träff", "Ny titel")
    assert len(tomllib.loads(after)["programme"]) == ROWS


async def test_a_draft_while_reading_keeps_the_fields_and_the_file_rows(
    library_path: Path, held: HeldBatches
) -> None:
    path = write_event(library_path, event_text())
    item = f"event:events/{path.name}"
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        form = await open_long_form(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"Ny titel")
        form.keep_now()  # as a hang-up does
        draft = drafts.load(library_path, item)
        assert draft is not None
        assert draft.fields["values"]["title"] == "Ny titel"
        assert "programme" not in draft.fields["values"]
        # A row changed before every row is read: no draft can hold it whole.
        form.query_one(ProgrammeEditor).focus_row("title")
        await pilot.press("x")
        drafts.discard(library_path, item)
        form.keep_now()
        assert drafts.load(library_path, item) is None
    values = draft.fields["values"]
    start = formvalues.event_values(tomllib.loads(path.read_text("utf-8")))
    restored = targets.restored(values, start)
    assert restored["title"] == "Ny titel"
    assert len(restored["programme"]) == ROWS


async def test_escape_while_reading_closes_and_stops_the_reading(
    library_path: Path, held: HeldBatches
) -> None:
    write_event(library_path, event_text())
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        form = await open_long_form(pilot)
        held.release(1)
        await wait_for(
            pilot,
            lambda: form.query_one(ProgrammeEditor).count > targets.FIRST_ROWS,
            "a batch",
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: pilot.app.screen is main_screen(pilot), "closed")
        held.release()
        await settle(pilot)
        assert held.given <= 2  # the batch let go after closing, at most
        assert drafts.list_drafts(library_path) == []


async def test_rows_edited_once_read_are_saved_in_place(library_path: Path) -> None:
    path = write_event(library_path, event_text())
    before = path.read_text(encoding="utf-8")
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        form = await open_long_form(pilot)
        editor = form.query_one(ProgrammeEditor)
        await wait_for(pilot, lambda: editor.count == ROWS, "every row")
        assert not form.query_one("#programme-add", Button).disabled
        editor.choose(ROWS - 1)
        editor.focus_row("title")
        await pilot.press("ctrl+a", "ctrl+k", *"Sist")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen is not form, "the save")
        await settle(pilot)
    after = path.read_text(encoding="utf-8")
    last = row_text(ROWS - 1)
    assert after == before.replace(last, last.replace(f"Punkt {ROWS}", "Sist"))


async def test_rows_that_do_not_read_are_said_and_nothing_is_saved(
    library_path: Path,
) -> None:
    write_event(library_path, event_text())
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        await show_event(pilot, SLUG)
        # The file broke after the library was read: its last rows do not read.
        path = write_event(library_path, event_text(broken_at=ROWS - 3))
        broken = path.read_text(encoding="utf-8")
        await pilot.press("E")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EventForm), "form")
        form = pilot.app.screen
        assert isinstance(form, EventForm)
        await wait_for(pilot, lambda: "kunde inte läsas" in message(form), "the error")
        await pilot.press("ctrl+a", "ctrl+k", *"Ny titel", "ctrl+s")
        await pilot.pause()
        assert "kunde inte läsas" in message(form)
        assert pilot.app.screen is form
    assert path.read_text(encoding="utf-8") == broken


async def test_a_row_line_inside_a_text_is_read_whole(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The description of row FIRST_ROWS + 2 holds a header line, which ends
    # the first batch read on: that batch does not read, the whole file does.
    monkeypatch.setattr("bftui.tui.screens.event_form.READ_AT_ONCE", 3)
    text = event_text()
    row = row_text(targets.FIRST_ROWS + 2)
    path = write_event(library_path, text.replace(row, row[:-1] + ROW_LINE_IN_TEXT))
    async with BftuiApp(library_path).run_test(size=(100, 40)) as pilot:
        form = await open_long_form(pilot)
        editor = form.query_one(ProgrammeEditor)
        await wait_for(pilot, lambda: form.rows_to_read is None, "every row")
        assert editor.count == ROWS
        assert "[[programme]]" in editor.row(targets.FIRST_ROWS + 2)["description"]
        assert editor.row(ROWS - 1)["title"] == f"Punkt {ROWS}"
        assert not form.changed()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["title"] == "Lång träff"
