"""Load a library folder into articles, events and the problems of broken files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bftui.core import fileio
from bftui.core.items.model import Article, Event, Item
from bftui.core.library import frontmatter, tomlpos
from bftui.core.library.folders import (
    CONFIG_NAME,
    EVENTS_DIR,
    article_paths,
    event_paths,
)
from bftui.core.library.reading import MAX_FILE_BYTES, read_text, relative_to_root
from bftui.core.library.reading import load_article as load_article
from bftui.core.library.reading import load_event as load_event
from bftui.core.problems import Problem
from bftui.core.sorting import swedish_key
from bftui.core.text import safe_text
from bftui.i18n import t

ItemT = TypeVar("ItemT", Article, Event)
T = TypeVar("T")


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
        try:
            resolved = fileio.resolve(path)
        except OSError:
            return None  # A loop of links: no item, whatever the link says.
        items: list[Item] = [*self.articles, *self.events]
        # Loaded paths sit under the resolved root, so a plain comparison finds
        # nearly every item; only links inside the library need resolving.
        found = next((i for i in items if i.path == resolved), None)
        if found is not None or not resolved.is_file():
            return found
        return next(
            (i for i in items if i.path.is_symlink() and _resolved(i.path) == resolved),
            None,
        )

    def articles_for_event(self, slug: str) -> list[Article]:
        """Return the articles that name event `slug`, newest first."""
        return sort_items([a for a in self.articles if a.event == slug])

    def items(self) -> list[Item]:
        """Return the articles and then the events."""
        return [*self.articles, *self.events]


def _resolved(path: Path) -> Path | None:
    try:
        return fileio.resolve(path)
    except OSError:
        return None


def sort_items(items: list[ItemT]) -> list[ItemT]:
    """Return `items` newest first, and by Swedish title order within a year."""
    by_title = sorted(items, key=lambda item: (swedish_key(item.title), item.slug))
    return sorted(by_title, key=lambda item: item.date.year, reverse=True)


def load(root: Path) -> Library:
    """Load every article and event under `root`; broken files become problems."""
    root = root.resolve()
    library = Library(root=root)
    problems = library.problems
    library.title = _library_title(root, problems)
    for path in article_paths(root):
        result = load_article(path, root)
        _collect(result, library.articles, problems)
    for path in event_paths(root):
        _collect(load_event(path, root), library.events, problems)
    return finish(library)


def load_item(path: Path, root: Path) -> Item | list[Problem]:
    """Read the one article or event in `path` of library `root`, or its problems.

    An event is a file in the library's own `events/` folder, as `load` reads
    them; any other file is read as an article.
    """
    root = root.resolve()
    if path.parent == root / EVENTS_DIR:
        return load_event(path, root)
    return load_article(path, root)


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
        text = fileio.read_text(article.path, MAX_FILE_BYTES)
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
    text = fileio.read_text(article.path, MAX_FILE_BYTES)
    body = frontmatter.split(text).body
    return body if raw else safe_text(body)
