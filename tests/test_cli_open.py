"""`bftui X` opens what X names: a library, an item file or a slug; anything else is an error."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from bftui import cli

EVENT = "2019-natverkstraff-malmo"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Path | None]]:
    """Record what the app would open, without starting it, as on a terminal."""
    calls: list[tuple[Path, Path | None]] = []

    def run_app(
        root: Path, settings: object, *, open_item: Path | None, **_: object
    ) -> int:
        calls.append((root, open_item))
        return 0

    fake = types.ModuleType("bftui.tui.app")
    fake.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bftui.tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    return calls


def test_a_slug_opens_that_item_in_the_chosen_library(
    library_path: Path, opened: list[tuple[Path, Path | None]]
) -> None:
    assert cli.main([EVENT, "--library", str(library_path)]) == 0
    assert cli.main(["open", EVENT, "--library", str(library_path)]) == 0
    event = library_path.resolve() / "events" / f"{EVENT}.toml"
    assert opened == [(library_path, event), (library_path, event)]


def test_an_article_in_a_subfolder_is_found_by_its_slug(
    library_path: Path, opened: list[tuple[Path, Path | None]]
) -> None:
    article = next(library_path.glob("*.md"))
    (library_path / "2020").mkdir()
    moved = article.rename(library_path / "2020" / article.name)
    assert cli.main(["open", article.stem, "--library", str(library_path)]) == 0
    assert opened == [(library_path, library_path.resolve() / "2020" / moved.name)]


def test_a_file_opens_its_own_library_on_it(
    library_path: Path,
    opened: list[tuple[Path, Path | None]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(library_path / "events")
    assert cli.main([f"{EVENT}.toml"]) == 0
    assert opened == [
        (library_path, library_path.resolve() / "events" / f"{EVENT}.toml")
    ]


def test_a_folder_is_still_a_library(
    library_path: Path, opened: list[tuple[Path, Path | None]]
) -> None:
    assert cli.main([str(library_path)]) == 0
    assert opened == [(library_path, None)]


@pytest.mark.parametrize(
    ("typed", "meant"), [("lsit", "list"), ("chekc", "check"), ("opne", "open")]
)
def test_a_mistyped_command_names_the_nearest_one(
    typed: str,
    meant: str,
    library_path: Path,
    opened: list[tuple[Path, Path | None]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main([typed, "--library", str(library_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"bftui: inget kommando, ingen mapp och inget objekt heter {typed}; "
        f"menade du bftui {meant}?\n"
    )
    assert opened == []


def test_an_unknown_word_without_a_near_command(
    library_path: Path,
    opened: list[tuple[Path, Path | None]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--lang", "en", "zzzzzz", "--library", str(library_path)]) == 2
    assert (
        capsys.readouterr().err
        == "bftui: no command, folder or item is called zzzzzz\n"
    )


def test_without_a_terminal_the_app_refuses_and_exits_2(library_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bftui", str(library_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""  # No escape codes written to a file or pipe.
    assert "behöver en terminal" in result.stderr


def test_show_on_a_terminal_renders_the_markdown_in_a_pager(
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import pydoc

    paged: list[str] = []
    monkeypatch.setattr(pydoc, "pager", paged.append)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("LESS", raising=False)
    assert cli.main(["show", EVENT, "--library", str(library_path)]) == 0
    [page] = paged
    assert "\x1b[" in page  # Styled for the terminal ...
    assert "Svenska Bostad först-nätverkets träff 2019" in page
    assert "# Svenska" not in page  # ... not Markdown source.
    assert os.environ["LESS"] == "-FRX"
    assert capsys.readouterr().out == ""


def test_show_in_a_pipe_stays_markdown(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["show", EVENT, "--library", str(library_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "\x1b[" not in out


def test_show_markdown_on_a_terminal(
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["show", EVENT, "--markdown", "--library", str(library_path)]) == 0
    assert capsys.readouterr().out.startswith("# ")
