"""The `completion` command: the shell code for completing bftui's commands and slugs."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `completion` to the command line."""
    from bftui.completion import SHELLS

    parser = add_command(subparsers, common, "completion", "cli.completion")
    parser.add_argument("shell", choices=SHELLS, help=t("cli.completion.shell"))
    parser.set_defaults(run=run_completion)


def run_completion(context: Context) -> int:
    """Print the completion script for the shell asked for."""
    from bftui.completion import script

    sys.stdout.write(script(context.args.shell))
    return 0
