"""The git runner and the work tree's state, on real repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import git

from bftui.core.share import git as gitmod
from bftui.core.share.git import GitError, find_repo, open_repo, run_git
from bftui.core.share.status import parse_status, state


def test_a_plain_folder_is_no_repository(library_path: Path) -> None:
    assert find_repo(library_path) is None
    with pytest.raises(GitError) as caught:
        open_repo(library_path)
    assert caught.value.kind == "not_repo"


def test_without_git_on_path_the_error_says_so(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gitmod, "git_program", lambda: None)
    assert find_repo(library_path) is None
    with pytest.raises(GitError) as caught:
        run_git(library_path, ["status"])
    assert caught.value.kind == "missing"
    assert "git" in caught.value.message


def test_a_failing_command_gives_git_s_own_words(git_library: Path) -> None:
    with pytest.raises(GitError) as caught:
        run_git(git_library, ["show", "no-such-commit"])
    assert caught.value.kind == "failed"
    assert "no-such-commit" in caught.value.message


def test_a_clean_tree_on_main(git_library: Path) -> None:
    repo = open_repo(git_library)
    now = state(repo)
    assert now.branch == "main" and not now.detached
    assert now.commit is not None and now.upstream is None
    assert (now.by_bftui, now.by_hand, now.unmerged) == ((), (), ())
    assert now.remotes == () and not now.merging


def test_hand_edits_and_new_files_are_by_hand(git_library: Path) -> None:
    (git_library / "events" / "2019-natverkstraff-malmo.toml").write_text(
        'title = "x"\n', encoding="utf-8"
    )
    (git_library / "ny fil.md").write_text("+++\n+++\n", encoding="utf-8")
    now = state(open_repo(git_library))
    assert now.by_hand == ("events/2019-natverkstraff-malmo.toml", "ny fil.md")
    assert now.by_bftui == ()


def test_a_detached_head_is_seen(git_library: Path) -> None:
    git(git_library, "checkout", "-q", "--detach")
    now = state(open_repo(git_library))
    assert now.detached and now.branch is None


def test_a_library_in_a_subfolder_sees_only_its_own_files(tmp_path: Path) -> None:
    top = tmp_path / "big"
    library = top / "docs" / "bibliotek"
    (library / "events").mkdir(parents=True)
    (top / "other.txt").write_text("x", encoding="utf-8")
    git(top, "init", "-q")
    (library / "a.md").write_text("+++\n+++\n", encoding="utf-8")
    repo = open_repo(library)
    assert repo.top == top.resolve() and repo.prefix == "docs/bibliotek"
    assert state(repo).by_hand == ("a.md",)


def test_the_porcelain_parser_reads_every_kind_of_entry() -> None:
    output = "\0".join(
        [
            "# branch.oid abc",
            "# branch.head main",
            "# branch.upstream origin/main",
            "# branch.ab +2 -3",
            "1 .M N... 100644 100644 100644 a b x y.md",
            "2 R. N... 100644 100644 100644 a b R100 ny.md",
            "gammal.md",
            "u UU N... 100644 100644 100644 100644 a b c k.md",
            "? events/n y.toml",
            "",
        ]
    )
    head, changed, unmerged = parse_status(output)
    assert (head.branch, head.upstream, head.ahead, head.behind) == (
        "main",
        "origin/main",
        2,
        3,
    )
    assert changed == ["x y.md", "ny.md", "gammal.md", "events/n y.toml"]
    assert unmerged == ["k.md"]


def test_odd_file_names_are_read_and_committed_literally(git_library: Path) -> None:
    from bftui.core.share.commit import commit_paths

    names = ["a b.md", "rad\nbryt.md", '"citat".md', "-flagga.md", "*.md", "å:ä.md"]
    for name in names:
        (git_library / name).write_text("+++\n+++\n", encoding="utf-8")
    repo = open_repo(git_library)
    assert set(state(repo).by_hand) == set(names)
    assert commit_paths(repo, ["*.md"], "bara stjärnan") is not None
    committed = git(git_library, "show", "--name-only", "--format=", "HEAD")
    assert committed == "*.md\n"
    assert set(state(repo).by_hand) == set(names) - {"*.md"}
