"""Provides the hidden input bars (the sidebar's filter, the reader's find bar)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input


def input_bar(
    container: Widget, bar_id: str, placeholder: str, *, first: bool = False
) -> Input:
    """Return the input bar `bar_id` of `container`, mounting it on first use.

    Not made for the first paint: an Input's styles take 4 ms to apply. It is
    mounted at once (`first`: above the container's other children), so keys
    typed right after asking for it reach it in order. It stays hidden until
    given the `-visible` class.
    """
    bar = container.query_one_optional(f"#{bar_id}", Input)
    if bar is None:
        bar = Input(placeholder=placeholder, id=bar_id)
        bar.cursor_blink = False
        container.mount(bar, before=0 if first else None)
    return bar
