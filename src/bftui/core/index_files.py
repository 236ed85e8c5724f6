"""Find and read the library's files for the index, ahead of the database in a thread."""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from bftui.core import records
from bftui.core.filtering import fold
from bftui.core.library import (
    EVENTS_DIR,
    _article_paths,
    load_article,
    load_event,
    read_body,
)
from bftui.core.model import Article, Item, Problem
from bftui.i18n import t

BATCH = 200
"""Files read, and written under one hold of the index's lock, at a time."""

_FOREIGN = re.compile(
    "[\u00c0-\u00c3\u00c6-\u00d5\u00d8-\u00e3\u00e6-\u00f5\u00f8-\u024f]"
)
"""Accented letters other than å, ä and ö: text holding one is folded first."""


class Read(NamedTuple):
    """One file read and prepared for storing (in the reading thread)."""

    rel: str
    size: int
    mtime_ns: int
    problems: list[Problem]
    item: Item | None = None
    data: str = ""
    """The item as `records.encode` stores it."""
    text: records.SearchText | None = None
    indexed: tuple[str, ...] = ()
    """`text` as the full-text index takes it (`fts_text`)."""


def fts_text(text: str) -> str:
    """Return `text` as the index stores it: foreign accents folded."""
    return fold(text) if _FOREIGN.search(text) else text


def walk_key(rel: str) -> str:
    """Sort key giving os.walk's order: a folder's files before its subfolders."""
    *folders, name = rel.split("/")
    return "\0".join([*(f"\2{folder}" for folder in folders), f"\1{name}"])


def scan(root: Path) -> dict[str, tuple[int, int]]:
    """Return every article and event file as relative path -> (size, mtime_ns)."""
    found: dict[str, tuple[int, int]] = {}
    prefix = len(str(root)) + 1
    events = root / EVENTS_DIR
    paths_ = list(_article_paths(root))
    if events.is_dir():
        paths_ += sorted(events.glob("*.toml"))
    for path in paths_:
        try:
            info = path.stat()
        except OSError:
            continue  # Gone since the folder was listed.
        found[str(path)[prefix:].replace("\\", "/")] = (info.st_size, info.st_mtime_ns)
    return found


def read(root: Path, rel: str) -> Read:
    """Read one file into an item (and an article's body) or its problems."""
    path = root / rel
    try:
        info = path.stat()
        size, mtime = info.st_size, info.st_mtime_ns
    except OSError:
        size = mtime = -1  # Read again next time, whatever happens now.
    is_event = rel.startswith(f"{EVENTS_DIR}/")
    result = load_event(path, root) if is_event else load_article(path, root)
    if isinstance(result, list):
        return Read(rel, size, mtime, result)
    body = ""
    if isinstance(result, Article):
        try:
            body = read_body(result)
        except (OSError, ValueError) as error:
            message = t("problem.unreadable", error=error)
            return Read(rel, size, mtime, [Problem(Path(rel), 1, message)])
    text = records.search_text(result, body)
    indexed = tuple(fts_text(value) for value in text)
    return Read(
        rel, size, mtime, [], result, records.encode(result, root), text, indexed
    )


def read_batches(root: Path, rels: list[str]) -> Iterator[list[Read]]:
    """Yield the changed files read in batches, reading ahead in a thread.

    Parsing (Python) and indexing (SQLite, which lets go of the GIL) then
    run at the same time on two cores.
    """
    if len(rels) <= BATCH:
        yield [read(root, rel) for rel in rels]
        return
    batches: queue.Queue[list[Read] | BaseException | None] = queue.Queue(2)
    stop = threading.Event()

    def produce() -> None:
        try:
            for start in range(0, len(rels), BATCH):
                if stop.is_set():
                    return
                batches.put([read(root, rel) for rel in rels[start : start + BATCH]])
            batches.put(None)
        except BaseException as error:  # handed to the consumer, never lost
            batches.put(error)

    reader = threading.Thread(target=produce, name="bftui-index-reader", daemon=True)
    reader.start()
    try:
        while (batch := batches.get()) is not None:
            if isinstance(batch, BaseException):
                raise batch
            yield batch
    finally:
        stop.set()
        while reader.is_alive():
            try:
                batches.get_nowait()
            except queue.Empty:
                reader.join(0.05)
