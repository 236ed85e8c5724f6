"""The app's import and calendar export say every failure, however it happens.

A FIFO, a device, a MemoryError or an OverflowError in the worker is an
error notification; the app goes on and still quits.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from appdriver import main_screen, open_item, settle
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input

from bftui.core.items.model import Event
from bftui.tui import transfer
from bftui.tui.app import BftuiApp
from bftui.tui.screens.path_prompt import PathPrompt

SIZE = (80, 24)
DATED_EVENT = 'title = "Träff"\nstart = 2025-05-08\n'


async def _command(pilot: Pilot[int], query: str, path: Path) -> None:
    """Run the palette command matching `query` and answer its prompt with `path`."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await settle(pilot)  # the palette gathers its hits in a worker
    assert pilot.app.screen.query_one(CommandList).highlighted is not None
    await pilot.press("enter")
    await pilot.pause()
    prompt = pilot.app.screen
    assert isinstance(prompt, PathPrompt)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


def _errors(app: BftuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
async def test_importing_a_fifo_or_device_is_an_error_and_q_still_quits(
    sample_copy: Path, tmp_path: Path, kind: str
) -> None:
    path = Path(kind)
    if kind == "fifo":
        path = tmp_path / "rör.txt"
        os.mkfifo(path)
    app = BftuiApp(sample_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _command(pilot, "importera", path)
        assert any("ingen vanlig fil" in message for message in _errors(app))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_memory_error_while_importing_is_told(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(path: Path) -> None:
        raise MemoryError

    monkeypatch.setattr(transfer, "import_file", exhausted)
    app = BftuiApp(sample_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _command(pilot, "importera", tmp_path / "x.txt")
        assert _errors(app) == ["Importen misslyckades: MemoryError"]


async def test_a_calendar_export_that_fails_unexpectedly_is_told(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def overflow(*args: object, **kwargs: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(transfer.ical, "write_event", overflow)
    (sample_copy / "events" / "2025-traff.toml").write_text(
        DATED_EVENT, encoding="utf-8"
    )
    app = BftuiApp(sample_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        event = main_screen(pilot).library.event("2025-traff")
        assert isinstance(event, Event)
        await open_item(pilot, event)
        await _command(pilot, "exportera ev", tmp_path)
        assert _errors(app) == [
            "Kalenderfilen kunde inte skrivas: date value out of range"
        ]
