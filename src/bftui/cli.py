"""The `bftui` command: the TUI when no command is given, else a CLI command.

The commands use the content core alone; Textual is imported only to start
the TUI, so scripts and pipes start fast.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence, Set
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bftui import __version__, commands, paths
from bftui.core.library.folders import NotALibraryError, check_root
from bftui.core.text import safe_text
from bftui.i18n import LANGUAGES, set_language, t, translate_argparse
from bftui.i18n import language as current_language
from bftui.settings import Settings, load_settings

if TYPE_CHECKING:
    from bftui.core.library.loading import Library
    from bftui.core.problems import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Context:
    """What every command gets: the parsed options, the settings, the library."""

    def __init__(
        self,
        args: argparse.Namespace,
        settings: Settings,
        setting_problems: Sequence[Problem] = (),
    ) -> None:
        self.args = args
        self.settings = settings
        self.setting_problems = list(setting_problems)
        """What is wrong in the config file (the app lists it with the library's)."""
        self._library: Library | None = None

    @property
    def library_path(self) -> Path:
        """The library folder chosen by option, environment, config or default."""
        return paths.choose_library(
            getattr(self.args, "library", None), self.settings.library
        )

    def library(self) -> Library:
        """Load the library (once).

        Raises:
            NotALibraryError: when the folder is missing or holds no library.
        """
        if self._library is None:
            from bftui.core.library.loading import (
                load,  # the app starts without the readers
            )

            root = self.library_path
            check_root(root)
            self._library = load(root)
        return self._library


class _Parser(argparse.ArgumentParser):
    """An argument parser that exits with status 2 and a message safe for a terminal."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {safe_text(message)}\n")


def _common_options() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=t("cli.opt.library"),
    )
    common.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.opt.lang")
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help=t("cli.opt.debug"),
    )
    return common


def build_parser(
    *, every_command: bool = True
) -> tuple[argparse.ArgumentParser, set[str]]:
    """Return the parser of the whole `bftui` command line and its command names.

    Every module of `bftui.commands` adds its commands with
    `register(subparsers, common)`; without `every_command`, only `tui` is there.
    """
    translate_argparse()
    common = _common_options()
    parser = _Parser(
        prog="bftui",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bftui {__version__}",
        help=t("cli.opt.version"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=t("cli.commands"))
    for name, metavar, target, nargs in (
        ("tui", "PATH", "cli.tui.path", "?"),
        ("open", "SLUG|FILE", "cli.open.target", None),
    ):
        starter = commands.add_command(subparsers, common, name, f"cli.{name}")
        starter.add_argument("path", nargs=nargs, metavar=metavar, help=t(target))
        starter.add_argument(
            "--no-mouse", action="store_true", help=t("cli.tui.no_mouse")
        )
        starter.set_defaults(run=_run_tui)
    if every_command:
        from pkgutil import iter_modules  # Not needed to start the app.

        for module in iter_modules(commands.__path__):
            import_module(f"bftui.commands.{module.name}").register(subparsers, common)
    return parser, set(subparsers.choices)


def _with_command(argv: list[str], commands: Set[str]) -> list[str]:
    """Return `argv` with `tui` put in front when it names no command."""
    takes_value = {"--library", "--lang"}
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg in takes_value:
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        if arg in commands:
            return argv
        break
    # `tui` takes every option the app knows (--no-mouse too), so it goes first.
    return ["tui", *argv]


APP_COMMANDS = frozenset({"tui", "open"})
"""The commands that start the app (the others are in `commands.NAMES`)."""


class UsageError(Exception):
    """The command line names nothing bftui can open."""


def _has_terminal() -> bool:
    """Return True when the app has a terminal to read keys from and draw on."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _app_target(context: Context, given: str | None) -> tuple[Path, Path | None]:
    """Return the library to open and the item file to show, from `bftui X`.

    X is a library folder, an item file (its library opens on it) or the
    slug of an item in the library chosen as usual.

    Raises:
        UsageError: when X is none of these; the message names the nearest command.
    """
    if given is None:
        return context.library_path, None
    path = paths.expand_home(given)
    if path.is_dir():
        return path, None
    if path.is_file():
        from bftui.core.store.storage import find_root  # Only for `bftui FILE`.

        root = find_root(path)
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        return root, root.resolve() / relative
    if os.sep in given or given.startswith((".", "~")):
        return path, None  # A folder that is not there: check_root says so.
    from bftui.core.slugs import is_valid

    if is_valid(given):
        from bftui.core.library.folders import item_file

        root = context.library_path
        if root.is_dir() and (found := item_file(root, given)) is not None:
            return root, root.resolve() / found.relative_to(root)
    import difflib  # Only to name the command that was meant.

    names = sorted(APP_COMMANDS | commands.NAMES)
    nearest = difflib.get_close_matches(given, names, n=1)
    hint = t("cli.nearest", command=nearest[0]) if nearest else ""
    raise UsageError(t("cli.no_such_target", target=safe_text(given), hint=hint))


def _run_tui(context: Context) -> int:
    args = context.args
    try:
        root, item = _app_target(context, args.path)
    except UsageError as error:
        print(f"bftui: {error}", file=sys.stderr)
        return EXIT_USAGE
    check_root(root)
    if not _has_terminal():
        print(t("cli.no_terminal"), file=sys.stderr)
        return EXIT_USAGE
    from bftui.tui.heap import hold_collector  # The TUI is imported only to run it.

    hold_collector()  # Until the first paint: it would walk Textual's objects.
    from bftui.tui.app import run_app

    return run_app(
        root,
        context.settings,
        mouse=not args.no_mouse,
        open_item=item,
        setting_problems=context.setting_problems,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `bftui` command line and return its exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerant_output()
    early = _early_language(arguments)
    if early:
        set_language(early)  # The settings' own problems are said in it too.
    settings, setting_problems = load_settings(paths.config_file())
    language = early or settings.language
    if language != current_language():
        set_language(language)
        settings, setting_problems = load_settings(paths.config_file())
    # The app reads the language from its settings: --lang must win there too.
    settings = replace(settings, language=language)
    arguments = _with_command(arguments, APP_COMMANDS | commands.NAMES)
    # Starting the app (the commonest case) parses only the app's options.
    if "_ARGCOMPLETE" in os.environ:  # The shell asks for completions.
        from bftui.completion import complete

        complete(build_parser()[0])
    parser, _ = build_parser(every_command=arguments[0] not in APP_COMMANDS)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as done:
        # --help, --version and usage errors: a status to return, not to raise.
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    if "--debug" in arguments or os.environ.get("BFTUI_DEBUG", "") not in ("", "0"):
        _start_debug_log(arguments)
    for problem in setting_problems:
        print(f"bftui: {problem}", file=sys.stderr)
    context = Context(args, settings, setting_problems)
    from bftui.core.share import autocommit

    autocommit.enable(commit=settings.autocommit)
    try:
        return int(args.run(context))
    except NotALibraryError as error:
        print(f"bftui: {safe_text(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (`head`, `less`) has gone: stop quietly. Point stdout at
        # devnull so the interpreter's last flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _start_debug_log(arguments: list[str]) -> None:
    """Turn the debug log on and say where it goes (or why it cannot)."""
    from bftui import debuglog  # logging.handlers is worth its import only here.

    try:
        path = debuglog.start(arguments)
    except OSError as error:
        print(t("cli.debug_failed", error=safe_text(str(error))), file=sys.stderr)
        return
    print(t("cli.debug_log", path=safe_text(str(path))), file=sys.stderr)


def _tolerant_output() -> None:
    """Let a terminal in a non-UTF-8 locale show "?" for å rather than a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _early_language(arguments: list[str]) -> str | None:
    """Return the `--lang` value so that even `--help` speaks that language."""
    for index, arg in enumerate(arguments):
        value = None
        if arg == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None
