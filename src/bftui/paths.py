"""Where things are: the library to open, and the user's config, cache and state."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "bftui"
LIBRARY_ENV = "BFTUI_LIBRARY"


def bundled_library() -> Path:
    """Return the sample library shipped with bftui.

    A wheel carries it as `bftui/sample`; a source checkout has it in `articles/`.
    """
    packaged = Path(__file__).parent / "sample"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "articles"


def in_sample(path: Path) -> bool:
    """Return True if `path` is in the bundled sample or the installed package.

    Those are read-only: bftui never writes there (no item, lock or trash).
    """
    where = Path(os.path.abspath(path))
    where = where.parent.resolve() / where.name
    package = Path(__file__).resolve().parent
    return where.is_relative_to(package) or where.is_relative_to(
        bundled_library().resolve()
    )


def config_file() -> Path:
    """Return the user's config file (it need not exist)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "config.toml"


def cache_dir() -> Path:
    """Return the user's cache folder on local disk (never the shared library)."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def index_file(root: Path, cache: Path | None = None) -> Path:
    """Return where the search index of library `root` is kept (in `cache`)."""
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return (cache or cache_dir()) / "index" / f"{digest}.sqlite3"


def state_dir() -> Path:
    """Return the user's state folder, where form drafts are kept."""
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def drafts_dir() -> Path:
    """Return the folder form drafts are kept in."""
    return state_dir() / "drafts"


def drafts_kept() -> bool:
    """Whether any form draft is kept at all: one quick look, fit for the start."""
    try:
        with os.scandir(drafts_dir()) as entries:
            return any(entry.name.endswith(".json") for entry in entries)
    except OSError:
        return False


def expand_home(path: str | Path) -> Path:
    """Return `path` with a leading ~ or ~user expanded; as written if there is no such home."""
    try:
        return Path(path).expanduser()
    except (
        RuntimeError,
        KeyError,
    ):  # "~nosuchuser": the folder check says it is missing
        return Path(path)


def choose_library(option: str | None, configured: Path | None) -> Path:
    """Return the library to open.

    The order is: the `--library` option (or `bftui PATH`), then the
    `BFTUI_LIBRARY` environment variable, then `library` in the config file,
    then the bundled sample.
    """
    if option:
        return expand_home(option)
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return expand_home(from_env)
    if configured is not None:
        return expand_home(configured)
    return bundled_library()
