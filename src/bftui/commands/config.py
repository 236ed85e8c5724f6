"""The `config` command: the config file's path, the settings in force and where each came from."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui import paths
from bftui.commands import add_command
from bftui.core import fileio
from bftui.core.problems import Problem
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.settings import KNOWN_KEYS, MAX_SETTINGS_BYTES

if TYPE_CHECKING:
    from bftui.cli import Context


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `config` to the command line."""
    parser = add_command(subparsers, common, "config", "cli.config")
    parser.add_argument("--path", action="store_true", help=t("cli.config.path_only"))
    parser.set_defaults(run=run_config)


def _read(config: Path) -> tuple[str, dict[str, Any]]:
    """Return the config file's text and data (empty when missing or broken)."""
    try:
        text = fileio.read_text(config, MAX_SETTINGS_BYTES)
    except (OSError, UnicodeDecodeError):
        return "", {}
    import tomllib

    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return text, {}


def _keymap_line(text: str, binding_id: str) -> int:
    """Return the line of `binding_id` in the `[keymap]` table (its ids hold dots)."""
    in_keymap = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_keymap = stripped.replace(" ", "") == "[keymap]"
        elif in_keymap and stripped.split("=")[0].strip().strip("\"'") == binding_id:
            return number
    return 1


def _origins(context: Context, text: str, data: dict[str, Any]) -> dict[str, str]:
    """Say where each setting in force came from: option, environment, file or default."""
    from bftui.core.library.tomlpos import key_line

    settings, args = context.settings, context.args
    origins = {}
    for key in KNOWN_KEYS:
        value = getattr(settings, key)
        if key in data and (data[key] == value or str(data[key]) == str(value)):
            origins[key] = t("cli.config.from_file", line=key_line(text, key, 1, 1))
        else:
            origins[key] = t("cli.config.default")
    if getattr(args, "lang", None):
        origins["language"] = "--lang"
    if getattr(args, "library", None):
        origins["library"] = "--library"
    elif os.environ.get(paths.LIBRARY_ENV):
        origins["library"] = paths.LIBRARY_ENV
    elif "library" not in data:
        origins["library"] = t("cli.config.sample")
    return origins


def _shown(value: Any) -> str:
    if isinstance(value, Path):
        value = str(value)
    return json.dumps(value, ensure_ascii=False)


def run_config(context: Context) -> int:
    """Print the config file's path, then each setting in force and its origin."""
    config = paths.config_file()
    if context.args.path:
        print(config)
        return 0
    state = t("cli.config.exists") if config.is_file() else t("cli.config.missing")
    print(f"# {t('cli.config.file')}: {safe_text(str(config))} ({state})")
    text, data = _read(config)
    origins = _origins(context, text, data)
    settings = context.settings
    problems: list[Problem] = []  # The file's own problems are printed at every start.
    values = {key: getattr(settings, key) for key in KNOWN_KEYS if key != "keymap"}
    values["library"] = context.library_path
    width = max(len(f"{k} = {_shown(v)}") for k, v in values.items())
    for key, value in values.items():
        line = f"{key} = {_shown(value)}"
        print(f"{safe_text(line):<{width}}  # {origins[key]}")
    if settings.keymap:
        from bftui.tui.keymap import unknown_ids  # Loads the app's screens.

        print("\n[keymap]")
        unknown = unknown_ids(settings.keymap)
        for binding_id, keys in settings.keymap.items():
            at = _keymap_line(text, binding_id)
            line = f"{_shown(binding_id)} = {_shown(keys)}"
            print(f"{safe_text(line)}  # {t('cli.config.from_file', line=at)}")
            if binding_id in unknown:
                message = t("settings.unknown_binding", id=safe_text(binding_id))
                problems.append(Problem(config, at, message))
    for problem in problems:
        print(f"bftui: {problem}", file=sys.stderr)
    return 1 if problems else 0
