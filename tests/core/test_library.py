"""Loading a library: good files become items, every broken file one problem."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from core_files import article_text

from bftui.core.library.folders import NotALibraryError, check_root
from bftui.core.library.loading import load, load_article, load_item, read_body
from bftui.core.problems import Problem
from bftui.i18n import set_language

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)


def _only_problem(root: Path) -> Problem:
    library = load(root)
    assert library.articles == [] and library.events == []
    (problem,) = library.problems
    return problem


def test_the_sample_loads_without_problems(sample: Path) -> None:
    library = load(sample)
    assert library.problems == []
    assert library.title == "Bostad först-nätverket (exempel)"
    assert [a.slug for a in library.articles] == [SAMPLE_ARTICLE]
    assert [e.slug for e in library.events] == [
        "2020-natverkstraff-stockholm",
        "2019-natverkstraff-malmo",
    ]
    article = library.articles[0]
    assert article.published == dt.date(2020, 5, 24)
    assert article.interviewee is not None
    assert article.interviewee.byline() == "Anita Svantesson, sektionschef, Malmö stad"
    assert article.interviewee.consent is True
    assert article.event == "2019-natverkstraff-malmo"
    assert [link.url for link in article.links] == [
        "http://www.bostadforst.se/konferens/",
        "http://www.bostadforst.se/nyheter/fran-hemlos-till-hyresgast/",
    ]
    assert library.articles_for_event("2019-natverkstraff-malmo") == [article]
    event = library.event("2019-natverkstraff-malmo")
    assert event is not None
    assert (event.year, event.start, event.city) == (2019, None, "Malmö")
    assert (event.participants, event.participants_note) == (200, "över 200")
    assert [row.day for row in event.programme] == [1, 2]
    assert library.item_at(article.path) == article


# One broken file of each kind: (file, content, line, message).
BROKEN: list[tuple[str, str | bytes, int, str]] = [
    (
        "latin1.md",
        article_text(extra='lead = "Café"\n')
        .encode("utf-8")
        .replace(b"\xc3\xa9", b"\xe9"),
        5,
        "filen är inte giltig UTF-8 (byte 68)",
    ),
    (
        "badtoml.md",
        article_text(extra="lead = \n"),
        5,
        "ogiltig TOML: ogiltigt värde",
    ),
    (
        "missing.md",
        '+++\nkind = "news"\npublished = 2021-01-01\n+++\n',
        1,
        "title: måste fyllas i",
    ),
    (
        "mistyped.md",
        '+++\ntitle = "A"\nkind = "news"\npublished = "2021-01-01"\n+++\n',
        4,
        "published: ska vara ett datum (ÅÅÅÅ-MM-DD)",
    ),
    (
        "unknownkind.md",
        '+++\ntitle = "A"\nkind = "blog"\npublished = 2021-01-01\n+++\n',
        3,
        "kind: okänt värde 'blog' (tillåtna: interview, report, news)",
    ),
    (
        "unclosed.md",
        '+++\ntitle = "A"\nkind = "news"\npublished = 2021-01-01\n\nBody\n',
        1,
        "front matter stängs aldrig: ingen avslutande rad +++",
    ),
    (
        "nofront.md",
        "# Just Markdown\n\nNo front matter.\n",
        1,
        "ingen front matter: filen ska börja med en rad +++",
    ),
    (
        "events/badevent.toml",
        'title = "Träff"\nyear = 2019\nparticipants = "många"\n',
        3,
        "participants: ska vara ett heltal, 0 eller mer",
    ),
    (
        "events/badtoml.toml",
        'title = "Träff"\nyear = 2019\nsummary = """\nnever closed\n',
        3,
        "ogiltig TOML: texten avslutas aldrig med citattecken",
    ),
    (
        "events/noyear.toml",
        'title = "Träff"\ncity = "Malmö"\n',
        1,
        "year: år eller startdatum måste anges",
    ),
]


def test_one_item_reads_alone_as_the_whole_library_reads_it(sample: Path) -> None:
    """What the reader shows before the library is read is the library's own item."""
    library = load(sample)
    for item in library.items():
        assert load_item(item.path, sample) == item


def test_one_broken_item_reads_as_its_problems(
    root: Path, write: Callable[..., Path]
) -> None:
    path = write("trasig.md", "+++\ntitle = 1\n+++\n")
    problems = load_item(path, root)
    assert isinstance(problems, list)
    assert sorted(problems, key=str) == sorted(load(root).problems, key=str)


@pytest.mark.parametrize(
    ("name", "content", "line", "message"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_one_broken_file(
    root: Path,
    write: Callable[..., Path],
    name: str,
    content: str | bytes,
    line: int,
    message: str,
) -> None:
    write(name, content)
    assert _only_problem(root) == Problem(Path(name), line, message)


def test_messages_in_english(root: Path, write: Callable[..., Path]) -> None:
    set_language("en")
    write("mistyped.md", '+++\ntitle = "A"\nkind = "news"\npublished = "x"\n+++\n')
    assert _only_problem(root).message == "published: must be a date (YYYY-MM-DD)"


def test_three_good_and_five_broken_files(
    root: Path, write: Callable[..., Path]
) -> None:
    write("a.md", article_text("Alfa"))
    write("2020/b.md", article_text("Beta", "2020-02-02"))
    write("events/c.toml", 'title = "Träff"\nyear = 2019\n')
    broken = [
        b
        for b in BROKEN
        if b[0]
        in {
            "latin1.md",
            "badtoml.md",
            "missing.md",
            "unclosed.md",
            "events/badevent.toml",
        }
    ]
    for name, content, _, _ in broken:
        write(name, content)
    library = load(root)
    assert sorted(i.slug for i in library.items()) == ["a", "b", "c"]
    assert sorted((str(p.path), p.line) for p in library.problems) == sorted(
        (name, line) for name, _, line, _ in broken
    )


def test_toml_error_line_counts_from_the_file(
    root: Path, write: Callable[..., Path]
) -> None:
    write("x.md", '+++\n# comment\n\ntitle = "A"\nkind = "news" oops\n+++\n')
    problem = _only_problem(root)
    assert problem.line == 5
    assert problem.message.startswith("ogiltig TOML:")


def test_nested_key_lines(root: Path, write: Callable[..., Path]) -> None:
    front = (
        '+++\ntitle = "A"\nkind = "interview"\npublished = 2021-01-01\n'
        'links = [{ title = "x", url = "http://x.se" }]\n\n'
        '[interviewee]\nrole = "chef"\nname = 42\n+++\n'
    )
    write("named.md", front)
    write("unnamed.md", front.replace("name = 42\n", ""))
    problems = {p.path.name: p for p in load(root).problems}
    assert problems["named.md"].line == 9
    assert problems["named.md"].message == "interviewee.name: ska vara text"
    assert problems["unnamed.md"].line == 7
    assert problems["unnamed.md"].message == "interviewee.name: måste fyllas i"


def test_a_key_in_a_multiline_string_is_not_taken_for_the_key(
    root: Path, write: Callable[..., Path]
) -> None:
    write(
        "events/e.toml",
        'title = "E"\nsummary = """\nyear = 1\n"""\nyear = "tjugo"\n',
    )
    assert _only_problem(root).line == 5


def test_crlf_and_bom_files_load(root: Path, write: Callable[..., Path]) -> None:
    write("crlf.md", article_text("Crlf").replace("\n", "\r\n"))
    write("bom.md", "\ufeff" + article_text("Bom"))
    write("events/bom.toml", '\ufefftitle = "E"\r\nyear = 2020\r\n')
    library = load(root)
    assert library.problems == []
    assert sorted(a.title for a in library.articles) == ["Bom", "Crlf"]
    crlf = library.article("crlf")
    assert crlf is not None and read_body(crlf) == "\nText.\n"
    assert library.event("bom") is not None


def test_crlf_file_problem_line(root: Path, write: Callable[..., Path]) -> None:
    text = '+++\r\ntitle = "A"\r\nkind = "interview"\r\npublished = 2021-01-01\r\n'
    write("crlf.md", text + '\r\n[interviewee]\r\nrole = "x"\r\n+++\r\n')
    assert _only_problem(root).line == 6


def test_empty_front_matter_lists_every_missing_key_on_line_1(
    root: Path, write: Callable[..., Path]
) -> None:
    write("empty.md", "+++\n+++\nBody\n")
    problems = load(root).problems
    assert {(p.line, p.message.split(":")[0]) for p in problems} == {
        (1, "title"),
        (1, "kind"),
        (1, "published"),
    }


def test_duplicate_slugs(root: Path, write: Callable[..., Path]) -> None:
    write("same.md", article_text("One"))
    write("2020/same.md", article_text("Two"))
    library = load(root)
    assert [a.title for a in library.articles] == ["One"]
    (problem,) = library.problems
    assert problem.path == Path("2020/same.md")
    assert problem.message == "samma namn (same) som same.md"


def test_bad_file_name(root: Path, write: Callable[..., Path]) -> None:
    write("Stor Fil.md", article_text())
    assert _only_problem(root) == Problem(
        Path("Stor Fil.md"),
        1,
        "filnamnet är inget giltigt namn (små bokstäver a-z, siffror, bindestreck)",
    )


def test_missing_event_is_a_problem_and_the_article_still_loads(
    root: Path, write: Callable[..., Path]
) -> None:
    write("a.md", article_text(extra='tags = ["x"]\nevent = "finns-inte"\n'))
    library = load(root)
    assert [a.slug for a in library.articles] == ["a"]
    assert library.problems == [
        Problem(Path("a.md"), 6, "evenemanget finns-inte finns inte i biblioteket")
    ]


def test_files_that_are_not_articles_are_ignored(
    root: Path, write: Callable[..., Path]
) -> None:
    ignored = [
        "README.md",
        "2020/readme.md",
        ".trash/gone.md",
        ".git/x.md",
        "2020/.hidden/x.md",
        "media/notes.md",
        "events/notes.md",
        ".#lock.md",
        "notes.txt",
    ]
    for name in ignored:
        write(name, "not an article\n")
    write("2020/media/kept.md", article_text("Kept"))
    library = load(root)
    assert library.problems == []
    assert [a.slug for a in library.articles] == ["kept"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_link_out_of_the_library_is_reported_not_read(
    root: Path, tmp_path: Path, write: Callable[..., Path]
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(article_text("Hemlig"), encoding="utf-8")
    (root / "linked.md").symlink_to(secret)
    write("inside.md", article_text("Inne"))
    (root / "alias.md").symlink_to(root / "inside.md")
    library = load(root)
    assert sorted(a.title for a in library.articles) == ["Inne", "Inne"]
    assert library.problems == [
        Problem(Path("linked.md"), 1, "symbolisk länk som pekar utanför biblioteket")
    ]
    assert all("Hemlig" not in a.title for a in library.articles)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_linked_events_folder_outside_is_reported(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "e.toml").write_text('title = "E"\nyear = 2020\n', encoding="utf-8")
    (root / "events").symlink_to(outside)
    problem = _only_problem(root)
    assert problem.path == Path("events/e.toml")
    assert problem.message == "symbolisk länk som pekar utanför biblioteket"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_reported_without_blocking(root: Path) -> None:
    os.mkfifo(root / "pipe.md")
    problem = _only_problem(root)
    assert problem.path == Path("pipe.md")
    assert problem.message.startswith("ingen vanlig fil")


def test_control_characters_from_files_are_made_harmless(
    root: Path, write: Callable[..., Path]
) -> None:
    title = "Röd \\u001b[31m\u202etitel"
    write("a.md", article_text(title) + "Body \x1b]52;c;x\x07\n")
    write("events/e.toml", 'title = "E\\u001b[2J"\nyear = 2020\n')
    library = load(root)
    article = library.articles[0]
    assert article.title == "Röd \u241b[31m<U+202E>titel"
    assert "\x1b" not in read_body(article)
    assert "\x1b" in read_body(article, raw=True)
    assert library.events[0].title == "E\u241b[2J"


def test_problem_text_is_harmless_and_on_one_line(
    root: Path, write: Callable[..., Path]
) -> None:
    write(
        "a.md",
        article_text(extra='source = "http://x.se/\\u001b[2J\\nmore"\n'),
    )
    problem = _only_problem(root)
    assert "\x1b" not in problem.message and "\n" not in problem.message
    assert "\n" not in str(Problem(Path("a\n\x1b.md"), 1, "x"))
    assert "\x1b" not in str(Problem(Path("a\n\x1b.md"), 1, "x"))


def test_load_article_with_a_relative_root(
    root: Path, write: Callable[..., Path]
) -> None:
    path = write("a.md", article_text())
    previous = Path.cwd()
    os.chdir(root.parent)
    try:
        article = load_article(path, Path(root.name))
    finally:
        os.chdir(previous)
    assert not isinstance(article, list)
    assert article.title == "Nyhet"


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda p: None, "finns inte"),
        (lambda p: p.write_text("x"), "ingen mapp"),
        (lambda p: p.mkdir(), "ingen bftui-samling"),
    ],
)
def test_check_root_refuses(tmp_path: Path, setup: object, fragment: str) -> None:
    target = tmp_path / "target"
    setup(target)  # type: ignore[operator]
    with pytest.raises(NotALibraryError, match=fragment):
        check_root(target)


@pytest.mark.parametrize(
    "content",
    [{"bftui.toml": "title = 'x'\n"}, {"events/": ""}, {"2020/a.md": "x"}],
)
def test_check_root_accepts(tmp_path: Path, content: dict[str, str]) -> None:
    for name, text in content.items():
        path = tmp_path / name
        if name.endswith("/"):
            path.mkdir()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    check_root(tmp_path)


def test_broken_library_title_is_a_problem(root: Path) -> None:
    (root / "bftui.toml").write_text("title = \n", encoding="utf-8")
    library = load(root)
    assert library.title == "lib"
    assert library.problems == [
        Problem(Path("bftui.toml"), 1, "ogiltig TOML: ogiltigt värde")
    ]


def test_item_at(root: Path, write: Callable[..., Path]) -> None:
    write("inside.md", article_text("Inne"))
    write("2020/x.md", article_text("X"))
    write("events/e.toml", 'title = "E"\nyear = 2020\n')
    library = load(root)
    inside = library.article("inside")
    assert library.item_at(root / "2020" / ".." / "inside.md") == inside
    assert library.item_at(root / "events/e.toml") == library.event("e")
    assert library.item_at(root / "missing.md") is None
    assert library.item_at(root / "bftui.toml") is None


def test_git_conflict_markers_are_a_conflict_not_invalid_toml(
    root: Path, write: Callable[[str, str | bytes], Path]
) -> None:
    write(
        "krock.md",
        '+++\n<<<<<<< HEAD\ntitle = "Vår"\n=======\ntitle = "Deras"\n'
        '>>>>>>> origin/main\nkind = "news"\npublished = 2020-01-01\n+++\n\nText.\n',
    )
    write(
        "events/krock.toml",
        'title = "T"\nyear = 2020\n<<<<<<< ours\ncity = "A"\n=======\ncity = "B"\n>>>>>>> theirs\n',
    )
    problems = load(root).problems
    assert [(p.path.as_posix(), p.line) for p in problems] == [
        ("events/krock.toml", 3),
        ("krock.md", 2),
    ]
    assert all("konflikt" in p.message and "TOML" not in p.message for p in problems)
