"""A remote whose HEAD names a branch nobody pushed: clones still get the library.

`git init --bare` on a server names `master` (or whatever that machine's git
is set to) as the remote's HEAD, while bftui pushes `main`. A clone of it
checks out nothing: bftui must check out the branch the library is on,
whether the clone was made by `bftui init --from` or by plain `git clone`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import git

from bftui.core.share.git import open_repo
from bftui.core.share.setup import clone_library, init_library
from bftui.core.share.sync import sync
from bftui.paths import bundled_library

ARTICLE = "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff.md"


@pytest.fixture
def remote_naming_master(tmp_path: Path) -> Path:
    """Return a bare remote whose HEAD is `master`, holding a library pushed on `main`."""
    seed = init_library(tmp_path / "seed", sample=bundled_library())
    assert seed.repo is not None
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "--initial-branch=master", str(bare))
    git(seed.path, "remote", "add", "origin", str(bare))
    sync(seed.repo)
    assert git(bare, "branch", "--list").split() == ["main"]
    return bare


def _on_main_with_the_library(library: Path) -> None:
    assert (library / ARTICLE).is_file()
    assert git(library, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    upstream = git(library, "rev-parse", "--abbrev-ref", "@{upstream}")
    assert upstream.strip() == "origin/main"
    assert len(git(library, "log", "--format=%H").split()) == 1  # no commit of its own


def test_init_from_checks_out_the_branch_the_library_is_on(
    remote_naming_master: Path, tmp_path: Path
) -> None:
    made = clone_library(str(remote_naming_master), tmp_path / "Malmö")
    assert not made.committed
    _on_main_with_the_library(made.path)


def test_sync_of_a_plain_clone_checks_out_the_shared_branch(
    remote_naming_master: Path, tmp_path: Path
) -> None:
    git(tmp_path, "clone", "-q", str(remote_naming_master), "Stockholm")
    library = tmp_path / "Stockholm"
    assert not (library / ARTICLE).exists()
    done = sync(open_repo(library))
    assert (done.received, done.sent) == (0, 0)
    _on_main_with_the_library(library)
    assert git(remote_naming_master, "branch", "--list").split() == ["main"]


def test_a_clone_of_an_empty_remote_is_a_new_library_that_sync_sends(
    tmp_path: Path,
) -> None:
    bare = tmp_path / "empty.git"
    git(tmp_path, "init", "-q", "--bare", "--initial-branch=master", str(bare))
    git(tmp_path, "clone", "-q", str(bare), "Umeå")
    done = sync(open_repo(tmp_path / "Umeå"))
    assert (done.received, done.sent) == (0, 0)
    made = clone_library(str(bare), tmp_path / "Göteborg")
    assert made.committed
    assert sync(made.repo).sent == 1  # type: ignore[arg-type]


def test_opening_a_plain_clone_shows_the_library_at_once(
    remote_naming_master: Path, tmp_path: Path
) -> None:
    from bftui.core.library.loading import load
    from bftui.core.share.git import find_repo

    git(tmp_path, "clone", "-q", str(remote_naming_master), "Luleå")
    library = tmp_path / "Luleå"
    assert find_repo(library) is not None
    _on_main_with_the_library(library)
    assert [a.path.name for a in load(library).articles] == [ARTICLE]
