"""Forms are built once and kept: each opening refills the form built before.

Building a form (a hundred widgets, each styled) took five times as long as
a minimal Textual app takes to start; filling one built before takes a few
milliseconds. `ReusesForms` keeps one form of each kind installed in the
app (installed screens live on when closed) and, when a form of that kind
is pushed, has the kept one `take_over` the new one's item, values and
lock, and shows it instead. The new one, never shown, is cheap: its
widgets are made only when a form is built.

The forms are built ahead, one kind at a time, once nobody has typed for
`BUILD_WHEN_IDLE` seconds and no worker is running (reading the library):
the first opening is as quick as the next.
Forms are recognised by their `KEEP_BUILT` class attribute, so the app
need not import them before it builds the first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

ReturnType = TypeVar("ReturnType")

BUILD_WHEN_IDLE = 1.5
"""Seconds without a key after which the next kind of form is built ahead."""


MAX_PUT_OFF = 10
"""Times in a row building waits for workers to finish (one may never)."""

TEXTUAL_STEPS = ("_load_screen_css", "_get_screen")
"""The steps of Textual's `push_screen` that build a screen without showing it
(private: a Textual without them gets its forms built when first shown)."""


def can_build_ahead(app: App[Any]) -> bool:
    """Return True when this Textual has the steps that build a screen unseen."""
    return all(callable(getattr(app, step, None)) for step in TEXTUAL_STEPS)


def kept_name(screen: Screen[Any]) -> str:
    """Return the name under which a form of `screen`'s kind is kept installed."""
    return f"bftui-kept-{type(screen).__qualname__}"


def blank_forms() -> list[Callable[[], Screen[Any]]]:
    """Return makers of an empty form of each kind, to build ahead (most used first)."""
    from bftui.core.items import formvalues
    from bftui.tui.screens.article_form import ArticleForm
    from bftui.tui.screens.event_form import EventForm
    from bftui.tui.screens.form_keeping import FormTarget
    from bftui.tui.screens.qa_form import QAForm

    def target() -> FormTarget:
        return FormTarget(Path(), "", "", lambda _: Path())

    return [
        lambda: EventForm(target(), formvalues.event_values(None)),
        lambda: ArticleForm(target(), {}, events=[]),
        lambda: QAForm(target(), {}),
    ]


class ReusesForms(App[ReturnType]):
    """An app that shows each kind of form built once, refilled at each opening."""

    BUILD_AHEAD = True
    """Build the forms ahead while the app is idle (tests of one form turn it off)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._to_build: list[Callable[[], Screen[Any]]] | None = None
        self._build_timer: Timer | None = None
        self._put_off = 0
        """How many times in a row building was put off for a running worker."""
        self._kept: list[str] = []
        """The names of the forms kept installed."""

    def _on_mount(self, event: events.Mount) -> None:
        if self.BUILD_AHEAD:
            self._build_later()

    def _build_later(self) -> None:
        """Build the next kind of form once no key came for `BUILD_WHEN_IDLE` seconds."""
        if self._build_timer is not None:
            self._build_timer.stop()
        self._build_timer = self.set_timer(BUILD_WHEN_IDLE, self._build_next)

    async def on_event(self, event: events.Event) -> None:
        """A key puts off building forms ahead: they are built while nobody types."""
        if isinstance(event, events.Key) and self.BUILD_AHEAD:
            self._build_later()
        await super().on_event(event)

    def _build_next(self) -> None:
        self._build_timer = None
        if self._to_build is None:
            self._to_build = blank_forms()
        if len(self.screen_stack) != 1 or self._exit:
            return  # A dialog is open (after the next key, then), or the app ends.
        busy = any(worker.is_running for worker in self.workers)
        if busy and self._put_off < MAX_PUT_OFF:
            # Reading the library, say: not slowed by building forms beside it.
            self._put_off += 1
            self._build_later()
            return
        self._put_off = 0
        # First the kept forms are styled and laid out for the theme, styles
        # and size of now, one at a time; then the next kind is built.
        kept = (self.get_screen(n) for n in self._kept if self.is_screen_installed(n))
        if any(form.prepare() for form in kept):  # type: ignore[attr-defined]
            self._build_later()
            return
        if not self._to_build or not can_build_ahead(self):
            return
        form = self._to_build.pop(0)()
        name = kept_name(form)
        if not self.is_screen_installed(name):
            form.live = False  # type: ignore[attr-defined]
            self._keep(form, name)
            # Textual builds a screen when it is first pushed; these two
            # steps of `push_screen` build it without showing it.
            self._load_screen_css(form)
            self._get_screen(form)
        self._build_later()

    def _keep(self, form: Screen[Any], name: str) -> None:
        self.install_screen(form, name)
        self._kept.append(name)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push `screen`; a form of a kind built before is shown by the one kept."""
        kept = self.reused_form(screen)
        if kept is None:
            return super().push_screen(screen, *args, **kwargs)
        pushed = super().push_screen(kept, *args, **kwargs)
        kept.opened()
        return pushed

    def reused_form(self, screen: Any) -> Any:
        """Return the kept form that takes over `screen`, or None to show `screen` itself.

        The first form of a kind is installed and kept; a kept one busy on
        the screen stack (or still being built) leaves `screen` to be shown itself.
        """
        if not getattr(type(screen), "KEEP_BUILT", False):
            return None
        name = kept_name(screen)
        if not self.is_screen_installed(name):
            self._keep(screen, name)
            return None
        kept: Any = self.get_screen(name)
        if kept is screen:
            return None
        if kept in self.screen_stack or not kept.is_mounted:
            return None
        kept.take_over(screen)
        return kept
