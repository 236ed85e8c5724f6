"""Provides the sidebar: one tree of the library's articles and events by year."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeGuard

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from bftui.core.index.outline import EAGER_LIMIT, Outline, YearOutline
from bftui.core.sorting import by_year
from bftui.i18n import t, tn

if TYPE_CHECKING:  # The app paints its first screen before it imports these.
    from bftui.core.items.model import Article, Event, Item
    from bftui.core.library.loading import Library

PROBLEMS = "problems"
"""Node data of the entry that opens the list of problems."""
FIRST_ROWS = 150
"""Outline rows made for the first paint, more than a screen shows; the rest follow."""


@dataclass(slots=True)
class YearGroup:
    """A year's items, added to the tree when the year is first opened."""

    year: int
    items: list[Article] | list[Event]
    filled: bool = False
    stubs: list[tuple[Path, str]] = field(default_factory=list)
    """`(path, title)` of items known from an outline only, shown as `Stub`s."""


@dataclass(frozen=True, slots=True)
class Stub:
    """An item known by its file and title only, until the library is read."""

    path: Path
    title: str


Entry: TypeAlias = "Item | Stub | YearGroup | str | None"
"""What a row holds: an item, its stub, a year, the problems row, or (a group) None."""


def is_item(entry: Entry) -> TypeGuard[Item]:
    """True for a row's article or event, not a stub, year, group or problems row."""
    return entry is not None and not isinstance(entry, (Stub, YearGroup, str))


Place = Path | tuple[int, int | None] | str
"""Where the cursor is, in terms a refill keeps: an item's file, a group's
index with one of its years (or None for the group's own row), or `PROBLEMS`."""


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

    _adding = False
    """Rows are being added: the tree is invalidated once they all are."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(t("sidebar.library"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._item_nodes: dict[Path, TreeNode[Entry]] = {}
        self._year_of: dict[Path, TreeNode[Entry]] = {}
        self._filtered = False
        self._outline_rest: list[tuple[TreeNode[Entry], list[tuple[Path, str]]]] = []
        """Outline rows held back from the first paint, by their year's row."""
        self._start_row: TreeNode[Entry] | None = None
        """The first item's row, if the app put the cursor there to start with."""
        self.placed: TreeNode[Entry] | None = None
        """The row the app itself last put the cursor on: its highlight opens nothing."""

    def fill(
        self,
        library: Library,
        articles: list[Article] | None = None,
        events: list[Event] | None = None,
    ) -> None:
        """Show `library`, or only the given `articles` and `events` when filtering.

        The years the user opened stay open when the library is shown again
        (not after a filter, which opens every year of a short list).
        """
        shown_articles = library.articles if articles is None else articles
        shown_events = library.events if events is None else events
        filtered = articles is not None or events is not None
        reopen = set() if filtered or self._filtered else self._open_years()
        self._filtered = filtered
        eager = len(shown_articles) + len(shown_events) <= EAGER_LIMIT
        groups: list[tuple[str, list[Article] | list[Event]]] = [
            (t("sidebar.articles"), shown_articles),
            (t("sidebar.events"), shown_events),
        ]
        with self._adding_rows():
            for number, (title, items) in enumerate(groups):
                group = self._add_group(title, len(items))
                for index, (year, members) in enumerate(by_year(items)):
                    year_node = self._add_year(
                        group, YearGroup(year, members), len(members)
                    )
                    for item in members:
                        self._year_of[item.path] = year_node
                    if eager or index == 0 or (number, year) in reopen:
                        self._open_year(year_node)
            if library.problems and articles is None:
                self._add_problems(len(library.problems))

    def fill_outline(self, outline: Outline, first_rows: int = FIRST_ROWS) -> None:
        """Show the library's outline, read before the library itself.

        Years open as `fill` opens them (all of a small library, else each
        group's newest); their rows hold `Stub`s, which the next `fill`
        replaces with the items. A closed year's titles, if the outline has
        them, become rows when it opens. Rows past the first `first_rows`
        wait for `add_outline_rest`, so that the first paint makes only
        about what it shows.
        """
        room = first_rows
        groups = (outline.articles, outline.events)
        eager = sum(year.count for years in groups for year in years) <= EAGER_LIMIT
        with self._adding_rows():
            for title, years in zip(
                (t("sidebar.articles"), t("sidebar.events")), groups, strict=True
            ):
                group = self._add_group(title, sum(year.count for year in years))
                for number, year in enumerate(years):
                    leaves = year.leaves or []
                    if not (eager or number == 0):
                        self._add_closed_year(group, year)
                        continue
                    node = self._add_outline_year(group, year)
                    self._add_stubs(node, leaves[:room])
                    if len(leaves) > room:
                        self._outline_rest.append((node, leaves[room:]))
                    room = max(0, room - len(leaves))
            if outline.problems:
                self._add_problems(outline.problems)

    def add_outline_rest(self) -> None:
        """Add the outline's rows that `fill_outline` held back."""
        rest, self._outline_rest = self._outline_rest, []
        with self._one_invalidation():
            for node, leaves in rest:
                self._add_stubs(node, leaves)

    @contextmanager
    def _adding_rows(self) -> Iterator[None]:
        """Start afresh and add many rows with one repaint, not one per row."""
        self.clear()
        self._item_nodes, self._year_of = {}, {}
        self._outline_rest = []
        with self._one_invalidation():
            yield

    @contextmanager
    def _one_invalidation(self) -> Iterator[None]:
        """Invalidate the rows once, when the outermost batch of adds ends."""
        outer = self._adding
        self._adding = True
        try:
            yield
        finally:
            self._adding = outer
            self._invalidate()

    def _invalidate(self) -> None:
        """Forget the laid-out rows and repaint; once per batch of added rows.

        Textual's Tree does this on every row added, which made a year of
        500 rows take 13 ms to add.
        """
        if not self._adding:
            super()._invalidate()

    def _add_group(self, title: str, count: int) -> TreeNode[Entry]:
        label = Text.assemble((title, "bold"), (f" ({count})", "dim"))
        return self.root.add(label, None, expand=True)

    def _add_year(
        self, group: TreeNode[Entry], members: YearGroup, count: int
    ) -> TreeNode[Entry]:
        label = Text.assemble(str(members.year), (f" ({count})", "dim"))
        return group.add(label, members, allow_expand=True)

    def _open_years(self) -> set[tuple[int, int]]:
        """Return the open years, as (group number, year)."""
        return {
            (number, node.data.year)
            for number, group in enumerate(self.root.children)
            for node in group.children
            if node.is_expanded and isinstance(node.data, YearGroup)
        }

    def _add_outline_year(
        self, group: TreeNode[Entry], year: YearOutline
    ) -> TreeNode[Entry]:
        # Filled already: a year without titles opens empty until `fill`.
        node = self._add_year(group, YearGroup(year.year, [], filled=True), year.count)
        if year.leaves is not None:
            node.expand()
        return node

    def _add_closed_year(self, group: TreeNode[Entry], year: YearOutline) -> None:
        """Add a closed year; its outline titles, if any, become rows when it opens."""
        leaves = year.leaves or []
        node = self._add_year(group, YearGroup(year.year, [], stubs=leaves), year.count)
        for path, _title in leaves:
            self._year_of[path] = node

    def _add_stubs(self, node: TreeNode[Entry], leaves: list[tuple[Path, str]]) -> None:
        for path, title in leaves:
            self._item_nodes[path] = node.add_leaf(Text(title), Stub(path, title))
            self._year_of[path] = node

    def _open_year(self, node: TreeNode[Entry]) -> None:
        group = node.data
        if isinstance(group, YearGroup) and not group.filled:
            group.filled = True
            with self._one_invalidation():
                for item in group.items:
                    self._item_nodes[item.path] = node.add_leaf(Text(item.title), item)
                self._add_stubs(node, group.stubs)
        if not node.is_expanded:
            node.expand()

    def process_label(self, label: str | Text) -> Text:
        """Return `label` as one line of text; a row's own Text is used as it is.

        Textual's Tree copies every label to cut it at its first line, twice
        per row added: 6 ms for a year of 500 rows.
        """
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: TreeNode[Entry]) -> int:
        """Return a row's width without rendering it (the tree asks for every row)."""
        icon = len(self.ICON_NODE) if node.allow_expand else 0
        label = node.label
        return (label.cell_len if isinstance(label, Text) else cell_len(label)) + icon

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Entry]) -> None:
        """Make a year's rows the first time it opens."""
        self._open_year(event.node)

    def _add_problems(self, count: int) -> None:
        label = Text(tn("sidebar.problems", count), style="bold")
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

    def show_item(self, item: Item | Stub) -> bool:
        """Move the cursor to `item`, opening its year; False if it is not shown."""
        year = self._year_of.get(item.path)
        if year is None:
            return False
        self._open_year(year)
        self._place_cursor(self._item_nodes[item.path])
        return True

    @property
    def place(self) -> Place | None:
        """Where the cursor is, to find the same row after a refill.

        None too while the cursor rests where the app started it: nobody
        chose that row, so a refill starts on its own first row instead.
        """
        node = self.cursor_node
        if node is None or node.parent is None or node is self._start_row:
            return None
        data = node.data
        if is_item(data) or isinstance(data, Stub):
            return data.path
        if data == PROBLEMS:
            return PROBLEMS
        group = node if node.parent is self.root else node.parent
        number = self.root.children.index(group)
        return (number, data.year) if isinstance(data, YearGroup) else (number, None)

    def show_place(self, place: Place) -> bool:
        """Move the cursor to the group, year or problems row at `place`, if shown."""
        rows = self.root.children
        if place == PROBLEMS:
            found = next((row for row in rows if row.data == PROBLEMS), None)
        elif isinstance(place, tuple) and place[0] < len(rows):
            group, year = rows[place[0]], place[1]
            found = group if year is None else _year_row(group, year)
        else:
            found = None
        if found is not None:
            self._place_cursor(found)
        return found is not None

    def first_item_line(self, *, quiet: bool = True) -> None:
        """Put the cursor on the first article or event (`quiet`: as `placed`)."""
        first = next(iter(self._item_nodes.values()), None)
        if first is not None:
            self._place_cursor(first, quiet=quiet)
            self._start_row = first if quiet else None

    def _place_cursor(self, node: TreeNode[Entry], *, quiet: bool = True) -> None:
        """Put the cursor on `node` at once (`quiet`: its highlight opens nothing).

        Not after the next refresh: keys typed meanwhile would move a cursor
        that then jumps away from under them.
        """
        if quiet:
            self.placed = node
        # Asking for the last line lays out the rows: then the node's line is known.
        if self.last_line < 0:
            return
        self.cursor_line = node.line
        if self.size.height:  # Before the first layout there is nothing to scroll.
            self.scroll_to_node(node, animate=False)


def _year_row(group: TreeNode[Entry], year: int) -> TreeNode[Entry] | None:
    """Return the row of `year` in `group`, if it has one."""
    return next(
        (
            node
            for node in group.children
            if isinstance(node.data, YearGroup) and node.data.year == year
        ),
        None,
    )
