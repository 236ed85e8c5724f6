"""Quitting with forms open: ask before typed changes are thrown away, give the locks back."""

from __future__ import annotations

from typing import Any

from textual.app import App

from bftui.core.store import locks
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.form import FormScreen
from bftui.tui.screens.qa_list import QAListScreen


def quit_app(app: App[Any]) -> None:
    """Quit `app`; if a form on its screen stack has changes, ask first.

    Once the app may go, the open forms' drafts are thrown away (the editor
    said so, or there was nothing to keep) and their locks given back, so
    nobody else sees the items as being edited.
    """
    forms = [s for s in app.screen_stack if isinstance(s, FormScreen)]
    if not any(form.changed() for form in forms):
        _leave(app, forms)
        return
    if isinstance(app.screen, ConfirmScreen):
        return  # already asking

    def answered(quit_anyway: bool | None) -> None:
        if quit_anyway:
            _leave(app, forms)

    app.push_screen(ConfirmScreen(t("form.quit_question")), answered)


def _leave(app: App[Any], forms: list[FormScreen]) -> None:
    held = [form.target.holding.lock for form in forms]
    held += [
        s.opened.holding.lock for s in app.screen_stack if isinstance(s, QAListScreen)
    ]
    mine = list({id(lock): lock for lock in held if lock is not None}.values())
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
