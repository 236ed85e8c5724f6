"""The per-user cache of one library: its items, problems and full-text index.

A SQLite FTS5 database on local disk (`paths.cache_dir()/index/<hash>.sqlite3`,
never inside the library, whose network folder may not lock safely). It is a
cache, never the source of truth: rebuilt silently when missing, corrupt,
written by another bftui or schema version, or unwritable (then in memory).

Use from a thread worker (every method may read files or the database):

    index = Index.open(root)           # never raises
    library = index.library()          # from the cache alone: a warm start
    result = index.sync(progress)      # one stat pass; re-reads changed files only
    if result.changed or result.removed:
        library = index.library()
    hits = index.search("malmo typ:intervju")   # see `bftui.core.index.search`

All methods are thread-safe (one lock); `sync` lets searches in between its
batches, so search works while a cold index is still being built.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from bftui import paths
from bftui.core.index import outline, records, search
from bftui.core.index.db import connect, connect_anew, connect_file
from bftui.core.index.files import BATCH, Read, fts_text, read_batches, scan, walk_key
from bftui.core.items.model import Article, Item
from bftui.core.library.loading import Library, _library_title, finish
from bftui.core.problems import Problem
from bftui.core.text import safe_text
from bftui.i18n import language

COMMIT_EVERY = 2000
"""Files written per transaction: each commit writes a new FTS5 segment, and
many small segments cost far more to merge than a few big ones."""
BIG_SYNC = 300
"""Above this many changed files, spellings are refreshed from the whole index."""

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while changed files are read."""
Pause = Callable[[], None]
"""Called now and then while the cached items are assembled."""
PAUSE_EVERY = 500
"""Items assembled between two calls of a `Pause` (about 50 ms on a loaded machine)."""

_SWEDISH_WORD = re.compile(r"\w*[åäö]\w*")


class SyncResult(NamedTuple):
    """What one `Index.sync` found."""

    changed: set[Path]
    """Files added or changed since the last sync (absolute paths)."""
    removed: set[Path]
    """Files gone since the last sync (absolute paths)."""
    problems: list[Problem]
    """The problems of every broken file in the library now."""


class Index:
    """The cache of one library; see the module docstring for how to use it."""

    def __init__(self, root: Path, connection: sqlite3.Connection, where: Path | None):
        self.root = root
        self.where = where
        """The database file, or None when the index lives in memory."""
        self._db = connection
        self._lock = threading.RLock()
        self._synced = False
        """True once a sync has read the folder: only then is the outline kept."""

    @classmethod
    def open(cls, root: Path, cache_dir: Path | None = None) -> Index:
        """Open (or create) the index of library `root`; never raises."""
        root = root.resolve()
        where: Path | None = paths.index_file(root, cache_dir)
        if where is not None and where.resolve().is_relative_to(root):
            where = None  # The shared folder must never hold our database.
        connection = connect_file(where, root) if where is not None else None
        if connection is None:
            where = None
            connection = connect(":memory:", root)
        return cls(root, connection, where)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def items(self, pause: Pause | None = None) -> list[Item]:
        """Return every cached article and then every event, in the folder's order.

        A row that is not what was written is left out and its file forgotten,
        so the next `sync` reads that one file again; the others stay.
        `pause` is called every `PAUSE_EVERY` items (the app lets a text it
        shows meanwhile have the interpreter).
        """
        root = self.root
        with self._lock:
            rows = self._db.execute(
                "SELECT path, type, data FROM items ORDER BY type, walk"
            ).fetchall()
        found: list[Item] = []
        broken: list[str] = []
        for number, (rel, kind, data) in enumerate(rows, 1):
            if pause is not None and number % PAUSE_EVERY == 0:
                pause()
            try:
                found.append(records.decode(kind, data, root))
            except records.CorruptRecordError:
                broken.append(rel)
        if broken:
            with self._lock, self._db:
                self._db.executemany(
                    "DELETE FROM files WHERE path = ?", [(rel,) for rel in broken]
                )
        return found

    def problems(self) -> list[Problem]:
        """Return the cached problems of every broken file, by file and line.

        Raises:
            records.CorruptRecordError: when a row is not what was written.
        """
        with self._lock:
            rows = self._db.execute(
                "SELECT path, problems FROM files WHERE problems IS NOT NULL"
            ).fetchall()
        found = [problem for rel, text in rows for problem in _problems(rel, text)]
        return sorted(found, key=lambda p: (p.path.as_posix(), p.line))

    def _start_over(self) -> None:
        """Forget the whole cache (a row was not as written); the next sync reads all."""
        with self._lock:
            self._db.close()
            self._db, self.where = connect_anew(self.where, self.root)
            self._synced = False

    def library(self, pause: Pause | None = None) -> Library:
        """Return the library as cached, assembled exactly as `library.load` does.

        A cache holding anything but what bftui wrote is started over: the
        library is then empty until the next `sync` has read the files.
        `pause` is as in `items`.
        """
        try:
            return self._library(pause)
        except records.CorruptRecordError:
            self._start_over()
            return self._library(pause)

    def _library(self, pause: Pause | None) -> Library:
        problems = self.problems()
        library = Library(root=self.root, problems=problems)
        library.title = _library_title(self.root, problems)
        for item in self.items(pause):
            if isinstance(item, Article):
                library.articles.append(item)
            else:
                library.events.append(item)
        finish(library)
        self._keep_outline(library)
        return library

    def _keep_outline(self, library: Library) -> None:
        """Keep the sidebar's outline of `library` beside the database, for the next start.

        Not before a sync has read the folder: a first start cut short while
        the index is built would leave the outline of an empty library, and
        the next start would show an empty sidebar instead of reading one.
        """
        if self.where is None or not self._synced:
            return  # In memory, or not read yet: nothing for the next start.
        try:
            kept = outline.outline_of(library)
            outline.write_outline(outline.outline_file(self.where), kept, self.root)
        except ValueError:
            return  # An item outside the root (cannot happen from a scan): no outline.

    def search(self, text: str, limit: int = 50) -> list[search.Hit]:
        """Return the best hits for what the user typed (see `bftui.core.index.query`)."""
        with self._lock:
            try:
                return search.run(self._db, self.root, text, limit)
            except sqlite3.DatabaseError:
                return []
            except records.CorruptRecordError:
                self._start_over()
        self.sync()
        with self._lock:
            try:
                return search.run(self._db, self.root, text, limit)
            except (sqlite3.DatabaseError, records.CorruptRecordError):
                return []

    def sync(self, progress: Progress | None = None) -> SyncResult:
        """Bring the cache up to date with the folder, reading only changed files."""
        try:
            return self._sync(progress)
        except sqlite3.DatabaseError:
            # A cache broken underneath us (disk full, corrupt page): start over
            # in memory, which always works, and carry on.
            with self._lock:
                self._db.close()
                self._db = connect(":memory:", self.root)
                self.where = None
            return self._sync(progress)

    def _sync(self, progress: Progress | None) -> SyncResult:
        found = scan(self.root)
        lang = language()
        with self._lock:
            known = {
                rel: (size, mtime, lang_ if problems else lang)
                for rel, size, mtime, lang_, problems in self._db.execute(
                    "SELECT path, size, mtime_ns, lang, problems FROM files"
                )
            }
        removed = known.keys() - found.keys()
        changed = [
            rel for rel, stat in found.items() if known.get(rel) != (*stat, lang)
        ]
        full = len(changed) > BIG_SYNC
        # Few files: their words with å, ä, ö are collected as they are stored;
        # many: the whole index's vocabulary is read once at the end instead.
        swedish: set[str] | None = None if full else set()
        done = 0
        try:
            for batch in read_batches(self.root, changed):
                with self._lock:
                    if not self._db.in_transaction:
                        self._db.execute("BEGIN IMMEDIATE")
                    for read in batch:
                        self._store(read, swedish)
                    done += len(batch)
                    if done % COMMIT_EVERY < BATCH:
                        self._db.execute("COMMIT")
                if progress is not None:
                    progress(done, len(changed))
            if removed or changed:
                with self._lock:
                    if not self._db.in_transaction:
                        self._db.execute("BEGIN IMMEDIATE")
                    for rel in removed:
                        self._forget(rel)
                    self._refresh_spellings(swedish or (), full)
                    self._db.execute("COMMIT")
        except BaseException:
            with self._lock:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
            raise
        self._synced = True
        return SyncResult(
            {self.root / rel for rel in changed},
            {self.root / rel for rel in removed},
            self.problems(),
        )

    def _store(self, read: Read, swedish: set[str] | None) -> None:
        self._forget(read.rel, keep_file=True)
        problems = (
            json.dumps([[p.line, p.message] for p in read.problems], ensure_ascii=False)
            if read.problems
            else None
        )
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
            (read.rel, read.size, read.mtime_ns, language(), problems),
        )
        text = read.text
        if read.row is None or text is None:
            return
        cursor = self._db.execute(
            "INSERT INTO items(path, walk, type, kind, year, date, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (read.rel, walk_key(read.rel), *read.row, read.data),
        )
        marks = ", ".join("?" * (len(text) + 1))
        self._db.execute(
            f"INSERT INTO docs VALUES ({marks})", (cursor.lastrowid, *text)
        )
        self._db.execute(
            f"INSERT INTO fts(rowid, {', '.join(records.COLUMNS)}) VALUES ({marks})",
            (cursor.lastrowid, *read.indexed),
        )
        self._db.execute(
            "INSERT INTO heads(rowid, title, people) VALUES (?, ?, ?)",
            (cursor.lastrowid, read.indexed[0], read.indexed[1]),
        )
        if swedish is not None:
            for value in read.indexed:
                swedish.update(_SWEDISH_WORD.findall(value.lower()))

    def _forget(self, rel: str, keep_file: bool = False) -> None:
        row = self._db.execute("SELECT id FROM items WHERE path = ?", (rel,)).fetchone()
        if row is not None:
            old = self._db.execute(
                f"SELECT {', '.join(records.COLUMNS)} FROM docs WHERE id = ?", row
            ).fetchone()
            if old is not None:
                marks = ", ".join("?" * len(old))
                indexed = [fts_text(value) for value in old]
                self._db.execute(
                    f"INSERT INTO fts(fts, rowid, {', '.join(records.COLUMNS)})"
                    f" VALUES ('delete', ?, {marks})",
                    (row[0], *indexed),
                )
                self._db.execute(
                    "INSERT INTO heads(heads, rowid, title, people)"
                    " VALUES ('delete', ?, ?, ?)",
                    (row[0], indexed[0], indexed[1]),
                )
            self._db.execute("DELETE FROM docs WHERE id = ?", row)
            self._db.execute("DELETE FROM items WHERE id = ?", row)
        if not keep_file:
            self._db.execute("DELETE FROM files WHERE path = ?", (rel,))

    def _refresh_spellings(self, words: Iterable[str], full: bool) -> None:
        """Remember the index's words with å, ä or ö, by their spelling without."""
        loose = "replace(replace(replace(term, 'å', 'a'), 'ä', 'a'), 'ö', 'o')"
        if full:
            self._db.execute("DELETE FROM variants")
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary"
                " USING fts5vocab(main, fts, row)"
            )
            self._db.execute(
                f"INSERT INTO variants SELECT term, {loose} FROM temp.vocabulary"
                " WHERE term GLOB '*[åäö]*'"
            )
            return
        # Named, not `?1`: Python 3.12 deprecates numbered marks with a sequence.
        self._db.executemany(
            f"INSERT OR IGNORE INTO variants SELECT :term, {loose.replace('term', ':term')}",
            ({"term": word} for word in words),
        )


def _problems(rel: object, text: object) -> list[Problem]:
    """Return the problems kept for file `rel` as `text` (JSON [[line, message]])."""
    try:
        pairs = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError) as error:
        raise records.CorruptRecordError(f"not a list of problems: {error}") from error
    if not isinstance(rel, str) or not isinstance(pairs, list):
        raise records.CorruptRecordError("not a list of problems")
    found = []
    for pair in pairs:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or type(pair[0]) is not int
            or not 0 < pair[0] < 2**31
            or not isinstance(pair[1], str)
        ):
            raise records.CorruptRecordError("not a [line, message] pair")
        found.append(Problem(Path(rel), pair[0], safe_text(pair[1])))
    return found
