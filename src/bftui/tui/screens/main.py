"""Provides the main screen: the library in the sidebar, the chosen item in the reader."""

from __future__ import annotations

import asyncio
import threading
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.timer import Timer
from textual.widgets import Input, Static, Tree

from bftui.core.text import safe_text
from bftui.i18n import t, tn
from bftui.paths import in_sample
from bftui.settings import SIDEBAR_DEFAULT, SIDEBAR_RANGE
from bftui.tui.bindings import EDITING_BINDINGS, MAIN_BINDINGS
from bftui.tui.editing import CHANGE, EDITING_KEYS, LIBRARY, EditingScreen
from bftui.tui.heap import freeze_heap, release_collector
from bftui.tui.history import History, Visit
from bftui.tui.library_feed import LibraryFeed
from bftui.tui.messages import LibraryLoaded, LinkActivated
from bftui.tui.sharing import SharingMixin
from bftui.tui.typeahead import after_key_lands
from bftui.tui.widgets.document import DocumentView
from bftui.tui.widgets.input_bar import input_bar
from bftui.tui.widgets.key_footer import KeyFooter
from bftui.tui.widgets.reader import Reader
from bftui.tui.widgets.sidebar import PROBLEMS, LibraryTree, Stub, is_item
from bftui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from bftui.core.index.filtering import ItemFilter
    from bftui.core.index.outline import Outline
    from bftui.core.items.model import Article, Event, Item
    from bftui.core.library.loading import Library
    from bftui.core.problems import Problem
    from bftui.tui.screens.help import KeyGroup
    from bftui.tui.screens.search import SearchChoice
    from bftui.tui.widgets.sidebar import Entry


def display_path(path: Path) -> str:
    """Return how the header names library `path`.

    The bundled sample is "Exempelbiblioteket", never a folder deep inside
    the installed package; a folder below the home folder starts with "~".
    """
    if in_sample(path):
        return t("title.sample")
    home = Path.home()
    for base in (home, home.resolve()):
        if path == base:
            return "~"
        if path.is_relative_to(base):
            return f"~/{path.relative_to(base).as_posix()}"
    return str(path)


START = "start"
"""A hold on the keys of a cold start until the sidebar lists the items."""
ALONE = "alone"
"""A hold on the keys until the file asked for (`bftui FILE`) is read alone."""

PREVIEW_DELAY = 0.15

_CURSOR_KEYS = frozenset(("up", "down", "pageup", "pagedown", "home", "end"))
"""Keys that move the sidebar's cursor: the preview waits for it to rest."""
"""Seconds the sidebar cursor must rest on an item before the reader shows it."""
PROGRESS_FROM = 500
"""Reading at least this many files shows a count in the sidebar."""
OUTLINE_WAIT = 1.0
"""Seconds a cold start's index build waits for the outline to be painted."""
FILTER_DELAY = 0.15
"""Seconds after the last key before the sidebar is filtered again."""
READ_AFTER_OPEN = 1.0
"""Seconds at most the library's reading waits for an item opened at the start."""
READER_MODULES = ("bftui.core.library.compose", "bftui.tui.rendering")
"""What the reader needs to show an item, imported first on a warm start."""
LATER_MODULES = (
    *READER_MODULES,
    "bftui.tui.targets",
    "bftui.tui.quitting",
    "bftui.tui.screens.search",
)
"""Left out of the start, imported once the library is read, before a key needs them."""


class MainScreen(SharingMixin, EditingScreen):
    """The library's articles and events beside the reader.

    Screens other than the forms are imported when first opened too, to keep
    the start quick (see `bftui.tui.editing`). The focus moves with
    `set_focus`, at once: `focus()` waits a turn, so keys typed quickly after
    `/` or Tab (queued together) would meet the old focus's keys, and two
    moves in a row would land in the wrong order.
    """

    BINDINGS = [*MAIN_BINDINGS, *EDITING_KEYS]

    def __init__(
        self,
        library_root: Path,
        watch_setting: str = "auto",
        open_item: Path | None = None,
    ) -> None:
        super().__init__()
        self.library_root = library_root
        self.library: Library | None = None
        self.history = History()
        self._filter: ItemFilter[Article] | None = None
        self._event_filter: ItemFilter[Event] | None = None
        self.title_filter: ItemFilter[Item] | None = None
        """Every item by its title, for the command palette (once the library is read)."""
        self._preview_timer: Timer | None = None
        self._previewed: Item | Stub | None = None
        self._filter_timer: Timer | None = None
        self._pending_find: tuple[str, str] | None = None
        """Words to find (and the heading they are under) once the item is rendered."""
        self._wanted: Path | None = open_item
        """An item chosen from the outline or the command line, being read alone."""
        self._early = False
        """The reader's text was composed before the library was read: compose again."""
        self.library_read = asyncio.Event()
        """Set once the library has been read (the palette waits for its items)."""
        self._reading = False
        """Whether the library's reading has started."""
        self._warm = True
        """Whether the outline was cached (the start is warm)."""
        self._reader_free = threading.Event()
        """Clear while an item chosen before the library was read is on its way."""
        self._reader_free.set()
        self._reveal: Item | None = None
        """The item to select in the sidebar once the reader has shown it."""
        self.feed = LibraryFeed(
            library_root, watch_setting, self._deliver, self._outlined
        )
        """The cached index, kept up to date and watched."""

    def compose(self) -> ComposeResult:
        """Lay out the light shell that paints before the library is read."""
        yield TitleBar(id="title")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield LibraryTree(id="tree")
                yield Static("", id="load-status", markup=False)
            yield Reader(id="reader")
        # The palette stays one key away (ctrl+p, and in the help) to keep the
        # footer's main keys within 80 columns.
        yield KeyFooter(show_command_palette=False)

    @property
    def library_tree(self) -> LibraryTree:
        """The sidebar's tree."""
        return self.query_one(LibraryTree)

    @property
    def filter_input(self) -> Input:
        """The (hidden) filter above the sidebar, made on first use."""
        sidebar = self.query_one("#sidebar")
        return input_bar(sidebar, "filter", t("sidebar.filter_placeholder"), first=True)

    @property
    def find_bar(self) -> Input:
        """The (hidden) find bar under the reader, made on first use."""
        return self.query_one(Reader).find_bar

    @property
    def document(self) -> DocumentView:
        """The reader's document view."""
        return self.query_one(DocumentView)

    def on_mount(self) -> None:
        """Show where we are and the cached outline, then read the library in a thread.

        The thread starts after the first paint, which it would otherwise
        slow; so does the garbage collector, held since the start (see
        `bftui.tui.heap`).
        """
        self.sub_title = display_path(self.library_root)
        settings = getattr(self.app, "settings", None)
        if settings is not None and settings.sidebar != SIDEBAR_DEFAULT:
            self.set_sidebar_percent(settings.sidebar)
        self._show_progress(t("reader.loading"))
        tree = self.library_tree
        self.set_focus(tree)
        outline = self.feed.outline()
        if outline is not None:
            self.title = outline.title
            tree.fill_outline(outline)
            tree.first_item_line()
        else:
            self._warm = False
            self.hold_keys(START)  # Keys wait for the sidebar (see typeahead).
        if self._wanted is not None:  # `bftui FILE`: its text at once.
            self.open_path(self._wanted)
            self.set_focus(self.document)
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.library_tree.add_outline_rest()
        release_collector()
        if self._wanted is None and self.current is None:
            self._read_library()
        else:  # An item chosen at once: its text first, the library behind it.
            self.set_timer(READ_AFTER_OPEN, self._read_library)
        self.start_sharing()

    def _read_library(self) -> None:
        """Start reading the library, once (see `_after_first_paint`)."""
        if not self._reading:
            self._reading = True
            self.load_library()

    def on_unmount(self) -> None:
        """Stop watching the folder, and hearing bftui's writes."""
        self.feed.stop()
        self.stop_sharing()

    def _deliver(self, library: Library, changed: frozenset[Path]) -> None:
        self.post_message(LibraryLoaded(library, changed))

    def _outlined(self, outline: Outline) -> None:
        """Show the outline read on a cold start (from the loading thread).

        Returns once the sidebar is painted, or after `OUTLINE_WAIT`
        seconds: the index build that follows holds the GIL so much that
        it would hold the painting back.
        """
        painted = threading.Event()
        self.app.call_from_thread(self._show_outline, outline, painted)
        painted.wait(OUTLINE_WAIT)

    def _show_outline(self, outline: Outline, painted: threading.Event) -> None:
        tree = self.library_tree
        tree.call_after_refresh(painted.set)
        if self.library is not None:
            return  # The library came first (it cannot yet, but never go back).
        self.title = outline.title
        place = tree.place
        tree.fill_outline(outline)
        if not (isinstance(place, Path) and tree.show_item(Stub(place, ""))):
            tree.first_item_line()
        tree.call_after_refresh(tree.add_outline_rest)
        self.let_keys_go(START)

    def read_library(self) -> Library:
        """Return the library brought up to date (thread workers only)."""
        return self.feed.read()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        """Show the cached library at once, then bring it up to date, then watch it.

        On a warm start the reader's modules come first: Enter on a listed
        item soon after the first paint needs them before the library.
        """
        if self._warm:
            for name in READER_MODULES:
                import_module(name)
        self.feed.load(self._progress, self._let_reader_first)
        self.app.call_from_thread(self._show_progress, "")
        for name in LATER_MODULES:
            import_module(name)
        freeze_heap()
        self.feed.watch(self._watch_failed)

    def _watch_failed(self, error: Exception) -> None:
        message = t("reader.watch_failed", error=safe_text(str(error)))
        self.app.call_from_thread(self.notify, message, severity="warning")

    @work(thread=True, exclusive=True, group="filters", exit_on_error=False)
    def _prepare_filters(
        self, *filters: ItemFilter[Article] | ItemFilter[Event] | ItemFilter[Item]
    ) -> None:
        """Fold the filter texts off the UI thread, before the first `/` or ctrl+p."""
        for item_filter in filters:
            item_filter.prepare()

    def _let_reader_first(self) -> None:
        """Let an item chosen while the library is read show first (loading thread).

        For a while: a text never painted holds the reading back only once.
        """
        if not self._reader_free.wait(READ_AFTER_OPEN):
            self._reader_free.set()

    def _progress(self, done: int, total: int) -> None:
        self._let_reader_first()  # Between two batches of the index build.
        if total >= PROGRESS_FROM and (done % 250 == 0 or done == total):
            self.app.call_from_thread(
                self._show_progress, tn("reader.indexing", total, done=done)
            )

    def _show_progress(self, text: str) -> None:
        status = self.query_one("#load-status", Static)
        status.update(text)
        status.display = bool(text)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Fill the sidebar once no key is on its way (it acts on the sidebar as it was).

        A key (`up`) sent just before the library came moved the cursor in
        the new sidebar, which then put it back on its row.
        """
        after_key_lands(self.app, lambda: self._library_loaded(message))

    def _library_loaded(self, message: LibraryLoaded) -> None:
        """Fill the sidebar; keep the reader on the item it showed, if it still exists."""
        from bftui.core.index.filtering import (
            ItemFilter,  # not needed for the first paint
        )

        library = self.library = message.library
        self.library_read.set()
        self.title = library.title
        self._filter = ItemFilter(library.articles)
        self._event_filter = ItemFilter(library.events)
        self.title_filter = ItemFilter(library.items(), text=lambda item: item.title)
        self._prepare_filters(self._filter, self._event_filter, self.title_filter)
        self._show_progress("")
        if message.changed:
            self.refresh_share()  # Files changed here: perhaps not shared yet.
        # What the keys held wait for: the sidebar, the library, and a
        # change's own reading (the watch's may come before it).
        done = (START, LIBRARY, CHANGE) if message.awaited else (START, LIBRARY)
        kept = self._fill_tree()
        if self.focused is None or not self.focused.display:
            self.set_focus(self.library_tree)
        wanted, self._wanted = self._wanted, None
        if wanted is not None and (item := library.item_at(wanted)) is not None:
            self.open_item(item)
            self.set_focus(self.document)
        chosen, self.chosen_early = self.chosen_early, None
        if chosen is not None and (item := library.item_at(chosen)) is not None:
            self.open_item(item, preview=True)  # The keys that waited act on it.
        self.run_waiting(library)
        if self.current is None:
            from bftui.tui.welcome import welcome_markdown  # It loads markdown-it.

            self.document.show(welcome_markdown(library))
            if not kept:  # The keys held wait for the cursor's first row too.
                self.library_tree.call_after_refresh(self._first_row_listed, done)
            else:
                self.let_keys_go(*done)
            return
        early, self._early = self._early, False
        current = library.item_at(self.current.path)
        if current is None:
            name = safe_text(self.current.path.name)
            self.notify(t("reader.removed", name=name), severity="warning", timeout=8)
        elif early or current != self.current or current.path in message.changed:
            # Shown again where it was; the sidebar stays where the user left it.
            self.open_item(current, record=False, preview=True, line=None)
        self.let_keys_go(*done)

    def _first_row_listed(self, done: tuple[str, ...]) -> None:
        self.library_tree.first_item_line()
        self.let_keys_go(*done)

    def _fill_tree(self) -> bool:
        """Fill the sidebar, keeping the cursor's row; False if there was none."""
        assert self.library and self._filter and self._event_filter
        tree = self.library_tree
        place = tree.place
        shown = self.query_one_optional("#filter", Input)
        query = shown.value if shown is not None else ""
        if query.strip():
            articles = self._filter.apply(query)
            events = self._event_filter.apply(query)
            tree.fill(self.library, articles, events)
        else:
            tree.fill(self.library)
        if isinstance(place, Path):
            keep = self.library.item_at(place)
        elif place is not None and tree.show_place(place):
            return True
        else:
            keep = self.current
        return keep is not None and tree.show_item(keep)

    # Opening items.

    def open_path(self, path: Path) -> None:
        """Open the item in file `path`, from the library or, until it is read, alone.

        Before the library is read the file is read by itself and shown at
        once; the keys typed meanwhile wait for it. Once the library is read
        the text is composed again (an event's articles, the links between
        items), where the reader then is.
        """
        if self.library is not None:
            if (item := self.library.item_at(path)) is not None:
                self.open_item(item)
            return
        self._wanted = path
        self.chosen_early = None
        self.hold_keys(ALONE)
        self._reader_free.clear()  # The index build waits (see `_progress`).
        self._read_alone(path)

    @work(thread=True, group="read-alone", exit_on_error=False)
    def _read_alone(self, path: Path) -> None:
        from bftui.core.library.loading import load_item

        item: Item | list[Problem] = []  # Broken: the library will report it.
        try:
            item = load_item(path, self.library_root)
        finally:  # Even if it failed: the keys must not wait for nothing.
            self.app.call_from_thread(self._read_one, path, item)

    def _read_one(self, path: Path, item: Item | list[Problem]) -> None:
        wanted = self.library is None and self._wanted == path  # Not read yet.
        if wanted and not isinstance(item, list):
            self._wanted = None
            self.open_item(item)
        else:
            self._reader_free.set()
        self.let_keys_go(ALONE)

    def read_item(self, item: Item) -> None:
        """Open `item` and give the reader the focus, as Enter on it in the sidebar does."""
        self.open_item(item)
        self.set_focus(self.document)

    def open_item(
        self,
        item: Item,
        *,
        line: int | None = 0,
        find: str = "",
        heading: str = "",
        record: bool = True,
        preview: bool = False,
    ) -> None:
        """Show `item` in the reader, scrolled to `line`, with `find` highlighted.

        A `line` of None keeps the reader where it is, and the text as it is
        if it has not changed. With `heading`, the first match under that heading is the current one.
        A `preview` leaves the sidebar's cursor where it is. This is the one
        way into the reader: the sidebar, links, back and forward, search
        results and forms after saving all come through here.
        """
        if record:
            self.history.visit(item.path, replace=preview)
        self.chosen_early = None
        self.current = item
        self._early = self.library is None
        # The sidebar follows once the text is on screen: opening a year of
        # hundreds of rows first would keep the reader waiting.
        self._reveal = None if preview else item
        self._compose_item(item, line, (find, heading) if find else None)

    @work(thread=True, exclusive=True, group="compose", exit_on_error=False)
    def _compose_item(
        self, item: Item, line: int | None, find: tuple[str, str] | None
    ) -> None:
        from bftui.core.library.compose import (
            compose,  # In the thread: it loads markdown-it.
        )
        from bftui.core.library.loading import Library

        # Not read yet: the item alone, without the links to other items.
        library = self.library or Library(self.library_root)
        try:
            markdown = compose(item, library)
        except (OSError, ValueError) as error:
            message = t(
                "reader.unreadable", path=item.path.name, error=safe_text(str(error))
            )
            self.app.call_from_thread(self.notify, message, severity="error")
            self.app.call_from_thread(self._follow_in_sidebar)
            self._reader_free.set()
            return
        self.app.call_from_thread(self._show, item, markdown, line, find)

    def _show(
        self, item: Item, markdown: str, line: int | None, find: tuple[str, str] | None
    ) -> None:
        if item is not self.current:
            return
        document = self.document
        if line is None and markdown == document.markdown:
            self._reader_free.set()
            return  # The same text again: leave it as it is.
        self._pending_find = find
        document.show(markdown, line=document.top_line if line is None else line)

    def _follow_in_sidebar(self) -> None:
        """Select the item the reader shows in the sidebar, if not done yet."""
        item, self._reveal = self._reveal, None
        if item is not None and item is self.current:
            self.library_tree.show_item(item)

    @on(DocumentView.Painted)
    def _painted(self) -> None:
        self._follow_in_sidebar()
        self._reader_free.set()
        self._read_library()  # If it waited for this first text.

    @on(DocumentView.Progress)
    def _rendered(self, event: DocumentView.Progress) -> None:
        if event.complete and self._pending_find is not None:
            query, heading = self._pending_find
            self._pending_find = None
            self._find_under(query, heading)

    def _find_under(self, query: str, heading: str) -> None:
        """Mark `query` in the document, the first match under `heading` current."""
        bar = self.find_bar
        with bar.prevent(Input.Changed):
            bar.value = query
        bar.add_class("-visible")
        document = self.document
        document.find(query)
        headings = document.rendered.headings
        start = next((h.line for h in headings if heading and h.text == heading), 0)
        position = document.select_match_from(start)
        if position is not None:
            bar.border_subtitle = t(
                "reader.match_of", number=position[0], total=position[1]
            )

    @on(Tree.NodeHighlighted, "#tree")
    def _preview(self, event: Tree.NodeHighlighted[Entry]) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        data = event.node.data
        tree = self.library_tree
        if event.node.parent is None:
            return  # A hidden root, where a new tree starts: nobody chose it.
        placed, tree.placed = tree.placed, None
        if event.node is placed:
            return  # The app moved the cursor there: nothing to open.
        if (is_item(data) and data is not self.current) or isinstance(data, Stub):
            self._preview_timer = self.set_timer(
                PREVIEW_DELAY, lambda: self._choose(data)
            )
            self._previewed = data

    def _preview_now(self) -> None:
        """Show the item under the cursor now if it waits for the cursor to rest.

        A key other than the cursor's (`d`, `E`, `i`...) acts on the item
        shown: typed quickly after moving, as when typed slowly, that is the
        item under the cursor.
        """
        timer, self._preview_timer = self._preview_timer, None
        if timer is not None:
            timer.stop()
            if self._previewed is not None and self._previewed is not self.current:
                self._choose(self._previewed)

    def _choose(self, entry: Item | Stub) -> None:
        """Show the item the cursor rests on; a title listed before the library is read, once it is.

        Until then the keys that act on the shown item wait for it
        (`chosen_early`), as they act on it when the library has been read.
        """
        if not isinstance(entry, Stub):
            self.open_item(entry, preview=True)
        elif self.library is None:
            self.chosen_early = entry.path
        elif (item := self.library.item_at(entry.path)) is not None:
            self.open_item(item, preview=True)

    @on(Tree.NodeSelected, "#tree")
    def _select(self, event: Tree.NodeSelected[Entry]) -> None:
        data = event.node.data
        if self._preview_timer is not None:
            self._preview_timer.stop()
        if data == PROBLEMS:
            self.action_problems()
        elif is_item(data):
            if data is not self.current:
                self.open_item(data)
            self.set_focus(self.document)
        elif isinstance(data, Stub):
            self.open_path(data.path)
            self.set_focus(self.document)

    # Links.

    def on_link_activated(self, message: LinkActivated) -> None:
        """Follow a library link; show and copy an external one; refuse the rest."""
        if self.wait_for_library("link", lambda: self.on_link_activated(message)):
            return
        assert self.library is not None
        from bftui.core.library.links import resolve_link

        source = self.current.path if self.current else None
        target = resolve_link(message.href, source, self.library)
        if target.kind == "item" and target.item is not None:
            self.open_item(target.item)
        elif target.kind == "external":
            self.app.copy_to_clipboard(target.href)
            self.notify(t("links.copied", url=safe_text(target.href)), timeout=8)
        else:
            self.notify(
                t("links.refused", url=safe_text(message.href)), severity="warning"
            )

    def action_links(self) -> None:
        """List the shown document's links to follow or copy."""
        from bftui.tui.screens.links import LinksScreen

        def chosen(href: str | None) -> None:
            if href:
                self.post_message(LinkActivated(href))

        self.app.push_screen(LinksScreen(self.document.rendered.links), chosen)

    # Navigation.

    def action_switch_pane(self) -> None:
        """Move the focus between the sidebar and the reader."""
        if self.document.has_focus and not self.has_class("-no-sidebar"):
            self.set_focus(self.library_tree)
        else:
            self.set_focus(self.document)

    @property
    def sidebar_percent(self) -> int:
        """The sidebar's width in percent of the terminal."""
        width = self.query_one("#sidebar").styles.width
        return round(width.value) if width is not None else SIDEBAR_DEFAULT

    def set_sidebar_percent(self, percent: int) -> None:
        """Make the sidebar `percent` of the terminal wide (within its bounds)."""
        low, high = SIDEBAR_RANGE.start, SIDEBAR_RANGE.stop - 1
        percent = max(low, min(high, percent))
        self.query_one("#sidebar").styles.width = f"{percent}%"

    def action_sidebar_width(self, step: int) -> None:
        """Widen (step > 0) or narrow the sidebar, and remember it for the next start."""
        self.remove_class("-no-sidebar")
        self.set_sidebar_percent(self.sidebar_percent + step)
        self._remember_sidebar(self.sidebar_percent)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def _remember_sidebar(self, percent: int) -> None:
        from bftui import paths
        from bftui.core.store.atomic import StorageError
        from bftui.settings import remember_sidebar

        try:
            remember_sidebar(percent, paths.config_file())
        except StorageError as error:
            self.app.call_from_thread(self.notify, error.message, severity="warning")

    def action_toggle_sidebar(self) -> None:
        """Hide the sidebar to give the reader the whole width, or show it again."""
        self.toggle_class("-no-sidebar")
        if self.has_class("-no-sidebar"):
            self.set_focus(self.document)

    def action_reader_page(self, direction: int) -> None:
        """Scroll the reader a page down (1) or up (-1), wherever the focus is."""
        if direction > 0:
            self.document.scroll_page_down()
        else:
            self.document.scroll_page_up()

    def action_back(self) -> None:
        """Show the item visited before this one."""
        self._go(self.history.back())

    def action_forward(self) -> None:
        """Show the item visited after this one."""
        self._go(self.history.forward())

    def _go(self, visit: Visit | None) -> None:
        if visit is None or self.wait_for_library("go", lambda: self._go(visit)):
            return
        assert self.library is not None
        item = self.library.item_at(visit.path)
        if item is not None:
            self.open_item(item, line=visit.line, record=False)

    def action_toc(self) -> None:
        """Jump to a heading (an interview's question) of the shown document."""
        from bftui.tui.screens.toc import TocScreen

        def chosen(line: int | None) -> None:
            if line is not None:
                self.document.scroll_to_line(line)
                self.set_focus(self.document)

        self.app.push_screen(
            TocScreen(self.document.rendered.headings, self.document.top_line), chosen
        )

    # Filter and find.

    def action_filter(self) -> None:
        """Show the sidebar filter and put the cursor in it."""
        self.remove_class("-no-sidebar")
        filter_input = self.filter_input
        filter_input.add_class("-visible")
        self.set_focus(filter_input)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        if self.library is not None:
            self._filter_timer = self.set_timer(FILTER_DELAY, self._fill_tree)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.library_tree)
        self.library_tree.first_item_line(quiet=False)

    def action_find(self) -> None:
        """Show the find bar under the reader."""
        find = self.find_bar
        find.add_class("-visible")
        self.set_focus(find)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        count = self.document.find(event.value)
        event.input.border_subtitle = tn("reader.matches", count) if event.value else ""
        if count:
            self.action_find_next(1)

    @on(Input.Submitted, "#find")
    def _find_submitted(self) -> None:
        self.action_find_next(1)

    def action_find_next(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match of the find bar."""
        position = self.document.next_match(step)
        if position is not None:
            self.find_bar.border_subtitle = t(
                "reader.match_of", number=position[0], total=position[1]
            )

    def on_key(self, event: Key) -> None:
        """Let Escape close the filter or the find bar that has the focus."""
        if event.key not in _CURSOR_KEYS:
            self._preview_now()
        if event.key != "escape":
            return
        focused = self.focused
        if isinstance(focused, Input) and focused.id in ("filter", "find"):
            event.stop()
            focused.value = ""
            focused.remove_class("-visible")
            if focused.id == "filter":
                self.set_focus(self.library_tree)
            else:
                self.document.find("")
                self.set_focus(self.document)

    # Other screens.

    def action_help(self) -> None:
        """Show every key."""
        from bftui.tui.screens.help import HelpScreen

        groups: list[KeyGroup] = [
            (t("help.everywhere"), MAIN_BINDINGS),
            (t("help.sidebar"), LibraryTree.BINDINGS),
            (t("help.reader"), DocumentView.BINDINGS),
            (t("form.help_editing"), EDITING_BINDINGS),
            (t("help.general"), self.app.BINDINGS),
        ]
        self.app.push_screen(HelpScreen(groups))

    def action_problems(self) -> None:
        """List the library's broken files."""
        from bftui.tui.screens.problems import ProblemsScreen

        if self.wait_for_library("problems", self.action_problems):
            return
        library = self.library
        assert library is not None

        def chosen(problem: Problem | None) -> None:
            if problem is not None:
                self.edit_file(library.root / problem.path, problem.line)

        # The config file's problems come first: they concern every library.
        ours = getattr(self.app, "setting_problems", [])
        self.app.push_screen(ProblemsScreen([*ours, *library.problems]), chosen)

    def action_search(self) -> None:
        """Search the text of the whole library; Enter opens the hit."""
        from bftui.tui.screens.search import SearchScreen

        feed = self.feed
        screen = SearchScreen(
            self.library_root, feed.opened, building=lambda: feed.building
        )
        self.app.push_screen(screen, self._open_found)

    def _open_found(self, choice: SearchChoice | None) -> None:
        if choice is not None:
            found = self.library.item_at(choice.item.path) if self.library else None
            self.open_item(
                found or choice.item, find=choice.find, heading=choice.heading
            )

    def action_reload(self) -> None:
        """Read the library folder again (others may have changed it)."""
        self.notify(t("reader.reloading"), timeout=2)
        self._reload()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _reload(self) -> None:
        try:
            library = self.read_library()
        except BaseException:
            # The keys held go on, on the library as it was.
            self.app.call_from_thread(self.let_keys_go, START, LIBRARY, CHANGE)
            raise
        self.post_message(LibraryLoaded(library, awaited=True))
