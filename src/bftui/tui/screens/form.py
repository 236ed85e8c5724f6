"""The shared form frame: save with ctrl+s, cancel with Escape, field errors and conflicts.

A form saves through the `FormTarget` it is given, in a thread worker, and
stays open when saving fails so nothing typed is lost; it dismisses with
`Saved` once the file is written. Drafts and locks are `KeptForm`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from bftui.core.items.schema import FieldError
from bftui.core.store.atomic import StorageError
from bftui.core.store.snapshots import ConflictError, MergeConflict
from bftui.core.store.storage import ValidationError
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictChoice, ConflictScreen, Resolutions
from bftui.tui.screens.form_keeping import FormTarget, KeptForm, Saved
from bftui.tui.typeahead import screen_not_coming, screen_ready
from bftui.tui.widgets.field import FieldBox
from bftui.tui.widgets.preview import MarkdownPreview, is_markdown_area

__all__ = ["FormScreen", "FormTarget", "Saved"]


def _box_of(widget: Widget) -> FieldBox | None:
    return next(
        (a for a in widget.ancestors_with_self if isinstance(a, FieldBox)), None
    )


class FormScreen(KeptForm):
    """A dialog of fields; subclasses say which fields and how to read them."""

    # Tab moves the focus as soon as it arrives (priority), so that what is
    # typed right after it, often queued with it, goes to the next field;
    # ctrl+s waits its turn behind the keys typed before it (no priority), so
    # that the save sees them all.
    BINDINGS = [
        Binding("ctrl+s", "save", t("form.key_save"), id="form.save"),
        Binding("escape", "cancel", t("form.key_cancel"), id="form.cancel"),
        Binding("tab", "app.focus_next", show=False, priority=True, id="form.next"),
        Binding(
            "shift+tab",
            "app.focus_previous",
            show=False,
            priority=True,
            id="form.previous",
        ),
        Binding(
            "ctrl+b", "break_lock", t("form.key_break"), show=False, id="form.break"
        ),
        Binding("f2", "preview", t("form.key_preview"), id="form.preview"),
    ]

    AUTO_FOCUS = ""
    """No focus on the scrolling body first: `focus_first` places it (each move restyles the form)."""

    def __init__(
        self,
        target: FormTarget,
        values: dict[str, Any],
        *,
        initial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(target, values, initial=initial)
        self._busy = False
        self._left: set[str] = set()
        """The fields the editor has been in and left: their errors show as typed."""
        self.keys_ready = False
        """False until the first field has the focus: keys typed meanwhile wait."""

    def compose(self) -> ComposeResult:
        """Frame the subclass's fields with a title, lock line, message and hints."""
        with Vertical(classes="form-dialog"):
            yield Static(Content(self.target.title), classes="form-title")
            yield Static("", classes="form-lock")
            # Not focusable: shift+Tab from the first field goes to the last.
            with VerticalScroll(classes="form-body", can_focus=False):
                yield from self.compose_fields()
            yield Static("", classes="form-message")
            yield Static(Content(t("form.hints")), classes="form-hints")

    def compose_fields(self) -> ComposeResult:
        """Yield the form's fields (subclasses)."""
        raise NotImplementedError

    def fill(self, values: dict[str, Any]) -> None:
        """Put `values` into the fields (subclasses)."""
        raise NotImplementedError

    def take_over(self, order: KeptForm) -> None:
        """Show the item, values and lock of `order`, as a newly built form would.

        The fields are filled, the errors, message, preview and scroll of
        the last opening gone; `opened` places the focus once it is shown.
        """
        super().take_over(order)
        self._busy = False
        self._left.clear()
        self.keys_ready = False
        for preview in self.query(MarkdownPreview):
            preview.area.display = True
            preview.remove()
        self.fill(self.start_values)
        for field in self.query(Input):
            field.cursor_position = len(field.value)
        self.query_one(".form-title", Static).update(Content(self.target.title))
        self.show_errors([], focus=False)
        self.show_lock()
        self.body.scroll_home(animate=False, immediate=True)

    def opened(self) -> None:
        """The form is on screen again (`take_over`): focus its first field, let keys in."""
        self.focus_first()
        screen_ready(self)

    def parse(self) -> tuple[Any, list[FieldError]]:
        """Return the result typed into the form and what is wrong with it (subclasses)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        """Focus the first field, show the lock, and start autosaving drafts.

        A form built ahead, not shown (see `form_reuse`), waits for `opened`.
        """
        super().on_mount()
        if self.app.screen is self:
            self.opened()

    @property
    def body(self) -> VerticalScroll:
        """The scrolling part of the form that holds the fields."""
        return self.query_one(".form-body", VerticalScroll)

    def focus_first(self) -> None:
        """Give the focus to the first field."""
        first = next((w for w in self.body.query("*") if w.focusable), None)
        if first is not None:
            # At once, not later: keys typed ahead are let go right after this.
            self.set_focus(first)
            if isinstance(first, Input) and first.select_on_focus:
                # Selected as focusing selects it: a kept form opened again
                # may have it focused already, and typing must replace it too.
                first.select_all()

    # Errors as the editor types: the whole form is checked, so rules between
    # fields (an end before the start) come and go with either field.

    @on(events.DescendantBlur)
    def _field_left(self, event: events.DescendantBlur) -> None:
        box = _box_of(event.widget)
        # Focus lost to a dialog over the form is no field being left.
        if box is not None and box.is_attached and self.app.screen is self:
            self._left.add(box.key)
            self.recheck()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _field_changed(self) -> None:
        self.recheck()

    def check(self) -> list[FieldError]:
        """Return what is wrong in the fields shown (the form's rules between them too)."""
        return self.parse()[1]

    def recheck(self) -> None:
        """Check the whole form; update the fields that were left or show an error."""
        if not self.is_mounted:
            return
        errors: dict[str, str] = {}
        for error in self.check():
            errors.setdefault(error.key, error.message)
        for box in self.query(FieldBox):
            if box.key in self._left or box.error:
                box.set_error(errors.get(box.key))

    def show_errors(self, errors: list[FieldError], *, focus: bool = True) -> None:
        """Show each error next to its field, errors with no field in the message.

        With `focus`, the first invalid field gets the focus and is scrolled
        into view with its error, so what is typed next goes where it is seen.
        """
        boxes = {box.key: box for box in self.query(FieldBox)}
        for box in boxes.values():
            box.set_error(None)
        loose: list[str] = []
        for error in errors:
            found = boxes.get(error.key)
            if found is None:
                loose.append(f"{error.key}: {error.message}")
            elif not found.error:
                found.set_error(error.message)
        message = t("form.fix_fields") if errors else ""
        self.show_message("  ".join([message, *loose]).strip())
        invalid = next((box for box in boxes.values() if box.error), None)
        if focus and invalid is not None and invalid.display:
            invalid.focus_control()
            # After the refresh, so the error line shown just now counts; in the
            # middle, so the fields around it are seen too.
            self.call_after_refresh(
                self.body.scroll_to_widget, invalid, animate=False, center=True
            )

    def show_message(self, message: str) -> None:
        """Show a message about the whole form (why saving failed)."""
        self.query_one(".form-message", Static).update(Content(message))

    async def action_preview(self) -> None:
        """Show the focused Markdown field rendered, in its place; again to go back."""
        focused = self.focused
        if isinstance(focused, MarkdownPreview):
            await focused.close()
        elif is_markdown_area(focused):
            await MarkdownPreview.open(focused)  # type: ignore[arg-type]
        else:
            self.notify(t("form.preview_where"), severity="warning")

    # Saving.

    def action_save(self) -> None:
        """Check every field and save if they are all fine."""
        if self._busy:
            return
        result, errors = self.parse()
        self.show_errors(errors)
        if errors:
            return
        self.show_message(t("form.saving"))
        self._start_save(self.target.save, result)

    def _start_save(self, save: Callable[[Any], Path], result: Any) -> None:
        """Save in a worker; keys typed meanwhile wait for the form to close or stay."""
        self._busy = True
        self.keys_ready = False
        self._save(save, result)

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
            self.forget_draft()
            self.app.call_from_thread(self._close_saved, Saved(path, result))

    def _close_saved(self, saved: Saved) -> None:
        self.dismiss(saved)
        screen_not_coming(self.app)  # The keys typed after ctrl+s go on below.

    def _failed(self, errors: list[FieldError], message: str) -> None:
        self._busy = False
        screen_ready(self)
        self.show_errors(errors)
        if message:
            self.show_message(message)

    def _conflict(self, error: ConflictError, result: Any) -> None:
        self._busy = False
        screen_ready(self)  # The keys typed after ctrl+s go to the dialog.
        self.show_message(t("form.conflict_short"))

        def chosen(choice: ConflictChoice | Resolutions | None) -> None:
            resolve = self.target.resolve
            if (
                isinstance(choice, dict)
                and isinstance(error, MergeConflict)
                and resolve
            ):
                self._start_save(lambda _result: resolve(error, choice), result)
            elif choice == "reload" and self.target.reload is not None:
                self._reload(self.target.reload)
            elif choice == "new" and self.target.save_as_new is not None:
                self._start_save(self.target.save_as_new, result)

        self.app.push_screen(
            ConflictScreen(
                error,
                can_reload=self.target.reload is not None,
                can_save_new=self.target.save_as_new is not None,
                can_resolve=self.target.resolve is not None,
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

    def _refill(self, values: dict[str, Any]) -> None:
        self.fill(values)
        self._initial = self.values()
        self._left.clear()
        self.show_errors([], focus=False)
        self.show_message(t("form.reloaded"))

    # Leaving.

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
        self.drop_draft()
        self.dismiss(None)
