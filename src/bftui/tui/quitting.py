"""Quitting with forms open: ask before typed changes are thrown away, give the locks back."""

from __future__ import annotations

from typing import Any

from textual.app import App

from bftui.core.store import locks
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.form import FormScreen
from bftui.tui.screens.qa_list import QAListScreen


def open_forms(app: App[Any]) -> list[FormScreen]:
    """Return the forms on `app`'s screen stack."""
    return [s for s in app.screen_stack if isinstance(s, FormScreen)]


def held_locks(app: App[Any]) -> list[locks.LockInfo]:
    """Return the locks this app holds: its forms' and its Q&A lists', each once."""
    held = [form.target.holding.lock for form in open_forms(app)]
    held += [
        s.opened.holding.lock for s in app.screen_stack if isinstance(s, QAListScreen)
    ]
    return list({id(lock): lock for lock in held if lock is not None}.values())


def quit_app(app: App[Any]) -> None:
    """Quit `app`; if a form on its screen stack has changes, ask first.

    Once the app may go, the open forms' drafts are thrown away (the editor
    said so, or there was nothing to keep) and their locks given back, so
    nobody else sees the items as being edited.
    """
    forms = open_forms(app)
    if not any(form.changed() for form in forms):
        _leave(app, forms)
        return
    if isinstance(app.screen, ConfirmScreen):
        return  # already asking

    def answered(quit_anyway: bool | None) -> None:
        if quit_anyway:
            _leave(app, forms)

    app.push_screen(ConfirmScreen(t("form.quit_question")), answered)


def keep_everything(app: App[Any]) -> None:
    """Write each changed form's draft and give every lock back, now, on this thread.

    For an app about to end without asking (a signal, a lost terminal).
    """
    for form in open_forms(app):
        form.keep_now()
    for lock in held_locks(app):
        locks.release(lock)


def _leave(app: App[Any], forms: list[FormScreen]) -> None:
    mine = held_locks(app)
    if not forms and not mine:
        app.exit()
        return

    def tidy() -> None:
        try:
            for form in forms:
                form.forget_draft()
            for lock in mine:
                locks.release(lock)
        finally:
            app.call_from_thread(app.exit)

    app.run_worker(tidy, thread=True, group="quit", exit_on_error=False)
