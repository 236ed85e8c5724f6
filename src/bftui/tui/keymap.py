"""Every key binding id the app has, so a `[keymap]` entry for an unknown one is reported."""

from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules

from textual.binding import Binding
from textual.dom import DOMNode


def binding_ids() -> set[str]:
    """Return the id of every binding of the app, its screens and its widgets.

    Imports every screen and widget module (a few hundred milliseconds): for
    `bftui config` and the app's check after its first paint, never the start.
    """
    import bftui.tui.app
    import bftui.tui.screens
    import bftui.tui.widgets

    for package in (bftui.tui.screens, bftui.tui.widgets):
        for module in iter_modules(package.__path__):
            import_module(f"{package.__name__}.{module.name}")
    ids: set[str] = set()
    classes: list[type[DOMNode]] = [bftui.tui.app.BftuiApp, *_subclasses(DOMNode)]
    for cls in classes:
        if not cls.__module__.startswith("bftui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    """Return the ids in `keymap` that no binding has, in the file's order."""
    known = binding_ids()
    return [binding_id for binding_id in keymap if binding_id not in known]
