"""Build the forms for new and existing items: values, save functions, drafts and locks.

Everything here that touches files runs in thread workers (the callers'):
`open_*` functions read the item and take its lock, and the save functions
they put in a `FormTarget` write through `bftui.core.store.storage`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bftui.core.items import formvalues, qa_edit
from bftui.core.items.model import ARTICLE_KINDS, EVENT_KINDS, Article, Event, Item
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter, toml_rows
from bftui.core.library.loading import Library
from bftui.core.store import drafts, locks, storage
from bftui.core.store.atomic import StorageError
from bftui.core.store.drafts import Draft
from bftui.core.store.snapshots import MergeConflict, Snapshot
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.event_form import EventForm, RowsToRead
from bftui.tui.screens.form import FormScreen, FormTarget
from bftui.tui.screens.form_keeping import Holding
from bftui.tui.screens.qa_form import QAForm

READ_LATER_FROM = 500
"""Events with this many programme rows or more read them on after their form shows."""

FIRST_ROWS = 200
"""The programme rows read before such a form shows."""


def relative(library: Library, path: Path) -> str:
    """Return `path` relative to the library, as the draft keys write it."""
    return path.relative_to(library.root).as_posix()


def event_choices(library: Library) -> list[tuple[str, str]]:
    """Return (slug, title) of the library's events, for the article form."""
    return [(event.slug, event.title) for event in library.events]


def restored(values: Any, start: dict[str, Any]) -> dict[str, Any]:
    """Return draft `values` made to fit a form that starts with `start` (or `start`)."""
    if values is None:
        return start
    return drafts.fitted(
        values,
        start,
        choices={"kind": ("", *EVENT_KINDS) if "programme" in start else ARTICLE_KINDS},
        rows={"programme": formvalues.empty_row()},
    )


def new_event_form(library: Library, values: dict[str, Any] | None = None) -> EventForm:
    """Return the form for a new meeting (with draft `values`, if restoring one)."""
    target = FormTarget(
        library.root,
        "event:new",
        t("form.new_event"),
        lambda data: storage.create_event(library.root, data),
    )
    start = formvalues.event_values(None)
    return EventForm(target, restored(values, start), initial=start)


def new_article_form(
    library: Library, values: dict[str, Any] | None = None
) -> ArticleForm:
    """Return the form for a new article, published today unless restored from a draft."""
    target = FormTarget(
        library.root,
        "article:new",
        t("form.new_article"),
        lambda result: storage.create_article(library.root, *result),
    )
    start = formvalues.article_values(None, "", dt.date.today())
    return ArticleForm(
        target, restored(values, start), events=event_choices(library), initial=start
    )


class Opened:
    """An item read for editing: its snapshot (kept current after saves) and lock."""

    def __init__(self, path: Path, snap: Snapshot) -> None:
        self.path = path
        self.snap = snap
        self.holding = Holding()
        """The lock on the item, shared with the forms opened on it."""

    @classmethod
    def read(cls, path: Path, *, lock: bool = True) -> Opened:
        """Read `path` and take its lock (noting whoever else holds it, or why it cannot be taken)."""
        opened = cls(path, storage.snapshot(path))
        if lock:
            try:
                opened.holding.lock = locks.acquire(path)
            except locks.LockedError as error:
                opened.holding.held_by = error.info
            except StorageError as error:
                opened.holding.unlocked = error.message
        return opened

    def release(self) -> None:
        """Give the lock back."""
        if self.holding.lock is not None:
            locks.release(self.holding.lock)
            self.holding.lock = None

    def extra(self) -> dict[str, Any]:
        """What a draft needs to save or merge later: the file as the form has it now.

        Asked at every autosave, so a draft made after a reload or a save
        holds the text the form's values start from (the merge's base).
        """
        return {"snapshot": asdict(self.snap)}

    def resolve(self, conflict: MergeConflict, resolutions: dict[str, str]) -> Path:
        """Write a merge once its conflicts are settled; keep the snapshot current."""
        self.snap = storage.resolve(conflict, resolutions)
        return self.path


def _values(item: Item, text: str) -> dict[str, Any]:
    if isinstance(item, Event):
        return formvalues.event_values(tomllib.loads(text))
    parts = frontmatter.split(text)
    return formvalues.article_values(
        tomllib.loads(parts.front), parts.body, dt.date.today()
    )


def first_rows(text: str) -> tuple[dict[str, Any], RowsToRead | None]:
    """Return the form values of event `text`; a long programme's first rows only, and the rest.

    A form on 100,000 rows is there at once and reads the rest while the
    editor starts typing (`EventForm`).
    """
    piece = toml_rows.cut(text)
    if piece is not None and len(piece.rows) >= READ_LATER_FROM:
        with contextlib.suppress(tomllib.TOMLDecodeError):
            data = toml_rows.parse_head(piece)
            data["programme"] = toml_rows.parse_rows(piece.rows[:FIRST_ROWS])
            rest = RowsToRead(piece.rows[FIRST_ROWS:], text, len(piece.rows))
            return formvalues.event_values(data), rest
    return formvalues.event_values(tomllib.loads(text)), None


def edit_form(
    library: Library, item: Item, opened: Opened, values: dict[str, Any] | None = None
) -> FormScreen:
    """Return the form for changing `item`, prefilled from the file as read."""
    path, root = opened.path, library.root

    def reload() -> dict[str, Any]:
        opened.snap = storage.snapshot(path)
        return _values(item, opened.snap.text)

    target = FormTarget(
        root,
        f"{'event' if isinstance(item, Event) else 'article'}:{relative(library, path)}",
        t("form.edit", title=item.title),
        save=lambda _: path,
        reload=reload,
        resolve=opened.resolve,
        holding=opened.holding,
        extra=opened.extra,
    )
    if isinstance(item, Event):
        target.save = lambda data: _saved(
            path, storage.update_event(path, data, opened.snap, root=root), opened
        )
        target.save_as_new = lambda data: storage.create_event(root, data)
        if values is None:  # A long programme is read on in the form.
            start, rest = first_rows(opened.snap.text)
            return EventForm(target, start, rows_to_read=rest)
        start = _values(item, opened.snap.text)
        return EventForm(target, restored(values, start), initial=start)
    start = _values(item, opened.snap.text)
    target.save = lambda result: _saved(  # result: (front matter, body)
        path,
        storage.update_article(path, result[0], result[1], opened.snap, root=root),
        opened,
    )
    target.save_as_new = lambda result: storage.create_article(root, *result)
    return ArticleForm(
        target, restored(values, start), events=event_choices(library), initial=start
    )


def _saved(path: Path, snap: Snapshot, opened: Opened) -> Path:
    opened.snap = snap
    return path


def entry_form(
    library: Library,
    article: Article,
    opened: Opened,
    index: int | None,
    *,
    after: int | None = None,
    values: dict[str, Any] | None = None,
) -> QAForm:
    """Return the form for entry `index` of `article`, or for a new one after `after`."""
    path, root = opened.path, library.root
    body = frontmatter.split(opened.snap.text).body
    if index is None:
        start = {"question": "", "answer": ""}
        where = "end" if after is None else str(after)
        key, title = f"qa:{relative(library, path)}:new:{where}", "form.new_entry"

        def change(result: tuple[str, str]) -> Any:
            return lambda text: qa_edit.add_entry(text, *result, after=after)

    else:
        entry = find_entries(safe_text(body))[index]
        start = {"question": entry.question, "answer": entry.answer}
        key, title = f"qa:{relative(library, path)}:{index}", "form.edit_entry"

        def change(result: tuple[str, str]) -> Any:
            return lambda text: qa_edit.edit_entry(text, index, *result)

    def save(result: tuple[str, str]) -> Path:
        snap = storage.update_body(path, change(result), opened.snap, root=root)
        return _saved(path, snap, opened)

    target = FormTarget(
        root,
        key,
        t(title, title=article.title),
        save,
        resolve=opened.resolve,
        holding=opened.holding,
        extra=opened.extra,
    )
    return QAForm(target, restored(values, start), initial=start)


def draft_snapshot(draft: Draft) -> Snapshot | None:
    """Return the file version an edit draft was made against, if it says."""
    snap = draft.fields.get("snapshot")
    if not isinstance(snap, dict):
        return None
    try:
        return Snapshot(**snap)
    except TypeError:
        return None
