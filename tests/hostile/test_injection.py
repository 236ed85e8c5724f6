"""Terminal injection is inert: escape sequences, controls, bidi and markup from files.

Every payload of `injection.PAYLOADS` goes into titles, bodies (in every
Markdown context of `injection.CONTEXTS`), event fields, file and folder
names and problem messages. The tests assert on what reaches the screen:
sidebar labels, the reader's rendered lines, notifications, the problems
list, a form's inputs, the whole screenshot, and the CLI's bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
from appdriver import main_screen, settle
from rich.theme import Theme
from textual.widgets import Input, OptionList

from bftui import cli
from bftui.core.items.model import Article
from bftui.core.library.compose import compose
from bftui.core.library.loading import load
from bftui.core.store import locks
from bftui.tui.app import BftuiApp
from bftui.tui.messages import LinkActivated
from bftui.tui.rendering import render_document

from .injection import CONTEXTS, PAYLOADS, assert_inert, write_hostile_library

CASES = len(PAYLOADS) * len(CONTEXTS)


@pytest.fixture
def hostile(sample_copy: Path) -> Path:
    """Return the sample library with the hostile files added."""
    write_hostile_library(sample_copy)
    return sample_copy


def test_every_payload_in_every_markdown_context_renders_inert(hostile: Path) -> None:
    library = load(hostile)
    articles = [a for a in library.articles if a.slug.startswith("farlig-")]
    assert len(articles) == len(PAYLOADS)
    for article in articles:
        lines = []
        for section in render_document(compose(article, library), 80, Theme()):
            lines += section.lines
            for link in section.links:
                assert_inert(link.href, f"{article.slug} link")
        for line in lines:
            assert_inert(line.text, article.slug)
            for segment in line:
                assert segment.style is None or not segment.style.link
                assert segment.style is None or "@click" not in segment.style.meta
    assert CASES >= 150


async def test_sidebar_reader_notifications_and_screen_show_payloads_as_text(
    hostile: Path,
) -> None:
    app = BftuiApp(hostile)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        tree = screen.library_tree
        labels = [node.label for node in tree._item_nodes.values()]  # noqa: SLF001
        assert len(labels) >= len(PAYLOADS)
        for label in labels:
            assert_inert(label.plain, "sidebar")
            assert all("@click" not in (span.style or "") for span in label.spans)
        assert any("[@click=app.quit]klicka[/]" in label.plain for label in labels)
        for item in [*screen.library.articles[:3], screen.library.event("farligt")]:
            assert item is not None
            tree.focus()
            assert tree.show_item(item)
            await pilot.press("enter")
            await settle(pilot)
            text = "\n".join(line.text for line in screen.document.rendered.lines)
            assert "Titel" in text or "title" in text
            assert_inert(text, f"reader {item.slug}")
            assert_inert(app.export_screenshot(), f"screenshot {item.slug}")
        # Links the reader refuses or copies are named in notifications.
        for payload in PAYLOADS.values():
            screen.post_message(LinkActivated(f"javascript:{payload}"))
            screen.post_message(LinkActivated(f"https://example.org/{payload}"))
        await settle(pilot)
        messages = [n.message for n in app._notifications]  # noqa: SLF001
        assert len(messages) >= len(PAYLOADS)
        for message in messages:
            assert_inert(message, "notification")
        assert_inert(app.export_screenshot(), "screenshot with notifications")
        assert app.is_running  # no markup ever ran app.quit


async def test_problems_list_shows_hostile_names_and_messages_as_text(
    hostile: Path,
) -> None:
    app = BftuiApp(hostile)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        prompts = [
            str(options.get_option_at_index(i).prompt)
            for i in range(options.option_count)
        ]
        assert any("␛]0;PWNED" in prompt for prompt in prompts)
        for prompt in prompts:
            assert_inert(prompt, "problem")
        assert_inert(app.export_screenshot(), "problems screen")


async def test_a_form_prefilled_from_a_hostile_file_shows_text(hostile: Path) -> None:
    article = hostile / "farlig-0.md"
    lock = locks.lock_path(article)
    lock.write_text(
        json.dumps(
            {
                "user": "\x1b]0;PWNED\x07mallory\u202e",
                "host": "\x9b31mhost",
                "pid": 1,
                "since": dt.datetime.now().astimezone().isoformat(),
                "token": "x",
            }
        )
    )
    app = BftuiApp(hostile)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        item = screen.library.article("farlig-0")
        assert isinstance(item, Article)
        screen.library_tree.focus()
        screen.library_tree.show_item(item)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        inputs = list(app.screen.query(Input))
        assert inputs, "the edit form did not open"
        assert any("␛[31m" in field.value for field in inputs)
        for field in inputs:
            assert_inert(field.value, f"input {field.id}")
        assert_inert(app.export_screenshot(), "form")
        assert "mallory" in app.export_screenshot()


OWN_COLOURS = re.compile(r"\x1b\[[0-9;]*m")
"""Select Graphic Rendition: the only sequence `show` may send, for its styles."""


def _run(argv: list[str], tty: bool, monkeypatch, capsysbinary) -> bytes:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    cli.main(argv)
    captured = capsysbinary.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--json"],
        ["check"],
        ["show", "farlig-0"],
        ["show", "farlig-4"],
        ["show", "farligt"],
        ["show", "ok"],
        ["show", "farlig-2", "--raw"],
        ["show", "\x1b]0;PWNED\x07"],
    ],
)
def test_cli_output_to_a_terminal_is_inert(
    hostile: Path, argv: list[str], monkeypatch, capsysbinary
) -> None:
    out = _run([*argv, "--library", str(hostile)], True, monkeypatch, capsysbinary)
    assert out
    text = out.decode("utf-8")
    if argv[0] == "show" and "--raw" not in argv:
        # Shown formatted on a terminal: bftui's own colours (SGR) and nothing else.
        text = OWN_COLOURS.sub("", text)
    assert_inert(text, " ".join(argv))


def test_show_raw_to_a_pipe_passes_the_file_unchanged(
    hostile: Path, monkeypatch, capsysbinary
) -> None:
    argv = ["show", "farlig-2", "--raw", "--library", str(hostile)]
    out = _run(argv, False, monkeypatch, capsysbinary)
    assert out == (hostile / "farlig-2.md").read_bytes()
    assert b"\x1b]0;PWNED\x07" in out


def test_show_to_a_pipe_without_raw_is_still_inert(
    hostile: Path, monkeypatch, capsysbinary
) -> None:
    out = _run(
        ["show", "farlig-2", "--library", str(hostile)],
        False,
        monkeypatch,
        capsysbinary,
    )
    assert_inert(out.decode("utf-8"), "show | pipe")


def test_list_json_keeps_hostile_paths_exact_but_escaped(
    hostile: Path, monkeypatch, capsysbinary
) -> None:
    """Regression: `list --json` wrote C1 controls and bidi overrides from folder names raw."""
    out = _run(
        ["list", "--json", "--library", str(hostile)], True, monkeypatch, capsysbinary
    )
    records = json.loads(out.decode("utf-8").split("\n]\n")[0] + "\n]")
    assert "mapp\x9b31m\x1b[2J/ok.md" in [record["path"] for record in records]
