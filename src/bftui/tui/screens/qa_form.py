"""The form for one Q&A entry of an interview: a question and its answer."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from bftui.core.items.qa_edit import check_entry
from bftui.core.items.schema import FieldError
from bftui.i18n import t
from bftui.tui.screens.form import FormScreen
from bftui.tui.widgets.field import FieldBox


class QAForm(FormScreen):
    """A question and its answer; dismisses with `Saved` once written."""

    FORM_NAME = "qa"

    def compose_fields(self) -> ComposeResult:
        """The question on one line, the answer in a Markdown text area."""
        question = Input(str(self.start_values.get("question", "")), id="f-question")
        yield FieldBox("question", t("form.question"), question, required=True)
        answer = TextArea(
            str(self.start_values.get("answer", "")), id="f-answer", classes="markdown"
        )
        yield FieldBox(
            "answer",
            t("form.answer"),
            answer,
            hint=t("form.hint_markdown"),
            classes="-fill",
        )

    def values(self) -> dict[str, Any]:
        """Return the question and the answer."""
        return {
            "question": self.query_one("#f-question", Input).value,
            "answer": self.query_one("#f-answer", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        """Put `values` into the fields."""
        self.query_one("#f-question", Input).value = str(values.get("question", ""))
        self.query_one("#f-answer", TextArea).load_text(str(values.get("answer", "")))

    def parse(self) -> tuple[Any, list[FieldError]]:
        """Return (question, answer) and what is wrong with them."""
        values = self.values()
        question, answer = values["question"].strip(), values["answer"]
        return (question, answer), check_entry(question, answer)
