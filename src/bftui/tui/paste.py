"""Pasted text: kept whole and in order, and made fit for the field it goes into.

Textual's terminal parser ends a bracketed paste at the first escape
sequence inside it: "Före ESC[31mröd ESC[0m efter" arrived as keys
"[31mröd …" first and the paste "Före " last, i.e. reordered. `PasteParser`
takes everything between the paste's start and end markers as the paste.
`fit_paste` then turns tabs and line breaks into spaces for a one-line
field (Textual kept only the first line) and shows control characters as
visible pictures ("␛"), so nothing pasted is lost, reordered or run.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual import constants
from textual._xterm_parser import (  # noqa: PLC2701 - the parser the driver uses
    BRACKETED_PASTE_END,
    BRACKETED_PASTE_START,
    XTermParser,
)
from textual.events import Paste
from textual.message import Message

from bftui.core.text import safe_text


def _cut_marker(data: str, marker: str) -> int:
    """Return how many characters at the end of `data` may begin `marker`."""
    for length in range(min(len(marker) - 1, len(data)), 0, -1):
        if data.endswith(marker[:length]):
            return length
    return 0


class PasteParser(XTermParser):
    """The terminal parser, with bracketed pastes taken whole, escapes included."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._paste: list[str] | None = None
        self._tail = ""
        """The end of the last read, if it may be the start of a marker."""
        self._tail_since = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        """Parse `data`; a paste is one `Paste` event, whatever it holds."""
        if not data:
            yield from self._flush()
            yield from super().feed(data)
            return
        data, self._tail = self._tail + data, ""
        while data:
            if self._paste is None:
                at = data.find(BRACKETED_PASTE_START)
                if at < 0:
                    cut = _cut_marker(data, BRACKETED_PASTE_START)
                    data, self._tail = data[: len(data) - cut], data[len(data) - cut :]
                    self._tail_since = time.monotonic()
                    if data:
                        yield from super().feed(data)
                    return
                if at:
                    yield from super().feed(data[:at])
                self._paste, data = [], data[at + len(BRACKETED_PASTE_START) :]
            else:
                at = data.find(BRACKETED_PASTE_END)
                if at < 0:
                    cut = _cut_marker(data, BRACKETED_PASTE_END)
                    self._paste.append(data[: len(data) - cut])
                    self._tail = data[len(data) - cut :]
                    return
                text = "".join([*self._paste, data[:at]])
                self._paste, data = None, data[at + len(BRACKETED_PASTE_END) :]
                yield Paste(text.replace("\x00", ""))

    def _flush(self) -> Iterable[Message]:
        tail, self._tail = self._tail, ""
        if tail and self._paste is None:
            yield from super().feed(tail)

    def tick(self) -> Iterable[Message]:
        """Let a held escape go as keys once no marker followed it in time."""
        waited = time.monotonic() - self._tail_since
        if self._tail and self._paste is None and waited >= constants.ESCAPE_DELAY:
            yield from self._flush()
        yield from super().tick()


def install() -> None:
    """Make the Linux terminal driver read input with `PasteParser`."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = PasteParser  # type: ignore[misc]


def fit_paste(text: str, one_line: bool) -> tuple[str, bool]:
    """Return `text` made fit for a field, and whether line breaks or tabs became spaces.

    Control characters become visible pictures; in a one-line field, every
    tab and line break becomes a space (a line break pasted as CR LF, one).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    joined = False
    if one_line and ("\n" in text or "\t" in text):
        text = text.replace("\n", " ").replace("\t", " ")
        joined = True
    return safe_text(text), joined
