"""Create and update items on disk: validated, format-keeping, conflict-refusing, atomic.

Forms take a `Snapshot` of the file when they open; every update re-reads and
hashes the file right before writing and refuses (`ConflictError`) if anyone
changed it meanwhile. Edits go through tomlkit (`tomledit`), are checked with
tomllib, and are written with `atomic_write`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.exceptions

from bftui.core.items import formvalues, schema
from bftui.core.items.schema import FieldError
from bftui.core.library import frontmatter
from bftui.core.library.folders import CONFIG_NAME, EVENTS_DIR, article_paths
from bftui.core.slugs import is_valid, slugify, unique
from bftui.core.store import row_edit, tomledit
from bftui.core.store.atomic import (
    StorageError,
    atomic_write,
    one_save_at_a_time,
    storage_error,
    write_new,
)
from bftui.core.store.changes import Change, announce
from bftui.core.store.merge import Kind, merge_item
from bftui.core.store.snapshots import (
    ConflictError,
    MergeConflict,
    Snapshot,
    current_text,
    digest,
    snapshot,
    text_snapshot,
)
from bftui.i18n import t

__all__ = [
    "ConflictError",
    "Snapshot",
    "StorageError",
    "ValidationError",
    "article_text",
    "atomic_write",
    "create_article",
    "create_event",
    "snapshot",
    "update_article",
    "update_body",
    "update_event",
]

Data = Mapping[str, Any]
_MAX_TRIES = 1000


class ValidationError(ValueError):
    """The data breaks the schema; `errors` says which field and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.key}: {e.message}" for e in errors))
        self.errors = errors


def _write(path: Path, old: str, new: str, root: Path) -> Snapshot:
    target = path
    if new != old:
        target = atomic_write(path, new, root=root)
        announce(Change(root, path, "saved", before=old, after=new))
    data = new.encode("utf-8")
    try:
        mtime = os.stat(target).st_mtime_ns
    except OSError:
        mtime = 0
    return Snapshot(digest(data), mtime, len(data), new)


def find_root(path: Path) -> Path:
    """Return the library folder holding item file `path`."""
    # The folder of the name, not of a link's target: a link (to a file or to a
    # folder on the way) must not pick its root.
    start = Path(os.path.abspath(path)).parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file() or (folder / EVENTS_DIR).is_dir():
            return folder
    return start


def event_slugs(root: Path) -> set[str]:
    """Return the slugs of the events in library `root`."""
    return {p.stem for p in (root / EVENTS_DIR).glob("*.toml")}


def _order(fields: tuple[schema.FieldSpec, ...]) -> list[str]:
    return [spec.key for spec in fields if "." not in spec.key]


def _ordered(data: Data, fields: tuple[schema.FieldSpec, ...]) -> dict[str, Any]:
    """Return `data` without empty values, keys in schema order, tables last."""
    order = _order(fields)
    keys = sorted(data, key=lambda k: order.index(k) if k in order else len(order))
    kept = {k: tomledit.plain(data[k]) for k in keys if not tomledit.is_empty(data[k])}

    def is_table(value: Any) -> bool:
        return isinstance(value, Mapping) or tomledit.is_rows(value)

    return dict(sorted(kept.items(), key=lambda item: is_table(item[1])))


def _render(path: Path, doc: Any, original: str, should_be: Data) -> str:
    try:
        return tomledit.render(doc, original, should_be)
    except tomledit.VerifyError as error:
        raise StorageError(path, t("storage.verify_failed", error=error)) from error


def _toml(path: Path, data: dict[str, Any], order: list[str]) -> str:
    doc = tomlkit.document()
    tomledit.apply(doc, data, order)
    return _render(path, doc, "", data)


def _create(
    root: Path, folder: Path, slug: str, taken: set[str], suffix: str, text: str
) -> Path:
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise storage_error(folder, error) from error
    for _ in range(_MAX_TRIES):
        name = unique(slug, taken)
        path = folder / f"{name}{suffix}"
        try:
            write_new(path, text, root=root)
        except FileExistsError:
            taken.add(name)
            continue
        announce(Change(root, path, "created", after=text))
        return path
    raise StorageError(folder / slug, t("storage.no_free_name"))


def _slug(wanted: str | None, made_from: str) -> str:
    if wanted is None:
        return slugify(made_from)
    if not is_valid(wanted):
        raise ValidationError([FieldError("slug", t("storage.bad_slug"))])
    return wanted


def create_event(root: Path, data: Data, *, slug: str | None = None) -> Path:
    """Write a new event `events/<slug>.toml` and return its path.

    The slug is made from the year and title unless `slug` is given; a clash
    gets `-2`, `-3`, ...

    Raises:
        ValidationError: when `data` breaks the event schema.
        StorageError: when the file cannot be written.
    """
    clean = _ordered(data, schema.EVENT_FIELDS)
    _check_event(clean)
    start = clean.get("start")
    year = clean.get("year") or getattr(start, "year", "")
    name = _slug(slug, f"{year} {clean['title']}")
    text = _toml(root / EVENTS_DIR, clean, _order(schema.EVENT_FIELDS))
    return _create(root, root / EVENTS_DIR, name, event_slugs(root), ".toml", text)


def _new_body(body: str) -> str:
    return "\n" + body.strip("\n") + "\n" if body.strip() else ""


def article_text(data: Data, body: str, root: Path = Path()) -> str:
    """Return the file text `create_article` writes for `data` and `body`, unchecked.

    Raises:
        StorageError: when the front matter cannot be written as TOML.
    """
    clean = _ordered(data, schema.ARTICLE_FIELDS)
    front = _toml(root, clean, _order(schema.ARTICLE_FIELDS))
    return frontmatter.join(front, _new_body(body))


def create_article(
    root: Path, data: Data, body: str, *, slug: str | None = None
) -> Path:
    """Write a new article `<slug>.md` at the top of library `root` and return its path.

    The slug is made from the publication date and title unless `slug` is
    given; a clash with any article of the library gets `-2`, `-3`, ...

    Raises:
        ValidationError: when `data` breaks the article schema or names an
            event the library does not have.
        StorageError: when the file cannot be written.
    """
    clean = _ordered(data, schema.ARTICLE_FIELDS)
    errors = schema.check_article(clean, event_slugs(root))
    if errors:
        raise ValidationError(errors)
    name = _slug(slug, f"{clean['published']} {clean['title']}")
    text = article_text(clean, body, root)
    taken = {p.stem for p in article_paths(root)} if root.is_dir() else set()
    return _create(root, root, name, taken, ".md", text)


def _edit_toml(
    path: Path, text: str, data: Data, order: list[str]
) -> tuple[Any, dict[str, Any]]:
    try:
        original = tomllib.loads(text)
        doc = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.ParseError) as error:
        raise StorageError(path, t("storage.bad_toml", error=error)) from error
    tomledit.apply(doc, data, order)
    return doc, tomledit.expected(original, data)


def edited_event(path: Path, text: str, data: Data) -> str:
    """Return event text `text` with `data` written into it, everything else kept.

    Raises:
        ValidationError: when the result would break the event schema.
        StorageError: when `text` is not TOML.
    """
    order = _order(schema.EVENT_FIELDS)
    try:
        in_pieces = row_edit.edit_in_pieces(text, data, order)
    except tomledit.VerifyError as error:
        raise StorageError(path, t("storage.verify_failed", error=error)) from error
    if in_pieces is not None:  # A long programme: only the pieces that change.
        edited, should_be = in_pieces
        _check_event(should_be)
        return edited
    doc, should_be = _edit_toml(path, text, data, order)
    _check_event(should_be)
    return _render(path, doc, text, should_be)


def _check_event(data: Data) -> None:
    errors = schema.check_event(data)
    if errors:
        raise ValidationError(errors)


def update_event(
    path: Path, data: Data, expected: Snapshot, *, root: Path | None = None
) -> Snapshot:
    """Write `data` into event file `path`, keeping everything else as it is.

    If the file changed since `expected`, the change is merged with the
    other one field by field (see `update_text`). Programme rows given as
    `RowsAsRead` are left as they are in the file, unread.

    Returns:
        The snapshot of the file as written, for the next save.

    Raises:
        MergeConflict: when the other change touched the same field.
        ConflictError: when the file is gone.
        ValidationError: when the result would break the event schema.
        StorageError: when the file cannot be written.
    """
    if isinstance(data.get("programme"), formvalues.RowsAsRead):
        data = {key: value for key, value in data.items() if key != "programme"}
    return update_text(
        path, lambda text: edited_event(path, text, data), expected, "event", root=root
    )


def _split(path: Path, text: str) -> frontmatter.SplitText:
    try:
        return frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        raise StorageError(path, t(error.key)) from error


def _body(old: str, new: str) -> str:
    if tomledit.same(old.lstrip("\r\n"), new.lstrip("\n")):
        return old
    lead = old[: len(old) - len(old.lstrip("\r\n"))] or "\n"
    text = lead + new.strip("\n") + "\n" if new.strip() else ""
    return text.replace("\n", "\r\n") if "\r\n" in old else text


def edited_article(path: Path, text: str, data: Data, body: str, root: Path) -> str:
    """Return article text `text` with front matter `data` and `body` written into it.

    An unchanged body (as a form shows it: made harmless, leading blank lines
    aside) keeps its bytes; so does every front matter key `data` leaves alone.

    Raises:
        ValidationError: when the result would break the article schema.
        StorageError: when `text` is no article.
    """
    parts = _split(path, text)
    order = _order(schema.ARTICLE_FIELDS)
    doc, should_be = _edit_toml(path, parts.front, data, order)
    errors = schema.check_article(should_be, event_slugs(root))
    if errors:
        raise ValidationError(errors)
    front = _render(path, doc, parts.front, should_be)
    return (
        text[: parts.front_start]
        + front
        + text[parts.front_end : parts.body_start]
        + _body(parts.body, body)
    )


def update_article(
    path: Path, data: Data, body: str, expected: Snapshot, *, root: Path | None = None
) -> Snapshot:
    """Write front matter `data` and Markdown `body` into article `path`.

    If the file changed since `expected`, the change is merged with the
    other one field by field and Q&A entry by entry (see `update_text`).

    Raises:
        MergeConflict: when the other change touched the same field or entry.
        ConflictError: when the file is gone.
        ValidationError: when the result would break the article schema.
        StorageError: when the file cannot be written.
    """
    root = root or find_root(path)
    return update_text(
        path,
        lambda text: edited_article(path, text, data, body, root),
        expected,
        "article",
        root=root,
    )


def update_body(
    path: Path,
    change: Callable[[str], str],
    expected: Snapshot,
    *,
    root: Path | None = None,
) -> Snapshot:
    """Replace the body of article `path` with `change(body)`, front matter untouched.

    If the file changed since `expected`, the change is merged with the
    other one Q&A entry by entry (see `update_text`).

    Raises:
        MergeConflict: when the other change touched the same entry.
        ConflictError: when the file is gone.
        StorageError: when the file cannot be written.
    """

    def edit(text: str) -> str:
        parts = _split(path, text)
        return text[: parts.body_start] + change(parts.body)

    return update_text(path, edit, expected, "article", root=root)


def check_text(path: Path, text: str, kind: Kind, root: Path) -> None:
    """Check item text `text` (a merge's result) against the schema of its kind.

    Raises:
        ValidationError: when it breaks the schema.
        StorageError: when it is not an item file at all.
    """
    try:
        if kind == "event":
            errors = schema.check_event(tomllib.loads(text))
        else:
            front = tomllib.loads(_split(path, text).front)
            errors = schema.check_article(front, event_slugs(root))
    except tomllib.TOMLDecodeError as error:
        raise StorageError(path, t("storage.bad_toml", error=error)) from error
    if errors:
        raise ValidationError(errors)


@one_save_at_a_time
def update_text(
    path: Path,
    edit: Callable[[str], str],
    expected: Snapshot,
    kind: Kind,
    *,
    root: Path | None = None,
) -> Snapshot:
    """Write `edit(text)` into item file `path`, which was `expected` when read.

    When the file changed since, `edit` is applied to the text as read and
    merged with the file's text now (`merge_item`): changes to different
    fields and Q&A entries both land, and the result is checked like any save.

    Returns:
        The snapshot of the file as written; `merged` is True if another
        change was merged in.

    Raises:
        MergeConflict: when both changed the same unit; nothing is written.
        ConflictError: when the file is gone.
        ValidationError: when the result would break the schema.
        StorageError: when the file cannot be read or written.
    """
    root = root or find_root(path)
    try:
        current = current_text(path, expected)
    except ConflictError as error:
        if error.theirs is None:
            raise
        current, ours = error.theirs, edit(expected.text)
        merged = merge_item(expected.text, ours, current, kind)
        if not merged.clean:
            raise MergeConflict(
                path, expected.text, ours, current, kind, merged
            ) from None
        check_text(path, merged.text, kind, root)
        written = _write(path, current, merged.text, root)
        return replace(written, merged=True)
    return _write(path, current, edit(current), root)


def resolve(
    conflict: MergeConflict, resolutions: Mapping[str, str], *, root: Path | None = None
) -> Snapshot:
    """Write the merge of `conflict` with its conflicts settled by `resolutions`.

    `resolutions` maps each conflict's key to "ours", "theirs", "base" or a
    text in the conflict's form. The file is expected as the conflict saw
    it; if it changed again, that change is merged in too.

    Raises:
        MergeConflict: when a change made since clashes again.
        ConflictError: when the file is gone.
        ValidationError: when the result would break the schema.
        StorageError: when the file cannot be written.
    """
    path, kind = conflict.path, conflict.kind
    root = root or find_root(path)
    merged = merge_item(
        conflict.base, conflict.ours, conflict.their_text, kind, resolutions
    )
    if not merged.clean:
        keys = ", ".join(c.label for c in merged.conflicts)
        raise StorageError(path, t("storage.unresolved", keys=keys))
    check_text(path, merged.text, kind, root)
    seen = text_snapshot(conflict.their_text)
    return update_text(path, lambda _text: merged.text, seen, kind, root=root)
