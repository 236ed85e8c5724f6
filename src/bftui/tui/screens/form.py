"""The shared form frame: save with ctrl+s, cancel with Escape, drafts, locks and conflicts.

A form saves through the `FormTarget` it is given, in a thread worker, and
stays open when saving fails so nothing typed is lost; it dismisses with
`Saved` once the file is written.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from bftui.core import drafts, formvalues, locks
from bftui.core.atomic import StorageError
from bftui.core.schema import FieldError
from bftui.core.snapshots import ConflictError
from bftui.core.storage import ValidationError
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictChoice, ConflictScreen
from bftui.tui.widgets.field import FieldBox

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
    lock: locks.LockInfo | None = None
    """The lock this editor holds on the item."""
    held_by: locks.LockInfo | None = None
    """Someone else's lock on the item, if any."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Kept in the draft with the values (e.g. the snapshot the form was opened on)."""


class FormScreen(ModalScreen[Saved | None]):
    """A dialog of fields; subclasses say which fields and how to read them."""

    FORM_NAME = ""
    """The kind of form, stored in drafts: "event", "article" or "qa"."""

    BINDINGS = [
        Binding("ctrl+s", "save", t("form.key_save"), id="form.save", priority=True),
        Binding("escape", "cancel", t("form.key_cancel"), id="form.cancel"),
        Binding(
            "ctrl+b", "break_lock", t("form.key_break"), show=False, id="form.break"
        ),
    ]

    def __init__(
        self,
        target: FormTarget,
        values: dict[str, Any],
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(classes="form-screen")
        self.target = target
        self.start_values = copy.deepcopy(values)
        self._initial = copy.deepcopy(initial if initial is not None else values)
        self._drafted: dict[str, Any] | None = None
        self._busy = False

    def compose(self) -> ComposeResult:
        """Frame the subclass's fields with a title, lock line, message and hints."""
        with Vertical(classes="form-dialog"):
            yield Static(Content(self.target.title), classes="form-title")
            yield Static("", classes="form-lock")
            with VerticalScroll(classes="form-body"):
                yield from self.compose_fields()
            yield Static("", classes="form-message")
            yield Static(Content(t("form.hints")), classes="form-hints")

    def compose_fields(self) -> ComposeResult:
        """Yield the form's fields (subclasses)."""
        raise NotImplementedError

    def values(self) -> dict[str, Any]:
        """Return what is typed in the form now, as JSON-ready values (subclasses)."""
        raise NotImplementedError

    async def fill(self, values: dict[str, Any]) -> None:
        """Put `values` into the fields (subclasses)."""
        raise NotImplementedError

    def parse(self) -> tuple[Any, list[FieldError]]:
        """Return the result typed into the form and what is wrong with it (subclasses)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        """Focus the first field, show the lock, and start autosaving drafts."""
        self.show_lock()
        self.focus_first()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)

    def focus_first(self) -> None:
        """Give the focus to the first field."""
        body = self.query_one(".form-body", VerticalScroll)
        first = next((w for w in body.query("*") if w.focusable), None)
        if first is not None:
            first.focus()

    @on(Input.Blurred)
    def _input_left(self, event: Input.Blurred) -> None:
        self._check_input(event.input, force=True)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._check_input(event.input, force=False)

    def _check_input(self, control: Input, *, force: bool) -> None:
        # Says what is wrong when a field is left, and stops saying it once fixed.
        box = next((a for a in control.ancestors if isinstance(a, FieldBox)), None)
        if box is not None and (force or box.error):
            box.set_error(self.check_text(box.key, control.value))

    def check_text(self, key: str, text: str) -> str | None:
        """Return what is wrong with `text` in field `key`, or None."""
        return formvalues.check_text(key, text, self.FORM_NAME)

    def changed(self) -> bool:
        """Return True if anything differs from what the form was opened on."""
        return self.values() != self._initial

    def show_lock(self) -> None:
        """Say who else is editing this item, if anyone."""
        held = self.target.held_by
        line = self.query_one(".form-lock", Static)
        if held is None:
            line.display = False
            return
        since = held.since.strftime("%Y-%m-%d %H:%M")
        key = "form.lock_stale" if held.is_stale() else "form.lock_held"
        line.update(Content(t(key, owner=held.owner, since=since)))
        line.display = True

    def show_message(self, message: str) -> None:
        """Show a message about the whole form (why saving failed)."""
        self.query_one(".form-message", Static).update(Content(message))

    def show_errors(self, errors: list[FieldError]) -> None:
        """Show each error next to its field; errors with no field go to the message."""
        boxes = {box.key: box for box in self.query(FieldBox)}
        for box in boxes.values():
            box.set_error(None)
        loose = []
        for error in errors:
            box = boxes.get(error.key)
            if box is None:
                loose.append(f"{error.key}: {error.message}")
            elif not box.error:
                box.set_error(error.message)
        message = t("form.fix_fields") if errors else ""
        self.show_message("  ".join([message, *loose]).strip())
        invalid = [b for b in boxes.values() if b.error]
        if invalid:
            self.query_one(".form-body", VerticalScroll).scroll_to_widget(invalid[0])

    def action_save(self) -> None:
        """Check every field and save if they are all fine."""
        if self._busy:
            return
        result, errors = self.parse()
        self.show_errors(errors)
        if errors:
            return
        self._busy = True
        self.show_message(t("form.saving"))
        self._save(self.target.save, result)

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _save(self, save: Callable[[Any], Path], result: Any) -> None:
        try:
            path = save(result)
        except ConflictError as error:
            self.app.call_from_thread(self._conflict, error, result)
        except ValidationError as error:
            self.app.call_from_thread(self._failed, error.errors, "")
        except StorageError as error:
            self.app.call_from_thread(self._failed, [], error.message)
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            self.app.call_from_thread(self._failed, [], t("form.failed", error=error))
        else:
            self._forget_draft()
            self.app.call_from_thread(self.dismiss, Saved(path, result))

    def _failed(self, errors: list[FieldError], message: str) -> None:
        self._busy = False
        self.show_errors(errors)
        if message:
            self.show_message(message)

    def _conflict(self, error: ConflictError, result: Any) -> None:
        self._busy = False
        self.show_message(t("form.conflict_short"))

        def chosen(choice: ConflictChoice | None) -> None:
            if choice == "reload" and self.target.reload is not None:
                self._reload(self.target.reload)
            elif choice == "new" and self.target.save_as_new is not None:
                self._busy = True
                self._save(self.target.save_as_new, result)

        self.app.push_screen(
            ConflictScreen(
                error,
                can_reload=self.target.reload is not None,
                can_save_new=self.target.save_as_new is not None,
            ),
            chosen,
        )

    @work(thread=True, exclusive=True, group="form-save", exit_on_error=False)
    def _reload(self, reload: Callable[[], dict[str, Any]]) -> None:
        try:
            values = reload()
        except (StorageError, OSError, ValueError) as error:
            message = getattr(error, "message", str(error))
            self.app.call_from_thread(self.show_message, message)
            return
        self.app.call_from_thread(self._refill, values)

    async def _refill(self, values: dict[str, Any]) -> None:
        await self.fill(values)
        self._initial = self.values()
        self.show_errors([])
        self.show_message(t("form.reloaded"))

    def action_cancel(self) -> None:
        """Close the form, asking first if that would throw away changes."""
        if not self.changed():
            self._close()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._close()

        self.app.push_screen(ConfirmScreen(t("form.discard_question")), answered)

    def _close(self) -> None:
        self._drop_draft()
        self.dismiss(None)

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _drop_draft(self) -> None:
        self._forget_draft()

    def _forget_draft(self) -> None:
        try:
            drafts.discard(self.target.library, self.target.draft_item)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="warning")

    def autosave(self) -> None:
        """Keep the form as a draft if it changed since the last time, and refresh the lock."""
        values = self.values()
        if values == self._drafted or values == self._initial:
            if self.target.lock is not None:
                self._touch(self.target.lock)
            return
        self._drafted = copy.deepcopy(values)
        draft = drafts.Draft(
            self.target.library,
            self.target.draft_item,
            self.FORM_NAME,
            self.target.title,
            {"values": values, "initial": self._initial, **self.target.extra},
            dt.datetime.now().astimezone(),
        )
        self._write_draft(draft)

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _write_draft(self, draft: drafts.Draft) -> None:
        try:
            drafts.save(draft)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="warning")
        if self.target.lock is not None:
            locks.touch(self.target.lock)

    @work(thread=True, group="form-draft", exit_on_error=False)
    def _touch(self, lock: locks.LockInfo) -> None:
        locks.touch(lock)

    def action_break_lock(self) -> None:
        """Break someone else's lock on the item, if it is old enough to break."""
        held = self.target.held_by
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
            self.target.held_by = error.info
        else:
            self.target.lock, self.target.held_by = mine, None
        self.app.call_from_thread(self.show_lock)
