"""The sidebar's outline: kept beside the index, read back quickly, refused when in doubt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bftui.core.index import outline as outline_module
from bftui.core.index.build import Index
from bftui.core.index.outline import (
    EAGER_LIMIT,
    Outline,
    outline_file,
    outline_of,
    read_outline,
)
from bftui.core.library.loading import load
from bftui.paths import index_file


def news(year: int, number: int) -> str:
    return (
        f'+++\ntitle = "Nyhet {number}"\nkind = "news"\n'
        f"published = {year}-01-{number % 28 + 1:02d}\n+++\n\nText.\n"
    )


def kept(root: Path) -> Path:
    """Where the outline of library `root` is kept."""
    return outline_file(index_file(root))


def warm(root: Path) -> Outline | None:
    """Build the index of `root` as the app does, then read the outline back."""
    index = Index.open(root)
    index.sync()
    index.library()
    index.close()
    return read_outline(kept(root), root)


def test_the_outline_of_a_small_library_lists_every_item(library_path: Path) -> None:
    library = load(library_path)
    outline = warm(library_path)

    assert outline == outline_of(library)
    assert outline.title == library.title
    assert [y.year for y in outline.articles] == [2020]
    leaves = [leaf for year in outline.events for leaf in year.leaves or []]
    assert leaves == [(event.path, event.title) for event in library.events]


def test_a_large_library_carries_titles_of_the_newest_year_only(tmp_path: Path) -> None:
    for number in range(EAGER_LIMIT + 1):
        path = tmp_path / f"nyhet-{number}.md"
        path.write_text(news(2023 + number % 2, number), encoding="utf-8")

    outline = warm(tmp_path)

    assert outline is not None
    newest, older = outline.articles
    assert (newest.year, older.year) == (2024, 2023)
    assert newest.count + older.count == EAGER_LIMIT + 1
    assert newest.leaves is not None and len(newest.leaves) == newest.count
    assert older.leaves is None
    assert outline.events == []


def test_the_outline_follows_changes(library_path: Path) -> None:
    warm(library_path)
    (library_path / "nytt.md").write_text(news(2025, 3), encoding="utf-8")

    outline = warm(library_path)

    assert outline is not None
    assert outline.articles[0].year == 2025
    assert outline.articles[0].leaves == [(library_path / "nytt.md", "Nyhet 3")]


def test_no_index_means_no_outline(library_path: Path) -> None:
    assert read_outline(kept(library_path), library_path) is None


def test_a_first_start_cut_short_before_its_sync_keeps_no_outline(
    library_path: Path,
) -> None:
    """The app reads the cached library before the first sync: nothing yet."""
    index = Index.open(library_path)
    assert index.library().articles == []
    index.close()

    assert read_outline(kept(library_path), library_path) is None
    assert warm(library_path) is not None


def test_an_outline_of_another_version_is_not_used(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(library_path)
    monkeypatch.setattr(outline_module, "__version__", "0.0.0-other")

    assert read_outline(kept(library_path), library_path) is None


@pytest.mark.parametrize(
    "broken",
    [b"[1, 2", b"\xff\xfe not text", b'["0.1.0", "/", "t", [], []]', b"{}"],
)
def test_a_broken_outline_is_not_used(library_path: Path, broken: bytes) -> None:
    warm(library_path)
    kept(library_path).write_bytes(broken)

    assert read_outline(kept(library_path), library_path) is None


def test_an_outline_of_another_folder_is_not_used(
    library_path: Path, tmp_path: Path
) -> None:
    warm(library_path)

    assert read_outline(kept(library_path), tmp_path) is None


def test_an_unchanged_outline_is_not_written_again(library_path: Path) -> None:
    warm(library_path)
    os.utime(kept(library_path), ns=(1, 1))
    warm(library_path)

    assert kept(library_path).stat().st_mtime_ns == 1


def test_an_index_in_memory_keeps_no_outline(tmp_path: Path) -> None:
    library = tmp_path / "bibliotek"
    library.mkdir()
    (library / "nyhet.md").write_text(news(2024, 1), encoding="utf-8")
    index = Index.open(library, cache_dir=library / ".cache")
    assert index.where is None
    index.sync()
    index.library()
    index.close()

    assert not (library / ".cache").exists()


def test_the_cached_library_equals_the_loaded_one_with_every_field(
    library_path: Path,
) -> None:
    article = next(library_path.rglob("*.md"))
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("+++\n", '+++\nneeds_review = ["title"]\n', 1), encoding="utf-8"
    )
    loaded = load(library_path)
    assert any(a.needs_review == ("title",) for a in loaded.articles)
    index = Index.open(library_path)
    index.sync()
    assert index.library() == loaded
    index.close()
