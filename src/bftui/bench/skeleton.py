"""A second baseline: bftui's main screen built from Textual alone (marker: SKELMARK).

The header, a filter input, a tree with the rows a warm start lays out for
its first paint (two groups, 21 years, the newest year's first 150 titles,
as bftui's sidebar makes its first `FIRST_ROWS`), a static pane and a footer
with the main screen's eight keys, and no bftui code: the screen as
Textual's stock widgets make it, with Python's defaults. bftui's own warm
first paint is compared with it, row for row.
"""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, Static, Tree

MARK = "SKELMARK"
YEARS = range(2025, 2004, -1)
OPEN_ROWS = 150
"""As many title rows as bftui lays out for its first paint (a test holds them equal)."""


class Skeleton(App[None]):
    """The shape of bftui's main screen, filled as a warm start fills it."""

    CSS = "#sidebar { width: 34; } #filter { display: none; }"
    BINDINGS = [Binding(key, "bell", f"Key {key}") for key in "abcdefgh"]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="sidebar"):
                yield Input(id="filter")
                yield Tree("root", id="tree")
            yield Static("reader")
        yield Footer()

    def on_mount(self) -> None:
        tree: Tree[None] = self.query_one(Tree)
        tree.show_root = False
        for group_name in (f"{MARK} Artiklar", "Evenemang"):
            group = tree.root.add(group_name, expand=True)
            for year in YEARS:
                node = group.add(str(year), allow_expand=True)
                if year == YEARS[0] and group_name != "Evenemang":
                    for number in range(OPEN_ROWS):
                        node.add_leaf(f"Artikel {number} om boende i Malmö")
                    node.expand()


if __name__ == "__main__":
    Skeleton().run()
