"""The app's "Importera artikel" and event .ics export, driven at 80x24."""

from __future__ import annotations

from pathlib import Path

from appdriver import main_screen, open_item, settle
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from bftui.core.items.model import Article, Event
from bftui.core.library.loading import load
from bftui.tui import transfer
from bftui.tui.app import BftuiApp
from bftui.tui.screens.article_form import ArticleForm
from bftui.tui.screens.confirm import ConfirmScreen
from bftui.tui.screens.path_prompt import PathPrompt, complete

SIZE = (80, 24)
SEED = Path(__file__).parent.parent / "data" / "import" / "corpus" / "seed-malmo.txt"
DATED_EVENT = """title = "Nätverksträff i Umeå"
kind = "network-meeting"
year = 2025
start = 2025-05-08
end = 2025-05-09
city = "Umeå"
"""


async def run_command(pilot: Pilot[int], query: str) -> None:
    """Run the palette command best matching `query` as a user does: ctrl+p, type, Enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await settle(pilot)  # the palette gathers its hits in a worker
    assert pilot.app.screen.query_one(CommandList).highlighted is not None
    await pilot.press("enter")
    await pilot.pause()


async def answer_prompt(pilot: Pilot[int], path: Path) -> None:
    """Replace the path prompt's text with `path` and press Enter."""
    prompt = pilot.app.screen
    assert isinstance(prompt, PathPrompt)
    prompt.query_one(Input).value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def palette_titles(pilot: Pilot[int]) -> list[str]:
    """Return the titles of the palette commands offered on the main screen now."""
    commands = pilot.app.get_system_commands(main_screen(pilot))
    return [command.title for command in commands]


async def test_import_opens_the_proposal_in_the_form_and_saves_it(
    library_path: Path,
) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "importera")
        await answer_prompt(pilot, SEED)
        form = app.screen
        assert isinstance(form, ArticleForm)
        assert form.query_one("#f-title", Input).value.startswith("Malmö-teamets")
        assert form.query_one("#f-published", Input).value == "2020-05-24"
        assert form.query_one("#f-interviewee-name", Input).value == "Anita Svantesson"
        assert "### Vad skulle du önska" in form.query_one("#f-body", TextArea).text
        assert any("granska" in str(n.message) for n in app._notifications)
        # The sample article is this page: the user is told before saving a copy.
        assert any(
            "finns redan i biblioteket som 2020-05-24-malmo" in str(n.message)
            for n in app._notifications
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ArticleForm)
        shown = main_screen(pilot).current
        assert shown is not None and shown.slug.endswith("-2")
    library = load(library_path)
    new = [a for a in library.articles if a.slug.endswith("-2")]
    assert len(new) == 1 and library.problems == []
    article = new[0]
    assert isinstance(article, Article)
    # The proposal is kept for a later `bftui import --update` to merge with.
    assert (library_path / ".imported" / f"{article.slug}.md").is_file()
    assert article.interviewee is not None
    assert article.interviewee.organisation == "Malmö stad"
    # The form has no links field; the importer's links are kept all the same.
    assert [link.url for link in article.links] == [
        "http://www.bostadforst.se/konferens/",
        "http://www.bostadforst.se/nyheter/fran-hemlos-till-hyresgast/",
    ]


async def test_escape_asks_before_throwing_the_proposal_away(
    library_path: Path,
) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        transfer.ask_import(main_screen(pilot))
        await pilot.pause()
        await answer_prompt(pilot, SEED)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_a_file_that_cannot_be_imported_is_a_notification(
    library_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "importera")
        await answer_prompt(pilot, empty)
        assert not isinstance(app.screen, (ArticleForm, PathPrompt))
        assert any(
            n.severity == "error" and "tom" in str(n.message)
            for n in app._notifications
        )


async def test_an_event_with_dates_exports_to_a_chosen_folder(
    library_path: Path, tmp_path: Path
) -> None:
    (library_path / "events" / "2025-traff-umea.toml").write_text(
        DATED_EVENT, encoding="utf-8"
    )
    folder = tmp_path / "kalender"
    folder.mkdir()
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert "Exportera evenemanget till .ics" not in palette_titles(pilot)
        event = screen.library.event("2025-traff-umea")
        assert isinstance(event, Event)
        await open_item(pilot, event)
        assert "Exportera evenemanget till .ics" in palette_titles(pilot)
        await run_command(pilot, "exportera ev")
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        assert prompt.query_one(Input).value == str(Path.cwd())
        await answer_prompt(pilot, folder)
        written = folder / "2025-traff-umea.ics"
        assert written.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
        assert b"DTEND;VALUE=DATE:20250510\r\n" in written.read_bytes()
        assert any(str(written) in str(n.message) for n in app._notifications)


async def test_an_event_with_only_a_year_is_not_exported(library_path: Path) -> None:
    app = BftuiApp(library_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        event = screen.library.event("2019-natverkstraff-malmo")
        await open_item(pilot, event)
        await run_command(pilot, "exportera ev")
        assert not isinstance(app.screen, PathPrompt)
        assert any(
            n.severity == "warning" and "2019-natverkstraff-malmo" in str(n.message)
            for n in app._notifications
        )


def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "artiklar").mkdir()
    (tmp_path / "artikel.txt").write_text("x", encoding="utf-8")
    assert complete(str(tmp_path / "artike")) == str(tmp_path / "artikel.txt")
    assert complete(str(tmp_path / "artikl")) == str(tmp_path / "artiklar") + "/"
    assert complete(str(tmp_path / "saknas")) is None
    assert complete(str(tmp_path) + "/") is None
    assert complete(str(tmp_path / "nej" / "x")) is None
