"""Full-text search screen in a host app: type, see hits, Enter dismisses with the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from appdriver import settle  # type: ignore[import-not-found]
from textual.app import App, ComposeResult
from textual.widgets import Static

from bftui.core.index.build import Index
from bftui.tui.screens import search as search_screen
from bftui.tui.screens.search import SearchChoice, SearchResults, SearchScreen

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)


class Host(App[None]):
    """Pushes the search screen and keeps what it dismissed with."""

    def __init__(self, root: Path, index: Index | None) -> None:
        super().__init__()
        self.root = root
        self.index = index
        self.chosen: list[SearchChoice | None] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.root, self.index), self.chosen.append)


@pytest.fixture(autouse=True)
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Search on the next tick instead of after the typing pause."""
    monkeypatch.setattr(search_screen, "SEARCH_DELAY", 0)


def hit_texts(app: App[None]) -> list[str]:
    results = app.screen.query_one(SearchResults)
    return [
        str(results.get_option_at_index(n).prompt) for n in range(results.option_count)
    ]


@pytest.mark.parametrize("given_index", [True, False])
async def test_type_see_hits_and_open_one(
    library_path: Path, given_index: bool
) -> None:
    index = None
    if given_index:
        index = Index.open(library_path)
        index.sync()
    app = Host(library_path, index)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"malmo höjdp")
        await settle(pilot)
        texts = hit_texts(app)
        assert len(texts) == 1
        assert texts[0].startswith("Malmö-teamets erfarenheter")
        assert "höjdp" in texts[0]
        status = app.screen.query_one("#search-status", Static)
        assert "1 träff" in str(status.render())
        await pilot.press("enter")
        await pilot.pause()
    (choice,) = app.chosen
    assert choice is not None
    assert choice.item.slug == SAMPLE_ARTICLE
    assert choice.find == "höjdp"
    assert choice.heading == "Vilka var höjdpunkterna tyckte du?"


async def test_arrows_choose_while_typing_and_escape_closes(library_path: Path) -> None:
    index = Index.open(library_path)
    index.sync()
    app = Host(library_path, index)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"malmo")
        await settle(pilot)
        assert len(hit_texts(app)) == 3
        await pilot.press("down", "down")
        assert app.screen.query_one(SearchResults).highlighted == 2
        await pilot.press("escape")
        await pilot.pause()
    assert app.chosen == [None]


async def test_file_text_is_never_markup(library_path: Path) -> None:
    article = library_path / f"{SAMPLE_ARTICLE}.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace(
            'title = "Malmö-teamets',
            'title = "[@click=app.quit]x[/] [b]Malmö-teamets',
            1,
        ),
        encoding="utf-8",
    )
    app = Host(library_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"teamets")
        await settle(pilot)
        texts = hit_texts(app)
        assert any(
            t.startswith("[@click=app.quit]x[/] [b]Malmö-teamets") for t in texts
        )
        assert app.is_running


async def test_short_query_asks_for_more(library_path: Path) -> None:
    app = Host(library_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await settle(pilot)
        assert hit_texts(app) == []
        status = app.screen.query_one("#search-status", Static)
        assert "två bokstäver" in str(status.render())


async def test_ctrl_f_on_the_main_screen_opens_the_hit(library_path: Path) -> None:
    from bftui.tui.app import BftuiApp
    from bftui.tui.screens.main import MainScreen

    app = BftuiApp(library_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"stafettpinnen typ:intervju")
        await settle(pilot)
        assert len(hit_texts(app)) == 1
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.current is not None
        assert main.current.slug == SAMPLE_ARTICLE
        assert main.query_one("#find").value == "stafettpinnen"


async def test_palette_jumps_to_an_item_by_title(library_path: Path) -> None:
    from bftui.tui.app import BftuiApp
    from bftui.tui.screens.main import MainScreen

    app = BftuiApp(library_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"traff 2020")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.current is not None
        assert main.current.slug == "2020-natverkstraff-stockholm"
