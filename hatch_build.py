"""Build hook: compile the gettext catalogues (`.po`) to `.mo` for the wheel.

A wheel then loads its UI strings with `gettext.GNUTranslations` straight
from the `.mo` files; a source checkout compiles the `.po` files in memory
(`bftui.pofiles`). The `.mo` files are build output, ignored by git.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogueBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Write `<catalogue>.mo` beside every `<catalogue>.po` before the build."""

    PLUGIN_NAME = "catalogues"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = Path(self.root, "src", "bftui", "pofiles.py")
        spec = importlib.util.spec_from_file_location("bftui_pofiles", source)
        assert spec is not None and spec.loader is not None
        pofiles = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = pofiles  # dataclasses look their module up there
        spec.loader.exec_module(pofiles)
        for po in sorted(Path(self.root, "src", "bftui", "locale").glob("*/LC_MESSAGES/*.po")):
            entries = pofiles.parse(po.read_text(encoding="utf-8"), po)
            po.with_suffix(".mo").write_bytes(pofiles.compile_mo(entries))
