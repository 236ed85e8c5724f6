"""What makes a folder a library, and where its articles are.

Kept apart from `bftui.core.library.loading` (which reads the files) so that
starting the app can check its folder without importing the readers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from bftui.core import fileio
from bftui.i18n import t

CONFIG_NAME = "bftui.toml"
EVENTS_DIR = "events"
SKIPPED_DIRS = frozenset({EVENTS_DIR, "media"})


class NotALibraryError(ValueError):
    """The path does not exist, is no folder, or holds nothing bftui can read."""


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
    if next(article_paths(root), None) is None:
        raise NotALibraryError(t("library.empty", path=root))


def item_file(root: Path, slug: str) -> Path | None:
    """Return the file of the article or event called `slug` in `root`, if any.

    `slug` must be a valid slug (never a path); articles are looked for in
    every folder, as the library reads them.
    """
    event = root / EVENTS_DIR / f"{slug}.toml"
    if event.is_file():
        return event
    name = f"{slug}.md"
    return next((path for path in article_paths(root) if path.name == name), None)


def article_paths(root: Path) -> Iterator[Path]:
    """Yield the article files under `root`, in order, and the folders to report.

    Hidden files and folders, `events/`, `media/` and READMEs are not
    articles. A folder that cannot be listed and a linked folder leading out
    of `root` are yielded too, so that reading them reports them as problems
    (`bftui.core.library.reading.read_text`) instead of their articles
    silently missing.
    """
    failed: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=failed.append):
        yield from _unlisted(failed)
        at_root = folder == str(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (at_root and d in SKIPPED_DIRS)
        )
        for name in dirs:
            linked = Path(folder, name)
            if linked.is_symlink() and not _leads_into(linked, root):
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
    yield from _unlisted(failed)


def event_paths(root: Path) -> Iterator[Path]:
    """Yield the event files of `root` in order, or `events/` if it cannot be listed."""
    events = root / EVENTS_DIR
    try:
        names = sorted(
            entry.name for entry in os.scandir(events) if entry.name.endswith(".toml")
        )
    except FileNotFoundError:
        return
    except OSError:
        if events.is_dir():
            yield events  # Reported by reading it, not silently empty.
        return
    for name in names:
        yield events / name


def _unlisted(failed: list[OSError]) -> Iterator[Path]:
    while failed:
        error = failed.pop(0)
        # A folder removed meanwhile holds no articles to miss.
        gone = isinstance(error, FileNotFoundError | NotADirectoryError)
        if error.filename is not None and not gone:
            yield Path(error.filename)


def _leads_into(linked: Path, root: Path) -> bool:
    try:
        return fileio.resolve(linked).is_relative_to(root)
    except OSError:
        return False
