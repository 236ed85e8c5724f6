"""Conflicts: a file changed while its form was open, and a merge's conflicting units.

`ConflictScreen`: someone changed the file while the form was open; show
what changed and let the editor choose. `MergeConflictScreen`: a sync's
merge left units both sides changed; choose or combine them side by side.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from bftui.core.store.merge import Conflict
from bftui.core.store.snapshots import ConflictError
from bftui.core.text import safe_text
from bftui.i18n import t

ConflictChoice = Literal["reload", "new", "back"]


def _diff_content(lines: list[str]) -> Content:
    parts: list[tuple[str, str] | str] = []
    for line in lines:
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "$text-success"
        elif line.startswith("-") and not line.startswith("---"):
            style = "$text-error"
        elif line.startswith("@@"):
            style = "dim"
        parts.append(
            (safe_text(line) + "\n", style) if style else safe_text(line) + "\n"
        )
    return Content.assemble(*parts)


class ConflictScreen(ModalScreen[ConflictChoice]):
    """Show the changes made on disk; dismiss with "reload", "new" or "back"."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape,b", "choose('back')", t("conflict.back"), id="conflict.back"),
        Binding("r", "choose('reload')", t("conflict.reload"), id="conflict.reload"),
        Binding("n", "choose('new')", t("conflict.new"), id="conflict.new"),
    ]

    def __init__(
        self,
        error: ConflictError,
        *,
        can_reload: bool = True,
        can_save_new: bool = True,
    ) -> None:
        super().__init__(classes="conflict-screen")
        self.error = error
        self.can_reload = can_reload
        self.can_save_new = can_save_new

    def compose(self) -> ComposeResult:
        """Explain, show the diff, and offer the choices."""
        gone = self.error.theirs is None
        with Vertical(classes="conflict-dialog"):
            message = t("conflict.gone" if gone else "conflict.changed")
            yield Static(Content(message), classes="conflict-message")
            with VerticalScroll(classes="conflict-diff"):
                diff = [] if gone else self.error.diff()
                yield Static(_diff_content(diff), markup=False)
            with Horizontal(classes="conflict-buttons"):
                if self.can_reload and not gone:
                    yield Button(Content(t("conflict.reload")), id="conflict-reload")
                if self.can_save_new:
                    yield Button(Content(t("conflict.new")), id="conflict-new")
                yield Button(Content(t("conflict.back")), id="conflict-back")

    def on_mount(self) -> None:
        """Start on "back to the form", which changes nothing."""
        self.query_one("#conflict-back", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Choose with the button pressed."""
        event.stop()
        choice = (event.button.id or "").removeprefix("conflict-")
        self.action_choose(choice)

    def action_choose(self, choice: str) -> None:
        """Choose by key; choices that are not offered do nothing."""
        if choice == "reload" and (not self.can_reload or self.error.theirs is None):
            return
        if choice == "new" and not self.can_save_new:
            return
        if choice in ("reload", "new", "back"):
            self.dismiss(choice)  # type: ignore[arg-type]


def _label(conflict: Conflict) -> str:
    """Return a conflict's name: a field's name as the forms say it, else the engine's."""
    named = t(f"field.{conflict.key}")
    return conflict.label if named == f"field.{conflict.key}" else named


def _side(text: str | None) -> Content:
    return Content(safe_text(text) if text is not None else t("merge.absent"))


class MergeConflictScreen(ModalScreen[dict[str, str] | None]):
    """A merge's conflicts in one file, one at a time, the two sides side by side.

    `h` keeps yours, `d` takes theirs, `k` combines them in an editor (both
    sides to start from). Dismisses with the resolutions, by conflict key,
    for `bftui.core.store.merge.merge_item`, or None when cancelled.
    """

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("escape", "cancel", t("conflict.back"), id="merge.cancel"),
        Binding("h", "choose('ours')", t("merge.key_ours"), id="merge.ours"),
        Binding("d", "choose('theirs')", t("merge.key_theirs"), id="merge.theirs"),
        Binding("k", "combine", t("merge.key_combine"), id="merge.combine"),
    ]

    def __init__(self, path: str, conflicts: tuple[Conflict, ...]) -> None:
        super().__init__(classes="conflict-screen")
        self.path = path
        self.conflicts = conflicts
        self.resolutions: dict[str, str] = {}
        self.number = 0

    def compose(self) -> ComposeResult:
        """A heading, the two sides, the base under them, and the hint."""
        with Vertical(classes="conflict-dialog merge-dialog"):
            yield Static("", id="merge-heading", classes="conflict-message")
            with Horizontal(id="merge-sides"):
                with VerticalScroll(classes="merge-side", id="merge-ours-side"):
                    yield Static("", id="merge-ours", markup=False)
                with VerticalScroll(classes="merge-side", id="merge-theirs-side"):
                    yield Static("", id="merge-theirs", markup=False)
            with VerticalScroll(id="merge-base-side"):
                yield Static("", id="merge-base", markup=False)
            yield TextArea(id="merge-combined")
            yield Static(Content(t("merge.hint")), id="merge-hint")

    def on_mount(self) -> None:
        """Show the first conflict (a file without any is resolved at once)."""
        self._show()

    @property
    def conflict(self) -> Conflict:
        """The conflict shown."""
        return self.conflicts[self.number]

    def _show(self) -> None:
        if self.number >= len(self.conflicts):
            self.dismiss(self.resolutions)
            return
        conflict = self.conflict
        heading = t(
            "merge.title",
            number=self.number + 1,
            count=len(self.conflicts),
            path=safe_text(self.path),
            label=safe_text(_label(conflict)),
        )
        self.query_one("#merge-heading", Static).update(Content(heading))
        for side, text in (("ours", conflict.ours), ("theirs", conflict.theirs)):
            self.query_one(f"#merge-{side}", Static).update(_side(text))
            self.query_one(f"#merge-{side}-side").border_title = t(f"merge.{side}")
        self.query_one("#merge-base", Static).update(_side(conflict.base))
        self.query_one("#merge-base-side").border_title = t("merge.base")
        editor = self.query_one("#merge-combined", TextArea)
        editor.display = False
        self.query_one("#merge-hint", Static).update(Content(t("merge.hint")))
        self.set_focus(self.query_one("#merge-ours-side"))

    def _answer(self, resolution: str) -> None:
        self.resolutions[self.conflict.key] = resolution
        self.number += 1
        self._show()

    def action_choose(self, side: str) -> None:
        """Keep one side of the conflict shown."""
        if not self.query_one("#merge-combined", TextArea).display:
            self._answer(side)

    def action_combine(self) -> None:
        """Edit a combination of both sides, starting from both."""
        editor = self.query_one("#merge-combined", TextArea)
        if editor.display:
            return
        conflict = self.conflict
        sides = [text for text in (conflict.ours, conflict.theirs) if text]
        if conflict.toml:
            editor.text = "\n".join(sides)
        elif ":" in conflict.key or any("\n" in side for side in sides):
            editor.text = "\n\n".join(sides)  # Paragraphs, answers, rows.
        else:
            editor.text = " / ".join(sides)  # A one-line field stays one line.
        editor.display = True
        self.query_one("#merge-hint", Static).update(Content(t("merge.combine_hint")))
        self.set_focus(editor)

    def key_ctrl_s(self) -> None:
        """Take the combined text (a TOML value must read as one)."""
        editor = self.query_one("#merge-combined", TextArea)
        if not editor.display:
            return
        text = editor.text.strip("\n")
        if self.conflict.toml:
            import tomllib

            try:
                tomllib.loads(f"value = {text}")
            except tomllib.TOMLDecodeError as error:
                self.notify(t("merge.bad_value", error=error), severity="error")
                return
        self._answer(text)

    def action_cancel(self) -> None:
        """Leave the combining editor, or cancel (nothing is written)."""
        editor = self.query_one("#merge-combined", TextArea)
        if editor.display:
            editor.display = False
            self.query_one("#merge-hint", Static).update(Content(t("merge.hint")))
            self.set_focus(self.query_one("#merge-ours-side"))
            return
        self.dismiss(None)
