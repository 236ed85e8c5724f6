"""Safe slugs for new items: lowercase ASCII, digits and hyphens, never a path."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_LENGTH = 80
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def slugify(text: str) -> str:
    """Return a slug made of `text`: å, ä -> a, ö -> o, é -> e; anything else -> hyphen.

    The result is at most `MAX_LENGTH` characters and never empty ("item").
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:MAX_LENGTH].rstrip("-")
    return slug or "item"


def is_valid(slug: str) -> bool:
    """Return True if `slug` is a well-formed slug (so it can never be a path)."""
    return len(slug) <= MAX_LENGTH and bool(_SLUG.match(slug))


def unique(slug: str, taken: Container[str]) -> str:
    """Return `slug`, or `slug-2`, `slug-3`, ... whichever is not in `taken`."""
    if slug not in taken:
        return slug
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = slug[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1
