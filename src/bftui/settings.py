"""The user's settings, read from a TOML file with tomllib."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bftui.core import fileio
from bftui.core.problems import Problem
from bftui.core.text import safe_text
from bftui.i18n import LANGUAGES, t

SIDEBAR_DEFAULT = 35
SIDEBAR_RANGE = range(15, 71)
"""The sidebar widths (percent of the terminal) that a setting may ask for."""
MAX_SETTINGS_BYTES = 1024 * 1024
"""A config file larger than this is reported, not read."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user chose in the config file or on the command line."""

    language: str = "sv"
    """UI language: "sv" or "en"."""
    library: Path | None = None
    """The library to open when none is given on the command line."""
    theme: str = ""
    """A Textual theme name; empty picks one that suits the terminal."""
    mouse: bool = True
    """Whether the app takes mouse input (off is kinder over slow SSH links)."""
    watch: str = "auto"
    """How to notice changes by others: "auto", "notify", "poll" or "off"."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, to remap the app's keys."""
    autocommit: bool = True
    """In a git library, commit every change made through bftui as it is made."""
    sidebar: int = SIDEBAR_DEFAULT
    """The sidebar's width in percent of the terminal (< and > change it, remembered)."""


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read settings from `path`; a missing file gives the defaults.

    A broken file or value is reported as a problem and the default kept, so
    a typo in the config never stops the app.
    """
    try:
        text = fileio.read_text(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [_broken(path, error)]
    import tomllib  # Most starts have no config file to parse.

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [_broken(path, error)]
    problems = unknown_keys(path, text, data)

    def pick(key: str, check: Any, default: Any) -> Any:
        value = data.get(key, default)
        if value is default or check(value):
            return value
        line = _line(text, key)
        problems.append(Problem(path, line, t("settings.bad_value", key=key)))
        return default

    library = pick("library", lambda v: isinstance(v, str) and v, None)
    keymap = pick(
        "keymap",
        lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
        {},
    )
    settings = Settings(
        language=pick("language", lambda v: v in LANGUAGES, "sv"),
        library=Path(library) if library else None,
        theme=pick("theme", lambda v: isinstance(v, str), ""),
        mouse=pick("mouse", lambda v: isinstance(v, bool), True),
        watch=pick("watch", lambda v: v in ("auto", "notify", "poll", "off"), "auto"),
        keymap=dict(keymap),
        autocommit=pick("autocommit", lambda v: isinstance(v, bool), True),
        sidebar=pick(
            "sidebar",
            lambda v: isinstance(v, int) and v in SIDEBAR_RANGE,
            SIDEBAR_DEFAULT,
        ),
    )
    return settings, problems


KNOWN_KEYS = tuple(Settings.__dataclass_fields__)
"""The keys a config file may set."""


def _line(text: str, key: str) -> int:
    from bftui.core.library.tomlpos import key_line

    return key_line(text, key, 1, 1)


def unknown_keys(path: Path, text: str, data: dict[str, Any]) -> list[Problem]:
    """Return a problem, at its line, for every key bftui does not know.

    A misspelt key (`langauge`) is named with the key that was probably meant.
    """
    import difflib

    problems = []
    for key in data:
        if key in KNOWN_KEYS:
            continue
        nearest = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        message = t("settings.unknown_key", key=safe_text(key))
        if nearest:
            message += t("settings.did_you_mean", key=nearest[0])
        problems.append(Problem(path, _line(text, key), message))
    return problems


def _broken(path: Path, error: Exception) -> Problem:
    """Return the problem of an unreadable file, at the line TOML's error names."""
    import re

    found = re.search(r"at line (\d+)", str(error))
    line = int(found.group(1)) if found else 1
    return Problem(path, line, t("settings.broken", error=safe_text(str(error))))


def remember_library(path: Path, config: Path) -> bool:
    """Make `path` the default library in config file `config`, unless one is set.

    Returns:
        True when it was written; False when a library was set already or
        the file is broken (it is then left as it is).

    Raises:
        StorageError: when the file cannot be written.
    """
    return _remember(config, "library", str(path), replace=False)


def remember_theme(theme: str, config: Path) -> bool:
    """Keep `theme` (chosen in the app) as the theme of the next start.

    Returns:
        False when the config file is broken (it is then left as it is).

    Raises:
        StorageError: when the file cannot be written.
    """
    return _remember(config, "theme", theme, replace=True)


def remember_sidebar(percent: int, config: Path) -> bool:
    """Keep the sidebar width `percent` (changed with < and >) for the next start.

    Returns:
        False when the config file is broken (it is then left as it is).

    Raises:
        StorageError: when the file cannot be written.
    """
    return _remember(config, "sidebar", percent, replace=True)


def _remember(config: Path, key: str, value: str | int, *, replace: bool) -> bool:
    """Set `key` in the config file, keeping its comments; never touch a broken one."""
    import tomlkit  # Only a change made in the app or by `bftui init` writes.

    from bftui.core.store.atomic import atomic_write

    try:
        document = tomlkit.parse(fileio.read_text(config, MAX_SETTINGS_BYTES))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        return False
    if document.get(key) and not replace:
        return False
    if document.get(key) == value:
        return True
    document[key] = value
    config.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(config, tomlkit.dumps(document))
    return True
