"""The form for a new or changed article: kind, title, dates, event, interviewee and body."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Select, TextArea

from bftui.core.items import formvalues
from bftui.core.items.model import ARTICLE_KINDS
from bftui.core.items.schema import FieldError
from bftui.i18n import t
from bftui.tui.screens.event_form import control_id
from bftui.tui.screens.form import FormScreen, FormTarget
from bftui.tui.screens.form_keeping import KeptForm
from bftui.tui.widgets.choice_select import ChoiceSelect
from bftui.tui.widgets.event_picker import EventPicker
from bftui.tui.widgets.field import FieldBox

_INPUTS = ("title", "published", "lead", "tags", "source")
_HINTS = {
    "published": "form.hint_date",
    "tags": "form.hint_list",
    "source": "form.hint_url",
}


class ConsentBox(Checkbox):
    """A checkbox whose box says ✓ or nothing, not only by its colour."""

    # Textual declares BUTTON_INNER a class attribute and reads it per instance.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name for the box's inside
        """A tick when ticked, a blank when not."""
        return "✓" if self.value else " "


class ArticleForm(FormScreen):
    """An article's front matter and body; dismisses with `Saved` once written."""

    FORM_NAME = "article"

    def __init__(
        self,
        target: FormTarget,
        values: dict[str, Any],
        *,
        events: list[tuple[str, str]],
        initial: dict[str, Any] | None = None,
    ) -> None:
        self.events = events
        """(slug, title) of the library's events, to choose the related one from."""
        super().__init__(target, values, initial=initial)

    def _box(self, key: str, control: Any, *, required: bool = False) -> FieldBox:
        hint = t(_HINTS[key]) if key in _HINTS else ""
        return FieldBox(key, t(f"field.{key}"), control, required=required, hint=hint)

    def compose_fields(self) -> ComposeResult:
        """The front matter fields, the interviewee (interviews only), then the body."""
        values = self.start_values
        kind = ChoiceSelect(
            ARTICLE_KINDS,
            str(values.get("kind") or "interview"),
            label=lambda kind: t(f"kind.{kind}"),
            allow_blank=False,
            id=control_id("kind"),
        )
        yield self._box("kind", kind, required=True)
        for key in _INPUTS:
            control = Input(str(values.get(key, "")), id=control_id(key))
            yield self._box(key, control, required=key in ("title", "published"))
            if key == "tags":
                picker = EventPicker(
                    self.events,
                    str(values.get("event", "")),
                    placeholder=t("form.hint_event"),
                )
                yield self._box("event", picker)
        with Vertical(id="interviewee", classes="interviewee"):
            for key in formvalues.PERSON_KEYS:
                control = Input(str(values.get(key, "")), id=control_id(key))
                yield self._box(key, control, required=key == "interviewee.name")
            consent = ConsentBox(
                t("field.interviewee.consent"),
                bool(values.get("consent")),
                id="f-consent",
            )
            yield FieldBox("interviewee.consent", "", consent)
        body = TextArea(str(values.get("body", "")), id="f-body", classes="markdown")
        yield FieldBox(
            "body", t("form.body"), body, hint=t("form.hint_markdown"), classes="-fill"
        )

    def take_over(self, order: KeptForm) -> None:
        """Offer the events `order` knows, then show its item."""
        assert isinstance(order, ArticleForm)
        self.events = order.events
        self.query_one(EventPicker).set_events(self.events)
        super().take_over(order)

    def on_mount(self) -> None:
        """Show the interviewee only for interviews."""
        super().on_mount()
        self._show_interviewee()

    @on(Select.Changed, "#f-kind")
    def _kind_changed(self) -> None:
        self._show_interviewee()

    def _show_interviewee(self) -> None:
        kind = self.query_one("#f-kind", Select).value
        self.query_one("#interviewee").display = kind == "interview"

    def values(self) -> dict[str, Any]:
        """Return what is typed in every field."""
        values: dict[str, Any] = {"kind": str(self.query_one("#f-kind", Select).value)}
        for key in (*_INPUTS, *formvalues.PERSON_KEYS):
            values[key] = self.query_one(f"#{control_id(key)}", Input).value
        values["event"] = self.query_one(EventPicker).slug
        checked = self.query_one("#f-consent", Checkbox).value
        # Unticked keeps what the file said: "false" stays, a missing key stays missing.
        was = self.start_values.get("consent")
        values["consent"] = True if checked else (False if was is False else None)
        values["body"] = self.query_one("#f-body", TextArea).text
        return values

    def fill(self, values: dict[str, Any]) -> None:
        """Put `values` into the fields."""
        self.start_values = dict(values)
        self.query_one("#f-kind", ChoiceSelect).choose(
            str(values.get("kind") or "interview")
        )
        for key in (*_INPUTS, *formvalues.PERSON_KEYS):
            self.query_one(f"#{control_id(key)}", Input).value = str(
                values.get(key, "")
            )
        self.query_one(EventPicker).set_slug(str(values.get("event", "")))
        self.query_one("#f-consent", Checkbox).value = bool(values.get("consent"))
        self.query_one("#f-body", TextArea).load_text(str(values.get("body", "")))
        self._show_interviewee()

    def check(self) -> list[FieldError]:
        """What is wrong, but not "unknown event" while the event is being chosen."""
        choosing = self.query_one(EventPicker).has_focus_within
        return [e for e in super().check() if not (choosing and e.key == "event")]

    def parse(self) -> tuple[Any, list[FieldError]]:
        """Return (front matter data, body) and what is wrong with them."""
        events = {slug for slug, _ in self.events}
        data, body, errors = formvalues.parse_article(self.values(), events)
        data["needs_review"] = (
            None  # saved by an editor: the import's guesses are reviewed
        )
        return (data, body), errors
