"""Provides the problems screen: every broken file as `path:line: message`."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bftui.core.model import Problem
from bftui.i18n import t


class ProblemsScreen(ModalScreen[None]):
    """Lists the library's problems; the rest of the library reads as usual."""

    BINDINGS = [Binding("escape,q,p", "dismiss", t("key.close"), id="problems.close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self._problems = problems

    def compose(self) -> ComposeResult:
        """Show one line per problem (file text is never read as markup)."""
        options = [Option(Text(str(problem))) for problem in self._problems]
        if not options:
            options = [Option(Text(t("problems.none")), disabled=True)]
        problems = OptionList(*options, id="problems-list")
        problems.border_title = t("problems.title", count=len(self._problems))
        problems.border_subtitle = t("help.close_hint")
        yield problems
