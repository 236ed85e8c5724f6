"""The installed package is never written to: every command, run with no library set.

Builds the wheel, installs it into a folder made read-only, and runs each
command of the CLI there (with the sample as the only library); afterwards
every file of the package is byte for byte as installed.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bftui import commands

ROOT = Path(__file__).resolve().parents[2]
SLUG = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)
EVENT = "2019-natverkstraff-malmo"

pytestmark = pytest.mark.slow


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a read-only folder the built wheel is installed into."""
    work = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(work / "dist"), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        pytest.skip(f"the wheel cannot be built here: {built.stderr[-300:]}")
    wheel = next((work / "dist").glob("bftui-*.whl"))
    target = work / "site"
    subprocess.run(
        [
            *pip,
            "install",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    for path in [target, *target.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return target


def test_no_command_writes_into_the_installed_package(
    installed: Path, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    env = dict(os.environ, PYTHONPATH=str(installed), PYTHONDONTWRITEBYTECODE="1")
    env.pop("BFTUI_LIBRARY", None)
    page = tmp_path / "sida.txt"
    page.write_text("Rubrik\n\nEn text om Bostad först i Umeå.\n", encoding="utf-8")
    base = tmp_path / "base.toml"
    base.write_text('title = "x"\n', encoding="utf-8")
    runs = {
        "list": ([], 0),
        "show": ([SLUG], 0),
        "check": ([], 0),
        "search": (["malmö"], 0),
        "stats": ([], 0),
        "export": (["csv"], 0),
        "schema": (["event"], 0),
        "config": ([], 0),
        "completion": (["bash"], 0),
        "import": ([str(page), "--save"], 1),
        "new": (["event", "--title", "X", "--year", "2025"], 2),
        "sync": ([], 2),
        "log": ([SLUG], 2),
        "trash": (["restore", EVENT], 2),
        "merge-file": ([str(base), str(base), str(base), "events/x.toml"], 0),
        "init": ([str(tmp_path / "eget")], 0),
    }
    assert set(runs) == set(commands.NAMES), "every command is run here"
    before = fingerprint(installed)
    where = subprocess.run(
        [sys.executable, "-c", "import bftui; print(bftui.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(installed))
    for name, (args, expected) in runs.items():
        done = subprocess.run(
            [sys.executable, "-m", "bftui", name, *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == expected, (name, done.stderr)
        assert "Traceback" not in done.stderr, name
        if name in ("new", "import"):
            assert "bftui init" in done.stderr, name
    assert fingerprint(installed) == before
    assert (tmp_path / "eget" / "bftui.toml").is_file()
