"""The text the reader shows before an item is chosen."""

from __future__ import annotations

from bftui.core.library.compose import escape
from bftui.core.library.loading import Library
from bftui.i18n import t, tn


def welcome_markdown(library: Library) -> str:
    """Return a short overview of `library` and how to start reading."""
    parts = [
        f"# {escape(library.title)}",
        t(
            "welcome.counts",
            articles=tn("count.articles", len(library.articles)),
            events=tn("count.events", len(library.events)),
        ),
        t("welcome.keys"),
    ]
    if library.problems:
        parts.append(tn("welcome.problems", len(library.problems)))
    return "\n\n".join(parts) + "\n"
