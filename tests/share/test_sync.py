"""Three editors (Malmö, Stockholm, Göteborg) share one library through a bare remote."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from conftest_values import ARTICLE, EVENT
from gitrepos import add_question, git, questions, set_fields

from bftui.core.share import autocommit, conflicts
from bftui.core.share.git import GitError, Repo, open_repo
from bftui.core.share.setup import init_library
from bftui.core.share.status import state
from bftui.core.share.sync import sync
from bftui.paths import bundled_library


def toml(repo: Repo, relative: str) -> dict[str, object]:
    return tomllib.loads((repo.library / relative).read_text(encoding="utf-8"))


def test_questions_added_in_two_clones_both_land(cities: dict[str, Repo]) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    before = questions(malmo.library, ARTICLE)
    add_question(malmo.library, ARTICLE, "Vad gör Malmö nu?", "Bygger vidare.")
    add_question(stockholm.library, ARTICLE, "Vad gör Stockholm nu?", "Lär av Malmö.")
    sync(malmo)
    done = sync(stockholm)
    assert done.received == 1 and done.sent == 2  # its commit and the merge
    sync(malmo)
    # Both after the old ones: the merging clone's own first, then the other's.
    expected = [*before, "Vad gör Stockholm nu?", "Vad gör Malmö nu?"]
    assert questions(malmo.library, ARTICLE) == expected
    assert questions(stockholm.library, ARTICLE) == expected
    text = (malmo.library / ARTICLE).read_text(encoding="utf-8")
    assert text == (stockholm.library / ARTICLE).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    merged = git(stockholm.top, "log", "-1", "--merges", "--format=%s")
    assert merged.strip() == "Hämtade de andras ändringar från origin"


def test_changes_to_different_fields_both_land(cities: dict[str, Repo]) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    set_fields(stockholm.library, EVENT, {"venue": "Folkets hus"})
    sync(malmo)
    sync(stockholm)
    sync(malmo)
    for repo in (malmo, stockholm):
        data = toml(repo, EVENT)
        assert (data["city"], data["venue"]) == ("Lund", "Folkets hus")
    # Comments and key order stay as the file had them.
    text = (malmo.library / EVENT).read_text(encoding="utf-8")
    assert text.startswith("# The seed article names the year only")


def test_a_true_conflict_stops_with_a_valid_file_to_resolve(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    set_fields(stockholm.library, EVENT, {"city": "Uppsala"})
    sync(malmo)
    with pytest.raises(GitError) as caught:
        sync(stockholm)
    assert caught.value.kind == "conflict"
    assert EVENT in caught.value.message
    now = state(stockholm)
    assert now.merging and now.unmerged == (EVENT,)
    assert toml(stockholm, EVENT)["city"] == "Uppsala"  # ours, valid TOML
    stages = git(stockholm.top, "ls-files", "-u", "--", EVENT).splitlines()
    assert [line.split()[2] for line in stages] == ["1", "2", "3"]
    # Syncing again before resolving changes nothing and says so.
    with pytest.raises(GitError) as again:
        sync(stockholm)
    assert again.value.kind == "unresolved"
    # The app lists the conflict from the index and resolves it.
    [file] = conflicts.unmerged(stockholm)
    merge = conflicts.merge_unmerged(file)
    assert [(c.key, c.ours, c.theirs) for c in merge.conflicts] == [
        ("city", "Uppsala", "Lund")
    ]
    conflicts.resolve(stockholm, file, {"city": "theirs"})
    assert state(stockholm).unmerged == ()
    sync(stockholm)
    sync(malmo)
    assert toml(malmo, EVENT)["city"] == toml(stockholm, EVENT)["city"] == "Lund"
    assert not state(stockholm).merging
    merged = git(stockholm.top, "log", "-1", "--merges", "--format=%s")
    assert merged.strip() == "Hämtade de andras ändringar från origin"


def test_an_unreachable_remote_loses_nothing_and_can_be_retried(
    cities: dict[str, Repo], tmp_path: Path
) -> None:
    malmo = cities["Malmö"]
    url = git(malmo.top, "remote", "get-url", "origin").strip()
    git(malmo.top, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    autocommit.enable(commit=False)
    add_question(malmo.library, ARTICLE, "Offline?", "Ja, på tåget.")
    with pytest.raises(GitError) as caught:
        sync(malmo)
    assert caught.value.kind == "network"
    assert "inget gick förlorat" in caught.value.message
    assert state(malmo).ahead == 1  # committed here, kept to send
    git(malmo.top, "remote", "set-url", "origin", url)
    assert sync(malmo).sent == 1
    stockholm = cities["Stockholm"]
    sync(stockholm)
    assert "Offline?" in questions(stockholm.library, ARTICLE)


class _LateFetch(Repo):
    """A clone whose first fetch is missed: its push meets a remote that moved."""

    skipped = False

    def git(self, *args: str, **options: object):  # type: ignore[no-untyped-def]
        if args[0] == "fetch" and not _LateFetch.skipped:
            _LateFetch.skipped = True
            return super().git("rev-parse", "HEAD")
        return super().git(*args, **options)


def test_a_push_refused_as_out_of_date_is_merged_and_sent_again(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    add_question(stockholm.library, ARTICLE, "Först?", "Stockholm.")
    sync(stockholm)
    add_question(malmo.library, ARTICLE, "Sist?", "Malmö.")
    late = _LateFetch(malmo.library, malmo.top, malmo.git_dir)
    progress: list[str] = []
    done = sync(late, progress.append)
    assert any("försöker igen" in step for step in progress)
    assert done.received == 1
    sync(stockholm)
    assert {"Först?", "Sist?"} <= set(questions(stockholm.library, ARTICLE))


def test_hand_edits_are_kept_and_never_shared(cities: dict[str, Repo]) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    hand = malmo.library / ARTICLE
    hand.write_text(hand.read_text(encoding="utf-8") + "\nFör hand.\n", "utf-8")
    set_fields(malmo.library, EVENT, {"city": "Lund"})
    done = sync(malmo)
    assert done.by_hand == (ARTICLE,)
    sync(stockholm)
    assert toml(stockholm, EVENT)["city"] == "Lund"
    assert "För hand." not in (stockholm.library / ARTICLE).read_text("utf-8")
    # The other side changes the hand-edited file: the merge refuses, loses nothing.
    add_question(stockholm.library, ARTICLE, "Krock?", "Nej.")
    sync(stockholm)
    with pytest.raises(GitError) as caught:
        sync(malmo)
    assert caught.value.kind == "dirty" and ARTICLE in caught.value.message
    assert hand.read_text(encoding="utf-8").endswith("För hand.\n")
    assert not state(malmo).merging


def test_a_detached_head_is_refused_plainly(cities: dict[str, Repo]) -> None:
    malmo = cities["Malmö"]
    git(malmo.top, "checkout", "-q", "--detach")
    head = git(malmo.top, "rev-parse", "HEAD")
    with pytest.raises(GitError) as caught:
        sync(malmo)
    assert caught.value.kind == "detached" and "git switch" in caught.value.message
    assert git(malmo.top, "rev-parse", "HEAD") == head


def test_no_remote_is_said_plainly_after_committing(tmp_path: Path) -> None:
    autocommit.enable(commit=False)
    made = init_library(tmp_path / "solo")
    assert made.repo is not None
    with pytest.raises(GitError) as caught:
        sync(made.repo)
    assert caught.value.kind == "no_remote"
    assert "remote add origin" in caught.value.message


def test_a_library_in_a_subfolder_of_a_bigger_repository(tmp_path: Path) -> None:
    autocommit.enable()
    top = tmp_path / "projekt"
    (top / "kod").mkdir(parents=True)
    (top / "kod" / "main.c").write_text("int main;\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "kod")
    made = init_library(top / "docs" / "bibliotek", sample=bundled_library())
    assert made.committed
    bare = tmp_path / "projekt.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(top, "remote", "add", "origin", str(bare))
    assert made.repo is not None and made.repo.prefix == "docs/bibliotek"
    sync(made.repo)
    other = tmp_path / "annan"
    git(tmp_path, "clone", "-q", str(bare), str(other))
    theirs = open_repo(other / "docs" / "bibliotek")
    add_question(made.path, ARTICLE, "Här?", "Ja.")
    add_question(theirs.library, ARTICLE, "Där?", "Också.")
    (top / "kod" / "main.c").write_text("int main(void);\n", encoding="utf-8")
    sync(made.repo)
    sync(theirs)  # a plain git clone: sync sets up the merge driver
    assert questions(theirs.library, ARTICLE)[-2:] == ["Där?", "Här?"]
    assert "merge-file" in git(other, "config", "merge.bftui.driver")
    # The code outside the library was changed by hand: never committed.
    assert git(top, "status", "--porcelain") == " M kod/main.c\n"


def test_with_pull_rebase_the_history_stays_a_line(cities: dict[str, Repo]) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    git(stockholm.top, "config", "pull.rebase", "true")
    add_question(malmo.library, ARTICLE, "Linje?", "Ja.")
    add_question(stockholm.library, ARTICLE, "Rak?", "Också.")
    sync(malmo)
    assert sync(stockholm).sent == 1  # its own commit, rebased: no merge commit
    merges = git(stockholm.top, "rev-list", "--merges", "--count", "HEAD").strip()
    assert merges == "0"
    assert {"Linje?", "Rak?"} <= set(questions(stockholm.library, ARTICLE))


def test_a_branch_that_tracks_another_name_syncs_with_that(
    cities: dict[str, Repo],
) -> None:
    malmo, stockholm = cities["Malmö"], cities["Stockholm"]
    git(stockholm.top, "branch", "-q", "-m", "main", "lokal")
    assert state(stockholm).upstream == "origin/main"
    add_question(stockholm.library, ARTICLE, "Annat namn?", "Samma gren.")
    assert sync(stockholm).sent == 1
    sync(malmo)
    assert "Annat namn?" in questions(malmo.library, ARTICLE)


def test_a_save_in_a_plain_clone_sets_up_the_merge_driver(
    remote: Path, tmp_path: Path
) -> None:
    autocommit.enable()
    clone = tmp_path / "vanlig"
    git(tmp_path, "clone", "-q", str(remote), str(clone))
    add_question(clone, ARTICLE, "Drivrutin?", "Nu.")
    assert "merge-file" in git(clone, "config", "merge.bftui.driver")
    assert git(clone, "log", "-1", "--format=%s").startswith("Ny fråga i")


def test_missing_credentials_are_said_plainly_without_a_prompt(
    cities: dict[str, Repo], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    ssh = tools / "ssh"
    # An ssh that would ask for a passphrase on the terminal if it could open one.
    ssh.write_text(
        "#!/bin/sh\n"
        "if ( : < /dev/tty ) 2>/dev/null; then echo asked >&2; sleep 60; fi\n"
        'echo "git@server: Permission denied (publickey)." >&2\n'
        "exit 255\n",
        encoding="utf-8",
    )
    ssh.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    malmo = cities["Malmö"]
    git(malmo.top, "remote", "set-url", "origin", "server:/srv/git/bostadforst.git")
    add_question(malmo.library, ARTICLE, "Nyckel?", "Saknas.")
    with pytest.raises(GitError) as caught:
        sync(malmo)
    assert caught.value.kind == "auth"
    assert "SSH-nyckel" in caught.value.message and "asked" not in caught.value.detail
    assert state(malmo).ahead == 1
