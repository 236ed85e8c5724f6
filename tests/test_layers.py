"""The content core's parts import only what their docstrings allow.

Every import in every module of `bftui.core` (at the top or inside a
function) is read with `ast`; a part may import itself, the parts below it
and the shared helpers at the top of `bftui.core`, never a part above it,
the terminal UI or Textual.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "bftui" / "core"

# Each part and the parts it may import (the shared helpers are always allowed).
ALLOWED: dict[str, set[str]] = {
    "items": set(),
    "library": {"items"},
    "store": {"library", "items"},
    "index": {"store", "library", "items"},
    "transfer": {"store", "library", "items"},
    "share": {"store", "library", "items"},
}
HELPERS = {"text", "slugs", "problems", "sorting", "fileio"}
FORBIDDEN_ROOTS = {"textual", "rich", "bftui.tui", "bftui.commands", "bftui.cli"}


def imported_names(source: str) -> list[str]:
    """Return every absolute module name that `source` imports."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(part: str | None, source: str) -> list[str]:
    """Return the imports in `source` that break the rules of `part` (None: a helper)."""
    allowed = HELPERS | ({part} | ALLOWED[part] if part else set())
    broken = []
    for name in imported_names(source):
        if any(name == root or name.startswith(root + ".") for root in FORBIDDEN_ROOTS):
            broken.append(name)
        elif name.startswith("bftui.core."):
            target = name.split(".")[2]
            is_core_name = (CORE / target).is_dir() or (CORE / f"{target}.py").exists()
            if is_core_name and target not in allowed:
                broken.append(name)
    return broken


def core_modules() -> list[tuple[str | None, Path]]:
    modules: list[tuple[str | None, Path]] = []
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(CORE)
        part = relative.parts[0] if len(relative.parts) > 1 else None
        modules.append((part, path))
    return modules


def test_every_part_is_known() -> None:
    parts = {p.name for p in CORE.iterdir() if (p / "__init__.py").exists()}
    assert parts <= set(ALLOWED), f"a new part needs its rule: {parts - set(ALLOWED)}"
    helpers = {p.stem for p in CORE.glob("*.py")} - {"__init__"}
    assert helpers == HELPERS


@pytest.mark.parametrize(
    ("part", "path"), core_modules(), ids=lambda v: str(v) if v else "helper"
)
def test_module_imports_follow_the_layers(part: str | None, path: Path) -> None:
    assert violations(part, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("part", "source"),
    [
        ("items", "from bftui.core.library.loading import Library"),
        ("library", "from bftui.core.store import atomic"),
        ("store", "def f():\n    from bftui.core.index import search\n"),
        ("index", "import bftui.core.transfer.ical"),
        (None, "from bftui.core.items.model import Article"),
        ("items", "import textual.app"),
        ("store", "from bftui.tui import app"),
    ],
)
def test_a_broken_rule_is_caught(part: str | None, source: str) -> None:
    assert violations(part, source)


def test_a_kept_rule_passes() -> None:
    source = "from bftui.core.items import qa\nfrom bftui.core.text import safe_text\n"
    assert violations("library", source) == []
