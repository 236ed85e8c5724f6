"""Text of small test files for the core tests (imported by them; no fixtures)."""

from __future__ import annotations

GOOD_ARTICLE = """+++
title = "{title}"
kind = "news"
published = {date}
+++

Text.
"""


def article_text(
    title: str = "Nyhet", date: str = "2021-03-04", extra: str = ""
) -> str:
    """Return a valid news article, with `extra` TOML lines added to its front matter."""
    text = GOOD_ARTICLE.format(title=title, date=date)
    return text.replace("+++\n\n", f"{extra}+++\n\n", 1) if extra else text
