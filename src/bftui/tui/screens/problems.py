"""Provides the problems screen: every broken file as `path:line: message`."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from bftui.core.problems import Problem
from bftui.i18n import t
from bftui.tui.screens.choice import ChoiceScreen


class ProblemsScreen(ChoiceScreen[Problem]):
    """Lists the library's problems; Enter dismisses with one, to open its file at its line."""

    BINDINGS = [Binding("escape,q,p", "dismiss", t("key.close"), id="problems.close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            [(Text(str(problem)), problem) for problem in problems],
            title=t("problems.title", n=len(problems)),
            hint=t("problems.hint"),
            empty=t("problems.none"),
            list_id="problems-list",
        )
