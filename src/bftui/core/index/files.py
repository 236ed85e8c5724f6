"""Find and read the library's files for the index, ahead of the database in a child process."""

from __future__ import annotations

import contextlib
import pickle
import re
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from bftui.core.index import records
from bftui.core.index.filtering import fold
from bftui.core.items.model import Article
from bftui.core.library.folders import EVENTS_DIR, article_paths, event_paths
from bftui.core.library.loading import load_article, load_event, read_body
from bftui.core.problems import Problem
from bftui.i18n import language, set_language, t

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
    row: tuple[str, str, int, str] | None = None
    """The item's type, kind, year and date, as the items table keeps them
    (plain values: they cross from the reading process cheaply)."""
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
    for path in [*article_paths(root), *event_paths(root)]:
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
    kind = records.ARTICLE if isinstance(result, Article) else records.EVENT
    row = (kind, result.kind, result.date.year, result.date.isoformat())
    return Read(rel, size, mtime, [], row, records.encode(result, root), text, indexed)


def read_batches(root: Path, rels: list[str]) -> Iterator[list[Read]]:
    """Yield the files `rels` read, `BATCH` at a time, in order.

    Many files are read ahead by child processes: parsing (Python) then runs
    beside the indexing (SQLite) on the other cores and never holds the GIL
    that the indexing thread and the app's UI thread need. Batches go to the
    readers in turn. If a child cannot start or dies, the files left are
    read here.
    """
    chunks = [rels[start : start + BATCH] for start in range(0, len(rels), BATCH)]
    if len(chunks) <= 1:
        yield from ([read(root, rel) for rel in chunk] for chunk in chunks)
        return
    done = 0
    try:
        with contextlib.ExitStack() as stack:
            count = min(READERS, len(chunks))
            readers = [stack.enter_context(_Reader(root)) for _ in range(count)]
            ahead = AHEAD * count
            for number, chunk in enumerate(chunks[:ahead]):
                readers[number % count].ask(chunk)
            for number in range(len(chunks)):
                reader = readers[number % count]
                batch = reader.answer()
                if number + ahead < len(chunks):
                    reader.ask(chunks[number + ahead])
                done += 1
                yield batch
    except (OSError, EOFError, pickle.UnpicklingError, struct.error):
        for chunk in chunks[done:]:
            yield [read(root, rel) for rel in chunk]


READERS = 2
"""Child processes reading files: parsing takes as long as indexing, so two
readers keep a two-core machine's both cores busy beside the indexing."""
AHEAD = 2
"""Batches each child process reads ahead of the indexing."""
_FRAME = struct.Struct(">I")


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> object:
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        raise EOFError
    (size,) = _FRAME.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    # Pickles only ever come from the child process this module started.
    return pickle.loads(data)


class _Reader:
    """A child process (`serve`) that reads batches of files on request."""

    def __init__(self, root: Path) -> None:
        code = "from bftui.core.index.files import serve; serve()"
        self._process = subprocess.Popen(
            [sys.executable, "-c", code, str(root), language()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *_: object) -> None:
        process = self._process
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def ask(self, rels: list[str]) -> None:
        assert self._process.stdin is not None
        _send(self._process.stdin, rels)

    def answer(self) -> list[Read]:
        assert self._process.stdout is not None
        batch = _receive(self._process.stdout)
        if not isinstance(batch, list):
            raise EOFError
        return batch


def serve() -> None:
    """Run as the reading child: answer each list of paths with those files read."""
    root, lang = Path(sys.argv[1]), sys.argv[2]
    set_language(lang)
    while True:
        try:
            rels = _receive(sys.stdin.buffer)
        except EOFError:
            return
        if not isinstance(rels, list):
            return
        _send(sys.stdout.buffer, [read(root, rel) for rel in rels])
