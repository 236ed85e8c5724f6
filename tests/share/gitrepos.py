"""Helpers for the git tests: run git, make libraries, clones and a bare remote."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(folder: Path, *args: str) -> str:
    """Run git in `folder` and return what it printed (a failure fails the test)."""
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True
    )
    return done.stdout


def add_question(library: Path, article: str, question: str, answer: str) -> None:
    """Add a Q&A entry at the end of `article`, as the app's Q&A form does."""
    from bftui.core.items import qa_edit
    from bftui.core.store import storage

    path = library / article
    storage.update_body(
        path,
        lambda body: qa_edit.add_entry(body, question, answer),
        storage.snapshot(path),
    )


def set_fields(library: Path, event: str, data: dict[str, object]) -> None:
    """Change fields of event file `event`, as the event form does."""
    from bftui.core.store import storage

    path = library / event
    storage.update_event(path, data, storage.snapshot(path))


def questions(library: Path, article: str) -> list[str]:
    """Return the questions of `article`, in order."""
    from bftui.core.items.qa import find_entries
    from bftui.core.library import frontmatter

    text = (library / article).read_text(encoding="utf-8")
    return [entry.question for entry in find_entries(frontmatter.split(text).body)]
