"""Fixtures for the git tests: a private git identity, a library in a git work tree.

Every test here runs the real `git` on temporary folders (never the network)
and is skipped where git is not installed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gitrepos import git

from bftui.core.share import autocommit
from bftui.core.share.git import Repo
from bftui.core.share.setup import clone_library, init_library
from bftui.core.share.sync import sync
from bftui.paths import bundled_library

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)


@pytest.fixture(autouse=True)
def git_identity(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Give git a global config of its own: a user, branch main, no system config."""
    config = tmp_path_factory.mktemp("gitconfig") / "config"
    config.write_text(
        "[user]\n\tname = Malin Malmö\n\temail = malin@example.org\n"
        "[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_SSH_COMMAND"):
        monkeypatch.delenv(name, raising=False)
    yield
    autocommit.disable()


@pytest.fixture
def git_library(library_path: Path) -> Path:
    """Return a copy of the sample library as a git work tree with one commit."""
    git(library_path, "init", "-q")
    git(library_path, "add", "-A")
    git(library_path, "commit", "-q", "-m", "start")
    return library_path


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """Return a bare repository holding a library made from the sample."""
    seed = init_library(tmp_path / "seed", sample=bundled_library())
    assert seed.repo is not None and seed.committed
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(seed.path, "remote", "add", "origin", str(bare))
    sync(seed.repo)
    return bare


@pytest.fixture
def cities(remote: Path, tmp_path: Path) -> dict[str, Repo]:
    """Return the clones of Malmö, Stockholm and Göteborg, committing as they save."""
    autocommit.enable()
    clones = {}
    for city in ("Malmö", "Stockholm", "Göteborg"):
        made = clone_library(str(remote), tmp_path / city)
        assert made.repo is not None
        clones[city] = made.repo
    return clones
