"""The config file: problems at their real lines, and `bftui config` says what is in force."""

from __future__ import annotations

from pathlib import Path

import pytest

from bftui.cli import main
from bftui.paths import config_file


def write_config(text: str) -> Path:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_misspelt_key_is_named_at_its_line_with_the_key_meant(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('# mine\n\nlangauge = "en"\n')
    status, _, err = run(capsys, "list", "--library", str(library_path))
    assert status == 0
    assert f"bftui: {path}:3: okänd inställning langauge; menade du language?\n" in err


def test_a_bad_value_is_reported_at_its_line_and_the_default_kept(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('language = "sv"\nmouse = "ja"\n')
    _, _, err = run(capsys, "--lang", "en", "list", "--library", str(library_path))
    assert f"bftui: {path}:2: invalid value for mouse, the default is used\n" in err


def test_broken_toml_is_reported_at_the_line_toml_names(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('language = "sv"\n\ntheme = \n')
    _, _, err = run(capsys, "list", "--library", str(library_path))
    assert err.startswith(f"bftui: {path}:3: ")


def test_config_prints_the_settings_in_force_and_their_origin(
    library_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_config('# mine\nwatch = "poll"\n\n[keymap]\n"main.toc" = "t,ctrl+t"\n')
    monkeypatch.setenv("BFTUI_LIBRARY", str(library_path))
    status, out, err = run(capsys, "--lang", "en", "config")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"# settings file: {path} (exists)"
    assert any(
        line.startswith('language = "en"') and line.endswith("# --lang")
        for line in lines
    )
    assert any(
        line.startswith('watch = "poll"') and line.endswith("line 2") for line in lines
    )
    assert any(
        line.startswith("mouse = true") and line.endswith("# default") for line in lines
    )
    assert any(
        line.startswith("library = ") and line.endswith("# BFTUI_LIBRARY")
        for line in lines
    )
    assert '"main.toc" = "t,ctrl+t"  # settings file, line 5' in lines


def test_an_unknown_keymap_id_is_a_problem_at_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_config('[keymap]\n"main.toc" = "t"\n"main.tocc" = "x"\n')
    status, _, err = run(capsys, "config")
    assert status == 1
    assert (
        err
        == f"bftui: {path}:3: [keymap]: ingen tangent har id main.tocc (se ? i appen)\n"
    )


def test_config_path_prints_only_the_path(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "config", "--path")
    assert (status, out) == (0, f"{config_file()}\n")


def test_without_a_file_config_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "config")
    assert status == 0
    assert out.startswith(
        f"# inställningsfil: {config_file()} (finns inte, standardvärden gäller)\n"
    )
