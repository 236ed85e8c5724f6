"""The index and the outline cache are files anyone may write: garbage never crashes.

Wrong types, huge numbers, missing keys, paths out of the library and plain
garbage in an index row, a row's problems or the outline file are refused;
the cache is started over and rebuilt from the library's files.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bftui import paths
from bftui.core.index import outline
from bftui.core.index.build import Index
from bftui.core.library.loading import load
from bftui.paths import bundled_library

from .conftest import _QUIET, fuzz_settings
from .strategies import nasty_text

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.sampled_from(["", "../../etc/passwd", "/etc/passwd", "2020-01-01", "x\0y"])
    | nasty_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value, with the numbers and paths a forger would try."""


@pytest.fixture
def cached(sample_copy: Path, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Return a library, the index file holding its cache, and a copy of that file."""
    index = Index.open(sample_copy)
    index.sync()
    index.library()
    index.close()
    where = paths.index_file(sample_copy)
    assert where is not None and where.is_file()
    with sqlite3.connect(where) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pristine = tmp_path / "pristine.sqlite3"
    shutil.copyfile(where, pristine)
    return sample_copy, where, pristine


def _rows(where: Path) -> dict[int, tuple[str, dict[str, Any]]]:
    db = sqlite3.connect(where)
    rows = db.execute("SELECT id, type, data FROM items").fetchall()
    db.close()
    return {row_id: (kind, json.loads(data)) for row_id, kind, data in rows}


def _write_row(where: Path, row_id: int, data: str) -> None:
    db = sqlite3.connect(where)
    with db:
        db.execute("UPDATE items SET data = ? WHERE id = ?", (data, row_id))
    db.close()


def _consume(index: Index, root: Path) -> None:
    """Use the cache as the app and the CLI do; none of it may raise."""
    library = index.library()
    outline.outline_of(library)
    for item in library.items():
        assert isinstance(item.title, str) and item.path.is_relative_to(root)
        item.date.isoformat()
    index.search("nätverk")
    index.sync()
    rebuilt = index.library()
    assert {i.slug for i in rebuilt.items()} == {i.slug for i in load(root).items()}


@settings(
    fuzz_settings(examples=60),
    # `cached` is restored by each example itself.
    suppress_health_check=[*_QUIET, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_a_forged_index_row_never_crashes_and_is_rebuilt(
    cached: tuple[Path, Path, Path], data: st.DataObject
) -> None:
    root, where, pristine = cached
    for suffix in ("-wal", "-shm"):
        where.with_name(where.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(pristine, where)
    rows = _rows(where)
    row_id = data.draw(st.sampled_from(sorted(rows)))
    _, record = rows[row_id]
    how = data.draw(st.sampled_from(["value", "missing", "garbage", "whole"]))
    forged = dict(record)
    if how == "value":
        forged[data.draw(st.sampled_from(sorted(record)))] = data.draw(JSON_VALUES)
    elif how == "missing":
        del forged[data.draw(st.sampled_from(sorted(record)))]
    text = (
        data.draw(st.text(max_size=40) | st.just("[" * 100_000))
        if how == "garbage"
        else json.dumps(data.draw(JSON_VALUES) if how == "whole" else forged)
    )
    _write_row(where, row_id, text)
    index = Index.open(root)
    try:
        _consume(index, root)
    finally:
        index.close()


@pytest.mark.parametrize(
    "problems",
    ["[[1, 2]]", '[[10000000000000000000000, "x"]]', "{}", '[[0, "x"]]', "x", "7"],
)
def test_forged_problems_never_crash_and_are_rebuilt(
    sample_copy: Path, problems: str
) -> None:
    (sample_copy / "trasig.md").write_text("ingen front matter\n", encoding="utf-8")
    index = Index.open(sample_copy)
    index.sync()
    assert index.where is not None
    index.close()
    db = sqlite3.connect(index.where)
    with db:
        db.execute("UPDATE files SET problems = ?", (problems,))
    db.close()
    index = Index.open(sample_copy)
    _consume(index, sample_copy)
    assert [p.path.as_posix() for p in index.library().problems] == ["trasig.md"]


def _outline_file(root: Path) -> Path:
    where = paths.index_file(root)
    assert where is not None
    return outline.outline_file(where)


def test_the_outline_is_rewritten_after_garbage(sample_copy: Path) -> None:
    file = _outline_file(sample_copy)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("[" * 100_000, encoding="utf-8")
    assert outline.read_outline(file, sample_copy) is None
    index = Index.open(sample_copy)
    index.sync()
    index.library()
    kept = outline.read_outline(file, sample_copy)
    assert kept is not None and sum(y.count for y in kept.articles) == 1


def test_an_outline_file_that_is_a_fifo_is_no_outline(sample_copy: Path) -> None:
    file = _outline_file(sample_copy)
    file.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(file)
    assert outline.read_outline(file, sample_copy) is None


def _forged_outline(root: Path, data: st.DataObject) -> list[Any]:
    library = load(root)
    good = json.loads(outline.dumps(outline.outline_of(library), library.root))
    spot = data.draw(st.sampled_from(["title", "years", "year", "leaf", "count"]))
    value = data.draw(JSON_VALUES)
    if spot == "title":
        good[2] = value
    elif spot == "years":
        good[3] = value
    elif spot == "year":
        good[3][0][0] = value
    elif spot == "count":
        good[5] = value
    else:
        good[3][0][2] = [[value, "Titel"]]
    return good


@fuzz_settings()
@given(st.data())
def test_a_forged_outline_is_an_outline_or_none(data: st.DataObject) -> None:
    root = bundled_library().resolve()  # only read
    forged = _forged_outline(root, data)
    try:
        found = outline.loads(json.dumps(forged), root)
    except ValueError:
        return
    assert isinstance(found.title, str) and isinstance(found.problems, int)
    for year in [*found.articles, *found.events]:
        assert type(year.year) is int and 1 <= year.year <= 9999
        assert type(year.count) is int and year.count >= 0
        for path, title in year.leaves or ():
            assert path.is_relative_to(root) and ".." not in path.parts
            assert isinstance(title, str)


@pytest.mark.parametrize(
    "leaf", ["../../etc/passwd", "/etc/passwd", "", "a/../../b", "a\0b"]
)
def test_an_outline_path_out_of_the_library_is_refused(
    sample_copy: Path, leaf: str
) -> None:
    root = sample_copy.resolve()
    library = load(root)
    good = json.loads(outline.dumps(outline.outline_of(library), root))
    good[3][0][2] = [[leaf, "Titel"]]
    with pytest.raises(ValueError, match="not an outline"):
        outline.loads(json.dumps(good), root)


def test_a_forged_row_costs_only_its_own_item_until_it_is_read_again(
    cached: tuple[Path, Path, Path],
) -> None:
    root, where, pristine = cached
    shutil.copyfile(pristine, where)
    rows = _rows(where)
    row_id = min(rows)
    _write_row(where, row_id, json.dumps({**rows[row_id][1], "slug": "../x"}))
    index = Index.open(root)
    try:
        everything = {i.slug for i in load(root).items()}
        shown = {i.slug for i in index.library().items()}
        assert shown == everything - {rows[row_id][1]["slug"]}
        index.sync()
        assert {i.slug for i in index.library().items()} == everything
    finally:
        index.close()
