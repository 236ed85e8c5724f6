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
