"""The main screen's keys, with ids so that users can remap them (`keymap` setting)."""

from __future__ import annotations

from textual.binding import Binding

from bftui.i18n import t

MAIN_BINDINGS = [
    Binding("q", "app.quit", t("key.quit"), id="main.quit", tooltip=t("tip.quit")),
    Binding(
        "question_mark",
        "help",
        t("key.help"),
        id="main.help",
        tooltip=t("tip.help"),
    ),
    Binding(
        "tab",
        "switch_pane",
        t("key.switch"),
        id="main.switch",
        tooltip=t("tip.switch"),
    ),
    Binding(
        "slash",
        "filter",
        t("key.filter"),
        id="main.filter",
        tooltip=t("tip.filter"),
    ),
    Binding(
        "l",
        "links",
        t("key.links"),
        show=False,
        id="main.links",
        tooltip=t("tip.links"),
    ),
    Binding(
        "b",
        "toggle_sidebar",
        t("key.sidebar"),
        show=False,
        id="main.sidebar",
        tooltip=t("tip.sidebar"),
    ),
    Binding(
        "f",
        "find",
        t("key.find"),
        show=False,
        id="main.find",
        tooltip=t("tip.find"),
    ),
    Binding("f3", "find_next(1)", t("key.find_next"), show=False, id="main.find_next"),
    Binding(
        "shift+f3",
        "find_next(-1)",
        t("key.find_previous"),
        show=False,
        id="main.find_previous",
    ),
    Binding(
        "less_than_sign",
        "sidebar_width(-5)",
        t("key.narrower"),
        show=False,
        id="main.narrower",
    ),
    Binding(
        "greater_than_sign",
        "sidebar_width(5)",
        t("key.wider"),
        show=False,
        id="main.wider",
    ),
    Binding("t", "toc", t("key.toc"), show=False, id="main.toc", tooltip=t("tip.toc")),
    Binding(
        "alt+left,ctrl+left,left_square_bracket",
        "back",
        t("key.back"),
        show=False,
        id="main.back",
    ),
    Binding(
        "alt+right,ctrl+right,right_square_bracket",
        "forward",
        t("key.forward"),
        show=False,
        id="main.forward",
    ),
    Binding(
        "p",
        "problems",
        t("key.problems"),
        show=False,
        id="main.problems",
        tooltip=t("tip.problems"),
    ),
    Binding(
        "r,f5",
        "reload",
        t("key.reload"),
        show=False,
        id="main.reload",
        tooltip=t("tip.reload"),
    ),
    Binding(
        "ctrl+f",
        "search",
        t("search.key"),
        id="main.search",
        tooltip=t("search.tip"),
    ),
    Binding(
        "s",
        "sync",
        t("sharing.key_sync"),
        show=False,
        id="main.sync",
        tooltip=t("sharing.tip_sync"),
    ),
    Binding(
        "h",
        "history",
        t("sharing.key_history"),
        show=False,
        id="main.history",
        tooltip=t("sharing.tip_history"),
    ),
]
"""Keys of the main screen; shown in the footer and the help."""
