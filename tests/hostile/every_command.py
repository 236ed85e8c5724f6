"""Run every command of the CLI over one library, in-process: none may raise.

A traceback in any of them fails the test that calls `run_every_command`;
what each printed is returned so that the test can check the messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui import cli
from bftui.core.library.loading import load


def every_command(library: Path, out: Path) -> list[list[str]]:
    """Return the argument lists of every read-only command, over each item too."""
    loaded = load(library)
    slugs = [item.slug for item in loaded.items()]
    events = [event.slug for event in loaded.events]
    commands = [
        ["check"],
        ["list"],
        ["list", "--json"],
        ["stats"],
        ["stats", "--json"],
        ["search", "nätverk"],
        ["search", "typ:intervju"],
        ["export", "ics"],
        ["export", "ics", "-o", str(out / "alla.ics")],
        ["export", "csv"],
        ["export", "csv", "articles"],
        ["export", "json"],
        ["export", "json", "articles"],
        *(["show", slug] for slug in slugs),
        *(["show", "--raw", slug] for slug in slugs),
        *(["export", "ics", slug] for slug in events),
    ]
    return [["--library", str(library), *argv] for argv in commands]


def run_every_command(
    library: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, tuple[int, str, str]]:
    """Run `every_command`; return `" ".join(argv)` -> (status, stdout, stderr)."""
    results: dict[str, tuple[int, str, str]] = {}
    for argv in every_command(library, out):
        status = cli.main(argv)
        printed, errors = capsys.readouterr()
        assert status in (0, 1), (argv, status, errors)
        assert "Traceback" not in errors, (argv, errors)
        results[" ".join(argv[2:])] = (status, printed, errors)
    return results
