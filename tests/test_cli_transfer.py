"""`bftui import`, `export`, `stats` and `new`: output, files written and exit codes."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import icalendar
import pytest

from bftui.cli import main
from bftui.core.items.model import Article
from bftui.core.library import frontmatter
from bftui.core.library.loading import load

DATA = Path(__file__).parent / "data" / "import"
SEED = DATA / "corpus" / "seed-malmo.txt"
SAMPLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _dated_event(library: Path) -> None:
    code = main(
        [
            "new", "event", "--library", str(library),
            "--title", "Nätverksträff 2025; Umeå, norr", "--year", "2025",
            "--start", "2025-05-08", "--end", "2025-05-09", "--city", "Umeå",
            "--venue", "Folkets hus", "--kind", "network-meeting",
        ]
    )  # fmt: skip
    assert code == 0


def test_import_prints_the_file_it_would_write(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    code, out, err = _run(capsys, "import", str(SEED), "--library", str(library_path))
    assert code == 0
    parts = frontmatter.split(out)
    front = tomllib.loads(parts.front)
    assert front["title"].startswith("Malmö-teamets erfarenheter")
    assert front["kind"] == "interview"
    assert front["interviewee"]["organisation"] == "Malmö stad"
    assert parts.body.count("\n### ") == 3
    assert "granska" in err
    # Nothing was written without --save.
    assert len(load(library_path).articles) == 1


def test_import_of_a_page_already_there_writes_no_copy(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    before = sorted(library_path.rglob("*.md"))
    code, out, err = _run(
        capsys, "import", str(SEED), "--save", "--library", str(library_path)
    )
    assert code == 0 and out == ""
    assert f"finns redan i biblioteket som {SAMPLE}" in err
    assert sorted(library_path.rglob("*.md")) == before
    # Without --save, the proposal is printed and the user told the same.
    code, out, err = _run(capsys, "import", str(SEED), "--library", str(library_path))
    assert code == 0 and out.startswith("+++") and SAMPLE in err


def test_update_refreshes_in_place_and_keeps_what_editors_added(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "sida.html"
    html = (DATA / "corpus" / "jsonld-nyhet.html").read_text(encoding="utf-8")
    page.write_text(html, encoding="utf-8")
    code, out, _ = _run(
        capsys, "import", str(page), "--save", "--library", str(library_path)
    )
    written = Path(out.strip())
    assert code == 0 and written.is_file()
    text = written.read_text(encoding="utf-8")
    # An editor adds a tag and shortens the lead; the site then fixes a sentence.
    text = text.replace('kind = "news"', 'kind = "news"\ntags = ["Kungälv"]')
    text = text.replace("Efter två års försök blir", "Nu blir")
    written.write_text(text, encoding="utf-8")
    page.write_text(html.replace("Alla bor kvar i dag.", "Sex bor kvar."), "utf-8")
    code, out, err = _run(
        capsys, "import", str(page), "--save", "--library", str(library_path)
    )
    assert code == 0 and written.stem in err and out == ""
    code, out, err = _run(
        capsys, "import", str(page), "--update", "--library", str(library_path)
    )
    assert code == 0 and Path(out.strip()) == written
    article = load(library_path).item_at(written)
    assert isinstance(article, Article)
    assert article.tags == ("Kungälv",)
    assert article.lead.startswith("Nu blir Bostad först")
    text = written.read_text(encoding="utf-8")
    assert "Sex bor kvar." in text and "Alla bor kvar" not in text
    assert len(load(library_path).articles) == 2


def test_update_without_a_kept_proposal_keeps_every_field_the_article_has(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    sample = library_path / f"{SAMPLE}.md"
    before = sample.read_text(encoding="utf-8")
    code, out, err = _run(
        capsys, "import", str(SEED), "--update", "--library", str(library_path)
    )
    assert code == 0 and Path(out.strip()) == sample
    assert "tidigare importförslaget finns inte kvar" in err
    assert sample.read_text(encoding="utf-8") == before


def test_a_whole_archive_with_a_closing_table(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "arkiv"
    archive.mkdir()
    corpus = DATA / "corpus"
    for name in ("seed-malmo.txt", "utan-datum.txt", "jsonld-nyhet.html"):
        (archive / name).write_bytes((corpus / name).read_bytes())
    (archive / "kopia.html").write_bytes((corpus / "jsonld-nyhet.html").read_bytes())
    (archive / "trasig.txt").write_bytes(b"\x00\x01binary")
    (archive / "bild.png").write_bytes(b"\x89PNG")
    code, out, err = _run(
        capsys, "import", str(archive), "--save", "--library", str(library_path)
    )
    assert code == 1  # one page failed
    rows = {line.split()[0]: line for line in out.splitlines() if line}
    assert "fanns redan" in rows["seed-malmo.txt"] and SAMPLE in rows["seed-malmo.txt"]
    assert "importerad, granska" in rows["utan-datum.txt"]
    assert "published" in rows["utan-datum.txt"]
    assert rows["jsonld-nyhet.html"].split()[1] == "importerad"
    assert "fanns redan" in rows["kopia.html"]  # the same page, saved twice
    assert "misslyckades" in rows["trasig.txt"] and "binär" in rows["trasig.txt"]
    assert "bild.png" not in out
    assert out.rstrip().endswith(
        "2 importerade, 0 uppdaterade, 2 fanns redan, 1 behöver granskas, "
        "1 misslyckades"
    )
    assert "\r" not in err  # no progress bar when stderr is no terminal
    assert len(load(library_path).articles) == 3


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", 1), (b"\x00\x01\x02binary\x00", 1), (None, 1)],
)
def test_import_refuses_bad_files_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, code: int
) -> None:
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    status, out, err = _run(capsys, "import", str(path))
    assert status == code
    assert out == ""
    assert err.startswith("bftui: ") and "Traceback" not in err


def test_import_without_a_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run(capsys, "import")[0] == 2


def test_export_ics_of_the_sample_has_nothing_to_export(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    code, out, err = _run(capsys, "export", "ics", "--library", str(library_path))
    assert code == 1
    assert out == ""
    assert "2019-natverkstraff-malmo" in err and "2020-natverkstraff-stockholm" in err


def test_export_ics_writes_dated_events_and_names_skipped_ones(
    capsysbinary: pytest.CaptureFixture[bytes], library_path: Path
) -> None:
    _dated_event(library_path)
    capsysbinary.readouterr()
    code = main(["export", "ics", "--library", str(library_path), "--lang", "en"])
    out, err = capsysbinary.readouterr()
    assert code == 0
    assert b"\r\n" in out and b"\n" not in out.replace(b"\r\n", b"")
    parsed = icalendar.Calendar.from_ical(out)
    [event] = list(parsed.walk("VEVENT"))
    assert str(event["SUMMARY"]) == "Nätverksträff 2025; Umeå, norr"
    assert str(event["LOCATION"]) == "Folkets hus, Umeå"
    assert b"SUMMARY:N\xc3\xa4tverkstr\xc3\xa4ff 2025\\; Ume\xc3\xa5\\, norr\r\n" in out
    assert b"skipping 2019-natverkstraff-malmo" in err


def test_export_ics_to_a_file_and_unknown_slugs(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    _dated_event(library_path)
    capsys.readouterr()
    target = tmp_path / "natverket.ics"
    slug = "2025-natverkstraff-2025-umea-norr"
    code, out, _ = _run(
        capsys, "export", "ics", slug, "-o", str(target), "--library", str(library_path)
    )
    assert code == 0 and out == ""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    code, _, err = _run(
        capsys, "export", "ics", "no-such-event", "--library", str(library_path)
    )
    assert code == 2 and "no-such-event" in err


@pytest.mark.parametrize(
    ("options", "delimiter"), [((), ","), (("--bom", "--delimiter", ";"), ";")]
)
def test_export_csv_reads_back(
    capsysbinary: pytest.CaptureFixture[bytes],
    library_path: Path,
    options: tuple[str, ...],
    delimiter: str,
) -> None:
    code = main(["export", "csv", *options, "--library", str(library_path)])
    out, _ = capsysbinary.readouterr()
    assert code == 0
    assert out.startswith(b"\xef\xbb\xbf") is ("--bom" in options)
    rows = list(
        csv.DictReader(
            io.StringIO(out.decode("utf-8-sig"), newline=""), delimiter=delimiter
        )
    )
    malmo = next(r for r in rows if r["slug"] == "2019-natverkstraff-malmo")
    assert malmo["city"] == "Malmö" and malmo["participants"] == "200"
    assert malmo["partners"] == "Sveriges Stadsmissioner"


def test_export_articles_as_csv_and_json(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "artiklar.csv"
    code, _, _ = _run(
        capsys, "export", "csv", "--articles", "-o", str(target),
        "--library", str(library_path),
    )  # fmt: skip
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert row["questions"] == "3" and row["tags"] == "Malmö; nätverksträff"
    code, out, _ = _run(
        capsys, "export", "json", "articles", "--library", str(library_path)
    )
    assert code == 0
    assert (
        json.loads(out)[0]["interviewee"]
        == "Anita Svantesson, sektionschef, Malmö stad"
    )


def test_stats_table_and_json(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    code, out, _ = _run(capsys, "stats", "--library", str(library_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Träffar och deltagare per år"
    row_2019 = next(line for line in lines if line.startswith("2019"))
    assert row_2019.split() == ["2019", "1", "200*", "0"]
    assert any(line.split()[:2] == ["Malmö", "1"] for line in lines)
    code, out, _ = _run(capsys, "stats", "--json", "--library", str(library_path))
    assert json.loads(out)["total"]["participants"] == 200
    code, out, _ = _run(capsys, "stats", "--lang", "en", "--library", str(library_path))
    assert out.startswith("Meetings and participants per year")


def test_new_event_writes_what_the_schema_allows(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    code, out, _ = _run(
        capsys, "new", "event", "--library", str(library_path), "--title", "Träff",
        "--year", "2024", "--partner", "A, med komma", "--partner", "B",
        "--participants", "40",
    )  # fmt: skip
    assert code == 0
    data = tomllib.loads(Path(out.strip()).read_text(encoding="utf-8"))
    assert data["partners"] == ["A, med komma", "B"] and data["participants"] == 40
    assert load(library_path).problems == []


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (
            ["--title", "X", "--year", "2025", "--start", "2024-05-08"],
            1,
            "startdatumet",
        ),
        (["--title", "X", "--start", "8 maj"], 1, "ÅÅÅÅ-MM-DD"),
        (["--title", "X", "--participants", "många", "--year", "2024"], 1, "heltal"),
        (["--title", "X"], 1, "år eller startdatum"),
        (["--year", "2024"], 2, "--title"),
        (["--title", "X", "--year", "2024", "--kind", "party"], 2, "party"),
    ],
)
def test_new_event_refuses_bad_values(
    capsys: pytest.CaptureFixture[str],
    library_path: Path,
    argv: list[str],
    code: int,
    message: str,
) -> None:
    before = sorted((library_path / "events").iterdir())
    status, out, err = _run(
        capsys, "new", "event", "--library", str(library_path), *argv
    )
    assert status == code and message in err and out == ""
    assert sorted((library_path / "events").iterdir()) == before


def test_new_article_interview_from_a_body_file(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    body = tmp_path / "body.md"
    body.write_text("Intro.\n\n### Hur gick det?\n\nBra.\n", encoding="utf-8")
    code, out, _ = _run(
        capsys, "new", "article", "--library", str(library_path), "--kind", "interview",
        "--title", "Intervju med Eva", "--published", "2025-03-12",
        "--interviewee", "Eva Lind", "--role", "samordnare", "--organisation", "Umeå kommun",
        "--consent", "--tag", "Umeå", "--event", "2019-natverkstraff-malmo",
        "--body-file", str(body),
    )  # fmt: skip
    assert code == 0
    library = load(library_path)
    assert library.problems == []
    article = library.item_at(Path(out.strip()))
    assert isinstance(article, Article)
    assert article.interviewee is not None and article.interviewee.consent is True
    assert article.tags == ("Umeå",) and article.event == "2019-natverkstraff-malmo"


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (
            [
                "--kind",
                "news",
                "--title",
                "N",
                "--published",
                "2025-01-01",
                "--interviewee",
                "E",
            ],
            1,
        ),
        (
            [
                "--kind",
                "news",
                "--title",
                "N",
                "--published",
                "2025-01-01",
                "--event",
                "nope",
            ],
            1,
        ),
        (["--kind", "news", "--title", "N", "--published", "12 mars 2025"], 1),
        (
            [
                "--kind",
                "interview",
                "--title",
                "N",
                "--published",
                "2025-01-01",
                "--role",
                "r",
            ],
            1,
        ),
        (["--kind", "news", "--title", "N"], 2),
        (
            [
                "--kind",
                "news",
                "--title",
                "N",
                "--published",
                "2025-01-01",
                "--body",
                "a",
                "--body-file",
                "b",
            ],
            2,
        ),
    ],
)
def test_new_article_exit_codes(
    capsys: pytest.CaptureFixture[str], library_path: Path, argv: list[str], code: int
) -> None:
    status, _, err = _run(
        capsys, "new", "article", "--library", str(library_path), *argv
    )
    assert status == code and err
    assert len(load(library_path).articles) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["import"], ["export"], ["export", "ics"], ["export", "csv"], ["export", "json"],
        ["stats"], ["new"], ["new", "event"], ["new", "article"],
    ],
)  # fmt: skip
@pytest.mark.parametrize(("lang", "word"), [("sv", "exempel:"), ("en", "examples:")])
def test_every_command_has_help_with_examples(
    capsys: pytest.CaptureFixture[str], command: list[str], lang: str, word: str
) -> None:
    code, out, _ = _run(capsys, "--lang", lang, *command, "--help")
    assert code == 0
    assert word in out


def test_check_warns_about_guessed_values_without_failing(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    page = library_path.parent / "utan-datum.txt"
    page.write_text(
        "Studiebesök från Norge\n\nEtt team från Bergen besökte Helsingborg för "
        "att lära sig mer om samarbetet.\n\nBesöket varade i två dagar.\n",
        encoding="utf-8",
    )
    code, out, err = _run(
        capsys, "import", str(page), "--save", "--library", str(library_path)
    )
    assert code == 0
    assert "needs_review" in err  # the proposal says what was guessed
    written = Path(out.strip())
    assert 'needs_review = ["published", "kind"]' in written.read_text("utf-8")
    code, out, err = _run(capsys, "check", "--library", str(library_path))
    assert code == 0  # a warning, not an error
    (line,) = [line for line in out.splitlines() if written.name in line]
    assert "varning: granska Publicerad, Typ" in line
    assert ":6:" in line  # the needs_review line of the front matter
    code, out, _ = _run(capsys, "show", written.stem, "--library", str(library_path))
    assert "**Granska:** Publicerad, Typ" in out


def test_url_gives_a_text_page_its_source(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    url = "https://www.example.se/nyheter/studiebesok/"
    page = DATA / "corpus" / "utan-datum.txt"
    code, out, _ = _run(capsys, "import", str(page), "--url", url)
    assert code == 0
    assert tomllib.loads(frontmatter.split(out).front)["source"] == url


def test_the_progress_bar_is_drawn_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bftui.commands import importing

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    importing._progress(1, 4, "sida.html")
    assert "1/4 sida.html" in terminal.getvalue() and "█" in terminal.getvalue()
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    importing._progress(1, 4, "sida.html")
    assert pipe.getvalue() == ""


def test_an_undated_page_imported_twice_is_recognised_by_its_title(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    page = DATA / "corpus" / "utan-datum.txt"
    args = ("import", str(page), "--save", "--library", str(library_path))
    code, out, _ = _run(capsys, *args)
    assert code == 0 and out
    code, out, err = _run(capsys, *args)
    assert code == 0 and out == "" and "finns redan" in err
    assert len(load(library_path).articles) == 2


def test_update_where_page_and_editor_changed_the_same_paragraph_keeps_the_editor(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "sida.html"
    html = (DATA / "corpus" / "jsonld-nyhet.html").read_text(encoding="utf-8")
    page.write_text(html, encoding="utf-8")
    _, out, _ = _run(
        capsys, "import", str(page), "--save", "--library", str(library_path)
    )
    written = Path(out.strip())
    old = "Under försöket fick sju personer en egen lägenhet."
    text = written.read_text(encoding="utf-8")
    written.write_text(text.replace(old, "Sju fick en lägenhet."), encoding="utf-8")
    page.write_text(html.replace(old, "Under försöket fick åtta personer."), "utf-8")
    code, out, err = _run(
        capsys, "import", str(page), "--update", "--library", str(library_path)
    )
    assert code == 0
    assert "bibliotekets version behölls" in err
    assert "Sju fick en lägenhet." in written.read_text(encoding="utf-8")


def test_update_fills_in_a_date_the_page_now_gives(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    page = tmp_path / "sida.txt"
    undated = (DATA / "corpus" / "utan-datum.txt").read_text(encoding="utf-8")
    page.write_text(undated, encoding="utf-8")
    url = "https://example.se/studiebesok"
    args = ("import", str(page), "--url", url, "--library", str(library_path))
    _, out, _ = _run(capsys, *args, "--save")
    written = Path(out.strip())
    page.write_text(undated + "\nPublicerad 3 maj 2022\n", encoding="utf-8")
    code, out, _ = _run(capsys, *args, "--update")
    assert code == 0 and Path(out.strip()) == written
    data = tomllib.loads(frontmatter.split(written.read_text("utf-8")).front)
    assert data["published"].isoformat() == "2022-05-03"
    assert data["needs_review"] == ["kind"]


def test_an_archive_skips_hidden_folders_and_links(
    capsys: pytest.CaptureFixture[str], library_path: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "arkiv"
    (archive / ".git").mkdir(parents=True)
    page = DATA / "corpus" / "utan-datum.txt"
    (archive / ".git" / "x.txt").write_bytes(page.read_bytes())
    (archive / "länk.txt").symlink_to(page)
    (archive / "sub").mkdir()
    (archive / "sub" / "sida.txt").write_bytes(page.read_bytes())
    code, out, _ = _run(capsys, "import", str(archive), "--library", str(library_path))
    assert code == 0
    assert "sub/sida.txt" in out and "länk" not in out and ".git" not in out
    assert len(load(library_path).articles) == 1  # without --save nothing is written


def test_a_hand_written_needs_review_name_is_shown_as_written(
    capsys: pytest.CaptureFixture[str], library_path: Path
) -> None:
    sample = library_path / f"{SAMPLE}.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(
        text.replace(
            'kind = "interview"', 'kind = "interview"\nneeds_review = ["foto"]'
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "check", "--library", str(library_path))
    assert code == 0 and "granska foto (" in out and "field.foto" not in out
    _, out, _ = _run(capsys, "show", SAMPLE, "--library", str(library_path))
    assert "**Granska:** foto" in out
