"""The main screen's side of sharing a library through git: state, sync, history, conflicts.

Every git call runs in a thread worker, started after the first paint. With
no git, or a library that is not in a work tree, nothing changes but that
the sync and history keys say what they cannot do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand
from textual.message import Message

from bftui.core.text import safe_text
from bftui.i18n import t, tn
from bftui.tui.editing import CHANGE
from bftui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from pathlib import Path

    from bftui.core.items.model import Item
    from bftui.core.library.loading import Library
    from bftui.core.share.conflicts import Unmerged
    from bftui.core.share.git import Repo
    from bftui.core.share.status import State
    from bftui.core.store.changes import Change
    from bftui.tui.typeahead import HoldsKeys

    # The checker sees the screen the mixin goes into; at run time it is plain.
    _Screen = HoldsKeys[Any]
else:
    _Screen = object

REFRESH_EVERY = 60.0
"""Seconds between looks at the work tree's state while nothing else asks."""


def describe(state: State, now: dt.datetime | None = None) -> str:
    """Return the title bar's line for `state`: branch, files not shared, ahead/behind, sync."""
    parts = [
        t("sharing.branch", branch=safe_text(state.branch))
        if state.branch
        else t("sharing.detached")
    ]
    if state.unmerged:
        parts.append(tn("sharing.unmerged", len(state.unmerged)))
    waiting = len(state.by_bftui) + len(state.by_hand)
    if waiting:
        parts.append(tn("sharing.not_shared", waiting))
    if not state.remotes:
        parts.append(t("sharing.no_remote"))
        return " · ".join(parts)
    parts.append(t("sharing.ahead_behind", ahead=state.ahead, behind=state.behind))
    if state.last_sync is None:
        parts.append(t("sharing.never_synced"))
    else:
        now = now or dt.datetime.now(state.last_sync.tzinfo)
        when = state.last_sync.astimezone(now.tzinfo)
        shown = when.strftime("%H:%M" if when.date() == now.date() else "%Y-%m-%d")
        parts.append(t("sharing.synced_at", when=shown))
    return " · ".join(parts)


class ShareState(Message):
    """The work tree's state was read (None: no git, or not a work tree)."""

    def __init__(self, state: State | None) -> None:
        super().__init__()
        self.state = state


class ShareChanged(Message):
    """bftui wrote an item file: the state may have changed."""


class SharingMixin(_Screen):
    """Git for the main screen; mixed into `MainScreen` before its base screen.

    Call `start_sharing` once the first paint is done.
    """

    if TYPE_CHECKING:
        library_root: Path
        library: Library | None
        current: Item | None

        def action_reload(self) -> None: ...

        def wait_for_library(self, name: str, again: Callable[[], object]) -> bool: ...

    _repo: Repo | None = None
    _share_found = False
    """Whether the library's work tree has been looked for."""
    _share_problem = ""
    """Why git cannot be used here, once looked for."""
    _syncing = False

    def start_sharing(self) -> None:
        """Look for git and the state (in a worker), then look again now and then."""
        from bftui.core.store.changes import listen

        listen(self._bftui_wrote)
        self.set_interval(REFRESH_EVERY, self.refresh_share)
        self.refresh_share()

    def stop_sharing(self) -> None:
        """Stop hearing bftui's writes."""
        from bftui.core.store.changes import unlisten

        unlisten(self._bftui_wrote)

    def _bftui_wrote(self, _change: Change) -> None:
        # Any thread: post_message is safe from all of them.
        self.post_message(ShareChanged())

    def on_share_changed(self) -> None:
        """Read the state again after bftui wrote something."""
        self.refresh_share()

    @work(thread=True, exclusive=True, group="share-state", exit_on_error=False)
    def refresh_share(self) -> None:
        """Find the work tree (once) and read its state (in a thread)."""
        from bftui.core.share.git import GitError, find_repo, git_program
        from bftui.core.share.status import state

        if not self._share_found:
            self._repo = find_repo(self.library_root)
            self._share_found = True
            if self._repo is None:
                missing = git_program() is None
                self._share_problem = t(
                    "sharing.no_git" if missing else "sharing.not_repo"
                )
        if self._repo is None:
            self.post_message(ShareState(None))
            return
        try:
            found = state(self._repo)
        except GitError:
            return  # Shown as it was; the next look may work.
        self.post_message(ShareState(found))

    def on_share_state(self, message: ShareState) -> None:
        """Show the state in the title bar."""
        if not self._syncing:
            bar = self.query_one(TitleBar)
            bar.share = describe(message.state) if message.state else ""

    def _git_or_say(self) -> Repo | None:
        """Return the work tree, or say why git cannot be used here."""
        if self._repo is None:
            self.notify(
                self._share_problem or t("sharing.not_repo"),
                severity="warning",
                timeout=8,
            )
        return self._repo

    # Sync.

    def action_sync(self) -> None:
        """Commit what bftui wrote, fetch, merge and push, in a worker."""
        repo = self._git_or_say()
        if repo is None:
            return
        if self._syncing:
            self.notify(t("sharing.busy"))
            return
        self._syncing = True
        self._show_step(t("sync.commit"))
        self._sync(repo)

    def _show_step(self, step: str) -> None:
        self.query_one(TitleBar).share = t("sharing.syncing", step=step)

    @work(thread=True, exclusive=True, group="share-sync", exit_on_error=False)
    def _sync(self, repo: Repo) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.sync import sync

        call = self.app.call_from_thread
        try:
            done = sync(repo, progress=lambda step: call(self._show_step, step))
        except GitError as error:
            call(self._synced, None, error)
        else:
            call(self._synced, done, None)

    def _synced(self, done: object, error: object) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.sync import Synced

        self._syncing = False
        self.refresh_share()
        if isinstance(error, GitError):
            if error.kind in ("conflict", "unresolved"):
                self.action_reload()
                self.resolve_conflicts()
            else:
                self.notify(error.message, severity="error", timeout=12)
            return
        assert isinstance(done, Synced)
        if done.received or done.sent:
            self.notify(t("sync.done", received=done.received, sent=done.sent))
            if done.received:
                self.action_reload()
        else:
            self.notify(t("sync.nothing"))
        if done.by_hand:
            paths = ", ".join(safe_text(p) for p in done.by_hand)
            self.notify(t("sync.by_hand", paths=paths), severity="warning", timeout=10)

    # Conflicts.

    def resolve_conflicts(self) -> None:
        """Read the unmerged files (in a worker) and resolve them one by one."""
        if self._repo is not None:
            self._read_unmerged(self._repo)

    @work(thread=True, exclusive=True, group="share-conflicts", exit_on_error=False)
    def _read_unmerged(self, repo: Repo) -> None:
        from bftui.core.share.conflicts import unmerged
        from bftui.core.share.git import GitError

        call = self.app.call_from_thread
        try:
            files = unmerged(repo)
        except GitError as error:
            call(self.notify, error.message, severity="error")
            return
        if files:
            count = len(files)
            call(self.notify, tn("sharing.conflicts", count), severity="warning")
            call(self._resolve_next, files)

    def _resolve_next(self, files: list[Unmerged]) -> None:
        from bftui.core.share.conflicts import merge_unmerged
        from bftui.tui.screens.conflict import MergeConflictScreen

        if not files:
            self.refresh_share()
            self.action_reload()
            self.notify(t("sharing.resolved"), timeout=10)
            return
        file, rest = files[0], files[1:]

        def chosen(resolutions: dict[str, str] | None) -> None:
            if resolutions is None:
                self.notify(
                    t("sharing.resolve_later", path=safe_text(file.path)),
                    severity="warning",
                )
                self.refresh_share()
                return
            self._write_resolved(file, resolutions, rest)

        conflicts = merge_unmerged(file).conflicts
        screen = MergeConflictScreen(file.path, conflicts)
        self.app.push_screen(screen, chosen)

    @work(thread=True, group="share-conflicts", exit_on_error=False)
    def _write_resolved(
        self, file: Unmerged, resolutions: dict[str, str], rest: list[Unmerged]
    ) -> None:
        from bftui.core.share.conflicts import resolve
        from bftui.core.share.git import GitError
        from bftui.core.store.atomic import StorageError

        call = self.app.call_from_thread
        assert self._repo is not None
        try:
            resolve(self._repo, file, resolutions)
        except (GitError, StorageError, ValueError) as error:
            call(self.notify, safe_text(str(error)), severity="error")
            return
        call(self.notify, t("merge.written", path=safe_text(file.path)))
        call(self._resolve_next, rest)

    # History.

    def action_history(self) -> None:
        """Show the versions of the item in the reader."""
        from bftui.tui.screens.item_history import HistoryScreen

        if self.wait_for_library("history", self.action_history):
            return
        item = self.current
        if item is None:
            self.notify(t("form.nothing_chosen"), severity="warning")
            return
        repo = self._git_or_say()
        if repo is not None and self.library is not None:
            screen = HistoryScreen(repo, item, self.library)
            self.app.push_screen(screen)

    def action_deleted_items(self) -> None:
        """List the items deleted in history, to bring one back."""
        from bftui.tui.screens.item_history import DeletedScreen

        repo = self._git_or_say()
        if repo is not None:
            screen = DeletedScreen(repo)
            self.app.push_screen(screen, self._restored)

    def _restored(self, path: Path | None) -> None:
        if path is not None:
            self.notify(t("deleted.restored", path=safe_text(path.name)))
            self.hold_keys(CHANGE)  # Keys typed meanwhile act on the library with it.
            self.action_reload()
            self.refresh_share()


def commands(screen: SharingMixin) -> Iterator[SystemCommand]:
    """The palette's git commands for the main screen."""
    yield SystemCommand(
        t("sharing.key_sync"), t("sharing.tip_sync"), screen.action_sync
    )
    yield SystemCommand(
        t("sharing.key_history"), t("sharing.tip_history"), screen.action_history
    )
    yield SystemCommand(
        t("sharing.key_deleted"), t("sharing.tip_deleted"), screen.action_deleted_items
    )
