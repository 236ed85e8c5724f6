"""Provides full-text search (ctrl+f) and the command palette's jump to any item.

The screen searches as you type, in a thread (stale searches are dropped), and
dismisses with a `SearchChoice`: the item and the text to find in it, so the
reader can open the item scrolled to the hit. It uses the index it is given,
or opens (and syncs) the library's own cached index itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit as PaletteHit
from textual.command import Hits, Provider
from textual.containers import Vertical
from textual.content import Content
from textual.markup import escape
from textual.screen import ModalScreen
from textual.style import Style
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from bftui.core.index.build import Index
from bftui.core.index.filtering import ItemFilter, fold, has_swedish_letters
from bftui.core.index.query import Term, parse
from bftui.core.index.search import Hit, highlighter, split_marks
from bftui.core.items.model import Item
from bftui.i18n import t, tn

BUILDING_POLL = 0.3
"""Seconds between looks at an index build's progress."""
RESEARCH_EVERY = 2000
"""Files an index build reads between two searches of what is typed."""
SEARCH_DELAY = 0.06
"""Seconds after the last key before searching (a burst of keys searches once)."""
LIMIT = 50
"""Hits shown at most."""
PALETTE_LIMIT = 60


@dataclass(frozen=True, slots=True)
class SearchChoice:
    """What the user chose: an item, and where in it the hit is."""

    item: Item
    find: str
    """The matched text as written in the item, for the reader's find."""
    line: int | None
    """0-based line of the article body holding the hit, if it is in the body."""
    heading: str
    """The body heading (e.g. a question) above the hit, or ""."""


class SearchResults(OptionList):
    """The hits: a title line and a snippet line each, matches highlighted."""

    COMPONENT_CLASSES = {
        "search-results--title",
        "search-results--where",
        "search-results--match",
    }

    def _style(self, name: str) -> Style:
        return Style.from_styles(self.get_component_styles(name))

    def show_hits(self, hits: list[Hit]) -> None:
        """Replace the list with `hits`, the first one highlighted."""
        title, where, match = (
            self._style(f"search-results--{name}")
            for name in ("title", "where", "match")
        )
        options = [
            Option(_prompt(hit, title, where, match), id=str(number))
            for number, hit in enumerate(hits)
        ]
        self.set_options(options)
        self.highlighted = 0 if options else None


def _prompt(hit: Hit, title: Style, where: Style, match: Style) -> Content:
    """Return one hit's lines; file text only ever becomes plain Content."""
    item = hit.item
    about = f"  {t(f'kind.{item.kind}')} {item.date.year}"
    if hit.field and hit.field != "title":
        about += f" · {t(f'search.where.{hit.field}')}"
    head = Content.assemble((item.title, title), (about, where))
    if not hit.snippet:
        return head
    parts = [
        (text, match) if marked else text for text, marked in split_marks(hit.snippet)
    ]
    return Content.assemble(head, "\n  ", *parts)


class SearchScreen(ModalScreen[SearchChoice | None]):
    """A query box over the library's best hits; Enter opens the highlighted one."""

    CSS_PATH = "../search.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", t("search.close"), id="search.close"),
        Binding("down", "move(1)", show=False, id="search.down"),
        Binding("up", "move(-1)", show=False, id="search.up"),
        Binding("pagedown", "move(10)", show=False, id="search.page_down"),
        Binding("pageup", "move(-10)", show=False, id="search.page_up"),
    ]

    def __init__(
        self,
        root: Path,
        index: Index | None = None,
        query: str = "",
        building: Callable[[], tuple[int, int] | None] | None = None,
    ) -> None:
        """Search `index` (or the library's own); `building` tells how far its build is."""
        super().__init__()
        self._root = root
        self._index = index
        self._building = building
        self._build_timer: Timer | None = None
        self._searched_at = 0
        """How many files the build had read when the shown search ran."""
        self._hit_status = ""
        self._ready = threading.Event()
        if index is not None:
            self._ready.set()
        self._initial = query
        self._hits: list[Hit] = []
        self._shown_for: str | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """A query box, a status line and the hits."""
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = t("search.title")
            dialog.border_subtitle = t("search.hint")
            yield Input(
                self._initial, placeholder=t("search.placeholder"), id="search-input"
            )
            yield Static("", id="search-status", markup=False)
            yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        """Open the index if none was given, and search for any initial query."""
        self.query_one(SearchResults).can_focus = False
        if self._building is not None and self._building() is not None:
            self._build_timer = self.set_interval(BUILDING_POLL, self._watch_build)
        if self._index is None:
            self._prepare()
        elif self._initial:
            self._run_search()

    @property
    def query_text(self) -> str:
        """What is typed in the query box."""
        return self.query_one("#search-input", Input).value

    @work(thread=True, group="search-index", exit_on_error=False)
    def _prepare(self) -> None:
        """Open the cached index (searchable at once), then bring it up to date."""
        worker = get_current_worker()
        index = self._index = Index.open(self._root)
        self._ready.set()
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._run_search)
        index.sync(progress=self._progress)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._synced)

    def _progress(self, done: int, total: int) -> None:
        if total > 50 and not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._set_status, tn("search.indexing", total, done=done)
            )

    def _build_status(self) -> str:
        """What the index build given to the screen has done, or "" when it is not building."""
        progress = self._building() if self._building is not None else None
        if progress is None:
            return ""
        done, total = progress
        if not total:
            return t("search.building")
        return tn("search.indexing", total, done=done)

    def _watch_build(self) -> None:
        """Show the build's progress; search again as it grows, and once it is done."""
        progress = self._building() if self._building is not None else None
        if progress is None:
            if self._build_timer is not None:
                self._build_timer.stop()
            self._synced()
        elif progress[0] >= self._searched_at + RESEARCH_EVERY:
            self._searched_at = progress[0]
            self._synced()
        else:
            self._show_status()

    def _synced(self) -> None:
        self._shown_for = None
        self._run_search()

    def _set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(text)

    @on(Input.Changed, "#search-input")
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if SEARCH_DELAY > 0:
            self._timer = self.set_timer(SEARCH_DELAY, self._run_search)
        else:
            self.call_later(self._run_search)

    def _run_search(self) -> None:
        if self.query_text != self._shown_for:
            self._search(self.query_text)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> None:
        """Search off the UI thread; a newer search makes this one's result moot."""
        worker = get_current_worker()
        while not self._ready.wait(0.05):
            if worker.is_cancelled:
                return  # Closed (or outrun) before the index was open.
        if worker.is_cancelled or self._index is None:
            return
        hits = self._index.search(text, LIMIT)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, text, hits)

    def _show(self, text: str, hits: list[Hit]) -> None:
        if text != self.query_text:
            return  # The user typed on; that search will show.
        self._hits, self._shown_for = hits, text
        self.query_one(SearchResults).show_hits(hits)
        if not text.strip():
            status = ""
        elif parse(text).empty:
            status = t("search.short")
        elif not hits:
            status = t("search.none")
        elif len(hits) >= LIMIT:
            status = tn("search.many", len(hits))
        else:
            status = tn("search.count", len(hits))
        self._hit_status = status
        self._show_status()

    def _show_status(self) -> None:
        """Show what the last search found, and how far an index build is."""
        status, building = self._hit_status, self._build_status()
        self._set_status(
            f"{status} · {building}" if status and building else building or status
        )

    def action_move(self, step: int) -> None:
        """Move the highlight through the hits while typing."""
        results = self.query_one(SearchResults)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self._shown_for != self.query_text and self._index is not None:
            # Enter came before the search did: search now, it is one query.
            self._show(self.query_text, self._index.search(self.query_text, LIMIT))
        self._choose(self.query_one(SearchResults).highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, number: int | None) -> None:
        if number is None or number >= len(self._hits):
            return
        hit = self._hits[number]
        self.dismiss(SearchChoice(hit.item, hit.match, hit.line, hit.heading))


class ItemCommands(Provider):
    """Command palette: jump to any article or event by (part of) its title."""

    async def _titles(self) -> ItemFilter[Item] | None:
        """Every item by its title; opened during the start, the palette waits for the library.

        The titles are folded in a thread once the library is read. The wait
        is here, not in `startup`: Textual cancels a slow startup along with
        the search that waits for it when the next key is typed.
        """
        read = getattr(self.screen, "library_read", None)
        if read is not None:
            await read.wait()
        return getattr(self.screen, "title_filter", None)

    async def search(self, query: str) -> Hits:
        """Yield the items whose title holds every word typed."""
        titles = await self._titles()
        read_item = getattr(self.screen, "read_item", None)
        words = fold(query).split()
        if not words or titles is None or read_item is None:
            return
        pattern = highlighter(tuple(Term((w,), prefix=True) for w in words))
        first = fold(query, keep_swedish=has_swedish_letters(query)).split()[0]
        for item, title in islice(titles.matches(query), PALETTE_LIMIT):
            display = Content(item.title)
            if pattern is not None:
                for match in pattern.finditer(item.title):
                    display = display.stylize(
                        "bold underline", match.start(), match.end()
                    )
            score = 1.0 if title.startswith(first) else 0.8
            yield PaletteHit(
                score - len(item.title) / 10_000,
                display,
                partial(read_item, item),
                text=item.title,
                help=escape(
                    t(
                        "search.palette.help",
                        kind=t(f"kind.{item.kind}"),
                        year=item.date.year,
                    )
                ),
            )
