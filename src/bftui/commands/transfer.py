"""Commands that move content out: `export ics|csv|json` and `stats` (`import`: importing.py)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.core.text import safe_text
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context
    from bftui.core.transfer import export

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `export` and `stats` to the command line."""
    exporting = add_command(subparsers, common, "export", "export.cli")
    formats = exporting.add_subparsers(
        dest="format", metavar=t("export.cli.format_meta"), required=True
    )
    ics = add_command(formats, common, "ics", "export.ics")
    ics.add_argument("slugs", nargs="*", metavar="SLUG", help=t("export.ics.slugs"))
    ics.set_defaults(run=run_ics)
    for name in ("csv", "json"):
        table = add_command(formats, common, name, f"export.{name}")
        table.add_argument(
            "what",
            nargs="?",
            choices=("events", "articles"),
            default="events",
            help=t("export.cli.what"),
        )
        table.add_argument(
            "--articles", action="store_true", help=t("export.cli.articles")
        )
        table.set_defaults(run=run_table)
    csv_options = formats.choices["csv"]
    csv_options.add_argument("--bom", action="store_true", help=t("export.csv.bom"))
    csv_options.add_argument(
        "--delimiter",
        type=_delimiter,
        default=",",
        metavar=t("export.csv.sep_meta"),
        help=t("export.csv.sep"),
    )
    for parser in (ics, csv_options, formats.choices["json"]):
        parser.add_argument(
            "-o", "--output", metavar=t("export.cli.file_meta"), type=Path,
            help=t("export.cli.output"),
        )  # fmt: skip

    statistics = add_command(subparsers, common, "stats", "stats.cli")
    statistics.add_argument("--json", action="store_true", help=t("stats.cli.json"))
    statistics.set_defaults(run=run_stats)


def _error(message: str) -> None:
    print(f"bftui: {safe_text(message)}", file=sys.stderr)


def _emit(text: str, output: Path | None) -> int:
    """Write `text` to `output` (atomically), or exactly as it is to stdout."""
    if output is not None:
        from bftui.core.store.atomic import StorageError, atomic_write

        try:
            atomic_write(output, text)
        except StorageError as error:
            _error(str(error))
            return EXIT_PROBLEMS
        print(t("export.cli.written", path=output), file=sys.stderr)
        return EXIT_OK
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        # Bytes, so CRLF line ends and a BOM reach a pipe unchanged.
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return EXIT_OK


def run_ics(context: Context) -> int:
    """Write the library's dated events (or the named ones) as iCalendar."""
    from bftui.core.transfer import ical  # Imported when run, like the importer.

    library = context.library()
    events = library.events
    if context.args.slugs:
        unknown = [s for s in context.args.slugs if library.event(s) is None]
        if unknown:
            _error(t("export.ics.unknown", slugs=", ".join(unknown)))
            return EXIT_USAGE
        events = [e for s in context.args.slugs if (e := library.event(s))]
    text, skipped = ical.calendar(events, name=library.title)
    for event in skipped:
        _error(t("export.ics.skipped", slug=event.slug, year=event.year))
    if len(skipped) == len(events):
        _error(t("export.ics.nothing"))
        return EXIT_PROBLEMS
    return _emit(text, context.args.output)


def run_table(context: Context) -> int:
    """Write one row per event, or per article, as CSV or JSON."""
    from bftui.core.transfer import export  # Imported when run, like the importer.

    args = context.args
    library = context.library()
    problems: list[Any] = []
    columns: tuple[str, ...]
    if args.articles or args.what == "articles":
        rows, problems = export.article_rows(library)
        columns = export.ARTICLE_COLUMNS
    else:
        rows, columns = (
            [export.event_row(e) for e in library.events],
            export.EVENT_COLUMNS,
        )
    for problem in problems:
        _error(str(problem))
    if args.format == "json":
        text = export.to_json(rows)
    else:
        text = export.to_csv(rows, columns, delimiter=args.delimiter, bom=args.bom)
    status = _emit(text, args.output)
    return status or (EXIT_PROBLEMS if problems else EXIT_OK)


def _delimiter(text: str) -> str:
    """Return the field separator `text` names: ",", ";" or a tab ("tab" or "\\t")."""
    named = {"tab": "\t", "\\t": "\t", "\t": "\t", ",": ",", ";": ";"}
    if text.lower() not in named:
        raise argparse.ArgumentTypeError(t("export.csv.sep_bad", value=text))
    return named[text.lower()]


def _figure(tally: export.Tally) -> str:
    if tally.meetings and tally.unknown == tally.meetings:
        return "–"
    return f"{tally.participants}{'*' if tally.approximate else ''}"


def _table(heading: str, first: str, tallies: list[export.Tally]) -> list[str]:
    head = (first, t("stats.meetings"), t("stats.participants"), t("stats.unknown"))
    rows = [
        (x.group or t("stats.no_city"), str(x.meetings), _figure(x), str(x.unknown))
        for x in tallies
    ]
    width = max(len(row[0]) for row in [head, *rows])
    lines = [heading]
    for row in [head, *rows]:
        lines.append(
            f"{row[0]:<{width}}  {row[1]:>8}  {row[2]:>10}  {row[3]:>{len(head[3])}}"
        )
    return lines


def run_stats(context: Context) -> int:
    """Print meetings and participants per year and per city."""
    from bftui.core.transfer import export  # Imported when run, like the importer.

    result = export.stats(context.library().events)
    if context.args.json:
        record = export.stats_record(result)
        return _emit(json.dumps(record, ensure_ascii=False, indent=2) + "\n", None)
    total = result["total"][0]
    years = [*result["years"], dataclasses.replace(total, group=t("stats.total"))]
    lines = _table(t("stats.per_year"), t("stats.year"), years)
    lines += ["", *_table(t("stats.per_city"), t("stats.city"), result["cities"])]
    if total.approximate:
        lines += ["", t("stats.approximate")]
    print("\n".join(lines))
    return EXIT_OK
