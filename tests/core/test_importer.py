"""The importer: web text (and saved pages) in, a proposed structured article out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bftui.core.items import qa
from bftui.core.items.model import Article
from bftui.core.library.loading import load_article, read_body
from bftui.core.transfer.importer import ImportProblem, Proposal, import_file, propose
from bftui.core.transfer.recognise import (
    caption_glued,
    dated_line,
    parse_byline,
    title_byline,
)
from bftui.core.transfer.weblinks import link_title, take_links
from bftui.paths import bundled_library

DATA = Path(__file__).parent.parent / "data" / "import"
SEED = DATA / "corpus" / "seed-malmo.txt"
SAMPLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)
TODAY = dt.date(2030, 1, 2)


@pytest.fixture(scope="module")
def sample() -> tuple[Article, str]:
    """The hand-made sample article and its body."""
    root = bundled_library()
    article = load_article(root / f"{SAMPLE}.md", root)
    assert isinstance(article, Article)
    return article, read_body(article)


def _check_against_sample(proposal: Proposal, sample: tuple[Article, str]) -> None:
    article, body = sample
    front = proposal.front
    assert front["title"] == article.title
    assert front["kind"] == article.kind == "interview"
    assert front["published"] == article.published
    assert front["lead"] == article.lead
    assert front.get("tags", []) == []
    assert front.get("event", "") == ""
    assert article.interviewee is not None
    person = front["interviewee"]
    assert person["name"] == article.interviewee.name
    assert person["role"] == article.interviewee.role
    assert person["organisation"] == article.interviewee.organisation
    assert [link["url"] for link in front["links"]] == [
        link.url for link in article.links
    ]
    for link in front["links"]:
        assert len(link["title"]) >= 5 and "http" not in link["title"]
    wanted, got = qa.find_entries(body), qa.find_entries(proposal.body)
    assert [(e.question, e.answer) for e in got] == [
        (e.question, e.answer) for e in wanted
    ]
    assert qa.introduction(proposal.body, got).strip() == (
        qa.introduction(body, wanted).strip()
    )
    assert proposal.body == body
    assert proposal.slug == SAMPLE


def test_the_seed_text_proposes_the_sample_article(sample: tuple[Article, str]) -> None:
    proposal = import_file(SEED, today=TODAY)
    _check_against_sample(proposal, sample)
    titles = [link["title"] for link in proposal.front["links"]]
    assert titles == ["Konferens – bostadforst.se", "Från hemlös till hyresgäst"]
    assert "source" not in proposal.front


def test_a_saved_web_page_proposes_the_sample_article(
    sample: tuple[Article, str],
) -> None:
    proposal = import_file(DATA / "corpus" / "seed-malmo.html", today=TODAY)
    _check_against_sample(proposal, sample)
    # The page's anchor texts are the editorial titles; share links are furniture.
    assert proposal.front["links"] == [
        {"title": link.title, "url": link.url} for link in sample[0].links
    ]
    assert proposal.front["source"].startswith("http://www.bostadforst.se/nyheter/")
    assert "tracking" not in proposal.body and "Om oss" not in proposal.body


ARTICLE = """Rubriken på artikeln

{date}

Första stycket berättar vad som hände. Det var bra.

Andra stycket fortsätter berättelsen.
"""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Publicerad: 24 maj, 2020", dt.date(2020, 5, 24)),
        ("12 mars 2024", dt.date(2024, 3, 12)),
        ("2024-03-12", dt.date(2024, 3, 12)),
        ("Publicerad 2019-11-05 14:32", dt.date(2019, 11, 5)),
        ("den 3:e juni 2021", dt.date(2021, 6, 3)),
        ("tisdag 5 okt. 2021", dt.date(2021, 10, 5)),
        (
            "Publicerat: 1 februari 2018. Uppdaterad: 3 februari 2018",
            dt.date(2018, 2, 1),
        ),
        ("Published: May 24, 2020", dt.date(2020, 5, 24)),
        ("24/5 2020", dt.date(2020, 5, 24)),
    ],
)
def test_dates_in_swedish_forms(written: str, expected: dt.date) -> None:
    proposal = propose(ARTICLE.format(date=written), today=TODAY)
    assert proposal.front["published"] == expected
    assert written not in proposal.body


def test_an_impossible_date_is_not_a_date() -> None:
    assert dated_line("31 februari 2020") is None
    proposal = propose(ARTICLE.format(date="Publicerad: 31 februari 2020"), today=TODAY)
    assert proposal.front["published"] == TODAY
    assert "published" in proposal.front["needs_review"]


def test_no_date_is_marked_for_review_not_silently_today() -> None:
    proposal = propose(ARTICLE.format(date=""), today=TODAY)
    assert proposal.front["published"] == TODAY
    assert "published" in proposal.front["needs_review"]
    assert any("2030-01-02" in note for note in proposal.notes)


@pytest.mark.parametrize(
    ("written", "expected", "unsure"),
    [
        ("Uppdaterad 2019-11-02 | Publicerad 2019-11-01", dt.date(2019, 11, 1), False),
        ("21 juni, 2021 • Ämne: Nyheter", dt.date(2021, 6, 21), False),
        ("2024-03-18 | 4 min läsning", dt.date(2024, 3, 18), False),
        ("Publicerat i maj 2024", dt.date(2024, 5, 1), True),
        ("Uppdaterad: 3 mars 2022", dt.date(2022, 3, 3), True),
        ("Sidan uppdaterades 2023-01-01", dt.date(2023, 1, 1), True),
        ("Skapad: 12 maj 2022", dt.date(2022, 5, 12), False),
        ("Publ. 2021-03-04", dt.date(2021, 3, 4), False),
        ("Pressmeddelande • 12 maj 2022 08:00 CEST", dt.date(2022, 5, 12), False),
    ],
)
def test_date_lines_of_real_pages(
    written: str, expected: dt.date, unsure: bool
) -> None:
    proposal = propose(ARTICLE.format(date=written), today=TODAY)
    assert proposal.front["published"] == expected
    assert ("published" in proposal.front.get("needs_review", [])) is unsure
    assert written not in proposal.body


def test_a_date_before_the_first_paragraph_is_split_off() -> None:
    text = (
        "Ett eget hem\n\n30 juni 2023 Hemlösheten ökar och fler söker hjälp hos "
        "kommunerna i hela landet.\n\nAndra stycket om saken.\n"
    )
    proposal = propose(text, today=TODAY)
    assert proposal.front["published"] == dt.date(2023, 6, 30)
    assert proposal.front["lead"].startswith("Hemlösheten ökar")
    assert "30 juni" not in proposal.body


INTERVIEW = """Ny samordnare för nätverket

Hon vill se fler kommuner ansluta

Eva Lind, samordnare på Sveriges Stadsmissioner, började i januari.

Hur ser du på året som gått? Och vad händer nu?

Året var lärorikt.

Nu växer vi.

Vad är viktigast?

Att bostaden kommer först.

Publicerad: 12 mars 2024
"""


def test_a_two_sentence_question_and_answers_of_several_paragraphs() -> None:
    proposal = propose(INTERVIEW, today=TODAY)
    entries = qa.find_entries(proposal.body)
    assert [e.question for e in entries] == [
        "Hur ser du på året som gått? Och vad händer nu?",
        "Vad är viktigast?",
    ]
    assert entries[0].answer == "Året var lärorikt.\n\nNu växer vi."
    assert proposal.front["kind"] == "interview"
    assert proposal.front["lead"] == "Hon vill se fler kommuner ansluta"
    assert proposal.front["interviewee"] == {
        "name": "Eva Lind",
        "role": "samordnare",
        "organisation": "Sveriges Stadsmissioner",
    }
    assert proposal.front["published"] == dt.date(2024, 3, 12)


def test_questions_without_a_byline_make_an_interview_marked_for_review() -> None:
    text = INTERVIEW.replace(
        "Eva Lind, samordnare på Sveriges Stadsmissioner, började",
        "Den nya samordnaren började",
    )
    proposal = propose(text, today=TODAY)
    assert proposal.front["kind"] == "interview"
    assert "interviewee" not in proposal.front
    assert proposal.front["needs_review"] == ["interviewee"]
    assert len(qa.find_entries(proposal.body)) == 2
    assert any("Namn, roll" in note for note in proposal.notes)


def test_a_single_question_without_a_byline_is_no_interview() -> None:
    text = "Rubrik om året\n\nEtt stycke om året som gått i nätverket.\n\n"
    text += "Vad händer nu?\n\nVi fortsätter som förut med fler kommuner.\n"
    proposal = propose(text, today=TODAY)
    assert proposal.front["kind"] != "interview"
    assert "### " not in proposal.body and "Vad händer nu?" in proposal.body


def test_no_questions_make_news_or_report() -> None:
    short = propose(ARTICLE.format(date="12 mars 2024"), today=TODAY)
    assert short.front["kind"] == "news"
    assert "### " not in short.body
    long_text = ARTICLE.format(date="12 mars 2024") + "\n\n".join(
        ["Ett längre stycke med mycket text om bostad först. " * 8] * 5
    )
    assert propose(long_text, today=TODAY).front["kind"] == "report"


def test_text_that_is_no_article_becomes_a_report_body() -> None:
    text = "namn;stad;antal\n" + "".join(f"rad {i};Malmö;{i}\n" for i in range(3))
    proposal = propose(text, today=TODAY)
    assert proposal.front["kind"] == "report"
    assert proposal.body.strip() == text.strip()
    assert any("ser inte ut som en artikel" in note for note in proposal.notes)


def test_markdown_syntax_in_the_text_stays_plain() -> None:
    text = (
        "Titel\n\nEn ingress\n\nEtt stycke med vanlig text om nätverket.\n\n"
        "# inte en rubrik\n\n- inte en lista\n\n1. inte heller\n"
    )
    proposal = propose(text, today=TODAY)
    assert "\\# inte en rubrik" in proposal.body
    assert "\\- inte en lista" in proposal.body
    assert "\\1. inte heller" in proposal.body
    assert qa.find_entries(proposal.body) == []


def test_hard_wrapped_text_is_unwrapped() -> None:
    text = (
        "En rubrik\n\nEn kort ingress\n\n"
        "Det här stycket är radbrutet som i ett e-postmeddelande och\n"
        "fortsätter på nästa rad utan tomrad emellan, vilket är vanligt\n"
        "när text klistras in från ett annat program än en webbläsare.\n\n"
        "Ett andra stycke som också är ganska långt för att räknas med.\n"
    )
    proposal = propose(text, today=TODAY)
    paragraphs = proposal.body.strip().split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Det här stycket") and "\n" not in paragraphs[0]
    assert proposal.front["lead"] == "En kort ingress"


def test_windows_and_old_mac_line_ends() -> None:
    text = ARTICLE.format(date="12 mars 2024")
    for ending in ("\r\n", "\r"):
        proposal = propose(text.replace("\n", ending), today=TODAY)
        assert proposal == propose(text, today=TODAY)


def test_control_characters_are_made_harmless() -> None:
    proposal = propose("Titel\x1b[31m\n\nText med \x07 klocka.\n", today=TODAY)
    assert "\x1b" not in proposal.front["title"]
    assert "\x07" not in proposal.body
    page = (
        "<article><h1>Rubrik</h1><p>Ett stycke med text om bostad först.</p>"
        "<p>Se <a href='https://x.se/a'>rapporten\x1b[2J</a>.</p></article>"
    )
    proposal = propose(page, html=True, today=TODAY)
    assert "\x1b" not in proposal.body and "rapporten\u241b" in proposal.body


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "tom"),
        (b" \n\n\t\n", "tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binär"),
        (bytes(range(1, 32)) * 20, "binär"),
    ],
)
def test_empty_and_binary_files_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    with pytest.raises(ImportProblem, match=message):
        import_file(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="kan inte läsa"):
        import_file(tmp_path / "saknas.txt")


def test_windows_1252_text_is_read_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Träff i Malmö\n\nVi möttes på Möllan.\n".encode("cp1252"))
    proposal = import_file(path, today=TODAY)
    assert proposal.front["title"] == "Träff i Malmö"
    assert any("Windows-1252" in note for note in proposal.notes)


def test_html_without_an_article_element_drops_navigation(tmp_path: Path) -> None:
    page = (
        "<html><body><nav>Hem Om oss</nav><h1>Rubrik &amp; mer</h1><p>Ingress</p>"
        "<p>Första stycket<br>handlar om nätverkets arbete.</p><script>alert(1)</script>"
        "<p>Se <a href='https://example.org/rapport-om-boende.pdf'>här</a>.</p>"
        "<footer>Kontakt</footer></body></html>"
    )
    path = tmp_path / "sida.html"
    path.write_text(page, encoding="utf-8")
    proposal = import_file(path, today=TODAY)
    assert proposal.front["title"] == "Rubrik & mer"
    assert "Hem Om oss" not in proposal.body and "alert" not in proposal.body
    assert "Kontakt" not in proposal.body
    # A link inside a sentence stays in it, exactly as written.
    assert "Se [här](https://example.org/rapport-om-boende.pdf)." in proposal.body
    # A line break is kept as a Markdown hard break.
    assert "Första stycket\\\nhandlar om nätverkets arbete." in proposal.body
    assert "links" not in proposal.front


@pytest.mark.parametrize(
    ("paragraph", "rest", "links"),
    [
        ("Länk till http://x.se/a/", "", [("", "http://x.se/a/")]),
        ("Text. Länk till http://x.se/a/", "Text.", [("", "http://x.se/a/")]),
        ("Länk till rapporten: https://x.se/r", "", [("rapporten", "https://x.se/r")]),
        ("Läs mer på https://x.se/a-b. Tack", "Tack", [("", "https://x.se/a-b")]),
        ("Se filmen: <https://x.se/f>", "Se filmen.", [("", "https://x.se/f")]),
        (
            "Om (https://sv.wikipedia.org/wiki/A_(b)).",
            "Om.",
            [("", "https://sv.wikipedia.org/wiki/A_(b)")],
        ),
        ("Ingen länk här.", "Ingen länk här.", []),
    ],
)
def test_take_links(paragraph: str, rest: str, links: list[tuple[str, str]]) -> None:
    assert take_links(paragraph) == (rest, links)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (
            "http://www.bostadforst.se/nyheter/fran-hemlos-till-hyresgast/",
            "Från hemlös till hyresgäst",
        ),
        ("http://www.bostadforst.se/konferens/", "Konferens – bostadforst.se"),
        ("https://example.org/", "example.org"),
        ("https://example.org/nyhet/12345", "Nyhet – example.org"),
    ],
)
def test_link_titles_from_addresses(url: str, title: str) -> None:
    assert link_title(url, "") == title


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Anita Svantesson, sektionschef, i Malmö stad, involverade hela teamet.",
            ("Anita Svantesson", "sektionschef", "Malmö stad"),
        ),
        (
            "Eva Lind, samordnare på Stadsmissionen, började i januari.",
            ("Eva Lind", "samordnare", "Stadsmissionen"),
        ),
        (
            "Per Persson, VD, Bostadsbolaget AB, säger.",
            ("Per Persson", "VD", "Bostadsbolaget AB"),
        ),
        (
            "Kim Berg, projektledare",
            ("Kim Berg", "projektledare", ""),
        ),
        (
            "Lisa Nord, boendestödjare, Uppsala stadsmission",
            ("Lisa Nord", "boendestödjare", "Uppsala stadsmission"),
        ),
        (
            "Sara Ek jobbar som boendestödjare på Bostad först i Linköping sedan 2018.",
            ("Sara Ek", "boendestödjare", "Bostad först i Linköping"),
        ),
        (
            "Vi har pratat med Anna Svensson, verksamhetschef på Stadsmissionen, om året.",
            ("Anna Svensson", "verksamhetschef", "Stadsmissionen"),
        ),
        (
            "Vi träffade hennes stödperson Ali Nasser, boendestödjare i Borås stad.",
            None,
        ),
        ("Anna Andersson, enhetschef. Foto: Per Persson", None),
        ("Sveriges Stadsmissioner, som arrangerade, och andra.", None),
        ("Malmö stad, Stockholms stad och Göteborg.", None),
    ],
)
def test_bylines(paragraph: str, expected: tuple[str, str, str] | None) -> None:
    byline = parse_byline(paragraph)
    got = (byline.name, byline.role, byline.organisation) if byline else None
    assert got == expected


@pytest.mark.parametrize(
    ("paragraph", "prose"),
    [
        (
            "Porträttbild på Eva Ek, chef för gruppen– Vi vill ta ansvar, säger Eva Ek.",
            "– Vi vill ta ansvar, säger Eva Ek.",
        ),
        (
            "Porträttbild på Sara Berg, chef för bosociala gruppenEtt bolag med lång "
            "erfarenhet är Svenska Bostäder.",
            "Ett bolag med lång erfarenhet är Svenska Bostäder.",
        ),
        (
            "Tandborste som sköljs under rinnande vatten En så enkel sak som att veta "
            "var tandborsten står är en trygghet.",
            "En så enkel sak som att veta var tandborsten står är en trygghet.",
        ),
        (
            "Kvinnan som bor i huset berättar att hon trivs. Hon flyttade in i maj.",
            None,
        ),
        (
            "Mannen som bor i huset berättar att Anna Berg kommer varje dag och "
            "hjälper honom med det mesta han behöver",
            None,
        ),
        ("Bilden visar en trappuppgång i ett hyreshus på Söder i Stockholm.", None),
        ("Porträtten i utställningen visar människor som bott ute länge.", None),
    ],
)
def test_a_caption_glued_to_a_paragraph_is_cut_off(
    paragraph: str, prose: str | None
) -> None:
    assert caption_glued(paragraph) == prose


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Pressmeddelande • 12 maj 2022 08:00 CEST", "news"),
        ("21 juni, 2021 • Ämne: Nyheter", "news"),
        ("Rapport | 2023-04-05", "report"),
        ("12 mars 2024", ""),
    ],
)
def test_a_kind_the_page_names_is_not_marked_as_guessed(line: str, kind: str) -> None:
    proposal = propose(ARTICLE.format(date=line), today=TODAY)
    review = proposal.front.get("needs_review", [])
    if kind:
        assert proposal.front["kind"] == kind and "kind" not in review
    else:
        assert "kind" in review


def test_a_relative_date_line_is_page_furniture_not_a_date() -> None:
    proposal = propose(ARTICLE.format(date="Uppdaterad i dag 09.15"), today=TODAY)
    assert "i dag" not in proposal.body
    assert "published" in proposal.front["needs_review"]


def test_author_metadata_names_the_writer_not_the_interviewee() -> None:
    page = DATA / "corpus" / "jsonld-nyhet.html"
    proposal = import_file(page, today=TODAY)
    assert any("Lisa Berglund" in note for note in proposal.notes)
    assert "interviewee" not in proposal.front
    assert "Lisa Berglund" not in proposal.body


@pytest.mark.parametrize(
    ("title", "first", "expected"),
    [
        (
            "Hallå där, Maria Holm!",
            "...teamledare för Bostad först i Linköping. Berätta!",
            ("Maria Holm", "teamledare", "Bostad först i Linköping"),
        ),
        ("Fem frågor till Kim Berg", "Kim Berg leder teamet.", ("Kim Berg", "", "")),
        ("Hallå där, alla läsare!", "...", None),
        ("Nytt boende öppnar i Kalmar", "...", None),
    ],
)
def test_a_title_that_names_the_interviewee(
    title: str, first: str, expected: tuple[str, str, str] | None
) -> None:
    byline = title_byline(title, first)
    got = (byline.name, byline.role, byline.organisation) if byline else None
    assert got == expected


def test_share_buttons_and_mail_addresses_never_become_links() -> None:
    page = (
        "<article><h1>Ny samordnare</h1><p>Publicerad 2022-02-02</p>"
        "<p>Nätverket har fått en ny samordnare som börjar i mars.</p>"
        "<p><a href='mailto:info@example.se'>info@example.se</a></p>"
        "<ul><li><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a>"
        "</li><li><a href='https://twitter.com/intent/tweet?u=x'>Twitter</a></li></ul>"
        "<ul><li><a href='https://example.se/r.pdf'>Rapporten</a></li>"
        "<li><a href='https://example.se/program'>Programmet</a></li></ul></article>"
    )
    proposal = propose(page, html=True, today=TODAY)
    assert [link["title"] for link in proposal.front["links"]] == [
        "Rapporten",
        "Programmet",
    ]
    assert "facebook" not in proposal.body.lower()
    assert "\ninfo@example.se\n" in proposal.body


@pytest.mark.parametrize(
    "text",
    [
        "Det var en bra dag med många deltagare.\n[länk](../x.md)",
        "Rubrik\n\nLäs mer: [rapporten](/rapport.pdf)\n\nLänk till [sidan](mailto:a@b.se)",
    ],
)
def test_only_web_addresses_become_links(text: str) -> None:
    """Regression (found by the fuzzer): a page's relative link was proposed, and
    the saved article then failed to load ("links: ska vara en webbadress")."""
    links = propose(text).front.get("links", [])
    assert all(link["url"].startswith(("http://", "https://")) for link in links)


def test_a_page_of_questions_and_answers_is_no_interview() -> None:
    """An FAQ has the Q&A shape, but its answers are no person speaking."""
    proposal = import_file(DATA / "corpus" / "vanliga-fragor.txt", today=TODAY)
    assert proposal.front["kind"] != "interview"
    assert "### " not in proposal.body
    dashed = (DATA / "corpus" / "halla-dar-streck.txt").read_text(encoding="utf-8")
    assert propose(dashed, today=TODAY).front["kind"] == "interview"
