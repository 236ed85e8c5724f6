"""Commands that read the library: `list`, `show` and `check`."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.core import fileio
from bftui.core.items.model import Article, Event, Item
from bftui.core.items.schema import review_label
from bftui.core.library.loading import Library
from bftui.core.library.reading import MAX_FILE_BYTES, relative_to_root
from bftui.core.problems import Problem
from bftui.core.text import safe_text
from bftui.i18n import t, tn

if TYPE_CHECKING:
    from bftui.cli import Context

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What JSON leaves raw but a terminal acts on (C1, bidi): written as \\u escapes."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `list`, `show` and `check` to the command line."""

    def add(name: str, run: Any) -> argparse.ArgumentParser:
        parser = add_command(subparsers, common, name, f"cli.{name}")
        parser.set_defaults(run=run)
        return parser

    listing = add("list", run_list)
    listing.add_argument("--json", action="store_true", help=t("cli.list.json"))
    show = add("show", run_show)
    show.add_argument("slug", metavar="SLUG", help=t("cli.show.slug"))
    show.add_argument("--raw", action="store_true", help=t("cli.show.raw"))
    show.add_argument("--markdown", action="store_true", help=t("cli.show.markdown"))
    show.add_argument("--no-pager", action="store_true", help=t("cli.show.no_pager"))
    add("check", run_check)


def _kind_label(item: Item) -> str:
    return item.kind if isinstance(item, Article) else "event"


def list_date(item: Item) -> str:
    """Return the date `list` shows: an ISO date, or only the year of an event without dates."""
    if isinstance(item, Event) and item.start is None:
        return str(item.year)
    return item.date.isoformat()


def item_record(item: Item, library: Library) -> dict[str, Any]:
    """Return the JSON-ready summary of `item` that `list --json` prints."""
    return {
        "type": "article" if isinstance(item, Article) else "event",
        "kind": item.kind,
        "date": list_date(item),
        "year": item.date.year,
        "slug": item.slug,
        "title": item.title,
        "path": item.path.relative_to(library.root).as_posix(),
        "tags": list(item.tags),
    }


def run_list(context: Context) -> int:
    """Print one item a line: kind, date, slug, title (or JSON with `--json`)."""
    library = context.library()
    if context.args.json:
        records = [item_record(item, library) for item in library.items()]
        text = json.dumps(records, ensure_ascii=False, indent=2)
        # The same data (a path may hold any character), but inert in a terminal.
        print(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    else:
        for item in library.items():
            label, date = _kind_label(item), list_date(item)
            print(f"{label:<16} {date:<10} {item.slug}  {item.title}")
    _warn_problems(library)
    return EXIT_OK


def _find(library: Library, slug: str) -> Item | None:
    return library.article(slug) or library.event(slug)


def run_show(context: Context) -> int:
    """Print an item's composed Markdown, or its file unchanged with `--raw`."""
    library = context.library()
    item = _find(library, context.args.slug)
    if item is None:
        print(t("cli.show.unknown", slug=safe_text(context.args.slug)), file=sys.stderr)
        return EXIT_USAGE
    try:
        if context.args.raw:
            data = fileio.read_bytes(item.path, MAX_FILE_BYTES)
            if sys.stdout.isatty():
                sys.stdout.write(safe_text(data.decode("utf-8", errors="replace")))
            else:
                # Byte for byte (CRLF, BOM and all), whatever the locale's encoding.
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
        else:
            # Imported here: it loads markdown-it, which the TUI's start need not wait for.
            from bftui.core.library.compose import compose

            text = compose(item, library)
            if sys.stdout.isatty() and not context.args.markdown:
                _render(text, page=not context.args.no_pager)
            else:
                sys.stdout.write(text)
    except (OSError, ValueError) as error:
        where = safe_text(str(item.path))
        print(f"bftui: {where}: {safe_text(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _render(markdown: str, *, page: bool) -> None:
    """Show composed Markdown rendered for the terminal, in a pager like `glow -p`.

    The pager is $PAGER (else less); less gets -FRX unless $LESS says
    otherwise, so colours show and a short item stays on screen. Links are
    shown, not made clickable: an item's URLs are not trusted.
    """
    from rich.console import Console  # A terminal is there: Rich is worth its import.
    from rich.markdown import Markdown

    console = Console(highlight=False)
    rendered = Markdown(markdown, hyperlinks=False)
    if not page:
        console.print(rendered)
        return
    os.environ.setdefault("LESS", "-FRX")
    with console.pager(styles=True):
        console.print(rendered)


def run_check(context: Context) -> int:
    """Print every problem as `path:line: message`; exit 1 if there are any."""
    library = context.library()
    for problem in library.problems:
        print(problem)
    for warning in review_warnings(library):
        print(warning)
    count = len(library.problems)
    items = len(library.articles) + len(library.events)
    print(
        t(
            "cli.check.summary",
            items=tn("cli.check.items", items),
            problems=tn("cli.check.problems", count),
        ),
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if count else EXIT_OK


def review_warnings(library: Library) -> list[Problem]:
    """Return a warning for every article with fields an import guessed."""
    warnings: list[Problem] = []
    for article in library.articles:
        if not article.needs_review:
            continue
        fields = ", ".join(review_label(key) for key in article.needs_review)
        relative = relative_to_root(article.path, library.root)
        line = _front_line(article.path, "needs_review")
        warnings.append(
            Problem(relative, line, t("cli.check.needs_review", fields=fields))
        )
    return warnings


def _front_line(path: Path, key: str) -> int:
    """Return the 1-based line of `key = ...` in the file's front matter (1 if not found)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key} ")), 1)


def _warn_problems(library: Library) -> None:
    if library.problems:
        print(tn("cli.problems_hint", len(library.problems)), file=sys.stderr)
