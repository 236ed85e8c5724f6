"""What keeps a form's work safe while it is open: autosaved drafts and the item's lock.

`KeptForm` is the base of every form screen. It knows the form's target and
values, writes a draft every few seconds when something changed, keeps the
lock on the item fresh, shows who else holds it and breaks a stale one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.css.types import PointerShape
from textual.screen import ModalScreen
from textual.widgets import Static

from bftui.core.store import drafts, locks
from bftui.core.store.atomic import StorageError
from bftui.core.store.snapshots import MergeConflict
from bftui.i18n import t

AUTOSAVE_SECONDS = 3.0
"""How often a changed form is kept as a draft (and its lock refreshed)."""


@dataclass(frozen=True, slots=True)
class Saved:
    """What a form dismisses with once its item is written."""

    path: Path
    """The file written (a new one after "save as new")."""
    result: Any = None
    """What the form handed to its target's save function."""


@dataclass(slots=True)
class Holding:
    """The lock on an item: this editor's, or the one someone else holds.

    Shared by everything open on the item (its forms, its Q&A list), so a
    lock taken over in a form is the one given back when the item closes.
    """

    lock: locks.LockInfo | None = None
    """The lock this editor holds on the item."""
    held_by: locks.LockInfo | None = None
    """Someone else's lock on the item, if any."""
    unlocked: str = ""
    """Why no lock could be written (a full disk), if that is so."""


@dataclass(slots=True)
class FormTarget:
    """Where a form's result goes, and what it needs to know about the item."""

    library: Path
    draft_item: str
    """The draft key, e.g. `event:new` or `event:events/x.toml`."""
    title: str
    """What the form is called in its header and in the drafts list."""
    save: Callable[[Any], Path]
    """Writes the result; runs in a worker thread. Raises storage errors."""
    save_as_new: Callable[[Any], Path] | None = None
    """Writes the result as a new item (offered after a conflict)."""
    reload: Callable[[], dict[str, Any]] | None = None
    """Reads the item again and returns fresh form values (after a conflict)."""
    resolve: Callable[[MergeConflict, dict[str, str]], Path] | None = None
    """Writes a merge once the editor settled its conflicts (`storage.resolve`)."""
    holding: Holding = field(default_factory=Holding)
    """The lock on the item."""
    extra: Callable[[], dict[str, Any]] = dict
    """Kept in the draft with the values, asked at every autosave (the file as
    the form has it: the base a restored draft merges from)."""


def style_key(app: App[Any]) -> tuple[object, ...]:
    """Return what the styles of a screen depend on beyond its own widgets.

    The style sheet's rules (a new list each time it is parsed: a theme,
    CSS read or changed), the theme, and whether the terminal has the focus.
    The rules are kept in the key beside their `id`: an `id` alone may be
    that of a list parsed since, once the old one is gone (and two keys
    whose ids differ compare unequal without comparing the rules).
    """
    rules = app.stylesheet.rules
    return (id(rules), rules, app.theme, app.app_focus, app.ansi_color)


def copy_values(values: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of form values: texts, and lists of rows of texts.

    Fifteen times quicker than `copy.deepcopy` on an event of 100,000
    programme rows, which was copied on every autosave.
    """
    return {
        key: [dict(row) if isinstance(row, dict) else row for row in value]
        if isinstance(value, list)
        else value
        for key, value in values.items()
    }


class KeptForm(ModalScreen[Saved | None]):
    """A form whose typed values are kept as a draft and whose item stays locked."""

    CSS_PATH = "../forms.tcss"

    FORM_NAME = ""
    """The kind of form, stored in drafts: "event", "article" or "qa"."""

    KEEP_BUILT = True
    """Built once and opened again with `take_over` (see `form_reuse`)."""

    def __init__(
        self,
        target: FormTarget,
        values: dict[str, Any],
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(classes="form-screen")
        self.target = target
        self.start_values = copy_values(values)
        self._initial = copy_values(initial if initial is not None else values)
        self._drafted: dict[str, Any] | None = None
        self._draft_problem = ""
        """Why the last draft could not be written, if it could not."""
        self._styled_for: tuple[object, ...] = ()
        """`style_key` when the form was last styled (none before it is registered)."""
        self.live = True
        """True from opening the form to closing it: a form kept built for the
        next opening (`take_over`) keeps no draft and no lock while closed."""

    def take_over(self, order: KeptForm) -> None:
        """Be the form `order` was made as: its item, lock and values; forget the last opening.

        A form is built once and kept (see `form_reuse`); each opening makes
        a cheap unbuilt form (`order`) whose item, values and lock this one
        takes. Nothing of the last opening stays: no draft state, no problem.
        """
        self.target = order.target
        self.start_values = order.start_values
        self._initial = order._initial
        self._drafted = None
        self._draft_problem = ""
        self.live = True

    def dismiss(self, result: Saved | None = None) -> AwaitComplete:
        """Close the form: its draft and lock are no longer kept from here."""
        self.live = False
        return super().dismiss(result)

    def values(self) -> dict[str, Any]:
        """Return what is typed in the form now, as JSON-ready values (subclasses)."""
        raise NotImplementedError

    def draft_values(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """Return what a draft keeps of `values` (all); None if no draft can keep them whole."""
        return values

    def changed(self) -> bool:
        """Return True if anything differs from what the form was opened on."""
        return self.values() != self._initial

    def on_mount(self) -> None:
        """Show the lock and start autosaving drafts."""
        self.show_lock()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)

    def _post_register(self, app: App[Any]) -> None:
        """Remember the style sheet the form is styled with: Textual styles it next.

        Textual registers and styles a screen pushed before it reads the
        screen's own style sheet, and on Python 3.12+ (eager tasks) builds
        and styles its widgets then too; it restyles the screen as it is
        shown. So the form's styles are as old as its registering, not its
        mounting: a sheet read since makes `on_screen_resume` restyle it.
        (A private Textual hook: without it the form is restyled when shown.)
        """
        super()._post_register(app)
        self._styled_for = style_key(app)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Style the form again only if its styles may have changed since it was styled.

        Textual styles every widget of a screen again each time it is shown:
        a third of the time a form took to open, for a form styled just now
        (when built) or when last shown, under the same theme and styles.
        """
        key = style_key(self.app)
        if key == self._styled_for:
            event.refresh_styles = False
        self._styled_for = key

    def prepare(self) -> bool:
        """Style and lay out the form (not shown) if that is not done; True if it was not.

        Done while the app is idle, so that showing the form need not: its
        styles may be stale (a theme chosen, styles loaded), and a form
        built ahead was never laid out.
        """
        if not self.is_mounted or self.app.screen is self:
            return False
        key = style_key(self.app)
        stale = key != self._styled_for
        if stale:
            self.update_node_styles(animate=False)
            self._styled_for = key
        refresh_layout = getattr(self, "_refresh_layout", None)  # private in Textual
        if callable(refresh_layout) and getattr(self, "_size", None) != self.app.size:
            # What showing the form would do first (Textual's Screen._on_screen_resume).
            refresh_layout(self.app.size)
            return True
        return stale

    def _watch__pointer_shape(self, pointer_shape: PointerShape) -> None:
        """Set the terminal's pointer only when shown: a form built ahead writes nothing.

        (Textual's watcher of the screen's pointer, which writes to the
        terminal; an idle app writes nothing there.)
        """
        if self.app.screen is self:
            super()._watch__pointer_shape(pointer_shape)

    def on_screen_suspend(self) -> None:
        """Remember what the form's styles were made for."""
        self._styled_for = style_key(self.app)

    def show_lock(self) -> None:
        """Say who else is editing this item, if anyone."""
        held = self.target.holding.held_by
        line = self.query_one(".form-lock", Static)
        if held is None:
            line.update(Content(f"⚠ {self.target.holding.unlocked}"))
            line.display = bool(self.target.holding.unlocked)
            return
        since = held.since.strftime("%Y-%m-%d %H:%M")
        key = "form.lock_stale" if held.is_stale() else "form.lock_held"
        line.update(Content(t(key, owner=held.owner, since=since)))
        line.display = True

    def draft_title(self, values: dict[str, Any]) -> str:
        """Return what the draft is called when offered: the form's title and what was typed."""
        typed = str(values.get("title") or values.get("question") or "").strip()
        if not typed or typed in self.target.title:
            return self.target.title
        return f"{self.target.title}: {typed}"

    def autosave(self) -> None:
        """Keep the form as a draft if it changed since the last time, and refresh the lock."""
        if not self.live:
            return
        values = self.values()
        if values == self._drafted or values == self._initial:
            self._touch(self.target.holding.lock, drafted=self._drafted is not None)
            return
        kept = self.draft_values(values)
        if kept is None:  # No whole draft yet; the lock is kept fresh all the same.
            self._touch(self.target.holding.lock, drafted=self._drafted is not None)
            return
        self._drafted = copy_values(values)
        self._write_draft(self._draft(kept), self.target.holding.lock)

    def _draft(self, values: dict[str, Any]) -> drafts.Draft:
        return drafts.Draft(
            self.target.library,
            self.target.draft_item,
            self.FORM_NAME,
            self.draft_title(values),
            {"values": values, "initial": self._initial, **self.target.extra()},
            dt.datetime.now().astimezone(),
        )

    def keep_now(self) -> None:
        """Write the form's draft now, if it changed (the app is about to end).

        Runs on the app's thread and blocks it; a draft that cannot be
        written is lost with the app, as there is nobody left to tell.
        """
        if not (self.is_mounted and self.live):
            return
        values = self.values()
        kept = self.draft_values(values) if values != self._initial else None
        if kept is None:
            return
        with contextlib.suppress(StorageError):
            drafts.save(self._draft(kept))

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _write_draft(self, draft: drafts.Draft, lock: locks.LockInfo | None) -> None:
        try:
            drafts.save(draft)
        except StorageError as error:
            # Said once: the form is fine, only its safety copy is not.
            if error.message != self._draft_problem:
                self._draft_problem = error.message
                message = t(
                    "form.draft_failed", folder=error.path.parent, error=error.message
                )
                self.app.call_from_thread(self.notify, message, severity="warning")
        else:
            self._draft_problem = ""
        if lock is not None:
            locks.touch(lock)

    def _touch(self, lock: locks.LockInfo | None, *, drafted: bool) -> None:
        self._touched(lock, self.target if drafted else None)

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _touched(self, lock: locks.LockInfo | None, drafted: FormTarget | None) -> None:
        if lock is not None:
            locks.touch(lock)
        if drafted is not None:
            drafts.touch(drafted.library, drafted.draft_item)

    def drop_draft(self) -> None:
        """Throw the form's draft away (in a worker).

        The draft is named now: by the time the worker runs, the form may
        have been opened again on another item, whose draft is not this one.
        """
        self._drop(self.target)

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _drop(self, target: FormTarget) -> None:
        self.forget_draft(target)

    def forget_draft(self, target: FormTarget | None = None) -> None:
        """Throw the draft of `target` (the form's now) away, now; call from a worker thread."""
        target = target or self.target
        try:
            drafts.discard(target.library, target.draft_item)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="warning")

    def action_break_lock(self) -> None:
        """Break someone else's lock on the item, if it is old enough to break."""
        held = self.target.holding.held_by
        if held is None:
            return
        if not held.is_stale():
            self.notify(t("form.lock_not_stale"), severity="warning")
            return
        self._break(held)

    @work(thread=True, exclusive=True, group="form-lock", exit_on_error=False)
    def _break(self, held: locks.LockInfo) -> None:
        item = held.path.with_name(held.path.name.removesuffix(locks.SUFFIX))
        if not locks.break_lock(held):
            self.app.call_from_thread(self.notify, t("form.lock_not_broken"))
            return
        try:
            mine = locks.acquire(item)
        except locks.LockedError as error:
            self.target.holding.held_by = error.info
        except StorageError as error:
            self.target.holding.held_by = None
            self.target.holding.unlocked = error.message
        else:
            self.target.holding.lock, self.target.holding.held_by = mine, None
        self.app.call_from_thread(self.show_lock)
