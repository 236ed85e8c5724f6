"""The sharing commands from the command line: init, sync, log, trash and merge-file."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from conftest_values import ARTICLE, EVENT
from gitrepos import git, set_fields

from bftui import cli, paths
from bftui.core.share import autocommit
from bftui.core.share.git import Repo
from bftui.core.store import trash

EVENT_SLUG = Path(EVENT).stem


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_makes_a_library_in_git_and_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "bostadforst"
    code, out, _ = run(capsys, "init", str(root))
    assert code == 0 and str(root) in out
    for name in ("README.md", ".gitignore", ".gitattributes", "bftui.toml"):
        assert (root / name).is_file(), name
    assert (root / "events").is_dir()
    assert git(root, "log", "--format=%s").strip() == "Nytt bibliotek"
    assert git(root, "status", "--porcelain") == ""
    assert "merge-file" in git(root, "config", "merge.bftui.driver")
    config = tomllib.loads(paths.config_file().read_text(encoding="utf-8"))
    assert config["library"] == str(root)
    # Run again: nothing is overwritten, nothing new committed.
    (root / "README.md").write_text("Vår egen\n", encoding="utf-8")
    assert run(capsys, "init", str(root))[0] == 0
    assert (root / "README.md").read_text(encoding="utf-8") == "Vår egen\n"
    assert git(root, "rev-list", "--count", "HEAD").strip() == "1"


def test_init_ignores_what_bftui_writes_for_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    assert run(capsys, "init", str(root), "--sample")[0] == 0
    trash.move_to_trash(root, root / ARTICLE)
    (root / "x.md.lock").write_text("{}", encoding="utf-8")
    (root / ".bftui-abc.tmp").write_text("", encoding="utf-8")
    assert git(root, "status", "--porcelain", "--ignored=no") == ""
    assert run(capsys, "--library", str(root), "check")[0] == 0


def test_init_from_a_remote_and_its_failures(
    remote: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "init", str(tmp_path / "m"), "--from", str(remote))
    assert code == 0 and "klonat" in out
    assert (tmp_path / "m" / EVENT).is_file()
    code, _, err = run(capsys, "init", str(tmp_path / "m"), "--from", str(remote))
    assert code == 1 and "inte tom" in err
    missing = str(tmp_path / "finns-inte.git")
    code, _, err = run(capsys, "init", str(tmp_path / "n"), "--from", missing)
    assert code == 1 and "kunde inte nå" in err
    assert not (tmp_path / "n").exists()


def test_sync_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "sync")  # no library set: the sample
    assert code == 2 and "bftui init" in err
    root = tmp_path / "solo"
    run(capsys, "init", str(root))
    code, _, err = run(capsys, "--library", str(root), "sync")
    assert code == 2 and "remote add origin" in err


def test_sync_of_a_plain_git_clone(
    remote: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "vanlig"
    git(tmp_path, "clone", "-q", str(remote), str(clone))
    code, out, err = run(capsys, "--library", str(clone), "sync")
    assert code == 0 and "allt är redan synkat" in out
    assert "hämtar från origin" in err
    assert "merge-file" in git(clone, "config", "merge.bftui.driver")
    git(clone, "remote", "set-url", "origin", str(tmp_path / "borta.git"))
    code, _, err = run(capsys, "--library", str(clone), "sync")
    assert code == 1 and "inget gick förlorat" in err


def test_log_show_and_diff(
    cities: dict[str, Repo], capsys: pytest.CaptureFixture[str]
) -> None:
    malmo = cities["Malmö"].library
    set_fields(malmo, EVENT, {"city": "Lund", "venue": "Stadshallen"})
    code, out, _ = run(capsys, "--library", str(malmo), "log", EVENT_SLUG)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "Malin Malmö" in lines[0] and "Sparade Svenska Bostad" in lines[0]
    first = lines[1].split()[0]
    code, out, _ = run(
        capsys, "--library", str(malmo), "log", EVENT_SLUG, "--show", first
    )
    assert code == 0 and "Lund" not in out and out.startswith("# The seed")
    code, out, _ = run(
        capsys, "--library", str(malmo), "log", EVENT_SLUG, "--diff", first
    )
    assert code == 0
    assert "~ Ort" in out and '    + "Lund"' in out
    assert "+ Lokal" in out and '    + "Stadshallen"' in out
    code, _, err = run(capsys, "--library", str(malmo), "log", "finns-inte")
    assert code == 2


def test_log_follows_a_renamed_item(
    cities: dict[str, Repo], capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: after `git mv` the log began at the rename, the rest was lost."""
    malmo = cities["Malmö"].library
    set_fields(malmo, EVENT, {"city": "Lund"})
    renamed = "events/2019-traff-i-malmo.toml"
    git(malmo, "mv", EVENT, renamed)
    git(malmo, "commit", "-q", "-m", "Nytt namn")
    slug = Path(renamed).stem
    code, out, _ = run(capsys, "--library", str(malmo), "log", slug)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert "Nytt namn" in lines[0] and "Sparade Svenska Bostad" in lines[1]
    first = lines[2].split()[0]
    code, out, _ = run(capsys, "--library", str(malmo), "log", slug, "--show", first)
    assert code == 0 and "Lund" not in out and out.startswith("# The seed")
    code, out, _ = run(capsys, "--library", str(malmo), "log", slug, "--diff", first)
    assert code == 0 and '    + "Lund"' in out
    saved = lines[1].split()[0]
    code, out, _ = run(
        capsys, "--library", str(malmo), "log", slug, "--diff", first, saved
    )
    assert code == 0 and '    + "Lund"' in out


def test_trash_list_and_restore_from_trash_and_history(
    git_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    autocommit.enable()
    trash.move_to_trash(git_library, git_library / EVENT)
    git(git_library, "rm", "-q", ARTICLE)
    git(git_library, "commit", "-q", "-m", "bort för hand")
    code, out, _ = run(capsys, "--library", str(git_library), "trash", "list")
    assert code == 0
    assert EVENT in out and ARTICLE in out and "ur historiken" in out
    assert out.count(EVENT) == 1  # in the trash, not again from history
    slug = Path(ARTICLE).stem
    for name in (EVENT_SLUG, slug):
        code, out, _ = run(
            capsys, "--library", str(git_library), "trash", "restore", name
        )
        assert code == 0, name
    assert (git_library / EVENT).is_file() and (git_library / ARTICLE).is_file()
    assert git(git_library, "status", "--porcelain") == ""
    assert git(git_library, "log", "-1", "--format=%s").startswith("Återställde")
    code, _, err = run(capsys, "--library", str(git_library), "trash", "restore", slug)
    assert code == 2 and "inget raderat" in err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


EVENT_TEXT = 'title = "Träff"\nyear = 2025\ncity = "Malmö"\n'


def test_merge_file_merges_fields_and_keeps_a_conflict_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = write(tmp_path, "base", EVENT_TEXT)
    ours = write(tmp_path, "ours", EVENT_TEXT.replace("Träff", "Träffen"))
    theirs = write(tmp_path, "theirs", EVENT_TEXT.replace("Malmö", "Lund"))
    name = "events/2025-traff.toml"
    assert run(capsys, "merge-file", str(base), str(ours), str(theirs), name)[0] == 0
    assert tomllib.loads(ours.read_text("utf-8")) == {
        "title": "Träffen",
        "year": 2025,
        "city": "Lund",
    }
    write(tmp_path, "theirs", EVENT_TEXT.replace("Träff", "Mötet"))
    assert run(capsys, "merge-file", str(base), str(ours), str(theirs), name)[0] == 1
    merged = ours.read_text("utf-8")
    assert "<<<<<<<" not in merged
    assert tomllib.loads(merged)["title"] == "Träffen"


def test_merge_file_leaves_other_files_to_git_s_line_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = write(tmp_path, "base", "a\nb\nc\n")
    ours = write(tmp_path, "ours", "A\nb\nc\n")
    theirs = write(tmp_path, "theirs", "a\nb\nC\n")
    code = run(capsys, "merge-file", str(base), str(ours), str(theirs), "README.md")[0]
    assert code == 0 and ours.read_text("utf-8") == "A\nb\nC\n"


def test_without_git_init_makes_the_library_and_sync_says_why_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    root = tmp_path / "utan-git"
    code, out, err = run(capsys, "init", str(root))
    assert code == 0 and "git finns inte" in err
    assert (root / "bftui.toml").is_file() and not (root / ".git").exists()
    code, _, err = run(capsys, "--library", str(root), "sync")
    assert code == 2 and "git finns inte" in err
    autocommit.enable()
    assert (
        run(
            capsys,
            "--library",
            str(root),
            "new",
            "event",
            "--title",
            "X",
            "--year",
            "2025",
        )[0]
        == 0
    )


def test_init_starts_on_main_unless_the_user_chose_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "config", "--global", "--unset", "init.defaultBranch")
    run(capsys, "init", str(tmp_path / "a"))
    assert git(tmp_path / "a", "branch", "--show-current").strip() == "main"
    git(tmp_path, "config", "--global", "init.defaultBranch", "trunk")
    run(capsys, "init", str(tmp_path / "b"))
    assert git(tmp_path / "b", "branch", "--show-current").strip() == "trunk"


def test_opening_a_plain_clone_sets_it_up(remote: Path, tmp_path: Path) -> None:
    from bftui.core.share.git import find_repo

    clone = tmp_path / "vanlig"
    git(tmp_path, "clone", "-q", str(remote), str(clone))
    assert find_repo(clone) is not None
    assert "merge-file" in git(clone, "config", "merge.bftui.driver")
    assert ".trash/" in (clone / ".git" / "info" / "exclude").read_text("utf-8")


def test_merge_file_keeps_ours_when_the_merge_itself_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bftui.core.share import mergefile

    def broken(*_args: object) -> None:
        raise RecursionError("deep")

    monkeypatch.setattr(mergefile, "merge_item", broken)
    base = write(tmp_path, "base", EVENT_TEXT)
    ours = write(tmp_path, "ours", EVENT_TEXT.replace("Träff", "Träffen"))
    theirs = write(tmp_path, "theirs", EVENT_TEXT.replace("Malmö", "Lund"))
    code, _, err = run(
        capsys, "merge-file", str(base), str(ours), str(theirs), "events/t.toml"
    )
    assert code == 1 and "Traceback" not in err
    assert ours.read_text("utf-8") == EVENT_TEXT.replace("Träff", "Träffen")


def test_another_install_s_driver_is_kept_a_gone_one_replaced(
    git_library: Path,
) -> None:
    from bftui.core.share.git import open_repo
    from bftui.core.share.setup import driver_command, prepare

    repo = open_repo(git_library)
    other = f"{shutil.which('python3')} -m bftui merge-file %O %A %B %P"
    git(git_library, "config", "merge.bftui.driver", other)
    prepare(repo)
    assert git(git_library, "config", "merge.bftui.driver").strip() == other
    git(
        git_library,
        "config",
        "merge.bftui.driver",
        "/gone/python -m bftui merge-file %O %A %B %P",
    )
    prepare(repo)
    assert git(git_library, "config", "merge.bftui.driver").strip() == driver_command()


def test_autocommit_off_in_the_settings_leaves_commits_to_sync(
    git_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bftui.core.share.git import open_repo
    from bftui.core.share.status import state

    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text("autocommit = false\n", encoding="utf-8")
    lib = str(git_library)
    code, out, _ = run(
        capsys, "--library", lib, "new", "event", "--title", "Y", "--year", "2025"
    )
    assert code == 0
    assert git(git_library, "rev-list", "--count", "HEAD").strip() == "1"
    assert state(open_repo(git_library)).by_bftui == ("events/2025-y.toml",)
    assert (
        run(capsys, "--library", lib, "sync")[0] == 2
    )  # no remote: said, after committing
    assert git(git_library, "log", "-1", "--format=%s").strip() == "Nytt evenemang: Y"


def test_init_from_a_folder_named_relative_to_here(
    remote: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(remote.parent)
    code, _, err = run(capsys, "init", "sub/dir/klon", "--from", remote.name)
    assert code == 0, err
    assert (remote.parent / "sub" / "dir" / "klon" / EVENT).is_file()
