"""Benchmark the forms headless: how long until a form takes keys, and until Escape closes it.

Each form is opened in a running host app (as the main screen opens it,
warm), from the file's text: the time covers reading the values, filling
the form kept from the warm-up opening (`bftui.tui.form_reuse`) and placing
the focus, i.e. until the first key typed lands in its field. The
pseudo-terminal figure (`terminal_new_form`) covers drawing it too. The minimal Textual app's start (`hello.py`) is measured in the same
run, alternately, as the baseline.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bftui.bench.headless import SIZE, _until, hello_start

ROWS = (20, 200, 2_000, 100_000)
"""Programme rows of the events whose edit form is opened."""

ENTRIES = 200
"""Q&A entries of the interview whose list is opened."""


def event_text(rows: int) -> str:
    """Return the TOML of an event with `rows` programme rows."""
    lines = [
        'title = "Nätverksträff med långt program"',
        'kind = "network-meeting"',
        "start = 2025-05-20",
        'city = "Umeå"',
    ]
    for number in range(rows):
        lines += [
            "",
            "[[programme]]",
            f"day = {number // 20 + 1}",
            f'time = "{9 + number % 20 // 2:02d}:{number % 2 * 30:02d}"',
            f'title = "Programpunkt {number + 1}: samtal om boende"',
            'description = "Ett samtal om **bostad först** och vad som hände sedan."',
        ]
    return "\n".join(lines) + "\n"


def interview_text(entries: int) -> str:
    """Return the Markdown of an interview with `entries` Q&A entries."""
    front = (
        '+++\ntitle = "Intervju med många frågor"\nkind = "interview"\n'
        'published = 2025-05-20\n\n[interviewee]\nname = "Anna Andersson"\n+++\n\n'
    )
    body = "".join(
        f"### Fråga {number + 1}: hur gick det?\n\nDet gick bra, tack. "
        "Vi fick en lägenhet och ett kontrakt.\n\n"
        for number in range(entries)
    )
    return front + body


def write_library(root: Path) -> dict[str, Path]:
    """Write the events and the interview the forms open; return their paths."""
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "bftui.toml").write_text('title = "Formulär"\n', encoding="utf-8")
    paths = {}
    for rows in ROWS:
        path = root / "events" / f"2025-traff-{rows}.toml"
        path.write_text(event_text(rows), encoding="utf-8")
        paths[f"event{rows}"] = path
    path = root / "2025-05-20-intervju.md"
    path.write_text(interview_text(ENTRIES), encoding="utf-8")
    paths["interview"] = path
    return paths


def _host() -> Any:
    from bftui.tui.form_reuse import ReusesForms
    from bftui.tui.typeahead import TypeAheadApp

    class FormHost(ReusesForms[None], TypeAheadApp[None]):
        CSS_PATH = str(Path(__file__).parents[1] / "tui" / "forms.tcss")

    return FormHost()


async def _open(app: Any, pilot: Any, make: Callable[[], Any]) -> tuple[float, float]:
    """Open the screen `make()` returns: seconds until it takes keys, and Escape closes it."""
    started = time.perf_counter()
    app.push_screen(make())
    screen = app.screen  # The form kept from an earlier opening, if any.
    ready = await _until(lambda: getattr(screen, "keys_ready", False))
    await pilot.pause()
    escaped = time.perf_counter()
    await pilot.press("escape")
    closed = await _until(lambda: app.screen is not screen)
    await pilot.pause()
    return ready - started, closed - escaped


def _event_form(root: Path, path: Path) -> Callable[[], Any]:
    from bftui.tui.screens.event_form import EventForm
    from bftui.tui.screens.form_keeping import FormTarget
    from bftui.tui.targets import first_rows

    def make() -> Any:
        # As the app opens it: a long programme's first rows, the rest read on.
        values, rest = first_rows(path.read_text("utf-8"))
        target = FormTarget(root, "event:bench", "Redigera", lambda _: path)
        return EventForm(target, values, rows_to_read=rest)

    return make


def _new_event_form(root: Path) -> Callable[[], Any]:
    from bftui.core.items import formvalues
    from bftui.tui.screens.event_form import EventForm
    from bftui.tui.screens.form_keeping import FormTarget

    def make() -> Any:
        target = FormTarget(root, "event:new", "Ny träff", lambda _: root)
        return EventForm(target, formvalues.event_values(None))

    return make


def _qa_list(root: Path, path: Path) -> Callable[[], Any]:
    from bftui.core.items.model import Article
    from bftui.core.library.loading import load
    from bftui.tui.screens.qa_list import QAListScreen
    from bftui.tui.targets import Opened

    library = load(root)
    article = library.item_at(path)
    assert isinstance(article, Article), path

    def make() -> Any:
        return QAListScreen(library, article, Opened.read(path, lock=False))

    return make


async def forms_run(root: Path, repeats: int) -> dict[str, list[float]]:
    """Open each form `repeats` times in one host app; return the seconds of each."""
    paths = write_library(root)
    figures: dict[str, list[float]] = {}
    app = _host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        makers = {
            "new_event": _new_event_form(root),
            **{f"event{n}": _event_form(root, paths[f"event{n}"]) for n in ROWS},
            "qa_list": _qa_list(root, paths["interview"]),
        }
        for name, make in makers.items():
            await _open(app, pilot, make)  # Warm-up: imports, styles.
            for _ in range(repeats):
                opened, closed = await _open(app, pilot, make)
                figures.setdefault(name, []).append(opened)
                figures.setdefault(f"{name}_escape", []).append(closed)
    return figures


TERMINAL_LIBRARY_TITLE = "Formulärbiblioteket"
"""The title of the forms' library, in the app's header once the library is read."""


def terminal_new_form(root: Path, home: Path, *, idle: float = 3.0) -> float:
    """Start bftui on the forms' library in a pseudo-terminal; press `n` once it is idle.

    Returns seconds from the key to the new-meeting form on screen: its
    title, then its key hints (the last line of the form drawn). The app
    is left `idle` seconds after the library shows, as a person looks at
    the screen before typing.
    """
    from bftui.bench.terminal import Terminal
    from bftui.bench.terminal_runs import environment
    from bftui.i18n import t

    terminal = Terminal(
        [sys.executable, "-m", "bftui", str(root)], environment(home / "cache", home)
    )
    try:
        terminal.wait_for(TERMINAL_LIBRARY_TITLE, 120)
        terminal.drain(idle)
        since = terminal.mark()
        sent = terminal.send("n")
        terminal.wait_for(t("form.new_event"), 30, since)
        return terminal.wait_for(t("form.hints"), 30, since) - sent
    finally:
        terminal.close()


def terminal_library(root: Path) -> Path:
    """Write the forms' library for the terminal runs; return its folder."""
    paths = write_library(root)
    paths[f"event{ROWS[-1]}"].unlink()  # 16 MB the app would read at each start
    (root / "bftui.toml").write_text(
        f'title = "{TERMINAL_LIBRARY_TITLE}"\n', encoding="utf-8"
    )
    return root


def measure(root: Path, runs: int) -> tuple[dict[str, list[float]], list[float]]:
    """Return the forms' figures over `runs` runs and the minimal app's starts beside them."""
    figures: dict[str, list[float]] = {}
    hello: list[float] = []
    for run in range(runs):
        scratch = root / f"run-{run}-{dt.datetime.now():%H%M%S%f}"
        hello.append(asyncio.run(hello_start()))
        for name, values in asyncio.run(forms_run(scratch, 1)).items():
            figures.setdefault(name, []).extend(values)
    return figures, hello
