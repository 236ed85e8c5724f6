"""The CLI commands; each module adds its own with `register(subparsers, common)`."""

from __future__ import annotations

import argparse
from typing import Any

from bftui.i18n import t

NAMES = frozenset(
    {
        "check",
        "completion",
        "config",
        "export",
        "import",
        "list",
        "new",
        "schema",
        "search",
        "show",
        "stats",
    }
    | {"init", "sync", "log", "trash", "merge-file"}
)
"""The commands the modules add (a test keeps this true): known without
importing them, so that starting the app need not build every command's parser."""


def add_command(
    subparsers: Any, common: argparse.ArgumentParser | None, name: str, key: str
) -> argparse.ArgumentParser:
    """Add command `name` whose help and examples are the UI strings `key.help`/`.examples`."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        parents=[common] if common else [],
        help=t(f"{key}.help"),
        description=t(f"{key}.help"),
        epilog=t(f"{key}.examples"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser
