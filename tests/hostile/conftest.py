"""Hypothesis profiles for the hostile-input tests, and small libraries to attack.

The `ci` budget (a few hundred examples per target) applies unless the run
names a profile: `python -m pytest tests/hostile --hypothesis-profile=long`
tries at least 10,000 examples per target.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bftui.paths import bundled_library

CI_EXAMPLES = 200
LONG_EXAMPLES = 10_000

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", max_examples=CI_EXAMPLES, deadline=None, suppress_health_check=_QUIET
)
settings.register_profile(
    "long",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=_QUIET,
    # A long run explores; it should not replay (or grow) the example database.
    database=None,
)


def fuzz_settings(examples: int = CI_EXAMPLES) -> settings:
    """Return the settings of one fuzz target: `examples`, or the long profile's."""
    if settings.get_current_profile_name() == "long":
        return settings(settings.get_profile("long"))
    return settings(settings.get_profile("ci"), max_examples=examples)


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the sample library."""
    target = tmp_path / "library"
    shutil.copytree(bundled_library(), target)
    return target


@pytest.fixture
def write_file(sample_copy: Path) -> Callable[[str, str | bytes], Path]:
    """Return a function that writes a file (text or bytes) into the sample copy."""

    def write(relative: str, content: str | bytes) -> Path:
        path = sample_copy / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return write
