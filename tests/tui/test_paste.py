"""Pasted text arrives whole and in order, and fits the field it lands in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from formhost import HostApp, qa_form, typed
from textual import events
from textual.widgets import Input, TextArea

from bftui.tui.paste import PasteParser, fit_paste

START, END = "\x1b[200~", "\x1b[201~"


def parse(*reads: str) -> list[Any]:
    parser = PasteParser()
    return [event for data in reads for event in parser.feed(data)]


def test_escape_sequences_inside_a_paste_stay_in_it_in_order() -> None:
    events_ = parse(f"x{START}Före \x1b[31mröd \x1b[0m efter{END}y")
    assert [type(e).__name__ for e in events_] == ["Key", "Paste", "Key"]
    assert events_[1].text == "Före \x1b[31mröd \x1b[0m efter"
    assert (events_[0].character, events_[2].character) == ("x", "y")


def test_a_paste_cut_between_reads_is_one_paste() -> None:
    text = "rad ett\n\x1b[1mrad två\x1b[0m\tslut"
    whole = f"{START}{text}{END}"
    for cut in range(1, len(whole)):
        (paste,) = parse(whole[:cut], whole[cut:])
        assert isinstance(paste, events.Paste) and paste.text == text, cut


def test_keys_around_pastes_are_still_keys() -> None:
    keys = parse("ab\x1b[A")  # "a", "b", Up
    assert [k.key for k in keys] == ["a", "b", "up"]


def test_fit_paste_for_one_line_and_for_text() -> None:
    assert fit_paste("a\tb\r\nc\nd", one_line=True) == ("a b c d", True)
    assert fit_paste("Före \x1b[31mröd", one_line=True) == ("Före ␛[31mröd", False)
    assert fit_paste("a\tb\r\nc", one_line=False) == ("a\tb\nc", False)


async def test_paste_into_a_one_line_field_keeps_every_word_and_says_so(
    tmp_path: Path,
) -> None:
    app = HostApp(lambda: qa_form(tmp_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(events.Paste("Vad\thände\nsen \x1b[31mdå\x1b[0m?"))
        await typed(pilot)
        question = app.screen.query_one("#f-question", Input)
        assert question.value == "Vad hände sen ␛[31mdå␛[0m?"
        assert any("mellanslag" in str(n.message) for n in app._notifications)
        await pilot.press("tab")
        app.post_message(events.Paste("Rad ett\n\x1b[1mRad två\x1b[0m"))
        await typed(pilot)
        answer = app.screen.query_one("#f-answer", TextArea)
        assert answer.text == "Rad ett\n␛[1mRad två␛[0m"


async def test_keys_typed_after_a_paste_come_after_it(tmp_path: Path) -> None:
    app = HostApp(lambda: qa_form(tmp_path, []))
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(events.Key("A", "A"))
        app.post_message(events.Paste("bc"))
        app.post_message(events.Key("d", "d"))
        await typed(pilot)
        assert app.screen.query_one("#f-question", Input).value == "Abcd"
