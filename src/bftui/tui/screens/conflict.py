"""Conflicts: a file changed while its form was open, and a merge's conflicting units.

A save merges the other change in by itself (`storage.update_text`); this
dialog appears only when that was not possible. For a `MergeConflict` it
shows, per field or Q&A entry both changed, the editor's version and the
other one, and lets the editor keep one or combine them; it dismisses with
the resolutions (`{conflict key: "ours" | "theirs" | text}`). A file that is
gone shows what can still be done: save as new, or go back.

`MergeConflictScreen`: a sync's merge left units both sides changed;
choose or combine them side by side, one at a time.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, Static, TextArea

from bftui.core.store.merge import Conflict
from bftui.core.store.snapshots import ConflictError, MergeConflict
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.widgets.key_footer import KeyFooter

ConflictChoice = Literal["reload", "new", "back"]
Resolutions = dict[str, str]
"""A conflict's key -> "ours", "theirs" or the combined text."""

_PICKS = ("ours", "theirs", "combine")


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


def conflict_label(conflict: Conflict) -> str:
    """Return the conflict's name as the form calls it: the field's label, or the question."""
    if conflict.key.startswith("qa:"):
        return t("conflict.entry", question=conflict.label)
    key = f"field.{conflict.key.split(':')[0]}"
    label = t(key)  # the key itself when the field has no label
    return conflict.label if label == key else label


def combined(conflict: Conflict) -> str:
    """Return the text to combine a conflict's sides in, starting from both (ours first)."""
    sides = [text for text in (conflict.ours, conflict.theirs) if text]
    if conflict.toml:
        return "\n".join(sides)
    if ":" in conflict.key or any("\n" in side for side in sides):
        return "\n\n".join(sides)  # Paragraphs, answers, rows.
    return " / ".join(sides)  # A one-line field stays one line.


class ConflictPick(Vertical):
    """One field or entry both sides changed: both versions and the editor's pick."""

    def __init__(self, conflict: Conflict, number: int) -> None:
        super().__init__(classes="conflict-pick")
        self.conflict = conflict
        self.number = number

    def compose(self) -> ComposeResult:
        """The name, both versions, the choice, and the text to combine in."""
        gone = t("conflict.removed")
        yield Static(Content(conflict_label(self.conflict)), classes="conflict-name")
        for side, text in (
            ("conflict.yours", self.conflict.ours),
            ("conflict.theirs", self.conflict.theirs),
        ):
            with Horizontal(classes="conflict-side"):
                yield Static(Content(t(side)), classes="conflict-side-label")
                yield Static(
                    Content(safe_text(text) if text is not None else gone),
                    classes="conflict-side-text",
                )
        with RadioSet(id=f"pick-{self.number}", compact=True):
            yield RadioButton(t("conflict.keep_mine"), value=True, compact=True)
            yield RadioButton(t("conflict.take_theirs"), compact=True)
            yield RadioButton(t("conflict.combine"), compact=True)
        area = TextArea(combined(self.conflict), classes="conflict-combined")
        area.display = False
        yield area

    @property
    def pick(self) -> str:
        """ "ours", "theirs" or "combine"."""
        index = self.query_one(RadioSet).pressed_index
        return _PICKS[max(index, 0)]

    @on(RadioSet.Changed)
    def _picked(self) -> None:
        area = self.query_one(TextArea)
        area.display = self.pick == "combine"
        if area.display:
            area.focus()

    def resolution(self) -> str:
        """What the editor chose for this unit, as `storage.resolve` takes it."""
        pick = self.pick
        return self.query_one(TextArea).text if pick == "combine" else pick


class ConflictScreen(ModalScreen[ConflictChoice | Resolutions]):
    """Settle a merge's conflicts, or reload, save as new or go back to the form."""

    CSS_PATH = "../forms.tcss"

    BINDINGS = [
        Binding("ctrl+s", "resolve", t("conflict.key_save"), id="conflict.save"),
        Binding("r", "choose('reload')", t("conflict.reload"), id="conflict.reload"),
        Binding("n", "choose('new')", t("conflict.new"), id="conflict.new"),
        Binding("escape,b", "choose('back')", t("conflict.back"), id="conflict.back"),
    ]

    def __init__(
        self,
        error: ConflictError,
        *,
        can_reload: bool = True,
        can_save_new: bool = True,
        can_resolve: bool = True,
    ) -> None:
        super().__init__(classes="conflict-screen")
        self.error = error
        self.can_reload = can_reload and error.theirs is not None
        self.can_save_new = can_save_new
        self.can_resolve = can_resolve and isinstance(error, MergeConflict)

    def compose(self) -> ComposeResult:
        """Explain, show what both changed (or the diff), and offer the choices."""
        error = self.error
        with Vertical(classes="conflict-dialog"):
            if error.theirs is None:
                message = t("conflict.gone")
            elif self.can_resolve:
                message = t("conflict.merge_intro")
            else:
                message = t("conflict.changed")
            yield Static(Content(message), classes="conflict-message")
            with VerticalScroll(classes="conflict-diff"):
                if isinstance(error, MergeConflict) and self.can_resolve:
                    for number, conflict in enumerate(error.conflicts):
                        yield ConflictPick(conflict, number)
                elif error.theirs is not None:
                    yield Static(_diff_content(error.diff()), markup=False)
            with Horizontal(classes="conflict-buttons"):
                if self.can_resolve:
                    yield Button(
                        Content(t("conflict.save_merged")),
                        id="conflict-resolve",
                        variant="primary",
                    )
                if self.can_reload:
                    yield Button(Content(t("conflict.reload")), id="conflict-reload")
                if self.can_save_new:
                    yield Button(Content(t("conflict.new")), id="conflict-new")
                yield Button(Content(t("conflict.back")), id="conflict-back")
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        """Start on the first choice to make, or on "back", which changes nothing."""
        picks = self.query(RadioSet)
        if picks:
            picks.first().focus()
        else:
            self.query_one("#conflict-back", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer (and show in the footer) only the choices this conflict has."""
        if action == "resolve":
            return self.can_resolve
        if action == "choose" and parameters:
            return {"reload": self.can_reload, "new": self.can_save_new}.get(
                str(parameters[0]), True
            )
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Choose with the button pressed."""
        event.stop()
        choice = (event.button.id or "").removeprefix("conflict-")
        if choice == "resolve":
            self.action_resolve()
        else:
            self.action_choose(choice)

    def action_resolve(self) -> None:
        """Dismiss with what the editor picked for every conflict."""
        if self.can_resolve:
            picks = self.query(ConflictPick)
            self.dismiss({pick.conflict.key: pick.resolution() for pick in picks})

    def action_choose(self, choice: str) -> None:
        """Choose by key; reloading asks first, as it drops what was typed."""
        if choice == "reload" and self.can_reload:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.dismiss("reload")

            self.app.push_screen(ConfirmScreen(t("conflict.reload_question")), answered)
        elif choice == "new" and self.can_save_new:
            self.dismiss("new")
        elif choice == "back":
            self.dismiss("back")


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
            total=len(self.conflicts),
            path=safe_text(self.path),
            label=safe_text(conflict_label(conflict)),
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
        editor.text = combined(self.conflict)
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
