"""Provides a modal list to choose one entry from: links, headings, problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

ValueT = TypeVar("ValueT")


class ChoiceScreen(ModalScreen[ValueT | None], Generic[ValueT]):
    """A titled list; Enter dismisses with the chosen entry's value, Escape with None.

    Entries are plain `Text`, so file text in them is never read as markup.
    """

    def __init__(
        self,
        entries: Sequence[tuple[Text, ValueT]],
        *,
        title: str,
        hint: str,
        empty: str,
        list_id: str,
        start: int = 0,
    ) -> None:
        super().__init__()
        self._values = [value for _, value in entries]
        self._prompts = [prompt for prompt, _ in entries]
        self._title, self._hint, self._empty = title, hint, empty
        self._list_id = list_id
        self._start = start

    def compose(self) -> ComposeResult:
        """Show one option per entry, or a line saying there are none."""
        options = [Option(prompt, id=str(n)) for n, prompt in enumerate(self._prompts)]
        choices = OptionList(
            *(options or [Option(Text(self._empty), disabled=True)]),
            id=self._list_id,
            classes="choice-list",
        )
        choices.border_title = self._title
        choices.border_subtitle = self._hint
        yield choices

    def on_mount(self) -> None:
        """Start at the given entry (the heading being read, say)."""
        if self._values:
            self.query_one(OptionList).highlighted = self._start

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Dismiss with the chosen entry's value."""
        if event.option.id is not None:
            self.dismiss(self._values[int(event.option.id)])
