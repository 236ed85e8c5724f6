"""An older version of an item, composed for reading as the reader shows items."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bftui.core.items.model import Article, Event
from bftui.core.library.compose import compose
from bftui.core.library.loading import Library, load_article, load_event
from bftui.core.problems import Problem
from bftui.core.store.merge import kind_for_path


def compose_version(text: str, path: str, library: Library) -> str:
    """Return the composed Markdown of `text`, a version of item file `path`.

    `path` is library-relative; related items (the event of an article, an
    event's articles) come from `library` as it is now.

    Raises:
        ValueError: when the version does not read as an item (the message
            says why, with the line).
    """
    with tempfile.TemporaryDirectory(prefix="bftui-version-") as folder:
        root = Path(folder)
        copy = root / path
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(text, encoding="utf-8")
        item: Article | Event | list[Problem]
        if kind_for_path(path) == "event":
            item = load_event(copy, root)
        else:
            item = load_article(copy, root)
        if isinstance(item, list):
            raise ValueError("; ".join(f"{p.line}: {p.message}" for p in item))
        return compose(item, library)
