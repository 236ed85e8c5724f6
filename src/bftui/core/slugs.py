"""Safe slugs for new items: lowercase ASCII, digits and hyphens, never a path."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_LENGTH = 80
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def _transliterate(text: str) -> str:
    """Spell the letters and digits of `text` that are not ASCII in ASCII.

    Latin letters get their usual spellings (ß -> ss, œ -> oe, ø -> o, þ -> th),
    other scripts a readable one (Москва -> moskva, 住房 -> zhu fang);
    symbols and emoji become separators.
    """
    from anyascii import anyascii  # Only titles beyond plain accents need it.

    spelt = []
    for char in text:
        if char.isascii():
            spelt.append(char)
        elif unicodedata.category(char)[0] in "LN":
            ascii_char = anyascii(char).replace("'", "")
            # Syllabic scripts (Chinese, Japanese) give one capitalised syllable each.
            spaced = ascii_char[:1].isupper() and unicodedata.category(char) == "Lo"
            spelt.append(f" {ascii_char} " if spaced else ascii_char)
        else:
            spelt.append(" ")
    return "".join(spelt).lower()


def slugify(text: str) -> str:
    """Return a slug made of `text`: å, ä -> a, ö -> o, é -> e; anything else -> hyphen.

    Letters of other alphabets and scripts are transliterated. The result is
    at most `MAX_LENGTH` characters and never empty ("item").
    """
    folded = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    if not ascii_text.isascii():
        ascii_text = _transliterate(unicodedata.normalize("NFC", ascii_text))
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
