"""A choice among known values that also shows, and keeps, a value from the file that is not one of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.content import Content
from textual.widgets import Select

from bftui.core.text import safe_text
from bftui.i18n import t


class ChoiceSelect(Select[str]):
    """A `Select` of `choices`; an unknown value is one more option, named as unknown.

    A file someone wrote by hand may say `kind = "workshop"`: the form opens
    with it chosen (a plain `Select` refuses a value it does not offer), and
    saving it says what is wrong under the field instead of dropping it.
    """

    def __init__(
        self,
        choices: Sequence[str],
        value: str,
        *,
        label: Callable[[str], str],
        **options: Any,
    ) -> None:
        self._choices = tuple(choices)
        self._label = label
        self._unknown = value if value and value not in self._choices else ""
        """The value offered beside the choices, if any."""
        super().__init__(self._offered(value), value=value or Select.NULL, **options)

    def _offered(self, value: str) -> list[tuple[Content, str]]:
        shown = [(Content(self._label(choice)), choice) for choice in self._choices]
        if value and value not in self._choices:
            unknown = t("form.unknown_choice", value=safe_text(value))
            shown.append((Content(unknown), value))
        return shown

    def choose(self, value: str) -> None:
        """Show `value` as chosen, adding it as an option if it is not a known one."""
        unknown = value if value and value not in self._choices else ""
        if unknown != self._unknown:  # offer it, or no longer the last one
            self.set_options(self._offered(value))
            self._unknown = unknown
        self.value = value or Select.NULL
