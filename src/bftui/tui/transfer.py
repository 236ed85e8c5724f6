"""The app's import and export actions: "Importera artikel" and an event's .ics file.

Both start from the command palette of the main screen, ask for a path, and
do the file work in thread workers; the imported proposal opens in the
article form, where nothing is written until the user saves.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.notifications import SeverityLevel

from bftui.core.items import formvalues
from bftui.core.items.model import Event
from bftui.core.store.atomic import StorageError
from bftui.core.store.storage import article_text, create_article
from bftui.core.text import safe_text
from bftui.core.transfer import ical, reimport
from bftui.core.transfer.importer import ImportProblem, Proposal, import_file
from bftui.i18n import t
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.form import FormTarget, Saved
from bftui.tui.screens.path_prompt import PathPrompt
from bftui.tui.targets import event_choices

if TYPE_CHECKING:
    from bftui.tui.screens.main import MainScreen

NEW_ARTICLE_DRAFT = "article:new"
"""The draft key of a new article's form (what `EditingScreen` restores)."""


def commands(screen: MainScreen) -> Iterator[SystemCommand]:
    """Yield the palette commands: import always, .ics export when an event is shown."""
    yield SystemCommand(
        t("import.tui.command"),
        t("import.tui.command_help"),
        partial(ask_import, screen),
    )
    if isinstance(screen.current, Event):
        yield SystemCommand(
            t("ical.tui.command"),
            t("ical.tui.command_help"),
            partial(ask_export, screen, screen.current),
        )


def _run(screen: MainScreen, work: Callable[[], None], failed: str) -> None:
    """Run `work` in a thread; any error it ends with is told (`failed`: its message key)."""

    def guarded() -> None:
        try:
            work()
        except Exception as error:  # noqa: BLE001 - a MemoryError too is a message, not silence
            _tell(screen, t(failed, error=str(error) or type(error).__name__), "error")

    screen.run_worker(guarded, thread=True, group="transfer", exit_on_error=False)


def _tell(
    screen: MainScreen, message: str, severity: SeverityLevel = "information"
) -> None:
    """Notify from a worker thread."""
    screen.app.call_from_thread(
        screen.notify, safe_text(message), severity=severity, timeout=8
    )


# Importing an article.


def ask_import(screen: MainScreen) -> None:
    """Ask which file to import, then propose the article in the article form."""
    if screen.wait_for_library("import", partial(ask_import, screen)):
        return

    def chosen(path: Path | None) -> None:
        if path is not None:
            _run(screen, partial(_propose, screen, path), "import.tui.failed")

    prompt = PathPrompt(t("import.tui.title"), t("import.tui.hint"))
    screen.app.push_screen(prompt, chosen)


def _propose(screen: MainScreen, path: Path) -> None:
    try:
        proposal = import_file(path)
    except ImportProblem as problem:
        _tell(screen, str(problem), "error")
        return
    screen.app.call_from_thread(open_proposal, screen, path, proposal)


def open_proposal(screen: MainScreen, source: Path, proposal: Proposal) -> None:
    """Open `proposal` in the article form; saving writes it as a new article."""
    library = screen.library
    if library is None:
        return
    root = library.root
    links = proposal.front.get("links")

    def save(result: tuple[dict[str, Any], str]) -> Path:
        data, body = result
        # The form has no links field: keep the links the importer found.
        if links and not data.get("links"):
            data = {**data, "links": links}
        path = create_article(root, data, body)
        # What the page said, for a later `bftui import --update` to merge with.
        proposed = article_text(proposal.front, proposal.body, root)
        reimport.keep_base(root, path.stem, proposed)
        return path

    # Kept as the new-article draft, so an interrupted review can be restored.
    title = t("import.tui.form_title", name=source.name)
    target = FormTarget(root, NEW_ARTICLE_DRAFT, title, save=save)
    today = dt.date.today()
    values = formvalues.article_values(proposal.front, proposal.body, today)
    # Compared with an empty form, so Escape asks before throwing the proposal away.
    empty = formvalues.article_values(None, "", today)
    form = ArticleForm(target, values, events=event_choices(library), initial=empty)

    def saved(result: Saved | None) -> None:
        if result is not None:
            screen.notify(t("import.tui.saved", path=result.path), timeout=8)
            screen.reload_and_show(result.path)

    screen.app.push_screen(form, saved)
    there = reimport.Known(library.articles).find(proposal.front)
    if there:
        screen.notify(
            t("import.tui.already", slug=there), severity="warning", timeout=15
        )
    if proposal.notes:
        screen.notify(
            "\n".join(f"• {note}" for note in proposal.notes),
            title=t("import.tui.notes"),
            timeout=15,
        )


# Exporting an event to a calendar file.


def ask_export(screen: MainScreen, event: Event) -> None:
    """Ask for a folder, then write `<slug>.ics` of `event` into it."""
    if screen.wait_for_library("export", partial(ask_export, screen, event)):
        return
    if event.start is None:
        screen.notify(
            t("export.ics.skipped", slug=event.slug, year=event.year),
            severity="warning",
        )
        return

    def chosen(folder: Path | None) -> None:
        if folder is not None:
            _run(screen, partial(_export, screen, event, folder), "ical.tui.failed")

    prompt = PathPrompt(
        t("ical.tui.title", slug=event.slug), t("ical.tui.hint"), os.getcwd()
    )
    screen.app.push_screen(prompt, chosen)


def _export(screen: MainScreen, event: Event, folder: Path) -> None:
    name = screen.library.title if screen.library else ""
    try:
        path = ical.write_event(event, folder, name=name)
    except StorageError as error:
        _tell(screen, str(error), "error")
        return
    _tell(screen, t("ical.tui.written", path=path))
