"""The main screen at 80x24: reading, keys, links, problems, filter and find."""

from __future__ import annotations

import io
from pathlib import Path

from appdriver import EVENT_2019, main_screen, open_item, settle, shown_text, wait_for  # type: ignore[import-not-found]
from rich.console import Console
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from bftui.tui.app import BftuiApp
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.help import HelpScreen
from bftui.tui.screens.links import LinksScreen
from bftui.tui.screens.problems import ProblemsScreen
from bftui.tui.screens.toc import TocScreen

SIZE = (80, 24)
SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)
QUESTIONS = (
    "Vilka var höjdpunkterna tyckte du?",
    "Vad fick de med sig?",
    "Vad skulle du önska dig av 2020 års nätverksträff?",
)


async def choose_link(pilot: Pilot[int], ending: str) -> None:
    """Open the links screen, move to the link whose target ends so, press Enter."""
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LinksScreen)
    hrefs = [
        option.prompt.plain.split()[-1]
        for option in screen.query_one(OptionList).options
    ]
    target = next(n for n, href in enumerate(hrefs) if href.endswith(ending))
    for _ in range(target):
        await pilot.press("down")
    await pilot.press("enter")


async def test_seed_interview_opens_with_keys_and_shows_its_questions(
    app: BftuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Välj i listan" in shown_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = shown_text(pilot)
        assert "Malmö-teamets erfarenheter" in text
        assert "Anita Svantesson" in text
        assert "+++" not in text and "kind =" not in text
        for question in QUESTIONS:
            assert question in " ".join(text.split())
        assert main_screen(pilot).document.has_focus


async def test_event_shows_the_article_that_refers_to_it(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        await open_item(pilot, screen.library.event(EVENT_2019))
        text = " ".join(shown_text(pilot).split())
        assert "över 200" in text and "Sveriges Stadsmissioner" in text
        assert "Malmö-teamets erfarenheter" in text
        hrefs = [link.href for link in screen.document.rendered.links]
        assert any(href.endswith(".md") for href in hrefs)


async def test_library_link_opens_the_item_in_the_app(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        await open_item(pilot, screen.library.event(EVENT_2019))
        await choose_link(pilot, ".md")
        await settle(pilot)
        assert screen.current is not None and screen.current.kind == "interview"
        # The sidebar follows the reader, once the text is on screen.
        assert screen.library_tree.current == screen.current
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.current.slug == EVENT_2019
        assert screen.library_tree.current == screen.current


async def test_external_link_is_copied_and_never_opened(
    app: BftuiApp, monkeypatch
) -> None:
    opened: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        await open_item(pilot, screen.library.articles[0])
        await choose_link(pilot, "/konferens/")
        await settle(pilot)
        assert copied == ["http://www.bostadforst.se/konferens/"]
        assert opened == []
        assert any(
            "bostadforst.se/konferens" in str(n.message) for n in app._notifications
        )


async def test_help_lists_every_key(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.table)
        text = console.export_text()
        for description in (
            "Avsluta",
            "Byt ruta",
            "Filtrera",
            "Länkar",
            "Innehåll",
            "Tillbaka",
            "Sök i texten",
            "Visa/dölj sidopanelen",
        ):
            assert description in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_sidebar_hides_to_give_the_reader_the_whole_width(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        narrow = screen.document.size.width
        await pilot.press("b")
        await pilot.pause()
        assert not screen.query_one("#sidebar").display
        assert screen.document.size.width > narrow + 20
        assert screen.document.has_focus
        await pilot.press("b")
        await pilot.pause()
        assert screen.query_one("#sidebar").display


async def test_tab_moves_between_sidebar_and_reader(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library_tree.has_focus
        await pilot.press("tab")
        assert screen.document.has_focus
        await pilot.press("tab")
        assert screen.library_tree.has_focus


async def test_page_keys_scroll_the_reader_from_the_sidebar(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        await open_item(pilot, screen.library.articles[0])
        screen.library_tree.focus()
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.document.scroll_offset.y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.document.scroll_offset.y == 0


async def test_problems_are_counted_and_listed(library_path: Path) -> None:
    (library_path / "trasig.md").write_text("+++\ntitle = \n+++\n", encoding="utf-8")
    (library_path / "events" / "fel.toml").write_text(
        "title = 3\nyear = 2020\n", encoding="utf-8"
    )
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        labels = [str(node.label) for node in screen.library_tree.root.children]
        assert "⚠ 2 problem" in labels
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        lines = [
            str(option.prompt)
            for option in app.screen.query_one("#problems-list").options
        ]  # type: ignore[attr-defined]
        assert any(line.startswith("trasig.md:2: ") for line in lines)
        assert any(line.startswith("events/fel.toml:1: ") for line in lines)


async def test_filter_narrows_the_sidebar_as_you_type(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input) and app.focused.id == "filter"
        await pilot.press(*"stockholm")
        await wait_for(
            pilot,
            lambda: shown_slugs(pilot) == ["2020-natverkstraff-stockholm"],
            "the filter keeps only Stockholm",
        )
        await pilot.press("escape")
        await wait_for(pilot, lambda: len(shown_slugs(pilot)) == 3, "all items back")
        assert screen.library_tree.has_focus


def shown_slugs(pilot: Pilot[int]) -> list[str]:
    """Return the slugs of the items the sidebar shows, in order."""
    return [item.slug for item in main_screen(pilot).library_tree.shown_items]


def write_news(library: Path, slug: str, title: str) -> None:
    """Add a news article called `title` to `library`."""
    (library / f"{slug}.md").write_text(
        f'+++\ntitle = "{title}"\nkind = "news"\npublished = 2021-03-04\n+++\n\nText.\n',
        encoding="utf-8",
    )


async def filter_for(pilot: Pilot[int], query: str, expected: set[str]) -> None:
    """Type `query` into a fresh `/` filter and wait until it shows `expected`."""
    await pilot.press("escape", "slash", *query)
    await wait_for(
        pilot,
        lambda: set(shown_slugs(pilot)) == expected,
        f"{query!r} shows {sorted(expected)}",
    )


async def test_the_filter_keeps_swedish_letters_apart(library_path: Path) -> None:
    """ "får" is not "far"; a word typed without å, ä or ö finds both spellings."""
    write_news(library_path, "far-vi-bo", "Får vi bo här?")
    write_news(library_path, "far-och-son", "Far och son")
    write_news(library_path, "cafe", "Ett café i Umeå")
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await filter_for(pilot, "får", {"far-vi-bo"})
        # "erfarenheter" holds "far" too.
        await filter_for(pilot, "far", {"far-vi-bo", "far-och-son", SAMPLE_ARTICLE})
        await filter_for(pilot, "malmo", {SAMPLE_ARTICLE, EVENT_2019})
        await filter_for(pilot, "malmö", {SAMPLE_ARTICLE, EVENT_2019})
        await filter_for(pilot, "CAFE umea", {"cafe"})
        await filter_for(pilot, "umeå", {"cafe"})
        await filter_for(pilot, "umeä", set())


async def test_keys_typed_right_after_slash_never_run_the_screen_keys(
    app: BftuiApp,
) -> None:
    """A quick typist's "/ma…" must not reach `a` (new article) before the filter has the focus."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in (
            "slash",
            "m",
            "a",
            "l",
            "k",
            "space",
        ):  # Queued at once, as a fast typist's are.
            character = {"slash": "/", "space": " "}.get(key, key)
            app.post_message(events.Key(key, character))
        await settle(pilot)
        screen = main_screen(pilot)
        assert app.screen is screen
        assert app.focused is screen.query_one("#filter", Input)
        assert screen.filter_input.value == "malk "


async def test_words_typed_right_after_f_land_in_the_find_bar(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        await open_item(pilot, screen.library.articles[0])
        screen.set_focus(screen.document)
        for key in ("f", "s", "t", "o", "l", "t"):  # Queued at once.
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert app.focused is screen.find_bar
        assert screen.find_bar.value == "stolt"


async def test_focus_moves_in_the_order_of_the_keys(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_item(pilot, main_screen(pilot).library.articles[0])
        for key, character in (("tab", "\t"), ("slash", "/")):  # Queued at once.
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.focused is main_screen(pilot).query_one("#filter", Input)


async def test_a_key_after_enter_in_the_filter_acts_where_enter_moved_the_focus(
    app: BftuiApp,
) -> None:
    """Enter in the filter moves the focus to the sidebar in a message handler:
    `n` typed right after it (one burst) opens a new meeting, as when typed slowly,
    instead of landing in the filter."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        keys = [("slash", "/"), *[(c, c) for c in "malm"], ("enter", "\r"), ("n", "n")]
        for key, character in keys:  # Queued at once.
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert screen.filter_input.value == "malm"
        assert type(app.screen).__name__ == "EventForm"


async def test_an_item_key_right_after_moving_acts_on_the_item_under_the_cursor(
    app: BftuiApp,
) -> None:
    """The sidebar shows the item under the cursor once it rests: `d` typed right
    after moving (one burst) asks to delete that item, as when typed slowly."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.current is None
        for key, character in (("down", None), ("up", None), ("d", "d")):
            app.post_message(events.Key(key, character))  # Queued at once.
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.current is not None
        assert screen.library_tree.cursor_node is not None
        assert screen.library_tree.cursor_node.data is screen.current


async def test_find_in_document_and_table_of_contents(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        await open_item(pilot, screen.library.articles[0])
        await pilot.press("f", *"stolthet")
        await pilot.pause()
        find = screen.query_one("#find", Input)
        assert find.border_subtitle == "träff 1 av 2"
        await pilot.press("enter")
        assert find.border_subtitle == "träff 2 av 2"
        document = screen.document
        width = document.scrollable_content_region.width
        for y in range(document.scrollable_content_region.height):
            number = document.top_line + y
            if number < len(document.rendered.lines):
                original = document.rendered.lines[number].text.ljust(width)[:width]
                assert document.render_line(y).text == original
        await pilot.press("escape")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TocScreen)
        await pilot.press("end", "enter")
        await pilot.pause()
        document = screen.document
        heading = document.rendered.headings[-1]
        assert heading.text == "Länkar"
        assert document.top_line > 0
        height = document.scrollable_content_region.height
        assert document.top_line <= heading.line < document.top_line + height


async def test_q_quits(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_a_search_hit_opens_at_its_heading(app: BftuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        question = next(
            h for h in QUESTIONS if h.startswith("Vad fick")
        )  # the answer under it holds the second "stolthet"
        heading = (
            "Stora delar av Bostad först-teamet var aktivt engagerade i planering "
            "och genomförande av de två dagarna? " + question
        )
        screen.open_item(screen.library.articles[0], find="stolthet", heading=heading)
        await settle(pilot)
        find = screen.query_one("#find", Input)
        assert find.border_subtitle == "träff 2 av 2"
        document = screen.document
        height = document.scrollable_content_region.height
        line = next(h.line for h in document.rendered.headings if h.text == heading)
        assert document.top_line <= line + 3 < document.top_line + height
