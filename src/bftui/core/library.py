"""Load a library folder into articles, events and the problems of broken files."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any, TypeVar

from bftui.core import frontmatter, schema
from bftui.core.model import (
    Article,
    Event,
    Interviewee,
    Item,
    Link,
    Problem,
    ProgrammeItem,
)
from bftui.core.slugs import is_valid
from bftui.core.sorting import swedish_key
from bftui.core.text import safe_text
from bftui.i18n import t

CONFIG_NAME = "bftui.toml"
EVENTS_DIR = "events"
SKIPPED_DIRS = frozenset({EVENTS_DIR, "media"})
MAX_FILE_BYTES = 50 * 1024 * 1024
"""Files larger than this are reported, not read."""

ItemT = TypeVar("ItemT", Article, Event)
T = TypeVar("T")

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


class NotALibraryError(ValueError):
    """The path does not exist, is no folder, or holds nothing bftui can read."""


@dataclass(slots=True)
class Library:
    """Everything loaded from one library folder."""

    root: Path
    title: str = ""
    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def article(self, slug: str) -> Article | None:
        """Return the article called `slug`, if there is one."""
        return next((a for a in self.articles if a.slug == slug), None)

    def event(self, slug: str) -> Event | None:
        """Return the event called `slug`, if there is one."""
        return next((e for e in self.events if e.slug == slug), None)

    def item_at(self, path: Path) -> Item | None:
        """Return the item stored in `path`, if any."""
        resolved = path.resolve()
        items: list[Item] = [*self.articles, *self.events]
        return next((i for i in items if i.path.resolve() == resolved), None)

    def articles_for_event(self, slug: str) -> list[Article]:
        """Return the articles that name event `slug`, newest first."""
        return sort_items([a for a in self.articles if a.event == slug])

    def items(self) -> list[Item]:
        """Return the articles and then the events."""
        return [*self.articles, *self.events]


def sort_items(items: list[ItemT]) -> list[ItemT]:
    """Return `items` newest first, and by Swedish title order within a year."""
    by_title = sorted(items, key=lambda item: swedish_key(item.title))
    return sorted(by_title, key=lambda item: item.date.year, reverse=True)


def by_year(items: list[ItemT]) -> Iterator[tuple[int, list[ItemT]]]:
    """Yield `(year, items)` groups of already sorted `items`, newest year first."""
    for year, group in groupby(items, key=lambda item: item.date.year):
        yield year, list(group)


def check_root(root: Path) -> None:
    """Make sure `root` is a library folder.

    Raises:
        NotALibraryError: with a message in the UI language.
    """
    if not root.exists():
        raise NotALibraryError(t("library.missing", path=root))
    if not root.is_dir():
        raise NotALibraryError(t("library.not_folder", path=root))
    if (root / CONFIG_NAME).is_file() or (root / EVENTS_DIR).is_dir():
        return
    if next(_article_paths(root), None) is None:
        raise NotALibraryError(t("library.empty", path=root))


def load(root: Path) -> Library:
    """Load every article and event under `root`; broken files become problems."""
    root = root.resolve()
    library = Library(root=root)
    problems = library.problems
    library.title = _library_title(root, problems)
    for path in _article_paths(root):
        result = load_article(path, root)
        _collect(result, library.articles, problems)
    events_dir = root / EVENTS_DIR
    if events_dir.is_dir():
        for path in sorted(events_dir.glob("*.toml")):
            _collect(load_event(path, root), library.events, problems)
    _check_references(library)
    library.articles = sort_items(_unique(library.articles, root, problems))
    library.events = sort_items(_unique(library.events, root, problems))
    return library


def _collect(
    result: T | list[Problem], items: list[T], problems: list[Problem]
) -> None:
    if isinstance(result, list):
        problems.extend(result)
    else:
        items.append(result)


def _article_paths(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        at_root = folder == str(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (at_root and d in SKIPPED_DIRS)
        )
        for name in sorted(files):
            if name.endswith(".md") and name.lower() != "readme.md":
                yield Path(folder, name)


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _read_text(path: Path, root: Path) -> str | list[Problem]:
    relative = _relative(path, root)
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            return [Problem(relative, 1, t("problem.symlink_outside"))]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = MAX_FILE_BYTES // 2**20
            return [
                Problem(relative, 1, t("problem.too_large", size=size >> 20, limit=mb))
            ]
        data = path.read_bytes()
    except OSError as error:
        return [
            Problem(relative, 1, t("problem.unreadable", error=error.strerror or error))
        ]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return [Problem(relative, line, t("problem.not_utf8", offset=error.start))]


def _parse_toml(text: str, relative: Path, first_line: int) -> dict[str, Any] | Problem:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_LINE.search(message)
        line = int(match.group(1)) if match else 1
        reason = safe_text(_TOML_LINE.sub("", message).strip())
        return Problem(
            relative, first_line + line - 1, t("problem.bad_toml", error=reason)
        )


def _key_line(text: str, key: str, first_line: int) -> int:
    """Return the file line where dotted `key` is written in TOML `text`."""
    *tables, name = key.split(".")
    offset = 0
    for table in tables:
        header = re.search(rf"^\s*\[\s*{re.escape(table)}\s*\]", text[offset:], re.M)
        inline = re.search(rf"^\s*{re.escape(table)}\s*=", text[offset:], re.M)
        found = header or inline
        if found is None:
            break
        offset += found.start()
    match = re.search(rf"^\s*{re.escape(name)}\s*=", text[offset:], re.M)
    position = offset + match.start() if match else offset
    lines_before = text.count("\n", 0, position)
    if match:
        lines_before += len(match.group(0)) - len(match.group(0).lstrip("\n"))
    return first_line + lines_before


def _field_problems(
    errors: list[schema.FieldError], text: str, relative: Path, first_line: int
) -> list[Problem]:
    return [
        Problem(
            relative,
            _key_line(text, error.key, first_line),
            t("problem.field", field=error.key, error=error.message),
        )
        for error in errors
    ]


def _clean(value: Any) -> Any:
    """Return `value` with every string in it made harmless (`safe_text`)."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _slug_problem(path: Path, relative: Path) -> list[Problem]:
    return [] if is_valid(path.stem) else [Problem(relative, 1, t("problem.bad_slug"))]


def load_article(path: Path, root: Path) -> Article | list[Problem]:
    """Read one article file, or say what is wrong with it."""
    relative = _relative(path, root)
    text = _read_text(path, root)
    if isinstance(text, list):
        return text
    try:
        parts = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        return [Problem(relative, error.line, t(error.key))]
    first_line = text.count("\n", 0, parts.front_start) + 1
    data = _parse_toml(parts.front, relative, first_line)
    if isinstance(data, Problem):
        return [data]
    errors = schema.check_article(data)
    problems = _field_problems(errors, parts.front, relative, first_line)
    problems += _slug_problem(path, relative)
    if problems:
        return problems
    data = _clean(data)
    known = {spec.key.partition(".")[0] for spec in schema.ARTICLE_FIELDS}
    person = data.get("interviewee")
    return Article(
        slug=path.stem,
        path=path,
        title=data["title"],
        kind=data["kind"],
        published=data["published"],
        lead=data.get("lead", ""),
        tags=tuple(data.get("tags", ())),
        event=data.get("event", ""),
        source=data.get("source", ""),
        links=tuple(
            Link(x.get("title", x["url"]), x["url"]) for x in data.get("links", ())
        ),
        interviewee=Interviewee(
            name=person["name"],
            role=person.get("role", ""),
            organisation=person.get("organisation", ""),
            consent=person.get("consent"),
        )
        if person
        else None,
        body_line=parts.body_line,
        extra={k: v for k, v in data.items() if k not in known},
    )


def load_event(path: Path, root: Path) -> Event | list[Problem]:
    """Read one event file, or say what is wrong with it."""
    relative = _relative(path, root)
    text = _read_text(path, root)
    if isinstance(text, list):
        return text
    data = _parse_toml(text, relative, 1)
    if isinstance(data, Problem):
        return [data]
    problems = _field_problems(schema.check_event(data), text, relative, 1)
    problems += _slug_problem(path, relative)
    if problems:
        return problems
    data = _clean(data)
    known = {spec.key for spec in schema.EVENT_FIELDS}
    start = data.get("start")
    return Event(
        slug=path.stem,
        path=path,
        title=data["title"],
        kind=data.get("kind", "other"),
        year=data.get("year") or _date_of(start).year,
        start=start,
        end=data.get("end"),
        city=data.get("city", ""),
        venue=data.get("venue", ""),
        organiser=data.get("organiser", ""),
        partners=tuple(data.get("partners", ())),
        participants=data.get("participants"),
        participants_note=data.get("participants_note", ""),
        url=data.get("url", ""),
        summary=data.get("summary", ""),
        programme=tuple(
            ProgrammeItem(
                title=row["title"],
                day=row.get("day"),
                time=row.get("time", ""),
                description=row.get("description", ""),
            )
            for row in data.get("programme", ())
        ),
        extra={k: v for k, v in data.items() if k not in known},
    )


def _date_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _unique(items: list[ItemT], root: Path, problems: list[Problem]) -> list[ItemT]:
    seen: dict[str, ItemT] = {}
    for item in items:
        other = seen.get(item.slug)
        if other is None:
            seen[item.slug] = item
            continue
        message = t(
            "problem.duplicate_slug", slug=item.slug, other=_relative(other.path, root)
        )
        problems.append(Problem(_relative(item.path, root), 1, message))
    return list(seen.values())


def _check_references(library: Library) -> None:
    known = {event.slug for event in library.events}
    for article in library.articles:
        if article.event and article.event not in known:
            text = article.path.read_text(encoding="utf-8", errors="replace")
            line = _key_line(text, "event", 1)
            message = t("problem.unknown_event", slug=article.event)
            library.problems.append(
                Problem(_relative(article.path, library.root), line, message)
            )


def _library_title(root: Path, problems: list[Problem]) -> str:
    config = root / CONFIG_NAME
    if not config.is_file():
        return root.name
    text = _read_text(config, root)
    if isinstance(text, list):
        problems.extend(text)
        return root.name
    data = _parse_toml(text, Path(CONFIG_NAME), 1)
    if isinstance(data, Problem):
        problems.append(data)
        return root.name
    title = data.get("title")
    return safe_text(title) if isinstance(title, str) else root.name


def read_body(article: Article, *, raw: bool = False) -> str:
    """Return the Markdown body of `article`, made harmless unless `raw`.

    Raises:
        OSError: when the file cannot be read.
        ValueError: when it is no longer valid UTF-8 or has lost its front matter.
    """
    text = article.path.read_bytes().decode("utf-8")
    body = frontmatter.split(text).body
    return body if raw else safe_text(body)
