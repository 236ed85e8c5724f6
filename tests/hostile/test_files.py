"""Files that are not what they seem: link loops, endless devices, FIFOs, locked folders.

Each is a problem with its path and a message, or a refusal that says why;
nothing hangs, grows without bound or ends in a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bftui import cli
from bftui.core import fileio
from bftui.core.index.headlines import cold_outline
from bftui.core.library.links import resolve_link
from bftui.core.library.loading import load
from bftui.core.store import snapshots
from bftui.core.store.atomic import StorageError
from bftui.core.transfer.importer import ImportProblem, import_file
from bftui.i18n import t
from bftui.settings import load_settings

from .every_command import run_every_command

EVENT = "2019-natverkstraff-malmo"
LOOPS = ("loopA.md", "loopB.md", "del/ring.md", "events/slinga.toml")


def _make_loops(library: Path) -> None:
    (library / "loopA.md").symlink_to("loopB.md")
    (library / "loopB.md").symlink_to("loopA.md")
    (library / "del").mkdir()
    (library / "del" / "ring.md").symlink_to("ring.md")
    (library / "events" / "slinga.toml").symlink_to("slinga.toml")
    # A looping folder link is neither walked into nor an article.
    (library / "varv").symlink_to("varv")


def test_link_loops_are_problems_in_every_command(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_loops(sample_copy)
    library = load(sample_copy)
    loop = t("problem.unreadable", error=t("file.loop"))
    assert {(p.path.as_posix(), p.message) for p in library.problems} == {
        (name, loop) for name in LOOPS
    }
    assert len(library.articles) == 1 and len(library.events) == 2
    results = run_every_command(sample_copy, tmp_path, capsys)
    status, printed, _ = results["check"]
    assert status == 1
    assert {line.split(":")[0] for line in printed.splitlines()} == set(LOOPS)


def test_a_link_to_a_loop_leads_nowhere(sample_copy: Path) -> None:
    _make_loops(sample_copy)
    library = load(sample_copy)
    source = library.articles[0].path
    for href in ("loopA.md", "del/ring.md", "events/slinga.toml", "varv/x.md"):
        assert resolve_link(href, source, library).kind == "refused"
    assert library.item_at(sample_copy / "loopB.md") is None


def test_resolve_says_loop_in_an_os_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OSError, match=t("file.loop")):
        fileio.resolve(tmp_path / "a" / "c")


# Reading files of unknown size.


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "rör.md"
    os.mkfifo(path)
    return path


SPECIAL = {
    "/dev/zero": lambda tmp: Path("/dev/zero"),
    "/dev/urandom": lambda tmp: Path("/dev/urandom"),
    "fifo": _fifo,
    "folder": lambda tmp: tmp,
}


@pytest.mark.parametrize("kind", SPECIAL)
def test_the_bounded_reader_refuses_what_is_no_regular_file(
    tmp_path: Path, kind: str
) -> None:
    path = SPECIAL[kind](tmp_path)
    with pytest.raises(fileio.NotRegularFileError) as caught:
        fileio.read_bytes(path, 10)
    assert str(caught.value) == f"{path}: {t('file.not_regular')}"


def test_the_bounded_reader_reads_no_more_than_its_limit_whatever_stat_says(
    tmp_path: Path,
) -> None:
    # /proc files are regular files whose stat size is 0.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(fileio.TooLargeError):
        fileio.read_bytes(status, 10)
    assert fileio.read_bytes(status, 1 << 20).startswith(b"Name:")
    exact = tmp_path / "tio"
    exact.write_bytes(b"0123456789")
    assert fileio.read_bytes(exact, 10) == b"0123456789"
    with pytest.raises(fileio.TooLargeError):
        fileio.read_bytes(exact, 9)


@pytest.mark.parametrize("kind", SPECIAL)
def test_import_refuses_what_is_no_regular_file(tmp_path: Path, kind: str) -> None:
    path = SPECIAL[kind](tmp_path)
    with pytest.raises(ImportProblem, match="ingen vanlig fil"):
        import_file(path)


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo"])
def test_the_cli_refuses_endless_or_blocking_files(
    sample_copy: Path,
    tmp_path: Path,
    kind: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(SPECIAL[kind](tmp_path))
    library = ["--library", str(sample_copy)]
    new = [*library, "new", "article", "--title", "T", "--kind", "news"]
    for argv in (
        [*library, "import", path],
        [*new, "--published", "2021-01-01", "--body-file", path],
    ):
        assert cli.main(argv) == 1
        assert "ingen vanlig fil" in capsys.readouterr().err
    assert len(load(sample_copy).articles) == 1


def test_a_body_on_stdin_is_read_only_up_to_the_limit(sample_copy: Path) -> None:
    argv = [
        *("--library", str(sample_copy), "new", "article", "--title", "T"),
        *("--kind", "news", "--published", "2021-01-01", "--body-file", "-"),
    ]
    with open("/dev/zero", "rb") as endless:
        done = subprocess.run(
            [sys.executable, "-m", "bftui", *argv],
            stdin=endless,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert t("file.too_large", limit="50") in done.stderr
    assert "Traceback" not in done.stderr


def test_a_config_file_that_is_a_fifo_is_reported_not_waited_for(
    tmp_path: Path,
) -> None:
    path = _fifo(tmp_path)
    settings, problems = load_settings(path)
    assert settings.language == "sv"
    assert [p.path for p in problems] == [path]
    assert t("file.not_regular") in problems[0].message


def test_library_files_that_are_devices_or_fifos_are_problems(
    sample_copy: Path,
) -> None:
    os.mkfifo(sample_copy / "rör.md")
    os.mkfifo(sample_copy / "events" / "rör.toml")
    (sample_copy / "noll.md").symlink_to("/dev/zero")
    library = load(sample_copy)
    assert {p.path.as_posix() for p in library.problems} >= {
        "rör.md",
        "events/rör.toml",
        "noll.md",
    }
    with pytest.raises(StorageError, match=re.escape(t("file.not_regular"))):
        snapshots.snapshot(sample_copy / "rör.md")


def test_the_cold_start_outline_passes_over_fifos_and_devices(
    sample_copy: Path,
) -> None:
    os.mkfifo(sample_copy / "rör.md")
    (sample_copy / "noll.md").symlink_to("/dev/zero")
    (sample_copy / "events" / "noll.toml").symlink_to("/dev/zero")
    outline = cold_outline(sample_copy)
    assert [year.count for year in outline.articles] == [1]
    assert sum(year.count for year in outline.events) == 2


# A folder that cannot be read.


@pytest.fixture
def unlistable(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Make os.scandir refuse the folders put in the returned set, even for root."""
    refused: set[str] = set()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) in refused:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


def test_an_unreadable_folder_is_a_problem_not_missing_articles(
    sample_copy: Path, unlistable: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (sample_copy / "arkiv").mkdir()
    article = next(sample_copy.glob("*.md"))
    (sample_copy / "arkiv" / "gammal.md").write_bytes(article.read_bytes())
    unlistable.update({str(sample_copy / "arkiv"), str(sample_copy / "events")})
    library = load(sample_copy)
    message = t("problem.folder_unreadable", error="Permission denied")
    folders = [(p.path.as_posix(), p.message) for p in library.problems[1:]]
    assert folders == [("arkiv", message), ("events", message)]
    # Without its events, the article names an unknown one.
    assert library.problems[0].message == t("problem.unknown_event", slug=EVENT)
    assert cli.main(["--library", str(sample_copy), "check"]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[1:] == [f"arkiv:1: {message}", f"events:1: {message}"]
    # The search index (its own scan) says the same.
    assert cli.main(["--library", str(sample_copy), "search", "Malmö"]) == 0


def test_an_unreadable_folder_is_reported_by_the_index(
    sample_copy: Path, unlistable: set[str]
) -> None:
    from bftui.core.index.build import Index

    (sample_copy / "arkiv").mkdir()
    unlistable.add(str(sample_copy / "arkiv"))
    index = Index.open(sample_copy)
    problems = index.sync().problems
    assert [p.path.as_posix() for p in problems] == ["arkiv"]
    unlistable.clear()
    assert index.sync().problems == []
