"""Textual's footer of keys, built again only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # noqa: PLC2701 - not exported; its default is the cost

Shown = tuple[Any, ...]


class KeyFooter(Footer):
    """The footer of keys, rebuilt only when what it shows changed.

    Textual's footer builds every key widget anew (and styles each) whenever
    the screen's bindings are refreshed: at each move of the focus and each
    item shown, for the same keys. That was a quarter of opening an article.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Shown | None = None
        """What the keys built last show (None before they are built)."""

    def _keys_shown(self, screen: Screen[Any]) -> Shown:
        """Return what the footer would show for `screen`'s bindings now."""
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (key, binding.key, binding.description, binding.action, enabled, tip)
                + (binding.group.description if binding.group else None,)
                for key, (
                    _node,
                    binding,
                    enabled,
                    tip,
                ) in screen.active_bindings.items()
                if binding.show or key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Build the keys again if what they show changed."""
        if (
            self._shown is not None
            and self.is_attached
            and screen is self.screen
            and self._keys_shown(screen) == self._shown
        ):
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        """Build the keys, noting what they show.

        Each key is given the footer's `compact` before it is mounted: a key
        is compact until told otherwise, so Textual styled each one of a
        wide footer twice more, once compact and once not.
        """
        if self._bindings_ready and self.is_attached:
            self._shown = self._keys_shown(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
