"""Choose a related event by typing part of its name or date: an input over a filtered list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from bftui.core.slugs import slugify
from bftui.core.sorting import swedish_key

MAX_SHOWN = 50


class EventPicker(Vertical):
    """An input naming an event, with the matching events listed under it.

    Typing filters the library's events by title or slug; Down moves into
    the list and Enter picks one, which shows its title in the input. `slug`
    is the event chosen (or whatever was typed, if it names none).
    """

    BINDINGS = [Binding("down", "list", show=False, id="form.event_list")]

    def __init__(
        self, events: list[tuple[str, str]], value: str = "", *, placeholder: str = ""
    ) -> None:
        super().__init__(classes="event-picker")
        self.events: list[tuple[str, str]] = []
        """(slug, title) of every event in the library, by title."""
        self.set_events(events)
        self._chosen = value if self.title_of(value) is not None else ""
        """The slug of the event shown by its title in the input, if any."""
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        """Show the input and the (hidden until typed into) list."""
        shown = self._shown(self._chosen) if self._chosen else ""
        yield Input(shown, self._placeholder, classes="event-input", compact=True)
        yield OptionList(classes="event-options")

    def set_events(self, events: list[tuple[str, str]]) -> None:
        """Offer `events` ((slug, title) pairs) to choose from."""
        self.events = sorted(events, key=lambda pair: swedish_key(pair[1]))

    def _shown(self, slug: str) -> str:
        return self.title_of(slug) or slug

    @property
    def slug(self) -> str:
        """The event chosen: its slug, or the text typed if it names no event."""
        text = self.input.value.strip()
        if self._chosen and text == self._shown(self._chosen):
            return self._chosen
        if self.title_of(text) is not None:
            return text
        folded = text.casefold()
        titled = [slug for slug, title in self.events if title.casefold() == folded]
        return titled[0] if len(titled) == 1 else text

    def set_slug(self, slug: str) -> None:
        """Show the event `slug` (its title), or the text itself if it names none."""
        self._chosen = slug if self.title_of(slug) is not None else ""
        self.input.value = self._shown(slug)

    @property
    def input(self) -> Input:
        """The input holding the slug."""
        return self.query_one(".event-input", Input)

    def title_of(self, slug: str) -> str | None:
        """Return the title of the event `slug`, or None if there is none."""
        return next((title for s, title in self.events if s == slug), None)

    def _matches(self, text: str) -> list[tuple[str, str]]:
        words = text.casefold().split()
        return [
            (slug, title)
            for slug, title in self.events
            # Folded words match the slug too: "malmö" finds "...-malmo".
            if all(w in title.casefold() or slugify(w) in slug for w in words)
        ][:MAX_SHOWN]

    @on(Input.Changed, ".event-input")
    def _filter(self, event: Input.Changed) -> None:
        options = self.query_one(".event-options", OptionList)
        options.clear_options()
        text = event.value.strip()
        if not text or self.title_of(self.slug) is not None:
            options.display = False
            return
        matches = self._matches(text)
        options.add_options(
            Option(Content(f"{title}  ({slug})"), id=slug) for slug, title in matches
        )
        options.display = bool(matches)

    def action_list(self) -> None:
        """Move from the input into the list of matches."""
        options = self.query_one(".event-options", OptionList)
        if options.display and options.option_count:
            options.highlighted = 0
            options.focus()
        else:
            self.screen.focus_next()

    @on(OptionList.OptionSelected, ".event-options")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_slug(event.option.id or "")
        self.input.focus()
        self.input.cursor_position = len(self.input.value)
