"""A hostile environment: read-only or vanished library, broken config, no cache, tiny screen.

Each gives a clear message or a degraded but working app, never a traceback.
Real terminals (TERM=dumb/linux/xterm, NO_COLOR) run in tmux:
`python tests/hostile/harness/terminals.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from appdriver import main_screen, settle, shown_text, wait_for
from textual.widgets import Input, Static

from bftui import cli, paths
from bftui.core.index.build import Index
from bftui.core.library.loading import load
from bftui.i18n import t
from bftui.paths import bundled_library
from bftui.settings import Settings, load_settings
from bftui.tui.app import BftuiApp
from bftui.tui.screens.help import HelpScreen
from bftui.tui.screens.problems import ProblemsScreen
from bftui.tui.screens.toc import TocScreen

from .harness import terminals


def _writes_refused(folder: Path) -> bool:
    try:
        (folder / "probe").touch()
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


@pytest.fixture
def read_only_library(tmp_path: Path) -> Iterator[Path]:
    """Return a copy of the sample on a read-only file system (or read-only folders)."""
    target = tmp_path / "ro"
    target.mkdir()
    mounted = os.geteuid() == 0 and (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "bftui", str(target)],
                       capture_output=True).returncode == 0
    )  # fmt: skip
    shutil.copytree(bundled_library(), target, dirs_exist_ok=True)
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(target)], check=True)
    else:
        for path in [target, *target.rglob("*")]:
            path.chmod(
                path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
            )
    try:
        if not _writes_refused(target):
            pytest.skip("cannot make a read-only folder here (root without mount)")
        yield target
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(target)], check=False)
        else:
            for path in [target, *target.rglob("*")]:
                path.chmod(path.stat().st_mode | stat.S_IWUSR)


async def test_a_read_only_library_reads_and_saving_says_why(
    read_only_library: Path,
) -> None:
    article = next(read_only_library.glob("*.md"))
    before = article.read_bytes()
    app = BftuiApp(read_only_library)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None and screen.library.problems == []
        item = screen.library.articles[0]
        screen.library_tree.show_item(item)
        await pilot.press("enter")
        await settle(pilot)
        assert item.title[:20] in "\n".join(
            line.text for line in screen.document.rendered.lines
        )
        await pilot.press("E")
        await settle(pilot)
        title = next(i for i in app.screen.query(Input) if item.title in i.value)
        title.value = item.title + " ändrad"
        await pilot.press("ctrl+s")
        await settle(pilot)
        message = str(app.screen.query_one(".form-message", Static).render())
        assert t("storage.read_only") in message
        assert app.is_running
    assert article.read_bytes() == before


async def test_the_library_deleted_while_running_is_reported(sample_copy: Path) -> None:
    app = BftuiApp(sample_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        screen.library_tree.show_item(screen.library.articles[0])
        await pilot.press("enter")
        await settle(pilot)
        shutil.rmtree(sample_copy)
        await pilot.press("r")
        await settle(pilot)
        assert screen.library is not None
        assert [p.message for p in screen.library.problems] == [
            t("library.missing", path=sample_copy.resolve())
        ]
        await pilot.press("p")
        await settle(pilot)
        shown = app.export_screenshot().replace("&#160;", " ")
        assert t("library.missing", path="").split(":")[0] in shown
        assert app.is_running


def test_a_deleted_library_is_a_problem_for_the_loader(tmp_path: Path) -> None:
    """Regression: a vanished folder loaded as an empty library, without a word."""
    library = load(tmp_path / "borta")
    assert len(library.problems) == 1 and library.items() == []


BROKEN_CONFIGS = [
    # (the file, how many problems it must report)
    (b"language = \n[", 1),
    (b"\xff\xfe not utf-8", 1),
    (b'language = 1\ntheme = ["x"]\nmouse = "yes"\nlibrary = 42\nwatch = "never"\n', 5),
    (b'keymap = "ctrl+q"\n', 1),
    # Odd keys and unknown names: no problem to report, and the app still works.
    (b'[keymap]\n"main.quit" = "ctrl+???,,"\n"no.such" = "x"\n"main.help" = ""\n', 0),
    (b'theme = "no-such-theme"\n', 0),
]


@pytest.mark.parametrize(("config", "reported"), BROKEN_CONFIGS)
async def test_a_broken_config_gives_a_message_and_a_working_app(
    config: bytes,
    reported: int,
    sample_copy: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(config)
    settings, problems = load_settings(path)
    assert len(problems) == reported
    assert all(problem.path == path for problem in problems)
    assert cli.main(["list", "--library", str(sample_copy)]) == 0
    err = capsys.readouterr().err
    assert all(str(problem) in err for problem in problems)
    app = BftuiApp(sample_copy, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        assert app.theme == "textual-dark"  # the default, for a name it does not know
        screen.library_tree.show_item(screen.library.articles[0])
        await pilot.press("enter", "question_mark")
        await settle(pilot)
        assert "Anita Svantesson" in shown_text(pilot)
        assert isinstance(app.screen, HelpScreen)  # "main.help" = "" keeps "?"
        await pilot.press("escape", "ctrl+q")
        await settle(pilot)
        assert app.return_code == 0


def test_an_unwritable_cache_keeps_the_search_index_in_memory(
    sample_copy: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("not a folder")
    index = Index.open(sample_copy, blocked / "bftui")
    try:
        assert index.where is None
        index.sync()
        assert len(index.library().articles) == 1
        assert index.search("Malmö")
    finally:
        index.close()


async def test_an_unwritable_cache_folder_does_not_stop_the_app(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "cache-file"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    app = BftuiApp(sample_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert main_screen(pilot).library is not None
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.is_running


async def test_a_40_by_12_terminal_without_colour_still_works(
    sample_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = BftuiApp(sample_copy, Settings())
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        screen.library_tree.show_item(screen.library.articles[0])
        await pilot.press("enter")
        await settle(pilot)
        assert screen.document.rendered.lines
        await pilot.press("b")
        await settle(pilot)
        assert not screen.library_tree.region  # the text has the whole width
        assert screen.document.region.width == 40
        for keys, shown in (
            (("b", "question_mark"), HelpScreen),
            (("escape", "p"), ProblemsScreen),
            (("escape", "t"), TocScreen),
        ):
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, shown)
        await pilot.press("escape", "slash", "s", "t", "o", "c", "k")
        await wait_for(
            pilot,
            lambda: (
                [i.slug for i in screen.library_tree.shown_items]
                == ["2020-natverkstraff-stockholm"]
            ),
            "the filter finds Stockholm",
        )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.xfail(
    sys.version_info >= (3, 13),
    reason="open: on Python 3.13 the app once did not draw its library within 20 s "
    "in tmux with TERM=linux or dumb (seen on an idle CI machine); no traceback",
    strict=False,
)
def test_real_terminals_in_tmux_never_show_a_traceback() -> None:
    # As a reviewer runs it: its own process, environment and library copy.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        [sys.executable, terminals.__file__], capture_output=True, text=True, env=env
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(terminals.SETTINGS), result.stderr
    for line in lines:
        assert line["drew_library"] and not line["traceback"], line
        assert line["exit_status"] == 0, line
