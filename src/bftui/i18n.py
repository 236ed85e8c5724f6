"""UI strings in Swedish (the default) and English, through the standard library's gettext.

The catalogues are `bftui/locale/<lang>/LC_MESSAGES/bftui.po`, one per
language, whose message ids are the strings' keys ("library.missing"). A
wheel carries them compiled to `.mo` (`hatch_build.py`); a source checkout
compiles them in memory (`bftui.pofiles`). `t` gives a string, `tn` the
plural form that suits a count. argparse's own words ("usage:",
"options") come from `argparse.po` the same way. Nothing here imports
Textual.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LANGUAGES = ("sv", "en")
"""Supported UI languages, the default first."""

DOMAIN = "bftui"
LOCALE_DIR = Path(__file__).parent / "locale"
"""The catalogues: `<lang>/LC_MESSAGES/<domain>.po`, and `.mo` beside them in a wheel."""

_language = "sv"
_catalogues: dict[str, gettext.NullTranslations] = {}


def catalogue(language: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """Return the translations of `domain` in `language` (loaded once)."""
    key = f"{language}/{domain}"
    if key not in _catalogues:
        _catalogues[key] = _read(language, domain)
    return _catalogues[key]


def _read(language: str, domain: str) -> gettext.NullTranslations:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled, source = folder / f"{domain}.mo", folder / f"{domain}.po"
    try:
        if compiled.stat().st_mtime_ns >= source.stat().st_mtime_ns:
            with open(compiled, "rb") as handle:
                return gettext.GNUTranslations(handle)
    except OSError:
        pass  # No compiled catalogue (a source checkout) or no source: compile.
    from bftui import pofiles

    try:
        return pofiles.load(source)
    except FileNotFoundError:
        return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Choose the UI language for every later call of `t`, and for argparse.

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
    text = catalogue(_language).gettext(key)
    return text.format(**values) if values else text


def tn(key: str, count: int, /, **values: object) -> str:
    """Return the form of plural string `key` that suits `count`, formatted.

    `count` fills `{count}`; the other placeholders come from `values`.
    """
    text = catalogue(_language).ngettext(key, key, count)
    return text.format(count=count, **values)


_THOUSANDS = {"sv": "\u00a0"}
"""What sets thousands apart in a language other than English (a no-break space)."""


def number(value: int) -> str:
    """Return `value` with its thousands apart as the language writes them (100 000; 100,000)."""
    return f"{value:,}".replace(",", _THOUSANDS.get(_language, ","))


def translate_argparse() -> None:
    """Make argparse ask the `argparse` catalogue for its own words ("usage:", "options").

    argparse calls the names `_` and `ngettext` it took from gettext; pointing
    them at the catalogue of the UI language (rather than setting the
    process's gettext domain and LANGUAGE) leaves other code, and the
    programs bftui starts, as they were.
    """
    import argparse

    def text(message: str) -> str:
        return catalogue(_language, "argparse").gettext(message)

    def plural(singular: str, plural: str, count: int) -> str:
        return catalogue(_language, "argparse").ngettext(singular, plural, count)

    argparse._ = text  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
