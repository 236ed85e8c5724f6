"""Pages imported before: find them in the library and refresh them in place.

An imported page is recognised by its source address (scheme, `www.`, a
trailing slash and the fragment aside) or, when neither side has one, by
its title and publication date. Each import also keeps the proposal it wrote
in `.imported/SLUG.md` (a hidden folder the library loader skips), so a
later `--update` can merge three ways: the page's changes come in, the
editors' changes since the import stay, and where both changed a unit the
editor's version is kept and the conflict reported.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bftui.core.items import schema
from bftui.core.items.model import Article
from bftui.core.library import frontmatter
from bftui.core.store.atomic import atomic_write, storage_error
from bftui.core.store.merge import Conflict, merge_item
from bftui.core.store.storage import ValidationError, article_text

BASES = ".imported"
"""The library's folder of the proposals its imports wrote."""


@dataclass(frozen=True, slots=True)
class Updated:
    """What `update` wrote."""

    path: Path
    conflicts: tuple[Conflict, ...]
    """Units both the page and an editor changed; the editor's version was kept."""
    had_base: bool
    """False when no earlier proposal was kept: every field an editor set stayed."""


def address_key(url: str) -> str:
    """Return `url` in the form two addresses of the same page share."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split()).strip(" .!?")


class Known:
    """The library's articles by source address and by title and date."""

    def __init__(self, articles: list[Article]) -> None:
        self._by_source: dict[str, str] = {}
        self._by_title: dict[tuple[str, str], str] = {}
        self._titles: dict[str, list[str]] = {}
        for article in articles:
            self.add(article.slug, article.source, article.title, article.published)

    def add(self, slug: str, source: str, title: str, published: Any) -> None:
        """Remember an article (one just imported, too)."""
        if source:
            self._by_source.setdefault(address_key(source), slug)
        self._by_title.setdefault((_title_key(title), str(published)), slug)
        self._titles.setdefault(_title_key(title), []).append(slug)

    def find(self, front: dict[str, Any]) -> str | None:
        """Return the slug of the article `front` (a proposal's front matter) was, if any."""
        source = front.get("source", "")
        if source and address_key(source) in self._by_source:
            return self._by_source[address_key(source)]
        if "title" in front.get("needs_review", ()):
            return None  # a made-up title says nothing about which article it is
        if "published" in front.get("needs_review", ()):
            # A stand-in date says nothing: one article of that title is the one.
            same = self._titles.get(_title_key(front["title"]), [])
            return same[0] if len(same) == 1 else None
        key = (_title_key(front["title"]), str(front["published"]))
        return self._by_title.get(key)


def base_path(root: Path, slug: str) -> Path:
    """Return where the proposal of the import that wrote `slug` is kept."""
    return root / BASES / f"{slug}.md"


def keep_base(root: Path, slug: str, text: str) -> None:
    """Keep the proposal `text` an import wrote as article `slug`.

    Raises:
        StorageError: when the folder or file cannot be written.
    """
    path = base_path(root, slug)
    try:
        path.parent.mkdir(exist_ok=True)
    except OSError as error:
        raise storage_error(path.parent, error) from error
    atomic_write(path, text)


def _front(text: str) -> tuple[dict[str, Any], str]:
    parts = frontmatter.split(text)
    return tomllib.loads(parts.front), parts.body


def _field_rule_base(ours: str, theirs: str) -> str:
    """Make a base that keeps every field an editor has and the editor's body.

    Without the earlier proposal nobody knows what an editor changed, so a
    field the article has is kept as it is, unless it was marked as guessed
    (`needs_review`): then the page's value comes in. Fields the article
    lacks come from the page.
    """
    our_front, _ = _front(ours)
    their_front, their_body = _front(theirs)
    guessed = set(our_front.get("needs_review", ())) | {"needs_review"}
    base: dict[str, Any] = {}
    for key, value in our_front.items():
        if key in guessed:
            base[key] = value
        elif key in their_front:
            base[key] = their_front[key]
    return article_text(base, their_body) if base.get("title") else ""


def update(root: Path, article: Article, proposal_text: str) -> Updated:
    """Refresh `article` with the new proposal, keeping what editors did since.

    Raises:
        StorageError: when the file cannot be read or written.
        ValidationError: when the merged article would break the schema.
    """
    try:
        ours = article.path.read_text(encoding="utf-8")
    except OSError as error:
        raise storage_error(article.path, error) from error
    kept = base_path(root, article.slug)
    base = kept.read_text(encoding="utf-8") if kept.is_file() else ""
    had_base = bool(base)
    if not had_base:
        base = _field_rule_base(ours, proposal_text)
    merged = merge_item(base, ours, proposal_text, "article")
    data, _ = _front(merged.text)
    errors = schema.check_article(data)
    if errors:
        raise ValidationError(errors)
    if merged.text != ours:
        atomic_write(article.path, merged.text)
    keep_base(root, article.slug, proposal_text)
    return Updated(article.path, merged.conflicts, had_base)
