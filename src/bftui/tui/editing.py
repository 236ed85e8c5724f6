"""The main screen's editing keys: new meeting and article, edit, $EDITOR, delete, Q&A, drafts.

`EditingScreen` is the main screen's base class: it brings the bindings and
the actions; the main screen brings `library`, `current` and `open_item`.
Files are read and written only in thread workers. The forms, and the core
modules behind these keys, are imported when first used (or once the
library is read, see `screens.main`): they would slow every start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.reactive import var

from bftui.core.store.atomic import StorageError
from bftui.i18n import t
from bftui.paths import drafts_kept
from bftui.tui.bindings import EDITING_BINDINGS
from bftui.tui.messages import LibraryLoaded
from bftui.tui.typeahead import (
    HoldsKeys,
    expect_screen,
    open_cancelled,
    push_expected,
    screen_not_coming,
)

if TYPE_CHECKING:
    from bftui.core.items.model import Article, Item
    from bftui.core.library.loading import Library
    from bftui.core.store.drafts import Draft
    from bftui.core.store.snapshots import MergeConflict
    from bftui.core.store.trash import Trashed
    from bftui.core.store.undo import UndoLog
    from bftui.tui.screens.form import FormScreen, Saved
    from bftui.tui.targets import Opened

_ITEM_ACTIONS = ("edit_item", "external_editor", "delete_item", "qa_entries")

NOTHING_CHOSEN_BINDINGS = [
    Binding(
        binding.key, f"nothing_chosen('{binding.action}')", show=False, id=binding.id
    )
    for binding in EDITING_BINDINGS
    if binding.action in _ITEM_ACTIONS
]
"""The same keys when they have nothing to act on: they say why (same ids, same keymap)."""

EDITING_KEYS = [*EDITING_BINDINGS, *NOTHING_CHOSEN_BINDINGS]

LIBRARY = "library"
"""A hold on the keys until the library has been read (`wait_for_library`)."""
DRAFTS = "drafts"
"""A hold on the keys until the drafts an earlier session left are offered
(or none found): typed slowly, the keys would go to that list."""
CHANGE = "change"
"""A hold on the keys until a change (a save, ctrl+z, a restore, $EDITOR) is
shown: the library read after it comes as a `LibraryLoaded` that is `awaited`."""


class EditingScreen(HoldsKeys[None]):
    """Editing actions for a screen that shows one item of a library.

    Its keys are `EDITING_KEYS`, which the screen puts after its own in its
    `BINDINGS` (the footer shows them in that order).
    """

    current: var[Item | None] = var(None, always_update=True, bindings=True)
    """The item shown in the reader, which the item keys act on."""

    if TYPE_CHECKING:
        library_root: Path
        library: Library | None

        def open_item(self, item: Item) -> None: ...

        def read_library(self) -> Library: ...

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[str, Callable[[Library], object]] = {}
        """Actions asked for before the library was read, by name, in order."""
        self.undo_log: UndoLog | None = None
        """This session's saves, deletes and moves, for ctrl+z."""
        self.chosen_early: Path | None = None
        """A title the sidebar's cursor chose before the library was read.

        The item keys act on it once the library is read (the main screen
        shows it then), not on the item shown before, nor on nothing.
        """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the item keys that have nothing to act on (their fallbacks say why)."""
        if action not in _ITEM_ACTIONS:
            return True
        if self.chosen_early is not None:
            return False  # Not read yet: `action_nothing_chosen` waits for it.
        if action == "qa_entries":
            return _is_interview(self.current)
        return self.current is not None

    def action_nothing_chosen(self, action: str) -> None:
        """Say why an item key did nothing; or act on a title chosen before the library was read."""
        if self.chosen_early is not None and self.wait_for_library(
            action, lambda: self._act_on_chosen(action)
        ):
            return
        if self.current is not None and action == "qa_entries":
            self.notify(t("form.not_interview"), severity="warning")
        else:
            self.notify(t("form.nothing_chosen"), severity="warning")

    def _act_on_chosen(self, action: str) -> None:
        """Run item key `action` on the item shown now, or say why it cannot."""
        if self.check_action(action, ()):
            getattr(self, f"action_{action}")()
        else:
            self.action_nothing_chosen(action)

    def on_mount(self) -> None:
        """Offer the drafts an earlier session left behind (after the first paint).

        When any draft is kept, the keys typed meanwhile wait for that list;
        most starts have none, and Enter at the first paint goes at once.
        """
        if drafts_kept():
            self.hold_keys(DRAFTS)
        self.call_after_refresh(self._find_drafts)

    def on_unmount(self) -> None:
        """Stop recording changes for undo."""
        if self.undo_log is not None:
            self.undo_log.stop()

    def when_loaded(self, name: str, action: Callable[[Library], object]) -> None:
        """Run `action` with the library now, or as soon as it has been read.

        A key pressed during the first moments of a start is not lost; pressed
        twice meanwhile, it still runs once (`name` says which it is). The
        action opens a screen (with `push_expected`): the keys typed after it
        wait for that screen, as they would had the library been read already.
        """
        if self.library is None:
            self._wait(name, action)
            expect_screen(self.app)
        else:
            action(self.library)

    def wait_for_library(self, name: str, again: Callable[[], object]) -> bool:
        """Before the library is read: run `again` once it is; True if so.

        For the keys that need the library and act on the UI thread (a
        dialog, a message, the reader): typed before the library is read,
        they act once it is, on what was chosen, and the keys typed after
        them wait on this screen (`keys_ready`) until they have, as they
        would had the library been read already.
        """
        if self.library is not None:
            return False
        self._wait(name, lambda _library: again())
        self.hold_keys(LIBRARY)
        return True

    def _wait(self, name: str, action: Callable[[Library], object]) -> None:
        if open_cancelled(self.app):
            # Escape right after the key before dropped the screen it waited
            # to open: typed slowly, that screen had opened and closed.
            self._waiting.clear()
        self._waiting[name] = action

    def run_waiting(self, library: Library) -> None:
        """Run the actions that waited for the library (the main screen calls this).

        The undo log starts here too: nothing is saved before the library is read.
        """
        if self.undo_log is None:
            from bftui.core.store.undo import UndoLog

            self.undo_log = UndoLog(library.root)
            self.undo_log.start()
        waiting, self._waiting = self._waiting, {}
        for action in waiting.values():
            action(library)

    def refuse_in_sample(self) -> bool:
        """Say that the sample is read-only, and how to make one's own; True if it is."""
        from bftui.paths import in_sample

        if not in_sample(self.library_root):
            return False
        self.notify(t("sample.read_only"), severity="warning", timeout=10)
        return True

    # After a save.

    def reload_and_show(self, path: Path | None) -> None:
        """Read the library again, then select and show the item in `path`.

        Keys typed meanwhile (right after ctrl+s in a form) wait: they act on
        the library and the item as they are after the save, as when typed
        slowly (the main screen lets them go once it has the library).
        """
        self.hold_keys(CHANGE)
        self._reload_and_show(path)

    @work(thread=True, exclusive=True, group="edit-reload", exit_on_error=False)
    def _reload_and_show(self, path: Path | None) -> None:
        try:
            library = self.read_library()
        except BaseException:
            self.app.call_from_thread(self.let_keys_go, CHANGE)
            raise
        item = library.item_at(path) if path is not None else None
        self.app.call_from_thread(self._loaded, library, item)

    def _loaded(self, library: Library, item: Item | None) -> None:
        if item is None:
            self.current = None
        self.post_message(LibraryLoaded(library, awaited=True))
        if item is not None:
            self.open_item(item)

    def _after_form(self, opened: Opened | None) -> Any:
        def closed(result: Saved | None) -> None:
            if opened is not None:
                self._release(opened)
            if result is not None:
                merged = opened is not None and opened.snap.merged
                key = "form.saved_merged" if merged else "form.saved"
                self.notify(t(key, name=result.path.name), timeout=6 if merged else 4)
                self.reload_and_show(result.path)

        return closed

    @work(thread=True, group="edit-lock", exit_on_error=False)
    def _release(self, opened: Opened) -> None:
        opened.release()

    # New items.

    def action_new_event(self) -> None:
        """Open the form for a new meeting."""
        if self.refuse_in_sample():
            return
        from bftui.tui.targets import new_event_form

        self.when_loaded(
            "new event",
            lambda library: push_expected(
                self.app, new_event_form(library), self._after_form(None)
            ),
        )

    def action_new_article(self) -> None:
        """Open the form for a new article."""
        if self.refuse_in_sample():
            return
        from bftui.tui.targets import new_article_form

        self.when_loaded(
            "new article",
            lambda library: push_expected(
                self.app, new_article_form(library), self._after_form(None)
            ),
        )

    # Existing items.

    def action_edit_item(self) -> None:
        """Open the shown item in its form."""
        if self.refuse_in_sample():
            return
        item = self.current
        if self.library is not None and item is not None:
            expect_screen(self.app)
            self._open_for_edit(self.library, item, None)
        elif item is not None:  # Shown before the library was read: edit once it is.
            self.when_loaded(
                "edit item",
                lambda library: self._open_for_edit(
                    library, library.item_at(item.path) or item, None
                ),
            )

    @work(thread=True, exclusive=True, group="edit-open", exit_on_error=False)
    def _open_for_edit(self, library: Library, item: Item, draft: Draft | None) -> None:
        from bftui.tui.targets import Opened, draft_snapshot, edit_form

        try:
            opened = Opened.read(item.path)
        except StorageError as error:
            self.app.call_from_thread(screen_not_coming, self.app)
            self.app.call_from_thread(self.notify, error.message, severity="error")
            return
        values = None
        if draft is not None:
            opened.snap = draft_snapshot(draft) or opened.snap
            values = draft.fields.get("values")
        form = edit_form(library, item, opened, values)
        self.app.call_from_thread(
            push_expected, self.app, form, self._after_form(opened)
        )

    def action_qa_entries(self) -> None:
        """List the shown interview's questions to add, edit, delete and move."""
        if self.refuse_in_sample():
            return
        from bftui.core.items.model import Article

        item = self.current
        if isinstance(item, Article) and self.library is not None:
            expect_screen(self.app)
            self._open_entries(self.library, item)
        elif isinstance(item, Article):  # Shown before the library was read.
            self.when_loaded(
                "qa entries", lambda library: self._open_entries(library, item)
            )

    @work(thread=True, exclusive=True, group="edit-open", exit_on_error=False)
    def _open_entries(self, library: Library, article: Article) -> None:
        from bftui.tui.screens.qa_list import QAListScreen
        from bftui.tui.targets import Opened

        try:
            opened = Opened.read(article.path)
        except StorageError as error:
            self.app.call_from_thread(screen_not_coming, self.app)
            self.app.call_from_thread(self.notify, error.message, severity="error")
            return

        def closed(changed: bool | None) -> None:
            self._release(opened)
            if changed:
                self.reload_and_show(article.path)

        screen = QAListScreen(library, article, opened)
        self.app.call_from_thread(push_expected, self.app, screen, closed)

    def action_delete_item(self) -> None:
        """Move the shown item to the library's trash, after asking."""
        if self.refuse_in_sample():
            return
        from bftui.tui.screens.confirm import ConfirmScreen

        item = self.current
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(item)

        question = t("form.delete_question", title=item.title)
        self.app.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, exclusive=True, group="edit-delete", exit_on_error=False)
    def _delete(self, item: Item) -> None:
        from bftui.core.store import trash

        try:
            moved = trash.move_to_trash(self.library_root, item.path)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
            return
        where = moved.path.relative_to(self.library_root).as_posix()
        self.app.call_from_thread(self.notify, t("form.deleted", where=where))
        self.reload_and_show(None)

    def action_external_editor(self) -> None:
        """Edit the shown item's file in $EDITOR, then reload and report new problems."""
        if self.current is not None:
            self.edit_file(self.current.path)

    def edit_file(self, path: Path, line: int = 0) -> None:
        """Edit `path` in $EDITOR (at `line`), then reload and report new problems."""
        from bftui.tui.external_editor import run_editor

        if self.refuse_in_sample() or self.wait_for_library(
            f"editor {path}", lambda: self.edit_file(path, line)
        ):
            return
        assert self.library is not None
        before = {str(p) for p in self.library.problems if _about(p.path, path)}
        failed = run_editor(self.app, path, line)
        if failed is not None:
            self.notify(failed, severity="error", timeout=10)
            return
        self.hold_keys(CHANGE)  # Keys typed after the editor act on its changes.
        self._check_after_editor(path, before)

    @work(thread=True, exclusive=True, group="edit-reload", exit_on_error=False)
    def _check_after_editor(self, path: Path, before: set[str]) -> None:
        try:
            library = self.read_library()
        except BaseException:
            self.app.call_from_thread(self.let_keys_go, CHANGE)
            raise
        new = [str(p) for p in library.problems if _about(p.path, path)]
        added = [p for p in new if p not in before]
        item = library.item_at(path)
        self.app.call_from_thread(self._loaded, library, item)
        if added:
            message = t("form.editor_problems", problems="\n".join(added))
            self.app.call_from_thread(
                self.notify, message, severity="error", timeout=15
            )

    # Undo and the trash.

    def action_undo(self) -> None:
        """Take back this session's last save, delete or Q&A move."""
        if self.undo_log is None or not self.undo_log.steps:
            self.notify(t("form.undo_nothing"), severity="warning")
            return
        last = self.undo_log.steps[-1]
        shown = self.current.path if self.current is not None else None
        if last.action in ("created", "restored") and shown == last.path:
            self.current = None  # It goes to the trash: no "removed by someone else".
        self.hold_keys(CHANGE)  # Keys typed after ctrl+z act on what it brings back.
        self._undo(self.undo_log, force=False)

    @work(thread=True, exclusive=True, group="edit-undo", exit_on_error=False)
    def _undo(self, log: UndoLog, *, force: bool) -> None:
        from bftui.core.store.snapshots import ConflictError, MergeConflict
        from bftui.core.store.undo import ChangedSince

        undone = None
        try:
            undone = log.undo(force=force)
        except MergeConflict as error:
            self.app.call_from_thread(self._undo_conflict, log, error)
        except ChangedSince as error:
            self.app.call_from_thread(self._undo_anyway, log, error.path)
        except ConflictError as error:
            message = t("form.undo_gone", name=error.path.name)
            self.app.call_from_thread(self.notify, message, severity="error")
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            if undone is None:  # Nothing to show again: the keys go on (to a dialog).
                self.app.call_from_thread(self.let_keys_go, CHANGE)
        if undone is not None:
            self._undone(undone.path, undone.action)

    def _undone(self, path: Path, action: str) -> None:
        """Say what was undone and show the library as it is now (worker thread).

        The keys typed since ctrl+z wait until it is shown (`reload_and_show`).
        """
        self.app.call_from_thread(
            self.notify, t(f"form.undone_{action}", name=path.name), timeout=6
        )
        self.reload_and_show(path if action in ("saved", "deleted") else None)

    def _undo_conflict(self, log: UndoLog, error: MergeConflict) -> None:
        from bftui.tui.screens.conflict import ConflictScreen

        def chosen(choice: object) -> None:
            if isinstance(choice, dict):
                self.hold_keys(CHANGE)
                self._undo_resolved(log, error, choice)

        screen = ConflictScreen(error, can_reload=False, can_save_new=False)
        self.app.push_screen(screen, chosen)

    @work(thread=True, exclusive=True, group="edit-undo", exit_on_error=False)
    def _undo_resolved(
        self, log: UndoLog, error: MergeConflict, choice: dict[str, str]
    ) -> None:
        from bftui.core.store.snapshots import MergeConflict

        undone = None
        try:
            undone = log.resolve(error, choice)
        except MergeConflict as again:
            self.app.call_from_thread(self._undo_conflict, log, again)
        except StorageError as failed:
            self.app.call_from_thread(self.notify, failed.message, severity="error")
        finally:
            if undone is None:
                self.app.call_from_thread(self.let_keys_go, CHANGE)
        if undone is not None:
            self._undone(undone.path, undone.action)

    def _undo_anyway(self, log: UndoLog, path: Path) -> None:
        from bftui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.hold_keys(CHANGE)
                self._undo(log, force=True)

        question = t("form.undo_changed_question", name=path.name)
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_trash(self) -> None:
        """List the library's trash; Enter restores the chosen item."""
        expect_screen(self.app)  # Keys typed after T are for the list.
        self._list_trash()

    @work(thread=True, exclusive=True, group="edit-trash", exit_on_error=False)
    def _list_trash(self) -> None:
        from bftui.core.store import trash
        from bftui.tui.screens.trash import TrashScreen

        try:
            items = trash.list_trash(self.library_root)
        except BaseException:
            self.app.call_from_thread(screen_not_coming, self.app)
            raise

        def show() -> None:  # The screen is made on the UI thread.
            push_expected(self.app, TrashScreen(items), self._restore_trashed)

        self.app.call_from_thread(show)

    def _restore_trashed(self, item: Trashed | None) -> None:
        if item is not None and not self.refuse_in_sample():
            self.hold_keys(CHANGE)  # Keys typed after Enter act on it restored.
            self._restore_from_trash(item)

    @work(thread=True, exclusive=True, group="edit-trash", exit_on_error=False)
    def _restore_from_trash(self, item: Trashed) -> None:
        from bftui.core.store import trash

        path = None
        try:
            path = trash.restore(self.library_root, item)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            if path is None:  # Nothing to show again: the keys go on.
                self.app.call_from_thread(self.let_keys_go, CHANGE)
        if path is None:
            return
        where = path.relative_to(self.library_root).as_posix()
        self.app.call_from_thread(self.notify, t("form.restored", where=where))
        self.reload_and_show(path)

    # Drafts.

    @work(thread=True, exclusive=True, group="edit-drafts", exit_on_error=False)
    def _find_drafts(self) -> None:
        from bftui.core.store import drafts

        found: list[Draft] = []
        try:
            found = drafts.list_drafts(self.library_root)
        finally:
            self.app.call_from_thread(self._offer_drafts, found)

    def _offer_drafts(self, found: list[Draft]) -> None:
        """List the drafts left behind, if any; the keys held go on, to the list."""
        from bftui.tui.screens.drafts import DraftsScreen

        if found:
            self.app.push_screen(DraftsScreen(found), self._draft_chosen)
        self.let_keys_go(DRAFTS)

    def _draft_chosen(self, choice: tuple[str, Draft] | None) -> None:
        if choice is None:
            return
        action, draft = choice
        if action == "discard":
            self.hold_keys(DRAFTS)  # Keys typed after `d` are for the drafts left.
            self._discard_draft(draft)
        else:
            expect_screen(self.app)  # Keys typed after the choice are for its form.
            self._adopt(draft)

    @work(thread=True, group="edit-drafts", exit_on_error=False)
    def _discard_draft(self, draft: Draft) -> None:
        from bftui.core.store import drafts

        try:
            if not drafts.discard_left_behind(draft):
                message = t("form.draft_is_live", title=draft.title)
                self.app.call_from_thread(self.notify, message, severity="warning")
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        self._find_drafts()

    @work(thread=True, group="edit-drafts", exit_on_error=False)
    def _adopt(self, draft: Draft) -> None:
        """Make a left-behind draft this session's, then restore it."""
        from bftui.core.store import drafts

        try:
            draft = drafts.adopt(draft)
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="warning")
        self.app.call_from_thread(self._restore, draft)

    def _restore(self, draft: Draft) -> None:
        from bftui.core.items.model import Article
        from bftui.tui.targets import new_article_form, new_event_form

        library = self.library
        if library is None:
            self.when_loaded(f"draft {draft.item}", lambda _: self._restore(draft))
            return
        values = draft.fields.get("values")
        kind, _, rest = draft.item.partition(":")
        form: FormScreen | None = None
        if draft.item == "event:new":
            form = new_event_form(library, values)
        elif draft.item == "article:new":
            form = new_article_form(library, values)
        if form is not None:
            push_expected(self.app, form, self._after_form(None))
            return
        path = library.root / rest.split(":")[0]
        item = library.item_at(path)
        if item is None:
            screen_not_coming(self.app)
            self.notify(t("form.draft_item_gone", title=draft.title), severity="error")
        elif kind in ("event", "article"):
            self._open_for_edit(library, item, draft)
        elif kind == "qa" and isinstance(item, Article):
            self._restore_entry(library, item, draft)
        else:
            screen_not_coming(self.app)

    @work(thread=True, exclusive=True, group="edit-open", exit_on_error=False)
    def _restore_entry(self, library: Library, article: Article, draft: Draft) -> None:
        from bftui.tui.targets import Opened, draft_snapshot, entry_form

        try:
            opened = Opened.read(article.path)
        except StorageError as error:
            self.app.call_from_thread(screen_not_coming, self.app)
            self.app.call_from_thread(self.notify, error.message, severity="error")
            return
        opened.snap = draft_snapshot(draft) or opened.snap
        where = draft.item.split(":")[2:]
        values = draft.fields.get("values")
        if where[0] == "new":
            after = None if where[1] == "end" else int(where[1])
            form = entry_form(
                library, article, opened, None, after=after, values=values
            )
        else:
            form = entry_form(library, article, opened, int(where[0]), values=values)
        self.app.call_from_thread(
            push_expected, self.app, form, self._after_form(opened)
        )


def _is_interview(item: Item | None) -> bool:
    from bftui.core.items.model import Article

    return isinstance(item, Article) and item.kind == "interview"


def _about(problem_path: Path, path: Path) -> bool:
    return path.as_posix().endswith(problem_path.as_posix())
