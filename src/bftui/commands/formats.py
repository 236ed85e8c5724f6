"""The `schema` command: JSON Schema of the file formats, for editors that check TOML."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `schema` to the command line."""
    parser = add_command(subparsers, common, "schema", "cli.schema")
    parser.add_argument(
        "kind",
        choices=("article", "event"),
        metavar="{article,event}",
        help=t("cli.schema.kind"),
    )
    parser.set_defaults(run=run_schema)


def run_schema(context: Context) -> int:
    """Print the JSON Schema of an article's front matter or of an event file."""
    from bftui.core.items.describe import json_schema

    json.dump(json_schema(context.args.kind), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
