"""Provides the document view: rendered Markdown shown line by line (Line API)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from bftui.i18n import t
from bftui.tui.messages import LinkActivated

if TYPE_CHECKING:
    from bftui.tui.rendering import LinkSpan, Section

MAX_WIDTH = 100
"""Lines longer than this are hard to read; wider terminals get a margin instead."""

FIRST_LINES = 100
"""Rendered lines sent one section at a time, so the first screen shows at once."""
_CACHE_SIZE = 12
"""How many rendered documents to keep, so going back to one is instant."""


@dataclass(slots=True)
class Heading:
    """A heading of the shown document, for the table of contents."""

    line: int
    level: int
    text: str


@dataclass(slots=True)
class Rendered:
    """A document rendered at one width."""

    width: int = 0
    """The width the document was rendered at."""
    lines: list[Strip] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    links: list[LinkSpan] = field(default_factory=list)
    complete: bool = False

    def add(self, section: Section) -> None:
        """Append a rendered section, shifting its line numbers into place."""
        offset = len(self.lines)
        if section.heading:
            self.headings.append(Heading(offset, section.level, section.heading))
        for link in section.links:
            link.line += offset
        self.links.extend(section.links)
        self.lines.extend(section.lines)


class DocumentView(ScrollView, can_focus=True):
    """Shows a Markdown document rendered off the UI thread, first screen first."""

    COMPONENT_CLASSES = {"document--match", "document--current-match"}

    BINDINGS = [
        Binding(
            "j", "scroll_down", t("key.scroll_down"), show=False, id="document.down"
        ),
        Binding("k", "scroll_up", t("key.scroll_up"), show=False, id="document.up"),
        Binding(
            "space", "page_down", t("key.page_down"), show=False, id="document.space"
        ),
        Binding("g", "scroll_home", t("key.top"), show=False, id="document.top"),
        Binding("G", "scroll_end", t("key.bottom"), show=False, id="document.bottom"),
    ]

    class Painted(Message):
        """The shown document's first lines have gone to the screen."""

    class Progress(Message):
        """More of the document has been rendered."""

        def __init__(self, view: DocumentView, complete: bool) -> None:
            super().__init__()
            self.view = view
            self.complete = complete

        @property
        def control(self) -> DocumentView:
            """The document view that rendered."""
            return self.view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = ""
        self._rendered = Rendered(complete=True)
        self._painted = True
        """Whether `Painted` was sent for the shown document."""
        self._cache: OrderedDict[tuple[str, int, str], Rendered] = OrderedDict()
        self._pending_line: int | None = None
        self._matches: list[tuple[int, int, int]] = []
        self._matches_on_line: dict[int, list[int]] = {}
        self._current_match = -1

    @property
    def markdown(self) -> str:
        """The Markdown shown."""
        return self._markdown

    @property
    def rendered(self) -> Rendered:
        """What is rendered of the current document so far."""
        return self._rendered

    @property
    def render_width(self) -> int:
        """The width documents are rendered at: the pane, capped for reading."""
        return max(20, min(MAX_WIDTH, self.scrollable_content_region.width))

    def show(self, markdown: str, *, line: int = 0) -> None:
        """Show `markdown`, scrolled to `line` once that line is rendered."""
        self._markdown = markdown
        self._matches, self._matches_on_line, self._current_match = [], {}, -1
        self._pending_line = line
        self._start_render()

    def _start_render(self) -> None:
        key = (self._markdown, self.render_width, self.app.theme)
        cached = self._cache.get(key)
        if cached is not None and cached.complete:
            self._cache.move_to_end(key)
            self._set_rendered(cached)
            return
        self._set_rendered(Rendered(width=self.render_width))
        self._cache[key] = self._rendered
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        # Imported on first use (and after the library is read, see `screens.main`):
        # not needed for the first paint.
        from bftui.tui.rendering import markdown_theme

        theme = markdown_theme(self.app.get_css_variables())
        self._render_document(self._markdown, self.render_width, theme, self._rendered)

    # Scrolls below pass force=True: right after lines arrive the scrollbars
    # are not laid out yet, and Textual ignores a scroll it thinks not allowed.

    def _set_rendered(self, rendered: Rendered) -> None:
        self._rendered = rendered
        self._painted = False
        self.scroll_to(0, 0, animate=False, immediate=True, force=True)
        self._update_size()
        self._apply_pending_line()
        if rendered.complete:
            self.post_message(self.Progress(self, complete=True))

    @work(thread=True, exclusive=True, group="render", exit_on_error=False)
    def _render_document(
        self, markdown: str, width: int, theme: object, target: Rendered
    ) -> None:
        from bftui.tui.rendering import render_document

        worker = get_current_worker()
        batch: list[Section] = []
        for section in render_document(markdown, width, theme):  # type: ignore[arg-type]
            if worker.is_cancelled:
                return
            batch.append(section)
            # Each piece at once until a screenful is shown, then in batches.
            if (
                len(target.lines) < FIRST_LINES
                or sum(len(s.lines) for s in batch) > 400
            ):
                self.app.call_from_thread(self._add, target, batch, False)
                batch = []
        if not worker.is_cancelled:
            self.app.call_from_thread(self._add, target, batch, True)

    def _add(self, target: Rendered, sections: list[Section], complete: bool) -> None:
        for section in sections:
            target.add(section)
        target.complete = complete
        if target is self._rendered:
            self._update_size()
            self._apply_pending_line()
            self.post_message(self.Progress(self, complete))

    def _update_size(self) -> None:
        self.virtual_size = Size(self.render_width, len(self._rendered.lines))
        self.refresh()

    def _apply_pending_line(self) -> None:
        line = self._pending_line
        if line is not None and (
            line < len(self._rendered.lines) or self._rendered.complete
        ):
            self._pending_line = None
            self.scroll_to(0, line, animate=False, immediate=True, force=True)

    def scroll_to_line(self, line: int) -> None:
        """Scroll so that document `line` is at the top (once it is rendered)."""
        self._pending_line = line
        self._apply_pending_line()

    @property
    def top_line(self) -> int:
        """The document line at the top of the view."""
        return round(self.scroll_offset.y)

    def on_resize(self) -> None:
        """Render again when the width changed, keeping the reading position."""
        lines = self._rendered.lines
        if self._markdown and lines and self._rendered.width != self.render_width:
            fraction = self.top_line / max(1, len(lines))
            self._start_render()
            self._pending_line = None
            self.call_after_refresh(self._restore_fraction, fraction)

    def _restore_fraction(self, fraction: float) -> None:
        self.scroll_to_line(int(fraction * len(self._rendered.lines)))

    def find(self, query: str) -> int:
        """Highlight every occurrence of `query` and return how many there are."""
        # lower() keeps the length of the text, so positions stay cell positions.
        needle = query.lower()
        self._matches, self._matches_on_line = [], {}
        if needle:
            for number, strip in enumerate(self._rendered.lines):
                text = strip.text.lower()
                start = text.find(needle)
                while start != -1:
                    self._matches_on_line.setdefault(number, []).append(
                        len(self._matches)
                    )
                    self._matches.append((number, start, start + len(needle)))
                    start = text.find(needle, start + 1)
        self._current_match = -1
        self.refresh()
        return len(self._matches)

    def select_match_from(self, line: int) -> tuple[int, int] | None:
        """Make the first match at or below `line` the current one; return (number, count).

        The view shows `line` (a heading, say) too when it fits with the match.
        """
        if not self._matches:
            return None
        after = (n for n, (at, _, _) in enumerate(self._matches) if at >= line)
        self._current_match = next(after, 0)
        match_line = self._matches[self._current_match][0]
        fits = 0 <= match_line - line < self.scrollable_content_region.height - 1
        self._show_match(line if fits else None)
        return self._current_match + 1, len(self._matches)

    def next_match(self, step: int = 1) -> tuple[int, int] | None:
        """Move to the next (or, with step -1, previous) match; return (number, count)."""
        if not self._matches:
            return None
        self._current_match = (self._current_match + step) % len(self._matches)
        self._show_match(None)
        return self._current_match + 1, len(self._matches)

    def _show_match(self, top: int | None) -> None:
        """Scroll the current match into view (with `top` as the first line, if given)."""
        line = self._matches[self._current_match][0]
        height = self.scrollable_content_region.height
        if top is not None:
            self.scroll_to(0, top, animate=False, immediate=True, force=True)
        elif not self.top_line <= line < self.top_line + height:
            self.scroll_to(0, max(0, line - height // 3), animate=False, force=True)
        self.refresh()

    def link_at(self, x: int, y: int) -> LinkSpan | None:
        """Return the link at view position (x, y), if any."""
        line = self.top_line + y
        return next(
            (
                link
                for link in self._rendered.links
                if link.line == line and link.start <= x < link.end
            ),
            None,
        )

    def on_click(self, event: events.Click) -> None:
        """Follow a clicked link (through the app's allow-list)."""
        link = self.link_at(event.x + round(self.scroll_offset.x), event.y)
        if link is not None:
            self.post_message(LinkActivated(link.href))

    def render_line(self, y: int) -> Strip:
        """Return screen line `y`: a document line with any find matches marked."""
        scroll_x, scroll_y = self.scroll_offset
        number = y + scroll_y
        width = self.scrollable_content_region.width
        lines = self._rendered.lines
        if number >= len(lines):
            return Strip.blank(width, self.rich_style)
        if not self._painted:
            self._painted = True
            self.post_message(self.Painted())
        strip = self._highlight(lines[number], number)
        return strip.crop_extend(
            scroll_x, scroll_x + width, self.rich_style
        ).apply_style(self.rich_style)

    def _highlight(self, strip: Strip, number: int) -> Strip:
        spans = [
            (*self._matches[index][1:], index == self._current_match)
            for index in self._matches_on_line.get(number, ())
        ]
        if not spans:
            return strip
        match_style = self.get_component_rich_style("document--match")
        current_style = self.get_component_rich_style("document--current-match")
        # Strip.divide drops whatever follows the last cut, so cut at the end too.
        ends = (start_end for start, end, _ in spans for start_end in (start, end))
        cuts = sorted({*ends, strip.cell_length})
        pieces = strip.divide(cuts)
        segments: list[Segment] = []
        position = 0
        for piece in pieces:
            style: Style | None = None
            for start, end, current in spans:
                if start <= position < end:
                    style = current_style if current else match_style
            segments.extend(piece.apply_style(style) if style else piece)
            position += piece.cell_length
        return Strip(segments)
