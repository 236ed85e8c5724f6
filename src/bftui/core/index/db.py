"""The database file behind the index: where it lives, its tables, opening it safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bftui import __version__
from bftui.core.index import records

SCHEMA_VERSION = "5"
"""Bump whenever the tables or what goes into them change: old caches are rebuilt."""
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, lang TEXT, problems TEXT
) WITHOUT ROWID;
CREATE TABLE items(
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, walk TEXT NOT NULL,
    type TEXT NOT NULL, kind TEXT, year INTEGER, date TEXT, data TEXT NOT NULL
);
CREATE INDEX items_order ON items(type, walk);
CREATE INDEX items_recent ON items(date DESC, walk);
CREATE TABLE docs(id INTEGER PRIMARY KEY, {", ".join(records.COLUMNS)});
CREATE VIRTUAL TABLE fts USING fts5(
    {", ".join(records.COLUMNS)}, content='docs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='2 3'
);
INSERT INTO fts(fts, rank) VALUES('hashsize', 16777216);
CREATE VIRTUAL TABLE heads USING fts5(
    title, people, content='docs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='2 3'
);
CREATE TABLE variants(term TEXT PRIMARY KEY, folded TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX variants_folded ON variants(folded);
"""


def connect(target: str, root: Path) -> sqlite3.Connection:
    """Open `target` (a file or ":memory:"), creating the tables if there are none."""
    connection = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 3000")
    tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    if not tables:
        connection.executescript(f"BEGIN; {_SCHEMA}")
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", SCHEMA_VERSION), ("bftui", __version__), ("root", str(root))],
        )
        connection.execute("COMMIT")
    return connection


def _is_current(connection: sqlite3.Connection, root: Path) -> bool:
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return False
    return meta == {"schema": SCHEMA_VERSION, "bftui": __version__, "root": str(root)}


def _remove(where: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        where.with_name(where.name + suffix).unlink(missing_ok=True)


def connect_anew(
    where: Path | None, root: Path
) -> tuple[sqlite3.Connection, Path | None]:
    """Open an empty index in place of the file `where` (in memory if it cannot be).

    Returns:
        The connection and the file it uses, or None for memory.
    """
    if where is not None:
        try:
            _remove(where)
        except OSError:
            where = None
    connection = connect_file(where, root) if where is not None else None
    if connection is None:
        return connect(":memory:", root), None
    return connection, where


def connect_file(where: Path, root: Path) -> sqlite3.Connection | None:
    """Open the database file, rebuilding it if stale or broken; None if unusable."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    for _attempt in range(2):
        connection = None
        try:
            connection = connect(str(where), root)
            connection.execute("PRAGMA journal_mode = WAL")
            # A cache: a crash may lose the last writes, which the next sync redoes.
            connection.execute("PRAGMA synchronous = OFF")
            if _is_current(connection, root):
                # Writable? A cache that cannot be updated is of no use.
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
                return connection
        except sqlite3.OperationalError:
            if connection is not None:
                connection.close()
            return None  # Read-only, locked for long, or cannot be opened.
        except sqlite3.DatabaseError:
            pass  # Not a database, or corrupt: made anew below.
        if connection is not None:
            connection.close()
        try:
            _remove(where)
        except OSError:
            return None
    return None
