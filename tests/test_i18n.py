"""The UI strings: gettext catalogues in both languages, plural forms for counts."""

from __future__ import annotations

import argparse
import gettext
import io
import re
import string
from pathlib import Path

import pytest

from bftui import pofiles
from bftui.i18n import LOCALE_DIR, catalogue, set_language, t, tn, translate_argparse
from bftui.pofiles import CatalogueError, compile_mo, parse


def entries(language: str, domain: str = "bftui") -> dict[str, pofiles.Entry]:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    return {
        e.msgid: e for e in parse(path.read_text(encoding="utf-8"), path) if e.msgid
    }


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()  # A lone brace: a text never formatted.


def test_every_message_is_in_both_languages() -> None:
    swedish, english = entries("sv"), entries("en")
    assert swedish.keys() == english.keys()
    for key in swedish:
        for entry in (swedish[key], english[key]):
            assert all(text.strip() for text in entry.strings.values()), key


def test_both_languages_fill_in_the_same_values() -> None:
    swedish, english = entries("sv"), entries("en")
    for key, entry in swedish.items():
        # A plural's singular may say "one" in words instead of "{count}".
        texts = [*entry.strings.values(), *english[key].strings.values()]
        names = {frozenset(placeholders(text) - {"count"}) for text in texts}
        assert len(names) == 1, (key, names)


def test_every_count_has_its_plural_forms() -> None:
    for language in ("sv", "en"):
        for key, entry in entries(language).items():
            counted = any("count" in placeholders(s) for s in entry.strings.values())
            assert counted == (entry.plural is not None), key
            if entry.plural is not None:
                assert sorted(entry.strings) == [0, 1], key


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [("sv", "1 träff", "3 träffar"), ("en", "1 match", "3 matches")],
)
def test_a_count_picks_its_form(language: str, one: str, many: str) -> None:
    set_language(language)
    assert tn("reader.matches", 1) == one
    assert tn("reader.matches", 3) == many


def test_an_unknown_key_shows_as_itself() -> None:
    assert t("no.such.key") == "no.such.key"


def test_argparse_speaks_swedish() -> None:
    set_language("sv")
    translate_argparse()
    parser = argparse.ArgumentParser(prog="x")
    parser.add_argument("path")
    help_text = parser.format_help()
    assert help_text.startswith("användning: x")
    assert "flaggor:" in help_text and "visa den här hjälpen och avsluta" in help_text


ARGPARSE_DEVELOPER_ERRORS = re.compile(
    r"invalid|cannot|conflicting|dest=|callable|__call__|mutually|required' is|mode|"
    r"unexpected option string"
)


def test_argparse_words_a_user_meets_are_all_translated() -> None:
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    asked = set(re.findall(r"""_\((['"])(.*?)\1\)""", source))
    translated = entries("sv", "argparse")
    for _, message in asked:
        text = message.encode().decode("unicode_escape")
        if (
            ARGPARSE_DEVELOPER_ERRORS.search(text)
            and "choice" not in text
            and text != "invalid %(type)s value: %(value)r"
        ):
            continue
        assert text in translated, text


def test_po_strings_round_trip_through_mo() -> None:
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n'
        'Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '# a comment\nmsgid "a"\nmsgstr ""\n"rad 1\\n"\n"rad \\"2\\"\\tå"\n\n'
        'msgid "n"\nmsgid_plural "n"\nmsgstr[0] "en"\nmsgstr[1] "flera"\n'
    )
    translations = gettext.GNUTranslations(io.BytesIO(compile_mo(parse(po))))
    assert translations.gettext("a") == 'rad 1\nrad "2"\tå'
    assert translations.ngettext("n", "n", 1) == "en"
    assert translations.ngettext("n", "n", 2) == "flera"


@pytest.mark.parametrize(
    "broken",
    ['msgstr "x"\n', 'msgid "a\nmsgstr "b"\n', 'msgid "a"\nmsgstr "\\q"\n', '"x"\n'],
)
def test_a_broken_catalogue_says_where(broken: str) -> None:
    with pytest.raises(CatalogueError, match=r"^<po>:\d+: "):
        parse(broken)


def test_a_compiled_catalogue_says_what_its_source_says() -> None:
    for compiled in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"):
        source = compiled.with_suffix(".po")
        if compiled.stat().st_mtime_ns < source.stat().st_mtime_ns:
            continue  # Older than its source: i18n compiles the source instead.
        with open(compiled, "rb") as handle:
            built = gettext.GNUTranslations(handle)
        for entry in parse(source.read_text(encoding="utf-8"), source):
            if entry.msgid and entry.plural is None:
                assert built.gettext(entry.msgid) == entry.strings[0]
    assert catalogue("sv").gettext("library.missing").startswith("biblioteket")
