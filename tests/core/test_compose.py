"""Composition: what the reader and `bftui show` display for an item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from core_files import article_text
from markdown_it import MarkdownIt

from bftui.core.items.model import Event
from bftui.core.library.compose import (
    compose,
    date_range,
    destination,
    escape,
    event_when,
    link_to,
    long_date,
)
from bftui.core.library.loading import Library, load
from bftui.i18n import set_language

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)


@pytest.fixture
def library(sample: Path) -> Library:
    return load(sample)


def _article_doc(library: Library) -> str:
    article = library.article(SAMPLE_ARTICLE)
    assert article is not None
    return compose(article, library)


def _links(markdown: str) -> list[str]:
    """Return every link target in `markdown`, as a Markdown parser sees them."""
    targets: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                targets.append(str(child.attrs["href"]))
    return targets


def test_article_has_a_card_not_raw_front_matter(library: Library) -> None:
    doc = _article_doc(library)
    assert doc.startswith(
        "# Malmö-teamets erfarenheter från Svenska Bostad först-nätverkets träff 2019\n"
    )
    assert "+++" not in doc
    assert 'kind = "interview"' not in doc and "[interviewee]" not in doc
    card = [line for line in doc.split("\n") if line.startswith(">")]
    assert card[0] == "> **Intervju** · Publicerad 24 maj 2020\\"
    assert "> **Intervjuad:** Anita Svantesson, sektionschef, Malmö stad\\" in card
    assert "> **Taggar:** Malmö · nätverksträff\\" in card
    assert card[-1].startswith(
        "> **Evenemang:** [Svenska Bostad först-nätverkets träff 2019]"
    )


def test_article_parts_in_order(library: Library) -> None:
    doc = _article_doc(library)
    marks = [
        "> **Intervju**",
        "**Teamet kände stor stolthet när vi var i hamn**",
        "Bostad först-teamet i Malmö arrangerade",
        "Vi bad henne dela sina erfarenheter.",
        "## Frågor och svar",
        "### Vilka var höjdpunkterna tyckte du?",
        "Jag tyckte att höjdpunkterna",
        "### Stora delar av Bostad först-teamet",
        "### Vad skulle du önska dig av 2020 års nätverksträff?",
        "alternativt Ulf Kristersson.",
        "## Länkar",
        "- [Bostad först-nätverkets konferens]",
        "- [Film: Från hemlös till hyresgäst]",
    ]
    positions = [doc.index(mark) for mark in marks]
    assert positions == sorted(positions)


def test_article_links_resolve(library: Library) -> None:
    assert _links(_article_doc(library)) == [
        "events/2019-natverkstraff-malmo.toml",
        "http://www.bostadforst.se/konferens/",
        "http://www.bostadforst.se/nyheter/fran-hemlos-till-hyresgast/",
    ]


def test_event_composition(library: Library) -> None:
    event = library.event("2019-natverkstraff-malmo")
    assert event is not None
    doc = compose(event, library)
    for text in [
        "# Svenska Bostad först-nätverkets träff 2019",
        "> **Nätverksträff**",
        "> **När:** 2019",
        "> **Var:** Malmö",
        "> **Arrangör:** Bostad först-teamet, Malmö stad",
        "> **I samarbete med:** Sveriges Stadsmissioner",
        "> **Deltagare:** över 200",
        "Två dagars nätverks- och konferensmöte",
        "## Program",
        "### Dag 1: Nätverksträff",
        "### Dag 2: Öppen konferens",
        "## Artiklar om evenemanget",
        "— Intervju, 24 maj 2020",
    ]:
        assert text in doc, text
    assert _links(doc) == [
        "http://www.bostadforst.se/konferens/",
        "2020-natverkstraff-stockholm.toml",
        f"../{SAMPLE_ARTICLE}.md",
    ]
    assert doc.index("## Program") < doc.index("## Artiklar om evenemanget")


def test_event_without_articles_or_programme(library: Library) -> None:
    event = library.event("2020-natverkstraff-stockholm")
    assert event is not None
    doc = compose(event, library)
    assert "> **När:** 2020" in doc
    assert "> **Arrangör:** Stockholms stad" in doc
    assert "## Program" not in doc and "## Artiklar om evenemanget" not in doc
    assert "**Var:**" not in doc and "**Deltagare:**" not in doc


def test_participants_number_without_note(
    root: Path, write: Callable[..., Path]
) -> None:
    write("events/e.toml", 'title = "E"\nyear = 2020\nparticipants = 35\n')
    library = load(root)
    assert "> **Deltagare:** 35" in compose(library.events[0], library)


def test_composition_in_english(library: Library) -> None:
    set_language("en")
    doc = _article_doc(library)
    assert "> **Interview** · Published 24 May 2020\\" in doc
    assert "## Questions and answers" in doc
    assert "## Links" in doc


def test_news_article_has_no_qa_section(root: Path, write: Callable[..., Path]) -> None:
    write("a.md", article_text() + "\n### Not a question\n\nText.\n")
    library = load(root)
    doc = compose(library.articles[0], library)
    assert "Frågor och svar" not in doc
    assert "### Not a question" in doc
    assert "> **Nyhet** · Publicerad 4 mars 2021" in doc


def test_unknown_event_shows_the_slug_without_a_link(
    root: Path, write: Callable[..., Path]
) -> None:
    write("a.md", article_text(extra='event = "borta"\n'))
    library = load(root)
    doc = compose(library.articles[0], library)
    assert "> **Evenemang:** borta" in doc
    assert _links(doc) == []


def test_no_consent_is_said(root: Path, write: Callable[..., Path]) -> None:
    write(
        "a.md",
        '+++\ntitle = "A"\nkind = "interview"\npublished = 2021-01-01\n'
        '[interviewee]\nname = "N"\nconsent = false\n+++\nIntro\n',
    )
    library = load(root)
    assert "*Samtycke till publicering saknas*" in compose(library.articles[0], library)


def test_titles_cannot_inject_markdown(root: Path, write: Callable[..., Path]) -> None:
    title = "[klicka](http://evil.example) *fet* <b> &lt;i&gt;"
    write("a.md", article_text(title, extra='tags = ["[x](y)"]\n'))
    library = load(root)
    doc = compose(library.articles[0], library)
    assert _links(doc) == []
    html = MarkdownIt("commonmark").render(doc)
    assert "<em>" not in html and "<b>" not in html
    assert "&amp;lt;i&amp;gt;" in html


def test_link_urls_cannot_break_out_of_their_destination(
    root: Path, write: Callable[..., Path]
) -> None:
    url = "http://x.se/a>b)[c](d"
    write("a.md", article_text(extra=f'links = [{{ title = "L", url = "{url}" }}]\n'))
    library = load(root)
    assert _links(compose(library.articles[0], library)) == [
        "http://x.se/a%3Eb)%5Bc%5D(d"
    ]


@pytest.mark.parametrize(
    ("target", "written"),
    [
        ("a.md", "<a.md>"),
        ("a b/c.md", "<a b/c.md>"),
        ("x>y<z", "<x\\>y\\<z>"),
        ("back\\slash", "<back\\\\slash>"),
        ("new\nline", "<new%0Aline>"),
        ("esc\x1b[2J/a.md", "<esc%1B[2J/a.md>"),
        ("bidi\u202e.md", "<bidi%E2%80%AE.md>"),
        ("åäö.md", "<åäö.md>"),
    ],
)
def test_destination(target: str, written: str) -> None:
    assert destination(target) == written


def test_escape_keeps_text_on_one_line() -> None:
    assert escape("a *b*\n[c]") == "a \\*b\\* \\[c\\]"


def test_link_to_is_relative_to_the_source_item() -> None:
    root = Path("/lib")
    assert link_to(root / "events/e.toml", root / "2020/a.md") == "../events/e.toml"
    assert link_to(root / "a.md", root / "events/e.toml") == "../a.md"
    assert link_to(root / "events/f.toml", root / "events/e.toml") == "f.toml"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (dt.date(2019, 5, 9), None, "9 maj 2019"),
        (dt.date(2019, 5, 9), dt.date(2019, 5, 9), "9 maj 2019"),
        (dt.date(2019, 5, 9), dt.date(2019, 5, 10), "9–10 maj 2019"),
        (dt.date(2019, 5, 30), dt.date(2019, 6, 1), "30 maj – 1 juni 2019"),
        (
            dt.date(2019, 12, 30),
            dt.date(2020, 1, 2),
            "30 december 2019 – 2 januari 2020",
        ),
        (
            dt.datetime(2019, 5, 9, 9, 30),
            dt.datetime(2019, 5, 9, 16, 0),
            "9 maj 2019 09:30 – 9 maj 2019 16:00",
        ),
    ],
)
def test_date_range(start: dt.date, end: dt.date | None, text: str) -> None:
    assert date_range(start, end) == text


def test_long_date_in_english() -> None:
    set_language("en")
    assert long_date(dt.date(2020, 5, 24)) == "24 May 2020"


def test_event_when_year_or_dates() -> None:
    path = Path("/lib/events/e.toml")
    assert event_when(Event(slug="e", path=path, title="E", year=2019)) == "2019"
    dated = Event(
        slug="e",
        path=path,
        title="E",
        year=2019,
        start=dt.date(2019, 5, 9),
        end=dt.date(2019, 5, 10),
    )
    assert event_when(dated) == "9–10 maj 2019"


def test_odd_folder_names_reach_neither_the_terminal_nor_break_links(
    root: Path, write: Callable[..., Path]
) -> None:
    folder = "x\x1b[2J y"
    write(f"{folder}/a.md", article_text(extra='event = "e"\n'))
    write("events/e.toml", 'title = "E"\nyear = 2020\n')
    library = load(root)
    assert library.problems == []
    doc = compose(library.events[0], library)
    assert "\x1b" not in doc
    (href,) = _links(doc)
    assert unquote(href) == f"../{folder}/a.md"
