"""Keeps the app's library current: the cached index, its syncs and the folder watch."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bftui import paths
from bftui.core.index.outline import Outline, outline_file, read_outline
from bftui.core.library.watch import watch
from bftui.core.store.atomic import remove_stale_temps
from bftui.tui.heap import freeze_heap

if TYPE_CHECKING:
    from bftui.core.index.build import Index, Pause, Progress
    from bftui.core.library.loading import Library


Deliver = Callable[["Library", frozenset[Path]], None]
"""Called (from a thread) with a fresh library and the files known to have changed."""
Outlined = Callable[[Outline], None]
"""Called (from a thread) with the outline read from the front matter on a cold start."""


class LibraryFeed:
    """The library's cached index, brought up to date and watched.

    Every method but `outline`, `stop` and `opened` reads files or the database: call
    them from threads. `deliver` must be safe to call from any thread (the
    screen's `post_message` is).
    """

    def __init__(
        self,
        root: Path,
        watch_setting: str,
        deliver: Deliver,
        outlined: Outlined | None = None,
    ) -> None:
        self._root = root
        self._watch_setting = watch_setting
        self._deliver = deliver
        self._outlined = outlined
        self.building: tuple[int, int] | None = None
        """While the index is built from scratch: files read so far, and of how many."""
        self._index: Index | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    @property
    def opened(self) -> Index | None:
        """The index, if a thread has opened it already."""
        return self._index

    def outline(self) -> Outline | None:
        """The sidebar's outline as last cached, if any: a few milliseconds, any thread."""
        return read_outline(outline_file(paths.index_file(self._root)), self._root)

    def index(self) -> Index:
        """Open the index on first use (never raises: it falls back to memory)."""
        # Imported here, in a thread after the first paint, to keep the start quick.
        from bftui.core.index.build import Index

        with self._lock:
            if self._index is None:
                self._index = Index.open(self._root)
            return self._index

    def read(self) -> Library:
        """Sync the index (only changed files are read) and return the library."""
        index = self.index()
        index.sync()
        return index.library()

    def load(self, progress: Progress, pause: Pause) -> None:
        """Deliver the cached library at once, then the synced one if it differs.

        `progress` is told how the index build goes; `pause` is called while
        the cached library is assembled (see `Index.items`).

        With nothing cached (a cold start), the outline read from the files'
        front matter goes out first, while the full index is built behind it.
        No outline kept from the last start means a cold start nearly always:
        then the outline is read even before the index is opened.
        """
        early = self.outline() is None
        if early:
            self.building = (0, 0)
            self._outline_cold()
        index = self.index()
        cached = index.library(pause)
        known = bool(cached.articles or cached.events)
        if known or cached.problems:
            self.building = None
            self._deliver(cached, frozenset())
        elif not early:
            self.building = (0, 0)
            self._outline_cold()

        def counted(done: int, total: int) -> None:
            if self.building is not None:
                self.building = (done, total)
            progress(done, total)

        try:
            result = index.sync(counted)
        finally:
            self.building = None
        if result.changed or result.removed or not known:
            self._deliver(index.library(pause), frozenset(result.changed))
        remove_stale_temps(self._root)

    def _outline_cold(self) -> None:
        """Send the sidebar's outline read from the front matter alone."""
        if self._outlined is None:
            return
        from bftui.core.index.headlines import cold_outline

        try:
            outline = cold_outline(self._root)
        except Exception:  # noqa: BLE001 - only a sooner sidebar may be lost
            return  # The index build lists it all, and reports what is wrong.
        self._outlined(outline)

    def watch(self, failed: Callable[[Exception], None]) -> None:
        """Follow changes others make, in a daemon thread, until `stop`.

        A plain thread rather than a Textual worker: it runs for the whole
        session, and waiting for all workers (as tests do) must not wait for it.
        """
        if not self._stopped.is_set():
            thread = threading.Thread(
                target=self._follow, args=(failed,), name="bftui-watch", daemon=True
            )
            thread.start()

    def _follow(self, failed: Callable[[Exception], None]) -> None:
        try:
            for _paths in watch(self._root, self._watch_setting, self._stopped):
                result = self.index().sync()
                if result.changed or result.removed:
                    self._deliver(self.index().library(), frozenset(result.changed))
                    freeze_heap()
        except Exception as error:  # noqa: BLE001 - a lost watch must not end the app
            failed(error)

    def stop(self) -> None:
        """Stop watching (the watch thread ends within its polling interval)."""
        self._stopped.set()
