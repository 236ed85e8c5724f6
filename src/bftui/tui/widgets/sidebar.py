"""Provides the sidebar: one tree of the library's articles and events by year."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from bftui.core.library import Library, by_year
from bftui.core.model import Article, Event, Item, Problem
from bftui.i18n import t

PROBLEMS = "problems"
"""Node data of the entry that opens the list of problems."""

Entry = Item | str | None


class LibraryTree(Tree[Entry]):
    """Articles and events grouped by year, newest first, and the problem count.

    One virtualised widget however large the library is: Textual's Tree draws
    only the lines on screen.
    """

    BINDINGS = [
        Binding("j", "cursor_down", t("key.down"), show=False, id="sidebar.down"),
        Binding("k", "cursor_up", t("key.up"), show=False, id="sidebar.up"),
        Binding(
            "space",
            "screen.reader_page(1)",
            t("key.page_down"),
            show=False,
            id="sidebar.space",
        ),
        Binding(
            "pagedown",
            "screen.reader_page(1)",
            t("key.page_down"),
            show=False,
            id="sidebar.pagedown",
        ),
        Binding(
            "pageup",
            "screen.reader_page(-1)",
            t("key.page_up"),
            show=False,
            id="sidebar.pageup",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(t("sidebar.library"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._item_nodes: dict[Path, TreeNode[Entry]] = {}

    def fill(
        self,
        library: Library,
        articles: list[Article] | None = None,
        events: list[Event] | None = None,
    ) -> None:
        """Show `library`, or only the given `articles` and `events` when filtering."""
        shown_articles = library.articles if articles is None else articles
        shown_events = library.events if events is None else events
        self.clear()
        self._item_nodes = {}
        self._add_group(t("sidebar.articles"), shown_articles)
        self._add_group(t("sidebar.events"), shown_events)
        if library.problems and articles is None:
            self._add_problems(library.problems)

    def _add_group(self, title: str, items: list[Article] | list[Event]) -> None:
        label = Text.assemble((title, "bold"), (f" ({len(items)})", "dim"))
        group = self.root.add(label, None, expand=True)
        for year, members in by_year(items):  # type: ignore[type-var]
            year_node = group.add(Text(str(year)), None, expand=True)
            for item in members:
                self._item_nodes[item.path] = year_node.add_leaf(Text(item.title), item)

    def _add_problems(self, problems: list[Problem]) -> None:
        label = Text(t("sidebar.problems", count=len(problems)), style="bold")
        self.root.add_leaf(label, PROBLEMS)

    @property
    def current(self) -> Entry:
        """The entry under the cursor."""
        node = self.cursor_node
        return node.data if node else None

    def show_item(self, item: Item) -> bool:
        """Move the cursor to `item`; return False if it is not in the tree."""
        node = self._item_nodes.get(item.path)
        if node is None:
            return False
        self.move_cursor(node)
        return True

    def first_item_line(self) -> None:
        """Put the cursor on the first article or event."""
        first = next(iter(self._item_nodes.values()), None)
        if first is not None:
            self.move_cursor(first)
