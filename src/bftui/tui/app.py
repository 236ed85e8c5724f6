"""Provides the bftui app: it owns the settings and routes to the screens."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from bftui.i18n import t, tn
from bftui.settings import Settings
from bftui.tui import paste
from bftui.tui.form_reuse import ReusesForms
from bftui.tui.screens.main import MainScreen
from bftui.tui.typeahead import TypeAheadApp

if TYPE_CHECKING:
    from bftui.core.problems import Problem

_log = logging.getLogger(__name__)

DUMB_COLOURS = ("standard", "windows")
"""Rich colour systems of 16-colour terminals, which get the ANSI theme."""


def item_commands() -> type[Provider]:
    """Return the palette's provider of library items (imported on first use)."""
    from bftui.tui.screens.search import ItemCommands

    return ItemCommands


class BftuiApp(ReusesForms[int], TypeAheadApp[int]):
    """A reader and editor for a library of articles and events."""

    CSS_PATH = "app.tcss"
    TITLE = "bftui"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {item_commands}
    BINDINGS = [
        Binding(
            "ctrl+q", "quit", t("key.quit"), show=False, id="app.quit", priority=True
        ),
        Binding(
            "ctrl+p", "command_palette", t("key.palette"), show=False, id="app.palette"
        ),
    ]

    def __init__(
        self,
        library_root: Path,
        settings: Settings | None = None,
        *,
        open_item: Path | None = None,
        setting_problems: Sequence[Problem] = (),
    ) -> None:
        super().__init__()
        self.library_root = library_root
        self.setting_problems = list(setting_problems)
        """What is wrong in the config file: listed with the library's problems."""
        self.settings = settings or Settings()
        self.open_item = open_item
        """The item file to show once the library is read (`bftui FILE`, `bftui SLUG`)."""

    def on_mount(self) -> None:
        """Pick a theme that stays readable on this terminal, and the user's keys."""
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif not self.is_headless and self.console.color_system in DUMB_COLOURS:
            self.theme = "ansi-dark"
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        # Set up after the start's own choice: only the user's choice is kept.
        self.watch(self, "theme", self._keep_theme, init=False)
        from bftui.tui import hangup

        hangup.watch(self)
        if self.setting_problems:
            message = tn("settings.problems_shown", len(self.setting_problems))
            self.notify(message, severity="warning", timeout=10)

    def _keep_theme(self, theme: str) -> None:
        """Remember a theme chosen in the palette for the next start."""
        from bftui.paths import config_file
        from bftui.settings import remember_theme

        self.run_worker(
            partial(remember_theme, theme, config_file()),
            thread=True,
            group="settings",
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Put a worker's failure in the debug log (the user sees it as a message)."""
        if event.state is WorkerState.ERROR:
            _log.debug(
                "worker %s failed", event.worker.name, exc_info=event.worker.error
            )

    def action_command_palette(self) -> None:
        """Open the command palette, its prompt in the UI language."""
        # Textual types is_open's app as App[object], and App is invariant.
        palette_open = CommandPalette.is_open(self)  # type: ignore[arg-type]
        if self.use_command_palette and not palette_open:
            placeholder = t("palette.placeholder")
            self.push_screen(
                CommandPalette(placeholder=placeholder, id="--command-palette")
            )

    def search_themes(self) -> None:
        """Show the themes to choose from, the prompt in the UI language."""
        from textual.theme import ThemeProvider

        placeholder = t("palette.theme.placeholder")
        self.push_screen(CommandPalette([ThemeProvider], placeholder=placeholder))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification; its text is never read as markup, as it may quote files."""
        super().notify(
            message, title=title, severity=severity, timeout=timeout, markup=False
        )

    async def action_quit(self) -> None:
        """Quit; an open form with changes asks first (see `quit_app`)."""
        from bftui.tui.quitting import quit_app

        quit_app(self)

    def get_default_screen(self) -> Screen[None]:
        """Start on the main screen."""
        return MainScreen(self.library_root, self.settings.watch, self.open_item)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Offer the app's own actions in the command palette, in the UI language."""
        for command in super().get_system_commands(screen):
            yield _translated(command)
        if isinstance(screen, MainScreen):
            yield SystemCommand(t("key.help"), t("tip.help"), screen.action_help)
            yield SystemCommand(
                t("key.problems"), t("tip.problems"), screen.action_problems
            )
            yield SystemCommand(
                t("key.sidebar"), t("tip.sidebar"), screen.action_toggle_sidebar
            )
            yield SystemCommand(t("key.toc"), t("tip.toc"), screen.action_toc)
            yield SystemCommand(t("key.reload"), t("tip.reload"), screen.action_reload)
            yield SystemCommand(
                t("form.key_new_event"),
                t("form.tip_new_event"),
                screen.action_new_event,
            )
            yield SystemCommand(
                t("form.key_new_article"),
                t("form.tip_new_article"),
                screen.action_new_article,
            )
            yield SystemCommand(
                t("form.key_trash"), t("form.tip_trash"), screen.action_trash
            )
            yield SystemCommand(
                t("form.key_undo"), t("form.tip_undo"), screen.action_undo
            )
            from bftui.tui import sharing, transfer  # loaded only when asked for

            yield from transfer.commands(screen)
            yield from sharing.commands(screen)


_TEXTUAL_COMMANDS = {
    "Theme": "theme",
    "Quit": "quit",
    "Keys": "keys",
    "Minimize": "minimize",
    "Maximize": "maximize",
    "Screenshot": "screenshot",
}
"""Textual's own palette entries, by their English title, and their string keys."""


def _translated(command: SystemCommand) -> SystemCommand:
    """Return one of Textual's palette entries in the UI language."""
    key = _TEXTUAL_COMMANDS.get(command.title)
    if key is None:
        return command
    help_key = (
        f"palette.{key}.hide"
        if command.help.startswith("Hide")
        else f"palette.{key}.help"
    )
    return SystemCommand(t(f"palette.{key}"), t(help_key), command.callback)


def run_app(
    library_root: Path,
    settings: Settings,
    *,
    mouse: bool = True,
    open_item: Path | None = None,
    setting_problems: Sequence[Problem] = (),
) -> int:
    """Run the app on `library_root` until the user quits; return the exit status.

    With `open_item`, the reader shows that item file once the library is read.
    """
    from bftui.tui.terminal_size import real_terminal_size

    paste.install()
    app = BftuiApp(
        library_root.resolve(),
        settings,
        open_item=open_item,
        setting_problems=setting_problems,
    )
    with real_terminal_size():
        app.run(mouse=mouse and settings.mouse)
    return app.return_code or 0
