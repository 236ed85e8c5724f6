"""Garbage never crashes the importer: any file gives a proposal or an ImportProblem."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bftui.core.items.model import Article
from bftui.core.items.schema import check_article
from bftui.core.library.loading import load_article
from bftui.core.store import storage
from bftui.core.text import has_controls
from bftui.core.transfer.htmlpage import read_page
from bftui.core.transfer.importer import ImportProblem, Proposal, import_file, propose

from .conftest import fuzz_settings
from .strategies import encoded, markdown, nasty_text

HTML_SNIPPETS = (
    "<html>", "<head><title>T</title></head>", "<body>", "<article>", "<h1>Rubrik</h1>",
    "<p>Ett stycke med fem ord här.</p>", "<p>Vad tycker du?</p>", "<a href='x'>l</a>",
    '<a href="javascript:alert(1)">x</a>', "<script>alert(1)</script>", "<style>p{}</style>",
    "<nav>Meny</nav>", "<br>", "<p>", "</p>", "</div></div>", "<!-- kommentar",
    "<![CDATA[x]]>", "&amp;", "&#27;", "&#x9b;", "&#0;", "&nosuch;", "<img src=x>",
    "<meta property='og:url' content='http://x.se/a'>", "<time datetime='2020-05-24'>",
    "24 maj 2020", "Publicerad 2020-05-24", "<ul><li>a<li>b</ul>", "<table><td>x",
    '<a href="http://[x">l</a>', "<base href='http://[x'>", "http://x]y/z",
    "<meta property='og:url' content='http://[x'>", "<a href='//[::1'>v6</a>",
    "<p><a href='mailto:a@b.se'>a@b.se</a></p>", "<link rel='canonical' href='http://'>",
    "<ul><li><a href='http://'>x</a></li><li><a href='https:// y'>y</a></li></ul>",
    "<meta property='og:title' content=' '>", "<h1> </h1>",
)  # fmt: skip

html_pages = st.lists(
    st.one_of(st.sampled_from(HTML_SNIPPETS), nasty_text), max_size=30
).map("".join)

web_text = st.lists(
    st.one_of(
        markdown,
        st.sampled_from(
            (
                "Rubrik på artikeln",
                "Publicerad 24 maj 2020",
                "Anita Svantesson, sektionschef, Malmö stad",
                "Vilka var höjdpunkterna tyckte du?",
                "Det var en mycket bra dag med många deltagare från hela landet.",
                "Läs mer: http://www.bostadforst.se/x/",
                "Dela på Facebook",
                "",
            )
        ),
    ),
    max_size=20,
).map("\n".join)


def _assert_proposal(proposal: Proposal) -> None:
    front = proposal.front
    assert isinstance(front["title"], str) and front["kind"] in (
        "interview",
        "report",
        "news",
    )
    for value in (front["title"], front.get("lead", ""), proposal.body):
        assert not has_controls(value)
    # A proposal always saves: never a value the schema refuses (a mailto link).
    assert check_article(front) == []


@fuzz_settings()
@given(web_text, st.booleans())
def test_propose_returns_a_harmless_proposal(text: str, html: bool) -> None:
    _assert_proposal(propose(text, html=html))


@fuzz_settings()
@given(html_pages)
def test_propose_web_pages(page: str) -> None:
    _assert_proposal(propose(page, html=True))
    assert all(isinstance(b.markdown, str) for b in read_page(page).blocks)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder for the files to import."""
    return tmp_path_factory.mktemp("import")


@fuzz_settings()
@given(
    encoded(web_text | html_pages),
    st.sampled_from(("x.txt", "x.html", "x.htm", "x", "x.md")),
)
# Dates `check` refuses, as a page may write them (typos): never proposed.
@example(data=b"Publicerad 24 maj 0020", name="x.txt")
@example(data=b"Rubrik\n\nPublicerad: maj 0000\n\nText.", name="x.txt")
@example(
    data=b'<html><head><meta property="article:published_time" content="0001-02-03">'
    b"</head><body><h1>R</h1><p>Text.</p></body></html>",
    name="x.html",
)
def test_import_file_gives_a_proposal_or_a_problem(
    folder: Path, data: bytes, name: str
) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        proposal = import_file(path)
    except ImportProblem as problem:
        assert str(problem) and not has_controls(str(problem))
        return
    _assert_proposal(proposal)


@fuzz_settings(100)
@given(web_text | html_pages)
def test_a_proposal_saves_as_an_article_that_loads(folder: Path, text: str) -> None:
    proposal = propose(text, html=text.startswith("<"))
    # A proposal is always a valid article: it saves, and loads as what was proposed.
    file_text = storage.article_text(proposal.front, proposal.body, folder)
    path = folder / "proposal.md"
    path.write_text(file_text, encoding="utf-8")
    result = load_article(path, folder)
    if not proposal.front["title"].strip():
        # A page with nothing to call it: the form asks for a title before saving.
        assert [problem.message.split(":")[0] for problem in result] == ["title"]
        return
    assert isinstance(result, Article), result
    assert (result.title, result.kind) == (
        proposal.front["title"],
        proposal.front["kind"],
    )
    assert result.lead == proposal.front.get("lead", "")
    assert file_text.rstrip().endswith(proposal.body.rstrip())


@pytest.mark.parametrize(
    "page",
    [
        '<html><body><p>Se <a href="http://[x">här</a> nu.</p></body></html>',
        '<html><head><meta property="og:url" content="http://[x"></head><p>x</p>',
        '<html><head><base href="http://[x"></head><p><a href="y">l</a></p>',
        "Rubrik\n\nText med en länk http://x]y/z och mer text här nu.\n",
    ],
)
def test_addresses_urllib_refuses_do_not_stop_an_import(page: str) -> None:
    """Regression: urlsplit raised "Invalid IPv6 URL" out of the importer."""
    _assert_proposal(propose(page, html=page.startswith("<")))


@pytest.mark.parametrize("section", ["<![C\x01ATA[x]]>", "<![\x01DATA[x]]>", "<![if"])
def test_a_broken_marked_section_does_not_stop_an_import(section: str) -> None:
    """Regression: html.parser raised AssertionError out of the importer."""
    page = f"<html><body><h1>Rubrik</h1>{section}<p>Ett stycke med fem ord här.</p>"
    assert any("Ett stycke" in b.plain for b in read_page(page).blocks)


@pytest.mark.parametrize(
    "tag", ["div", "b", "blockquote", "ul><li", "nav", "table><tr><td"]
)
def test_deeply_nested_pages_are_read_without_recursion(tag: str) -> None:
    """Regression: the Markdown writer recursed once a level and hit Python's limit."""
    page = "<html><body><h1>Rubrik</h1>" + f"<{tag}>" * 1500 + "Ett stycke med fem ord."
    proposal = propose(page, html=True)
    _assert_proposal(proposal)
    assert proposal.front["title"] == "Rubrik"
    assert "<" not in proposal.body  # never the page's markup


def test_a_page_with_no_text_is_no_markup_either() -> None:
    proposal = propose("<html><body><nav>Meny</nav></body></html>", html=True)
    assert proposal.body.strip() == "" and "needs_review" in proposal.front


@pytest.mark.parametrize(
    "page",
    [
        "<link rel='canonical' href='http://'><h1>Rubrik</h1><p>Ett stycke här.</p>",
        "<h1>Rubrik</h1><p>Ett stycke här.</p><p><a href='http://'>Länk</a></p>",
        "<h1>Rubrik</h1><p>Ett stycke här.</p><p><a href='mailto:a@b.se'>Mejl</a></p>",
    ],
)
def test_addresses_the_schema_refuses_stay_out_of_the_front_matter(page: str) -> None:
    """Regression: an empty canonical address was proposed as the source."""
    proposal = propose(page, html=True)
    assert check_article(proposal.front) == []
