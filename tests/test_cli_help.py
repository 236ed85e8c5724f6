"""Every command's help says what each argument takes, in the UI language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.cli import main


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


def test_import_says_what_its_file_is(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(capsys, "import")
    [line] = [line for line in text.splitlines() if line.strip().startswith("FIL ")]
    assert "en sparad webbsida (.html) eller text (.txt)" in line


def test_field_options_name_what_they_take(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(capsys, "new", "event")
    assert "VÄRDE" not in text
    assert "--start DATUM" in text and "2025-05-09 09:30" in text
    assert "--participants ANTAL" in text and "--year ÅR" in text
    article = help_of(capsys, "--lang", "en", "new", "article")
    assert "--published YYYY-MM-DD" in article and "--source URL" in article


def test_the_delimiter_is_named_readably_and_tab_is_a_word(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    text = help_of(capsys, "export", "csv")
    assert "{,,;" not in text and "--delimiter TECKEN" in text and "tab" in text
    assert (
        main(["export", "csv", "--delimiter", "tab", "--library", str(library_path)])
        == 0
    )
    assert "slug\ttitle\t" in capsys.readouterr().out
    assert (
        main(["export", "csv", "--delimiter", "x", "--library", str(library_path)]) == 2
    )
    assert "x är ingen fältavgränsare" in capsys.readouterr().err


def test_every_command_has_one_options_section_in_swedish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (["import"], ["list"], ["new", "event"], ["export", "csv"], ["config"]):
        text = help_of(capsys, *argv)
        assert text.startswith("användning: bftui")
        assert text.count("flaggor:") == 1, argv
        assert "options:" not in text and "show this help" not in text


def test_log_diff_says_it_takes_one_version_or_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for language, alone in (("sv", "med bara A"), ("en", "with A alone")):
        text = help_of(capsys, "--lang", language, "log")
        assert "--diff A [B]" in text and "[B ...]" not in text
        assert alone in " ".join(text.split())
    assert main(["log", "x", "--diff", "a", "b", "c"]) == 2
    assert "c" in capsys.readouterr().err.splitlines()[-1]
