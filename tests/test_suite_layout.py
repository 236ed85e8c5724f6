"""The suite's layout: folders without `__init__.py` import their modules by bare name."""

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).parent


def test_modules_outside_packages_have_unique_names() -> None:
    """Two `test_x.py` in such folders stop pytest collecting (import file mismatch)."""
    names = Counter(
        path.name
        for path in TESTS.rglob("*.py")
        if path.name != "conftest.py" and not (path.parent / "__init__.py").exists()
    )
    assert sorted(name for name, count in names.items() if count > 1) == []
