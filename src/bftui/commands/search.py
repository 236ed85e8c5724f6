"""The `search` command: the library's best hits for a query, from the search index."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.commands.read import list_date
from bftui.core.library.folders import check_root
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context
    from bftui.core.index.build import Index
    from bftui.core.index.search import Hit

EXIT_OK, EXIT_NONE = 0, 1
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `search` to the command line."""
    parser = add_command(subparsers, common, "search", "search.cli")
    parser.add_argument("query", nargs="+", metavar="QUERY", help=t("search.cli.query"))
    parser.add_argument("--limit", type=int, default=20, help=t("search.cli.limit"))
    parser.add_argument("--json", action="store_true", help=t("search.cli.json"))
    parser.set_defaults(run=run_search)


def _record(hit: Hit, index: Index) -> dict[str, Any]:
    from bftui.core.index.search import MARK_OFF, MARK_ON

    item = hit.item
    return {
        "slug": item.slug,
        "title": item.title,
        "kind": item.kind,
        "date": list_date(item),
        "path": item.path.relative_to(index.root).as_posix(),
        "field": hit.field,
        "snippet": hit.snippet.replace(MARK_ON, "").replace(MARK_OFF, ""),
        "match": hit.match,
        "line": hit.line,
        "heading": hit.heading,
        "score": hit.score,
    }


def run_search(context: Context) -> int:
    """Print the best hits: slug and title, then the snippet (matches bold on a terminal)."""
    # Imported here, as every command is built on each start (the TUI's too).
    from bftui.core.index.build import Index
    from bftui.core.index.search import MARK_OFF, MARK_ON

    root = context.library_path
    check_root(root)
    index = Index.open(root)
    index.sync()
    hits = index.search(" ".join(context.args.query), max(1, context.args.limit))
    if context.args.json:
        json.dump(
            [_record(hit, index) for hit in hits],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return EXIT_OK if hits else EXIT_NONE
    # File text went through safe_text when indexed, so it holds no escape codes.
    on, off = (_BOLD, _PLAIN) if sys.stdout.isatty() else ("", "")
    for hit in hits:
        item = hit.item
        print(f"{item.kind:<16} {list_date(item):<10} {item.slug}  {item.title}")
        if hit.snippet:
            print("    " + hit.snippet.replace(MARK_ON, on).replace(MARK_OFF, off))
    return EXIT_OK if hits else EXIT_NONE
