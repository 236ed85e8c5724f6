"""The Q&A entries of one interview: add, edit, delete and move them with keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from bftui.core.items import qa_edit
from bftui.core.items.model import Article
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.core.library.loading import Library
from bftui.core.store import storage
from bftui.core.store.atomic import StorageError
from bftui.core.store.snapshots import ConflictError, MergeConflict, Snapshot
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.conflict import ConflictScreen
from bftui.tui.screens.form import Saved
from bftui.tui.screens.form_keeping import style_key
from bftui.tui.targets import Opened, entry_form
from bftui.tui.typeahead import screen_ready
from bftui.tui.widgets.entry_list import EntryList
from bftui.tui.widgets.key_footer import KeyFooter


class QAListScreen(ModalScreen[bool]):
    """List an interview's questions; dismisses with True if anything was saved."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape", "close", t("form.qa_key_close"), id="qa.close"),
        Binding("a", "add", t("form.qa_key_add"), id="qa.add"),
        Binding("A", "add_end", t("form.qa_key_add_end"), id="qa.add_end"),
        Binding("e,enter", "edit", t("form.qa_key_edit"), id="qa.edit"),
        Binding("d,delete", "delete", t("form.qa_key_delete"), id="qa.delete"),
        Binding("shift+up,K", "move(-1)", t("form.qa_key_up"), id="qa.up"),
        Binding("shift+down,J", "move(1)", t("form.qa_key_down"), id="qa.down"),
    ]

    def __init__(self, library: Library, article: Article, opened: Opened) -> None:
        super().__init__(classes="qa-list-screen")
        self.library = library
        self.article = article
        self.opened = opened
        self.changed = False
        self.keys_ready = False
        """False until the list has the focus: keys typed meanwhile wait."""
        self._styled_for: tuple[object, ...] = ()
        """`style_key` when the list was last styled."""
        self._read: tuple[str, list[str]] = ("", [])
        """The file text last read and its questions (each key asks for them)."""

    def compose(self) -> ComposeResult:
        """The title, the questions, and the keys."""
        with Vertical(classes="qa-list-dialog"):
            yield Static(Content(self.article.title), classes="form-title")
            yield EntryList(t("form.qa_empty"), id="qa-entries")
            yield Static("", classes="form-message")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        """List the entries and focus the list."""
        self.refresh_entries(0)
        self.set_focus(self.query_one(EntryList))
        screen_ready(self)

    def _post_register(self, app: App[Any]) -> None:
        """Remember the style sheet the list is styled with (as `KeptForm` does)."""
        super()._post_register(app)
        self._styled_for = style_key(app)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Style the list again when shown only if its styles may have changed (as a form)."""
        key = style_key(self.app)
        if key == self._styled_for:
            event.refresh_styles = False
        self._styled_for = key

    def on_screen_suspend(self) -> None:
        """Remember what the list's styles were made for (a form opens over it)."""
        self._styled_for = style_key(self.app)

    def _questions(self) -> list[str]:
        text = self.opened.snap.text
        if self._read[0] is not text:
            body = frontmatter.split(text).body
            questions = [entry.question for entry in find_entries(safe_text(body))]
            self._read = (text, questions)
        return self._read[1]

    def refresh_entries(self, highlight: int | None) -> None:
        """Show the entries of the file as last read, the cursor on `highlight`.

        Only the entries that changed since the last time are touched.
        """
        self.query_one(EntryList).show(self._questions(), highlight)

    @property
    def selected(self) -> int | None:
        """The highlighted entry's index, if there are entries."""
        if not self._questions():
            return None
        return self.query_one(EntryList).cursor

    def _open_form(self, index: int | None, after: int | None) -> None:
        form = entry_form(self.library, self.article, self.opened, index, after=after)

        def closed(result: Saved | None) -> None:
            if result is not None:
                self.changed = True
                chosen = index if index is not None else len(self._questions()) - 1
                if index is None and after is not None:
                    chosen = after + 1
                self.refresh_entries(chosen)

        self.app.push_screen(form, closed)

    def action_add(self) -> None:
        """Add an entry after the selected one."""
        self._open_form(None, self.selected)

    def action_add_end(self) -> None:
        """Add an entry after the last one."""
        self._open_form(None, None)

    def action_edit(self) -> None:
        """Edit the selected entry."""
        if self.selected is not None:
            self._open_form(self.selected, None)

    def on_entry_list_picked(self, event: EntryList.Picked) -> None:
        """A click on an entry edits it (Enter does, by the screen's key)."""
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        """Delete the selected entry, after asking."""
        index = self.selected
        if index is None:
            return
        question = self._questions()[index]

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda body: qa_edit.delete_entry(body, index), index)

        self.app.push_screen(
            ConfirmScreen(t("form.qa_delete_question", question=question)), answered
        )

    def action_move(self, step: int) -> None:
        """Move the selected entry up (-1) or down (1)."""
        index = self.selected
        if index is None or not 0 <= index + step < len(self._questions()):
            return
        self._change(lambda body: qa_edit.move_entry(body, index, step), index + step)

    def _change(self, change: Callable[[str], str], highlight: int) -> None:
        path, root = self.opened.path, self.library.root
        self.keys_ready = False  # Keys typed meanwhile act on the list as changed.
        self._write(
            lambda: storage.update_body(path, change, self.opened.snap, root=root),
            highlight,
        )

    @work(thread=True, exclusive=True, group="qa-change", exit_on_error=False)
    def _write(self, write: Callable[[], Snapshot], highlight: int) -> None:
        try:
            snap = write()
        except ConflictError as error:
            self.app.call_from_thread(self._conflict, error, highlight)
            return
        except StorageError as error:
            self.app.call_from_thread(self._message, error.message)
            return
        self.opened.snap = snap
        self.changed = True
        self.app.call_from_thread(self._done, highlight)

    def _done(self, highlight: int) -> None:
        self.refresh_entries(highlight)
        self._message("")

    def _message(self, message: str) -> None:
        self.query_one(".form-message", Static).update(Content(message))
        screen_ready(self)

    def _conflict(self, error: ConflictError, highlight: int) -> None:
        def chosen(choice: str | dict[str, str] | None) -> None:
            if isinstance(choice, dict) and isinstance(error, MergeConflict):
                root = self.library.root
                self.keys_ready = False
                self._write(
                    lambda: storage.resolve(error, choice, root=root), highlight
                )
            elif choice == "reload":
                self._reload()

        self.app.push_screen(ConflictScreen(error, can_save_new=False), chosen)
        screen_ready(self)

    @work(thread=True, exclusive=True, group="qa-change", exit_on_error=False)
    def _reload(self) -> None:
        try:
            self.opened.snap = storage.snapshot(self.opened.path)
        except StorageError as error:
            self.app.call_from_thread(self._message, error.message)
            return
        self.app.call_from_thread(self.refresh_entries, 0)

    def action_close(self) -> None:
        """Close the list."""
        self.dismiss(self.changed)
