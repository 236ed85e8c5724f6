"""Provides the sidebar: one tree of the library's articles and events by year."""

from __future__ import annotations

from dataclasses import dataclass
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

EAGER_LIMIT = 400
"""Up to this many items every year is filled and open; beyond, years open on demand."""


@dataclass(slots=True)
class YearGroup:
    """A year's items, added to the tree when the year is first opened."""

    items: list[Article] | list[Event]
    filled: bool = False


Entry = Item | YearGroup | str | None


class LibraryTree(Tree[Entry]):
    """Articles and events grouped by year, newest first, and the problem count.

    One virtualised widget however large the library is: Textual's Tree draws
    only the lines on screen, and a year's rows are only made when it opens.
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
        self._year_of: dict[Path, TreeNode[Entry]] = {}

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
        self._item_nodes, self._year_of = {}, {}
        eager = len(shown_articles) + len(shown_events) <= EAGER_LIMIT
        self._add_group(t("sidebar.articles"), shown_articles, eager)
        self._add_group(t("sidebar.events"), shown_events, eager)
        if library.problems and articles is None:
            self._add_problems(library.problems)

    def _add_group(
        self, title: str, items: list[Article] | list[Event], eager: bool
    ) -> None:
        label = Text.assemble((title, "bold"), (f" ({len(items)})", "dim"))
        group = self.root.add(label, None, expand=True)
        for index, (year, members) in enumerate(by_year(items)):  # type: ignore[type-var]
            label = Text.assemble(str(year), (f" ({len(members)})", "dim"))
            year_node = group.add(label, YearGroup(members), allow_expand=True)
            for item in members:
                self._year_of[item.path] = year_node
            if eager or index == 0:
                self._open_year(year_node)

    def _open_year(self, node: TreeNode[Entry]) -> None:
        group = node.data
        if isinstance(group, YearGroup) and not group.filled:
            group.filled = True
            for item in group.items:
                self._item_nodes[item.path] = node.add_leaf(Text(item.title), item)
        if not node.is_expanded:
            node.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Entry]) -> None:
        """Make a year's rows the first time it opens."""
        self._open_year(event.node)

    def _add_problems(self, problems: list[Problem]) -> None:
        label = Text(t("sidebar.problems", count=len(problems)), style="bold")
        self.root.add_leaf(label, PROBLEMS)

    @property
    def current(self) -> Entry:
        """The entry under the cursor."""
        node = self.cursor_node
        return node.data if node else None

    @property
    def shown_items(self) -> list[Item]:
        """Every item in the tree (also in years not opened yet), in order."""
        return [
            item
            for year in self._year_nodes()
            if isinstance(year.data, YearGroup)
            for item in year.data.items
        ]

    def _year_nodes(self) -> list[TreeNode[Entry]]:
        return [year for group in self.root.children for year in group.children]

    def show_item(self, item: Item) -> bool:
        """Move the cursor to `item`, opening its year; False if it is not shown."""
        year = self._year_of.get(item.path)
        if year is None:
            return False
        self._open_year(year)
        # A node's line is known only once the tree has laid out its rows
        # (after a fill or a year's first opening), so move after the refresh.
        self.call_after_refresh(self.move_cursor, self._item_nodes[item.path])
        return True

    def first_item_line(self) -> None:
        """Put the cursor on the first article or event."""
        first = next(iter(self._item_nodes.values()), None)
        if first is not None:
            self.move_cursor(first)
