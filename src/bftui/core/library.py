"""Load a library folder into articles, events and the problems of broken files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import TypeVar

from bftui.core import frontmatter, tomlpos
from bftui.core.model import Article, Event, Item, Problem
from bftui.core.reading import load_article as load_article
from bftui.core.reading import load_event as load_event
from bftui.core.reading import read_text, relative_to_root
from bftui.core.sorting import swedish_key
from bftui.core.text import safe_text
from bftui.i18n import t

CONFIG_NAME = "bftui.toml"
EVENTS_DIR = "events"
SKIPPED_DIRS = frozenset({EVENTS_DIR, "media"})

ItemT = TypeVar("ItemT", Article, Event)
T = TypeVar("T")


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
        # Loaded paths sit under the resolved root, so a plain comparison finds
        # nearly every item; only links inside the library need resolving.
        found = next((i for i in items if i.path == resolved), None)
        if found is not None or not resolved.is_file():
            return found
        return next(
            (i for i in items if i.path.is_symlink() and i.path.resolve() == resolved),
            None,
        )

    def articles_for_event(self, slug: str) -> list[Article]:
        """Return the articles that name event `slug`, newest first."""
        return sort_items([a for a in self.articles if a.event == slug])

    def items(self) -> list[Item]:
        """Return the articles and then the events."""
        return [*self.articles, *self.events]


def sort_items(items: list[ItemT]) -> list[ItemT]:
    """Return `items` newest first, and by Swedish title order within a year."""
    by_title = sorted(items, key=lambda item: (swedish_key(item.title), item.slug))
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
    return finish(library)


def finish(library: Library) -> Library:
    """Sort freshly read items and add the problems between files (slugs, events).

    `load` ends here, and so does the search index's warm start
    (`Index.library`), so that both agree on what the library holds.
    """
    root, problems = library.root, library.problems
    if not root.is_dir():
        # Deleted or unmounted while bftui runs: say so, not just show nothing.
        problems.append(Problem(Path("."), 1, t("library.missing", path=root)))
    library.articles = sort_items(_unique(library.articles, root, problems))
    library.events = sort_items(_unique(library.events, root, problems))
    _check_references(library)
    # By file and line, like a compiler: stable output for `check` and diffs.
    problems.sort(key=lambda problem: (problem.path.as_posix(), problem.line))
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
        for name in dirs:
            linked = Path(folder, name)
            if linked.is_symlink() and not linked.resolve().is_relative_to(root):
                # Not walked; yielded so that it is reported as a link leading out.
                yield linked
        for name in sorted(files):
            # Hidden files are editor locks and backups (.#x.md, ._x.md), not articles.
            if (
                name.endswith(".md")
                and not name.startswith(".")
                and name.lower() != "readme.md"
            ):
                yield Path(folder, name)


def _unique(items: list[ItemT], root: Path, problems: list[Problem]) -> list[ItemT]:
    seen: dict[str, ItemT] = {}
    for item in items:
        other = seen.get(item.slug)
        if other is None:
            seen[item.slug] = item
            continue
        message = t(
            "problem.duplicate_slug",
            slug=item.slug,
            other=relative_to_root(other.path, root),
        )
        problems.append(Problem(relative_to_root(item.path, root), 1, message))
    return list(seen.values())


def _check_references(library: Library) -> None:
    known = {event.slug for event in library.events}
    for article in library.articles:
        if article.event and article.event not in known:
            line = _event_line(article)
            message = t("problem.unknown_event", slug=article.event)
            library.problems.append(
                Problem(relative_to_root(article.path, library.root), line, message)
            )


def _event_line(article: Article) -> int:
    """Return the file line of the `event` key of `article` (1 if unreadable)."""
    try:
        text = article.path.read_bytes().decode("utf-8")
        front = frontmatter.split(text)
    except (OSError, ValueError):
        return 1
    first_line = text.count("\n", 0, front.front_start) + 1
    return tomlpos.key_line(front.front, "event", first_line, 1)


def _library_title(root: Path, problems: list[Problem]) -> str:
    config = root / CONFIG_NAME
    if not config.is_file():
        return root.name
    text = read_text(config, root)
    if isinstance(text, list):
        problems.extend(text)
        return root.name
    data = tomlpos.parse(text, Path(CONFIG_NAME), 1)
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
