"""The main screen's keys, with ids so that users can remap them (`keymap` setting).

Both lists are written with `_key`: one row a key, its texts named by
catalogue key, so that a new key is one line in the same form as the rest.
"""

from __future__ import annotations

from textual.binding import Binding

from bftui.i18n import t


def _key(
    keys: str, action: str, label: str, id: str, *, tip: str = "", show: bool = True
) -> Binding:
    """A remappable key; `label` and `tip` are catalogue keys (`tip` may be empty)."""
    return Binding(
        keys, action, t(label), show=show, id=id, tooltip=t(tip) if tip else ""
    )


MAIN_BINDINGS = [
    _key("q", "app.quit", "key.quit", "main.quit", tip="tip.quit"),
    _key("question_mark", "help", "key.help", "main.help", tip="tip.help"),
    _key("tab", "switch_pane", "key.switch", "main.switch", tip="tip.switch"),
    _key("slash", "filter", "key.filter", "main.filter", tip="tip.filter"),
    _key("l", "links", "key.links", "main.links", tip="tip.links", show=False),
    _key(
        "b",
        "toggle_sidebar",
        "key.sidebar",
        "main.sidebar",
        tip="tip.sidebar",
        show=False,
    ),
    _key("f", "find", "key.find", "main.find", tip="tip.find", show=False),
    _key("f3", "find_next(1)", "key.find_next", "main.find_next", show=False),
    _key(
        "shift+f3",
        "find_next(-1)",
        "key.find_previous",
        "main.find_previous",
        show=False,
    ),
    _key(
        "less_than_sign",
        "sidebar_width(-5)",
        "key.narrower",
        "main.narrower",
        show=False,
    ),
    _key(
        "greater_than_sign", "sidebar_width(5)", "key.wider", "main.wider", show=False
    ),
    _key("t", "toc", "key.toc", "main.toc", tip="tip.toc", show=False),
    _key(
        "alt+left,ctrl+left,left_square_bracket",
        "back",
        "key.back",
        "main.back",
        show=False,
    ),
    _key(
        "alt+right,ctrl+right,right_square_bracket",
        "forward",
        "key.forward",
        "main.forward",
        show=False,
    ),
    _key(
        "p", "problems", "key.problems", "main.problems", tip="tip.problems", show=False
    ),
    _key("r,f5", "reload", "key.reload", "main.reload", tip="tip.reload", show=False),
    _key("ctrl+f", "search", "search.key", "main.search", tip="search.tip"),
    _key(
        "s", "sync", "sharing.key_sync", "main.sync", tip="sharing.tip_sync", show=False
    ),
    _key(
        "h",
        "history",
        "sharing.key_history",
        "main.history",
        tip="sharing.tip_history",
        show=False,
    ),
]
"""Keys of the main screen; shown in the footer and the help."""

EDITING_BINDINGS = [
    _key(
        "E",
        "edit_item",
        "form.key_edit_item",
        "edit.edit_item",
        tip="form.tip_edit_item",
    ),
    _key(
        "e",
        "external_editor",
        "form.key_external",
        "edit.external",
        tip="form.tip_external",
    ),
    _key("d,delete", "delete_item", "form.key_delete", "edit.delete"),
    _key(
        "i", "qa_entries", "form.key_qa_entries", "edit.qa", tip="form.tip_qa_entries"
    ),
    _key("n", "new_event", "form.key_new_event", "edit.new_event"),
    _key("ctrl+z", "undo", "form.key_undo", "edit.undo", show=False),
    _key(
        "T", "trash", "form.key_trash", "edit.trash", tip="form.tip_trash", show=False
    ),
    _key("a", "new_article", "form.key_new_article", "edit.new_article"),
]
"""The editing keys (`bftui.tui.editing`); those that act on the shown item
are in the footer when they apply."""
