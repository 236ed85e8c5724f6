"""Keys typed at any speed are handled one after the other, each where it was typed for.

Textual hands each key to the widget focused when the key arrives, before
the keys before it are handled. A fast typist, or one SSH packet, sent `n`,
a title, Tab and ctrl+s before the form that `n` opens existed: the title
went nowhere and ctrl+s saved an empty form; a letter typed after Enter on
"+ Ny programpunkt" went to the button. `TypeAheadApp` sends a key on only
once the key before has landed (it came back unused, or a `KeyDone` sent
after it came back), holds keys while the screen on top is still being built
(`keys_ready = False` until `screen_ready`) or opened in a worker
(`expect_screen`) or while a closed screen's answer is on its way to its
callback, and resends a key whose widget lost the focus while the key was
on its way. A paste waits its turn like a key and is made fit for
the field it lands in (`paste.fit_paste`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.events import Event, Key, Paste
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

from bftui.i18n import t
from bftui.tui.paste import fit_paste

ReturnType = TypeVar("ReturnType")

MAX_HOLD_SECONDS = 10.0
"""Keys never wait for a screen longer than this, whatever it says."""

FLIGHT_CHECK_SECONDS = 0.5
"""How often a key that has not landed is looked after."""

MAX_FLIGHT_SECONDS = 5.0
"""A key never waits for the one before it longer than this (a busy machine
can take seconds to lay out a new form before the key before lands)."""

_SENT_TO = "_bftui_sent_to"
"""The attribute of a key event that says where it was sent."""


Typed = Key | Paste
"""What the user types: keys, and text pasted at once."""


class KeyDone(Message):
    """Sent after a key to the widget the key went to: the key has been handled there.

    A second one (`settle`) follows what handling the key posted on the same
    way up (an Enter's `Input.Submitted`, a button's `Pressed`), so that a
    handler that moves the focus has moved it before the next key goes.
    """

    def __init__(self, key: Typed, *, settle: bool = False) -> None:
        super().__init__()
        self.key = key
        self.settle = settle


class _Answer:
    """A screen's result callback that lets the keys go once it has run.

    Textual runs it after the screen has closed, when the app is next idle:
    keys typed after the closing key would otherwise go first, to the screen
    below as it was before the answer changed it (`i` after ctrl+s in a new
    interview's form acted on the item shown before the save).
    """

    def __init__(self, app: TypeAheadApp[Any], callback: Callable[[Any], Any]) -> None:
        self.app = app
        self.callback = callback

    def __call__(self, result: Any) -> Any:
        try:
            return self.callback(result)
        finally:
            self.app.answered(self)


class TypeAheadApp(App[ReturnType]):
    """An app that handles keys one after the other, each where it was typed for."""

    def __init__(self) -> None:
        super().__init__()
        self._held: deque[Typed] = deque()
        self._expecting = False
        self._open_cancelled = False
        self._in_flight: Typed | None = None
        self._settling = False
        self._flight_since = 0.0
        self._after_landing: list[Callable[[], object]] = []
        """What waits for the key on its way to have been handled."""
        self._give_up: Timer | None = None
        self._answers: dict[Screen[Any], _Answer] = {}
        """The callbacks of the screens open, each waiting for its screen's answer."""
        self._answers_due: set[_Answer] = set()
        """The callbacks of screens closed that have yet to run."""

    @property
    def keys_pending(self) -> bool:
        """True while keys typed are still waiting or being handled."""
        return bool(self._held) or self._in_flight is not None

    def expect_screen(self) -> None:
        """Hold the keys from now until a screen opened in a worker is ready.

        Escape typed meanwhile cancels it: the worker's `push_expected` then
        shows nothing.
        """
        self._expecting, self._open_cancelled = True, False

    def push_expected(
        self, screen: Screen[Any], callback: Callable[[Any], None]
    ) -> None:
        """Show the screen a worker opened, unless Escape cancelled it (then `callback(None)`).

        Either way the screen expected is no longer waited for: from now on
        the keys wait only for the screen on top to be ready (`keys_ready`).
        """
        if self._open_cancelled:
            self._open_cancelled = False
            callback(None)
        else:
            self.push_screen(screen, callback)
        self._expecting = False
        self.release_keys()

    def take_cancelled(self) -> bool:
        """True, once, if Escape cancelled the screen expected since it was asked for."""
        cancelled, self._open_cancelled = self._open_cancelled, False
        return cancelled

    def _cancel_on_escape(self) -> None:
        """Escape right after the key that opens a screen: drop the screen and the Escape.

        Only when nothing comes between: typed slowly, the screen would open
        and Escape close it at once, so this is the same end, sooner. Keys
        typed before the Escape are work for the screen, as when typed
        slowly (text, then Escape, asks whether to throw the text away).
        """
        held = self._held
        if (
            self._expecting
            and held
            and isinstance(held[0], Key)
            and held[0].key == "escape"
        ):
            held.popleft()
            self._expecting, self._open_cancelled = False, True

    def push_screen(
        self,
        screen: Screen[Any] | str,
        callback: Callable[[Any], Any] | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Push `screen`; the keys typed after it closes wait for `callback` to run."""
        if callback is None:
            return super().push_screen(screen, None, *args, **kwargs)
        answer = _Answer(self, callback)
        pushed = super().push_screen(screen, answer, *args, **kwargs)
        shown = self.get_screen(screen) if isinstance(screen, str) else screen
        self._answers[shown] = answer
        return pushed

    def pop_screen(self) -> Any:
        """Close the screen on top; the keys wait for its answer (see `_Answer`).

        Every screen is closed with `dismiss`, which sends its answer first.
        """
        answer = self._answers.pop(self.screen, None)
        if answer is not None:
            self._answers_due.add(answer)
        return super().pop_screen()

    def answered(self, answer: _Answer) -> None:
        """A closed screen's callback has run: the keys typed after it may go."""
        self._answers_due.discard(answer)
        self.release_keys()

    def after_key_lands(self, callback: Callable[[], object]) -> None:
        """Run `callback` now, or once the key on its way has been handled.

        For what changes the screen under the keys (the library read again
        refills the sidebar): a key sent before acts on the screen as it was.
        """
        if self._in_flight is None:
            callback()
        else:
            self._after_landing.append(callback)

    def _grounded(self) -> None:
        """No key is on its way any more: run what waited for that."""
        self._in_flight = None
        self._settling = False
        waiting, self._after_landing = self._after_landing, []
        for callback in waiting:
            callback()

    def screen_not_coming(self) -> None:
        """The screen expected has opened, or will not (an error): let the keys go."""
        self._expecting = self._open_cancelled = False
        self.release_keys()

    def release_keys(self) -> None:
        """Send the held keys on, soon, if nothing holds them any more."""
        if self._held:
            # From the app's own queue, so that the keys are the app's, as
            # keys from the terminal are (a key sent by a screen stops there).
            self.call_later(self._send_held)

    def _screen_waiting(self) -> bool:
        return (
            self._expecting
            or bool(self._answers_due)
            or not getattr(self.screen, "keys_ready", True)
        )

    def _stop_holding(self) -> None:
        self._give_up = None
        self._expecting = False
        self._answers_due.clear()
        self.screen.keys_ready = True  # type: ignore[attr-defined]
        self.release_keys()

    def _land(self, key: Typed) -> None:
        """`key` has been handled: the next one goes once what it set off has been handled.

        Handling a key posts messages that act later (Enter in the filter
        posts `Submitted`, whose handler moves the focus to the sidebar); a
        `KeyDone` sent now to where the key went arrives after them.
        """
        if key is not self._in_flight or self._settling:
            return
        self._settling = True
        target = getattr(key, _SENT_TO, None)
        if not (isinstance(target, Widget) and target.is_attached) or (
            target.screen is not self.screen  # It closed the screen (y in a dialog).
        ):
            target = self.screen
        target.post_message(KeyDone(key, settle=True))

    def _settled(self, key: Typed) -> None:
        """What `key` set off has been handled: the next one may go."""
        if key is self._in_flight:
            self._grounded()
            self.release_keys()

    async def _send_held(self) -> None:
        self._cancel_on_escape()
        if self._in_flight is not None:
            if not self._lost_in_flight():
                return
            self._grounded()  # Its widget went away with its messages.
        while self._held and self._in_flight is None and not self._screen_waiting():
            self._stop_give_up()
            await self._send(self._fresh(self._held.popleft()))
        if self._held and self._screen_waiting() and self._give_up is None:
            self._give_up = self.set_timer(MAX_HOLD_SECONDS, self._stop_holding)

    def _stop_give_up(self) -> None:
        if self._give_up is not None:
            self._give_up.stop()
            self._give_up = None

    def _fresh(self, event: Typed) -> Typed:
        """Return a new event for what `event` typed; a paste made fit for the focus."""
        if isinstance(event, Key):
            return Key(event.key, event.character)
        focused = self.focused
        if not isinstance(focused, Input | TextArea):
            return Paste(event.text)
        text, joined = fit_paste(event.text, one_line=isinstance(focused, Input))
        if joined:
            self.notify(t("input.paste_joined"))
        return Paste(text)

    async def _send(self, key: Typed) -> None:
        """Handle `key` as typed now: a priority key here, any other where the focus is."""
        target: Widget | Screen[object] = self.focused or self.screen
        setattr(key, _SENT_TO, target)
        self._in_flight, self._flight_since = key, time.monotonic()
        self._settling = False
        await super().on_event(key)
        if not key.is_forwarded:
            self._land(key)
        else:
            # It lands when it comes back here unused, or when this message,
            # which follows it up the same way, does.
            target.post_message(KeyDone(key))
        self._look_after(key)

    def _lost_in_flight(self) -> bool:
        """True if the key in flight will not land: its widget went away, or too long."""
        target = getattr(self._in_flight, _SENT_TO, None)
        gone = isinstance(target, Widget) and not target.is_attached
        return gone or time.monotonic() - self._flight_since > MAX_FLIGHT_SECONDS

    def _look_after(self, key: Typed) -> None:
        """Until `key` lands, see every so often whether it was lost on its way."""
        if key is not self._in_flight:
            return
        if self._lost_in_flight():
            self._grounded()
            self.release_keys()
            return
        self.set_timer(FLIGHT_CHECK_SECONDS, lambda: self._look_after(key))

    def on_key_done(self, message: KeyDone) -> None:
        """The key before has been handled by a widget: send the next one."""
        message.stop()
        if message.settle:
            self._settled(message.key)
        else:
            self._land(message.key)

    async def on_event(self, event: Event) -> None:
        """Take keys in turn; handle a key that comes back unused where it belongs."""
        if not isinstance(event, Key | Paste):
            await super().on_event(event)
            return
        event.stop()
        if not event.is_forwarded:
            self._held.append(event)
            event.prevent_default()
            await self._send_held()
            return
        if event is not self._in_flight:
            await super().on_event(event)
            return
        if getattr(event, _SENT_TO, None) is not (self.focused or self.screen):
            # It came back unused from a widget that lost the focus since
            # (a screen being opened took it): it was typed for where the
            # focus is, or will be.
            event.prevent_default()
            self._grounded()
            self._held.appendleft(event)
            await self._send_held()
            return
        await super().on_event(event)
        self._land(event)


class HoldsKeys(Screen[ReturnType]):
    """A screen whose keys may wait for several things at once, each by name.

    With one flag, whichever finished first let the keys go: the folder
    watch's reading of the library let go the keys that waited for a save's
    own reading, and `i` typed after ctrl+s acted on the item shown before.
    """

    _holds: frozenset[str] = frozenset()

    @property
    def keys_ready(self) -> bool:
        """True when nothing holds the keys typed (what `TypeAheadApp` asks)."""
        return not self._holds

    @keys_ready.setter
    def keys_ready(self, ready: bool) -> None:
        """Let every hold go (`screen_ready`, or the app tired of waiting)."""
        if not ready:
            raise ValueError("hold the keys by name, with hold_keys")
        self._holds = frozenset()

    def hold_keys(self, reason: str) -> None:
        """Hold the keys typed from now until `reason` is let go."""
        self._holds |= {reason}

    def let_keys_go(self, *reasons: str) -> None:
        """Let `reasons` go: the keys held go on once nothing else holds them."""
        held = self._holds
        self._holds = held - set(reasons)
        if held and not self._holds:
            keys_ready_again(self)


def screen_ready(screen: Screen[Any]) -> None:
    """Say that `screen` has its focus where keys should go: replay the held keys."""
    screen.keys_ready = True  # type: ignore[attr-defined]
    app = screen.app
    if isinstance(app, TypeAheadApp):
        app.screen_not_coming()


def keys_ready_again(screen: Screen[Any]) -> None:
    """Let the keys go that `screen` held for its own work (`keys_ready = False`).

    Unlike `screen_ready`, a screen that a key asked for and a worker is
    still opening (`expect_screen`) goes on holding them.
    """
    screen.keys_ready = True  # type: ignore[attr-defined]
    app = screen.app
    if isinstance(app, TypeAheadApp):
        app.release_keys()


def after_key_lands(app: App[object], callback: Callable[[], object]) -> None:
    """Run `callback` now, or once the key on its way has been handled."""
    if isinstance(app, TypeAheadApp):
        app.after_key_lands(callback)
    else:
        callback()


def expect_screen(app: App[object]) -> None:
    """Hold keys until a screen a worker is about to open is ready."""
    if isinstance(app, TypeAheadApp):
        app.expect_screen()


def push_expected(
    app: App[object], screen: Screen[Any], callback: Callable[[Any], None]
) -> None:
    """Show `screen`, opened in a worker, unless Escape was typed meanwhile."""
    if isinstance(app, TypeAheadApp):
        app.push_expected(screen, callback)
    else:
        app.push_screen(screen, callback)


def open_cancelled(app: App[object]) -> bool:
    """True, once, if Escape cancelled the screen expected (see `expect_screen`)."""
    return isinstance(app, TypeAheadApp) and app.take_cancelled()


def screen_not_coming(app: App[object]) -> None:
    """Let the keys go that waited for a screen that did not open."""
    if isinstance(app, TypeAheadApp):
        app.screen_not_coming()
