"""Forms are built once and kept: each opening refills the form built before.

Building a form (a hundred widgets, each styled) took five times as long as
a minimal Textual app takes to start; filling one built before takes a few
milliseconds. `ReusesForms` keeps the first form of each kind installed in
the app (installed screens live on when closed) and, when a form of that
kind is pushed again, has the kept one `take_over` the new one's item,
values and lock, and shows it instead. The new one, never shown, is cheap:
its widgets are made only when a form is built.

Forms are recognised by their `KEEP_BUILT` class attribute, so the app
need not import them before the first is opened.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

ReturnType = TypeVar("ReturnType")


def kept_name(screen: Screen[Any]) -> str:
    """Return the name under which a form of `screen`'s kind is kept installed."""
    return f"bftui-kept-{type(screen).__qualname__}"


class ReusesForms(App[ReturnType]):
    """An app that shows each kind of form built once, refilled at each opening."""

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push `screen`; a form of a kind built before is shown by the one kept."""
        kept = self.reused_form(screen)
        if kept is None:
            return super().push_screen(screen, *args, **kwargs)
        pushed = super().push_screen(kept, *args, **kwargs)
        kept.opened()
        return pushed

    def reused_form(self, screen: Any) -> Any:
        """Return the kept form that takes over `screen`, or None to show `screen` itself.

        The first form of a kind is installed and kept; a kept one busy on
        the screen stack (or never built) leaves `screen` to be shown itself.
        """
        if not getattr(type(screen), "KEEP_BUILT", False):
            return None
        name = kept_name(screen)
        if not self.is_screen_installed(name):
            self.install_screen(screen, name)
            return None
        kept: Any = self.get_screen(name)
        if kept is screen:
            return None
        if kept in self.screen_stack or not kept.is_mounted:
            return None
        kept.take_over(screen)
        return kept
