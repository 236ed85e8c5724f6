"""The search index: incremental sync, cache safety, Swedish matching, filters, snippets."""

from __future__ import annotations

import os
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from bftui.core.index import build as index_module
from bftui.core.index import files as index_files
from bftui.core.index import search as search_module
from bftui.core.index.build import Index
from bftui.core.index.query import parse
from bftui.core.index.search import MARK_OFF, MARK_ON, highlighter, split_marks
from bftui.core.library.loading import load
from bftui.i18n import set_language

Write = Callable[[str, str], Path]

INTERVIEW = """+++
title = "Nytt boende i Malmö"
kind = "interview"
published = 2019-05-01
lead = "Ett år med egna nycklar"
tags = ["Malmö", "forskning"]

[interviewee]
name = "Anita Svantesson"
role = "sektionschef"
organisation = "Malmö stad"
+++

Inledning om arbetet.

### Vilka var höjdpunkterna?

Sveriges Stadsmissioner hjälpte till hela vägen.
"""

FATHER = """+++
title = "Min far berättar"
kind = "news"
published = 2020-02-02
+++

Far och son bor i Göteborg sedan länge.
"""

REPORT = """+++
title = "Hyresgäster får stöd"
kind = "report"
published = 2021-03-03
tags = ["Göteborg"]
+++

Alla får en egen lägenhet hos René Müller på Café Åsa.
"""

EVENT = """title = "Nätverksträff i Lund"
kind = "network-meeting"
year = 2018
city = "Lund"
organiser = "Lunds kommun"
summary = "Om Bostad först och Housing First."
"""

SLUGS = {
    "malmo": "2019-05-01-malmo",
    "far": "2020-02-02-far",
    "report": "2021-03-03-far-stod",
    "event": "2018-traff-lund",
}


@pytest.fixture
def library(root: Path, write: Write) -> Path:
    """A library of three articles and one event with known words."""
    write(f"{SLUGS['malmo']}.md", INTERVIEW)
    write(f"2020/{SLUGS['far']}.md", FATHER)
    write(f"{SLUGS['report']}.md", REPORT)
    write(f"events/{SLUGS['event']}.toml", EVENT)
    return root


@pytest.fixture
def index(library: Path) -> Index:
    """The library's index, synced."""
    opened = Index.open(library)
    opened.sync()
    return opened


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file the index reads (relative paths)."""
    seen: list[str] = []
    real = index_files.read

    def counting(root: Path, rel: str) -> index_files.Read:
        seen.append(rel)
        return real(root, rel)

    monkeypatch.setattr(index_files, "read", counting)
    return seen


def found(index: Index, query: str) -> set[str]:
    """Return the slugs `query` finds, by their short names."""
    names = {slug: name for name, slug in SLUGS.items()}
    return {names[hit.item.slug] for hit in index.search(query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("malmo", {"malmo"}),
        ("Malmö", {"malmo"}),
        ("MALMÖ", {"malmo"}),
        ("får", {"report"}),
        ("far", {"far", "report"}),
        ("fär", set()),
        ("rene", {"report"}),
        ("René", {"report"}),
        ("muller", {"report"}),
        ("cafe", {"report"}),
        ("asa", {"report"}),
        ("åsa", {"report"}),
        ("goteborg", {"far", "report"}),
        ("stadsmiss", {"malmo"}),
        ("höjdp", {"malmo"}),
        ("hojdpunkterna", {"malmo"}),
        ('"egen lägenhet"', {"report"}),
        ('"lägenhet egen"', set()),
        ('"bostad forst"', {"event"}),
        ('"bostad fö', {"event"}),
        ("bostad-först", {"event"}),
        ("far son", {"far"}),
        ("malmo far", set()),
    ],
)
def test_swedish_matching(index: Index, query: str, expected: set[str]) -> None:
    assert found(index, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("typ:intervju", {"malmo"}),
        ("type:interview", {"malmo"}),
        ("typ:int", {"malmo"}),
        ("typ:nyhet", {"far"}),
        ("typ:rapport", {"report"}),
        ("typ:evenemang", {"event"}),
        ("typ:natverkstraff", {"event"}),
        ("typ:artikel", {"malmo", "far", "report"}),
        ("typ:okänd", set()),
        ("typ:nyhet far", {"far"}),
        ("tagg:Malmö", {"malmo"}),
        ("tag:goteborg", {"report"}),
        ("år:2019", {"malmo"}),
        ("year:2020", {"far"}),
        ("år:2018-2020", {"event", "malmo", "far"}),
        ("år:20", {"event", "malmo", "far", "report"}),
        ("år:abc", set()),
        ("stad:Lund", {"event"}),
        ("city:malmo", {"malmo"}),
        ("person:anita", {"malmo"}),
        ("person:svantesson malmo", {"malmo"}),
        ('person:"anita svantesson"', {"malmo"}),
        ("malmö:stad", {"malmo"}),
    ],
)
def test_filters(index: Index, query: str, expected: set[str]) -> None:
    assert found(index, query) == expected


def test_spellings_kept_without_deprecated_sqlite_use(library: Path) -> None:
    """Python 3.12 deprecates `?1` bound to a sequence (3.14 refuses it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        opened = Index.open(library)
        opened.sync()
    assert found(opened, "hojdpunkterna") == {"malmo"}


@pytest.mark.parametrize(
    "query",
    ['"', '""', "AND", "OR NOT", "(", ")", "*", "^x", "NEAR(a b)", "{title}:x",
     "typ:", ":", 'title:"x', "-", "'", "\\", 'a"b', "x" * 500, "ö*", "a", ""],
)  # fmt: skip
def test_odd_queries_never_raise(index: Index, query: str) -> None:
    assert isinstance(index.search(query), list)


def test_title_and_people_rank_first(root: Path, write: Write) -> None:
    body_only = FATHER.replace("Far och son", "Malmö nämns en gång, far och son")
    write("2020-01-01-body.md", body_only.replace("Min far", "Annat"))
    write(f"{SLUGS['malmo']}.md", INTERVIEW)
    index = Index.open(root)
    index.sync()
    hits = index.search("malmö")
    assert [hit.item.slug for hit in hits] == [SLUGS["malmo"], "2020-01-01-body"]


def test_snippet_marks_the_hit_and_finds_its_place(index: Index) -> None:
    (hit,) = index.search("höjdpunkterna")
    assert hit.field == "body"
    assert f"{MARK_ON}höjdpunkterna{MARK_OFF}" in hit.snippet
    assert hit.heading == "Vilka var höjdpunkterna?"
    assert hit.line == 3
    assert ("höjdpunkterna", True) in split_marks(hit.snippet)
    (folded,) = index.search("malmo")
    assert (folded.field, folded.match, folded.line) == ("orgs", "Malmö", None)


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        (
            "malmo",
            "I Malmö, MALMÖ, malmoensare; hemmalmö. Malmo",
            ["Malmö", "MALMÖ", "malmo", "Malmo"],
        ),
        ("får", "far får FÅR fåret", ["får", "FÅR", "får"]),
        (
            "bostad först",
            "Bostad\u00a0först, bostadförst och först",
            ["Bostad", "först", "bostad", "först"],
        ),
        (
            '"bostad först"',
            "bostad först, Bostad - först, bostad förstås",
            ["bostad först", "Bostad - först"],
        ),
        (
            "emil 2019",
            "Émile, émil2019 och 2019-talet men 12019",
            ["Émil", "émil", "2019"],
        ),
    ],
)
def test_the_highlighter_marks_the_words_as_written(
    query: str, text: str, marked: list[str]
) -> None:
    pattern = highlighter(parse(query).terms)
    assert pattern is not None
    assert [match.group() for match in pattern.finditer(text)] == marked


def test_library_from_cache_equals_load(library_path: Path) -> None:
    index = Index.open(library_path)
    index.sync()
    assert Index.open(library_path).library() == load(library_path)


def test_one_changed_file_is_the_only_one_read(
    index: Index, library: Path, reads: list[str]
) -> None:
    changed = library / f"{SLUGS['report']}.md"
    changed.write_text(REPORT.replace("Café", "Kafé"), encoding="utf-8")
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    result = index.sync()
    assert reads == [f"{SLUGS['report']}.md"]
    assert result.changed == {changed}
    assert found(index, "kafe") == {"report"}
    assert found(index, "cafe") == set()
    reads.clear()
    assert index.sync().changed == set()
    assert reads == []


def test_removed_file_is_dropped(index: Index, library: Path) -> None:
    gone = library / "2020" / f"{SLUGS['far']}.md"
    gone.unlink()
    result = index.sync()
    assert result.removed == {gone}
    assert found(index, "far") == {"report"}
    assert SLUGS["far"] not in {item.slug for item in index.items()}


def test_problems_survive_a_warm_start(
    library: Path, write: Write, reads: list[str]
) -> None:
    write("trasig.md", "+++\ntitle = \n+++\n")
    assert [p.path for p in Index.open(library).sync().problems] == [Path("trasig.md")]
    reads.clear()
    warm = Index.open(library)
    assert [p.path for p in warm.library().problems] == [Path("trasig.md")]
    assert warm.sync().changed == set()
    assert reads == []


def test_problems_are_read_again_in_another_language(
    library: Path, write: Write, reads: list[str]
) -> None:
    write("trasig.md", "+++\ntitle = \n+++\n")
    Index.open(library).sync()
    reads.clear()
    set_language("en")
    result = Index.open(library).sync()
    assert reads == ["trasig.md"]
    assert "invalid TOML" in result.problems[0].message


def test_never_inside_the_library(library: Path) -> None:
    index = Index.open(library, cache_dir=library / "cache")
    index.sync()
    assert index.where is None
    assert not (library / "cache").exists()
    assert found(index, "malmo") == {"malmo"}
    assert not Index.open(library).where.is_relative_to(library)


def test_unwritable_cache_falls_back_to_memory(library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    index = Index.open(library, cache_dir=blocker)
    assert index.where is None
    index.sync()
    assert found(index, "malmo") == {"malmo"}


def test_corrupt_cache_is_rebuilt(library: Path, reads: list[str]) -> None:
    first = Index.open(library)
    first.sync()
    where = first.where
    first.close()
    assert where is not None
    where.write_bytes(b"this is not a database" * 100)
    index = Index.open(library)
    assert index.where == where
    assert index.items() == []
    reads.clear()
    index.sync()
    assert len(reads) == 4
    assert found(index, "malmo") == {"malmo"}


def test_cache_of_another_version_is_rebuilt(library: Path, reads: list[str]) -> None:
    first = Index.open(library)
    first.sync()
    first.close()
    with sqlite3.connect(first.where) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    db.close()
    index = Index.open(library)
    assert index.items() == []
    reads.clear()
    index.sync()
    assert len(reads) == 4


def test_big_sync_reads_ahead_in_a_child_process(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_files, "BATCH", 1)
    monkeypatch.setattr(index_module, "BIG_SYNC", 1)
    monkeypatch.setattr(index_module, "COMMIT_EVERY", 2)
    index = Index.open(library)
    progress: list[tuple[int, int]] = []
    index.sync(lambda done, total: progress.append((done, total)))
    assert progress[-1] == (4, 4)
    assert found(index, "malmo") == {"malmo"}
    assert found(index, "far") == {"far", "report"}


def test_reading_processes_take_turns_and_keep_the_order(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_files, "BATCH", 1)
    rels = sorted(index_files.scan(library))
    assert len(rels) > index_files.READERS

    batches = list(index_files.read_batches(library, rels))

    assert [read.rel for batch in batches for read in batch] == rels
    assert all(read.row is not None for batch in batches for read in batch)


def test_broad_queries_rank_titles_first(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "BROAD", 2)
    hits = index.search("malmö")
    assert [hit.item.slug for hit in hits] == [SLUGS["malmo"]]
    assert found(index, "far") == {"far", "report"}
    assert found(index, "typ:nyhet far") == {"far"}
    assert found(index, "tagg:goteborg") == {"report"}
    assert all(hit.score < 0 for hit in index.search("far"))  # Both in titles.
    assert [hit.score for hit in index.search("göteborg")] == [0.0, 0.0]


def test_big_sync_reads_here_when_no_child_can_start(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_files, "BATCH", 1)
    monkeypatch.setattr(index_files.sys, "executable", "/nonexistent/python")
    index = Index.open(library)
    assert len(index.sync().changed) == 4
    assert found(index, "malmo") == {"malmo"}
