"""UI strings in Swedish (the default) and English, behind one function: `t`.

The catalogue is split by area into the modules of `bftui.strings`; each maps a
key to its `(swedish, english)` pair. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module

LANGUAGES = ("sv", "en")
"""Supported UI languages, the default first."""

_CATALOGUE_MODULES = (
    "core",
    "reader",
    "cli",
    "forms",
    "search",
    "transfer",
    "share",
    "sharing",
)

_language = "sv"
_catalogue: dict[str, tuple[str, str]] | None = None


def _load() -> dict[str, tuple[str, str]]:
    global _catalogue
    if _catalogue is None:
        merged: dict[str, tuple[str, str]] = {}
        for name in _CATALOGUE_MODULES:
            strings: Mapping[str, tuple[str, str]] = import_module(
                f"bftui.strings.{name}"
            ).STRINGS
            duplicate = merged.keys() & strings.keys()
            if duplicate:
                raise RuntimeError(f"duplicate UI string keys: {sorted(duplicate)}")
            merged.update(strings)
        _catalogue = merged
    return _catalogue


def set_language(language: str) -> None:
    """Choose the UI language for every later call of `t`.

    Raises:
        ValueError: if the language is not one of `LANGUAGES`.
    """
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def language() -> str:
    """Return the current UI language code."""
    return _language


def t(key: str, /, **values: object) -> str:
    """Return the UI string `key` in the current language, formatted with `values`.

    An unknown key is returned as it is, so a missing string shows, never crashes.
    """
    pair = _load().get(key)
    if pair is None:
        return key
    text = pair[LANGUAGES.index(_language)]
    return text.format(**values) if values else text
