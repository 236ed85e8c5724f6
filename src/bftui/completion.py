"""Shell completion for bash, zsh and fish (argcomplete), with the library's slugs.

`bftui completion SHELL` prints the script that makes a shell ask bftui for
completions; the shell then runs bftui with `_ARGCOMPLETE` set, and `main`
hands the full parser to `complete` before anything else happens.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

from bftui import paths

SHELLS = ("bash", "zsh", "fish")


def library_slugs(prefix: str, parsed_args: argparse.Namespace, **_: Any) -> list[str]:
    """Return the slugs of the chosen library's articles and events that start with `prefix`."""
    from bftui.core.library.folders import EVENTS_DIR, article_paths
    from bftui.settings import load_settings

    settings, _problems = load_settings(paths.config_file())
    root = paths.choose_library(getattr(parsed_args, "library", None), settings.library)
    if not root.is_dir():
        return []
    events = (path.stem for path in (root / EVENTS_DIR).glob("*.toml"))
    articles = (path.stem for path in article_paths(root) if path.suffix == ".md")
    return sorted({slug for slug in (*events, *articles) if slug.startswith(prefix)})


def _slugs_or_files(
    prefix: str, parsed_args: argparse.Namespace, **kwargs: Any
) -> list[str]:
    from argcomplete.completers import FilesCompleter

    files = FilesCompleter()(prefix=prefix, **kwargs)
    return library_slugs(prefix, parsed_args) + list(files)


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _actions(sub)


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request (exits), slugs where a slug is asked for."""
    import argcomplete

    for action in _actions(parser):
        if action.metavar == "SLUG|FILE":
            action.completer = _slugs_or_files  # type: ignore[attr-defined]
        elif action.metavar == "SLUG" and not action.option_strings:
            action.completer = library_slugs  # type: ignore[attr-defined]
    argcomplete.autocomplete(parser)


def script(shell: str) -> str:
    """Return the code that makes `shell` complete bftui's commands, options and slugs."""
    import argcomplete

    return argcomplete.shellcode(["bftui"], shell=shell)
