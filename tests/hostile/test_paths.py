"""Paths cannot escape: slugs, event references, links, import names, links on disk.

Nothing a file says, and no symbolic link in the library folder, can make
bftui read or write outside the library.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bftui.core import slugs
from bftui.core.items.model import Article
from bftui.core.library.compose import compose
from bftui.core.library.links import resolve_link
from bftui.core.library.loading import load
from bftui.core.store import storage, trash
from bftui.core.transfer.importer import propose

from .conftest import fuzz_settings
from .strategies import nasty_text

ESCAPES = [
    "..",
    ".",
    "../x",
    "../../etc/passwd",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "x\x00",
    "",
    "-x",
    "x-",
    "X",
    "ä",
    "a" * 81,
    "~",
    "%2e%2e",
]


@fuzz_settings()
@given(nasty_text | st.sampled_from(ESCAPES))
def test_slugify_always_gives_a_valid_slug_that_is_no_path(text: str) -> None:
    slug = slugs.slugify(text)
    assert slugs.is_valid(slug)
    assert Path(slug).name == slug and slug not in (".", "..")


@pytest.mark.parametrize("slug", ESCAPES)
def test_a_path_is_never_a_valid_slug(slug: str) -> None:
    assert not slugs.is_valid(slug)


@pytest.mark.parametrize("slug", ESCAPES)
def test_storage_refuses_a_slug_that_is_a_path(sample_copy: Path, slug: str) -> None:
    with pytest.raises(storage.ValidationError):
        storage.create_event(sample_copy, {"title": "T", "year": 2021}, slug=slug)
    with pytest.raises(storage.ValidationError):
        storage.create_article(
            sample_copy,
            {"title": "T", "kind": "news", "published": dt.date(2021, 1, 1)},
            "",
            slug=slug,
        )


@pytest.mark.parametrize("title", ["../../utanför", "/etc/passwd", "..", "a/../../b"])
def test_a_title_that_looks_like_a_path_makes_a_file_inside(
    sample_copy: Path, title: str
) -> None:
    event = storage.create_event(sample_copy, {"title": title, "year": 2021})
    article = storage.create_article(
        sample_copy,
        {"title": title, "kind": "news", "published": dt.date(2021, 1, 1)},
        "Text.",
    )
    assert event.parent == sample_copy / "events"
    assert article.parent == sample_copy


@pytest.mark.parametrize(
    "text",
    [
        "../../etc/passwd\n\nEn text med minst sex ord i sig.",
        "/etc/passwd\n\nEn text med minst sex ord i sig.",
        "..\n\nEn text med minst sex ord i sig.",
    ],
)
def test_an_import_named_like_a_path_is_saved_inside(
    sample_copy: Path, text: str
) -> None:
    proposal = propose(text, today=dt.date(2021, 1, 1))
    assert slugs.is_valid(proposal.slug)
    path = storage.create_article(sample_copy, proposal.front, proposal.body)
    assert path.parent == sample_copy


@pytest.mark.parametrize(
    "event", ["../../etc/passwd", "/etc/passwd", "../events/x", "..", "events/x"]
)
def test_an_event_reference_that_is_a_path_is_a_problem(
    write_file, sample_copy: Path, event: str
) -> None:
    (sample_copy.parent / "etc").mkdir()
    write_file(
        "ref.md",
        f'+++\ntitle = "R"\nkind = "news"\npublished = 2021-01-01\nevent = "{event}"\n+++\n',
    )
    library = load(sample_copy)
    article = library.article("ref")
    assert isinstance(article, Article)
    assert any(
        p.path == Path("ref.md") and event in p.message for p in library.problems
    )
    # The composed card names the reference as text, with no link to follow.
    assert "](" not in compose(article, library).split("\n")[1]


LINKS_OUT = [
    "../../etc/passwd",
    "../library-copy/x.md",
    "/etc/passwd",
    "file:///etc/passwd",
    "%2e%2e/%2e%2e/etc/passwd",
    "events/../../outside.md",
    "..%2f..%2fetc%2fpasswd",
    "javascript:alert(1)",
    "data:text/html,x",
    "//evil.example/x.md",
    "http://[x",
    "ftp://x/y",
    "\\\\server\\share\\x.md",
    "outside-link.md",
]


@pytest.mark.parametrize("href", LINKS_OUT)
def test_links_that_lead_out_are_refused(
    sample_copy: Path, tmp_path: Path, href: str
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(
        '+++\ntitle = "Ute"\nkind = "news"\npublished = 2021-01-01\n+++\n'
    )
    (sample_copy / "outside-link.md").symlink_to(outside)
    library = load(sample_copy)
    source = library.articles[0].path
    assert resolve_link(href, source, library).kind == "refused"
    assert resolve_link(href, None, library).kind == "refused"


def test_links_inside_the_library_still_work(sample_copy: Path) -> None:
    library = load(sample_copy)
    source = library.articles[0].path
    target = resolve_link("events/2019-natverkstraff-malmo.toml", source, library)
    assert target.kind == "item" and target.item is library.event(
        "2019-natverkstraff-malmo"
    )


@fuzz_settings()
@given(
    st.lists(
        st.sampled_from(["..", ".", "events", "x.md", "%2e%2e", "/", "a", "//"]),
        max_size=8,
    ).map("/".join)
)
def test_no_relative_link_resolves_to_a_file_outside(sample_copy_once, href) -> None:
    library = sample_copy_once
    target = resolve_link(href, library.articles[0].path, library)
    if target.item is not None:
        assert target.item.path.resolve().is_relative_to(library.root)


@pytest.fixture(scope="module")
def sample_copy_once(tmp_path_factory: pytest.TempPathFactory):
    """Return the sample library, loaded once for a module's fuzz examples."""
    import shutil

    from bftui.paths import bundled_library

    root = tmp_path_factory.mktemp("links") / "library"
    shutil.copytree(bundled_library(), root)
    return load(root)


# Symbolic links in the library folder.


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Return a folder outside the library, with an article and an event in it."""
    folder = tmp_path / "outside"
    (folder / "events").mkdir(parents=True)
    (folder / "secret.md").write_text(
        '+++\ntitle = "Hemlig"\nkind = "news"\npublished = 2021-01-01\n+++\nHemligt.\n'
    )
    (folder / "events" / "secret.toml").write_text('title = "Hemlig"\nyear = 2021\n')
    return folder


def _unchanged(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_links_to_files_outside_are_problems_and_never_written_through(
    sample_copy: Path, outside: Path
) -> None:
    before = _unchanged(outside)
    (sample_copy / "secret.md").symlink_to(outside / "secret.md")
    (sample_copy / "events" / "secret.toml").symlink_to(
        outside / "events" / "secret.toml"
    )
    library = load(sample_copy)
    assert library.article("secret") is None and library.event("secret") is None
    problems = {str(p.path) for p in library.problems}
    assert {"secret.md", "events/secret.toml"} <= problems
    for path in (sample_copy / "secret.md", sample_copy / "events/secret.toml"):
        snap = storage.snapshot(path)
        with pytest.raises(storage.StorageError):
            if path.suffix == ".md":
                storage.update_body(path, lambda body: body + "x", snap)
            else:
                storage.update_event(path, {"city": "X"}, snap)
        with pytest.raises(storage.StorageError):
            storage.atomic_write(path, "x", root=sample_copy)
    assert _unchanged(outside) == before


def test_a_linked_folder_leading_out_is_never_written_through(
    sample_copy: Path, outside: Path
) -> None:
    """Regression: storage wrote through `events -> elsewhere` and `2020 -> elsewhere`."""
    for path in (sample_copy / "events").iterdir():
        path.unlink()
    (sample_copy / "events").rmdir()
    (sample_copy / "events").symlink_to(outside / "events")
    (outside / "articles").mkdir()
    (outside / "articles" / "secret.md").write_bytes(
        (outside / "secret.md").read_bytes()
    )
    (sample_copy / "2020").symlink_to(outside / "articles")
    before = _unchanged(outside)
    library = load(sample_copy)
    assert library.event("secret") is None
    assert library.article("secret") is None
    assert any(str(p.path) == "2020" for p in library.problems)
    with pytest.raises(storage.StorageError):
        storage.create_event(sample_copy, {"title": "Ny", "year": 2021})
    event = sample_copy / "events" / "secret.toml"
    article = sample_copy / "2020" / "secret.md"
    for root in (None, sample_copy):
        with pytest.raises(storage.StorageError):
            storage.update_event(
                event, {"city": "X"}, storage.snapshot(event), root=root
            )
        with pytest.raises(storage.StorageError):
            storage.update_body(
                article, lambda body: body + "x", storage.snapshot(article), root=root
            )
    assert _unchanged(outside) == before


def test_the_trash_never_moves_files_out_or_in_through_a_link(
    sample_copy: Path, outside: Path
) -> None:
    (sample_copy / trash.TRASH_DIR).symlink_to(outside)
    before = _unchanged(outside)
    article = next(sample_copy.glob("*.md"))
    with pytest.raises(storage.StorageError):
        trash.move_to_trash(sample_copy, article)
    assert article.exists()
    stamp = outside / "2021-01-01T00-00-00"
    stamp.mkdir()
    (stamp / "stolen.md").write_text("ute")
    assert trash.list_trash(sample_copy) == []
    assert _unchanged(outside) == {**before, "2021-01-01T00-00-00/stolen.md": b"ute"}


def test_delete_refuses_a_file_outside_the_library(
    sample_copy: Path, outside: Path
) -> None:
    with pytest.raises(storage.StorageError):
        trash.move_to_trash(sample_copy, outside / "secret.md")
    with pytest.raises(storage.StorageError):
        trash.move_to_trash(sample_copy, sample_copy / ".." / "outside" / "secret.md")
    assert (outside / "secret.md").exists()


def test_restore_never_overwrites_and_stays_inside(sample_copy: Path) -> None:
    article = next(sample_copy.glob("*.md"))
    text = article.read_bytes()
    trashed = trash.move_to_trash(sample_copy, article)
    article.write_text("ny fil med samma namn")
    with pytest.raises(storage.StorageError):
        trash.restore(sample_copy, trashed)
    assert article.read_text() == "ny fil med samma namn"
    os.unlink(article)
    restored = trash.restore(sample_copy, trashed)
    assert restored == article and article.read_bytes() == text
