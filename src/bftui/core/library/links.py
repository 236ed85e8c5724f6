"""Decide where a link in a document leads, through an allow-list.

Library links (relative paths to articles and events) navigate inside the
app; http(s) and mailto links are shown and can be copied; anything else is
refused. Nothing is ever opened on the machine running bftui.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from bftui.core.items.model import Item
from bftui.core.library.loading import Library

EXTERNAL_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where a link leads."""

    kind: Literal["item", "external", "refused"]
    href: str
    """The link as written."""
    item: Item | None = None
    """The library item, for `kind == "item"`."""


def resolve_link(href: str, source: Path | None, library: Library) -> LinkTarget:
    """Return where `href`, found in the item stored at `source`, leads.

    Relative paths are taken from the folder of `source` (the library root
    when None) and must stay inside the library and name one of its items.
    """
    try:
        parts = urlsplit(href)
    except ValueError:
        return LinkTarget("refused", href)  # e.g. "http://[x": not an address
    scheme = parts.scheme.lower()
    if scheme in EXTERNAL_SCHEMES:
        return LinkTarget("external", href)
    if scheme or parts.netloc or not parts.path:
        return LinkTarget("refused", href)
    base = source.parent if source else library.root
    relative = posixpath.normpath(
        posixpath.join(base.relative_to(library.root).as_posix(), unquote(parts.path))
    )
    if relative.startswith("../") or relative == ".." or posixpath.isabs(relative):
        return LinkTarget("refused", href)
    item = library.item_at(library.root / relative)
    return LinkTarget("item", href, item) if item else LinkTarget("refused", href)
