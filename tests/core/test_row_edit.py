"""A long event cut at its programme rows reads and saves as the whole file does."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st

from bftui.core.items import schema
from bftui.core.library import toml_rows
from bftui.core.store import merge, row_edit, storage, tomledit

ORDER = [spec.key for spec in schema.EVENT_FIELDS]

HEAD = """\
# Nätverksträffen i Umeå
title = "Nätverksträff"
kind = "network-meeting"
start = 2025-05-20
city = 'Umeå'

[lokalt]
anteckning = "Okänd tabell, behålls som den är"

"""


def row_text(number: int) -> str:
    return (
        f"[[programme]]  # punkt {number}\n"
        f"day = {number // 5 + 1}\n"
        f'time = "{9 + number % 5:02d}:00"\n'
        f"title = 'Punkt {number}'\n"
        f'description = """\nSamtal {number}.\n"""\n\n'
    )


def event(rows: int) -> str:
    return HEAD + "".join(map(row_text, range(rows)))


def form_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row as a form gives it back: every field, empty ones as None."""
    return {name: row.get(name) for name in ("day", "time", "title", "description")}


def whole(text: str, data: dict[str, Any]) -> str:
    """The event edited whole, as every short event is."""
    doc = tomlkit.parse(text)
    tomledit.apply(doc, data, ORDER)
    return tomledit.render(doc, text, tomledit.expected(tomllib.loads(text), data))


def in_pieces(text: str, data: dict[str, Any]) -> str:
    result = row_edit.edit_in_pieces(text, data, ORDER, cut_from=1)
    assert result is not None
    edited, should_be = result
    loaded = tomllib.loads(edited)
    if "programme" not in data:
        loaded.pop("programme")
    assert loaded == should_be
    return edited


def test_the_pieces_join_to_the_text() -> None:
    text = event(12)
    piece = toml_rows.cut(text)
    assert piece is not None and piece.text() == text
    assert piece.head == HEAD and len(piece.rows) == 12
    assert toml_rows.parse_head(piece) == {
        k: v for k, v in tomllib.loads(text).items() if k != "programme"
    }
    assert toml_rows.parse_rows(piece.rows) == tomllib.loads(text)["programme"]


@pytest.mark.parametrize(
    "text",
    [
        HEAD,  # no rows
        event(3) + "[organiser2]\nname = 'x'\n",  # a table after the rows
        event(3) + "[programme.extra]\nx = 1\n",  # a sub-table of a row
        event(3).replace("day = 1\n", "day = 1\nlist = [\n[1, 2],\n]\n", 1),
        event(3).replace("[[programme]]  # punkt 1", "[[ programme ]]", 1),
    ],
)
def test_what_cannot_be_cut_safely_is_read_whole(text: str) -> None:
    assert toml_rows.cut(text) is None


def test_a_row_line_inside_a_string_makes_the_pieces_unreadable() -> None:
    text = event(4).replace(
        'description = """\nSamtal 1.\n',
        'description = """\nSamtal 1.\n[[programme]]\ntitle = "inne i texten"\n',
    )
    assert len(tomllib.loads(text)["programme"]) == 4
    piece = toml_rows.cut(text)
    assert piece is not None and len(piece.rows) == 5
    with pytest.raises(tomllib.TOMLDecodeError):
        list(toml_rows.batches(piece.rows, 2))
    rows = [form_row(row) for row in tomllib.loads(text)["programme"]]
    data = {"title": "Ny", "programme": rows}
    assert row_edit.edit_in_pieces(text, data, ORDER, cut_from=1) is None
    # The head alone reads alone: the rows are kept as bytes, unread.
    edited = in_pieces(text, {"title": "Ny"})
    assert tomllib.loads(edited) == tomllib.loads(whole(text, {"title": "Ny"}))


def test_a_programme_set_in_the_head_is_not_cut() -> None:
    piece = toml_rows.cut('programme = []\n[[programme]]\ntitle = "x"\n')
    assert piece is not None
    with pytest.raises(tomllib.TOMLDecodeError):
        toml_rows.parse_head(piece)


def test_a_new_title_leaves_every_row_as_it_was() -> None:
    text = event(30)
    edited = in_pieces(text, {"title": "Ny titel", "city": "Luleå"})
    assert edited.endswith("".join(map(row_text, range(30))))
    assert tomllib.loads(edited) == tomllib.loads(
        whole(text, {"title": "Ny titel", "city": "Luleå"})
    )
    assert "# Nätverksträffen i Umeå" in edited and "city = 'Luleå'" in edited


def test_an_unchanged_save_gives_back_the_same_bytes() -> None:
    text = event(30)
    rows = [form_row(row) for row in tomllib.loads(text)["programme"]]
    assert in_pieces(text, {"title": "Nätverksträff", "programme": rows}) == text


def test_short_events_are_edited_whole() -> None:
    assert row_edit.edit_in_pieces(event(5), {"title": "x"}, ORDER) is None


def test_crlf_rows_stay_crlf() -> None:
    text = event(6).replace("\n", "\r\n")
    rows = [form_row(row) for row in tomllib.loads(text)["programme"]]
    rows[2]["title"] = "Ändrad"
    rows.append({"day": 9, "time": None, "title": "Sist", "description": None})
    edited = in_pieces(text, {"programme": rows})
    assert "\n" not in edited.replace("\r\n", "")
    assert tomllib.loads(edited)["programme"][-1]["title"] == "Sist"


# Edits of the rows: (kind, position, value) steps applied to the form's rows.
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["title", "day", "clear", "insert", "delete", "move"]),
        st.integers(min_value=0, max_value=40),
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
            max_size=12,
        ),
    ),
    max_size=8,
)


def _apply(rows: list[dict[str, Any]], edits: list[tuple[str, int, str]]) -> None:
    for kind, position, value in edits:
        if not rows and kind != "insert":
            continue
        at = position % max(1, len(rows))
        if kind == "title":
            rows[at]["title"] = value.strip() or "Punkt"
        elif kind == "day":
            rows[at]["day"] = position % 4 + 1
        elif kind == "clear":
            rows[at]["description"] = None
        elif kind == "insert":
            new = {
                "day": 1,
                "time": "10:00",
                "title": value.strip() or "Ny",
                "description": None,
            }
            rows.insert(position % (len(rows) + 1), new)
        elif kind == "delete":
            del rows[at]
        else:
            rows.insert((at + 3) % len(rows), rows.pop(at))


@settings(max_examples=60, deadline=None)
@given(count=st.integers(min_value=1, max_value=12), edits=EDITS)
def test_changed_rows_read_as_the_whole_edit_does(count: int, edits: Any) -> None:
    text = event(count)
    rows = [form_row(row) for row in tomllib.loads(text)["programme"]]
    _apply(rows, edits)
    data = {"title": "Nätverksträff", "programme": rows or None}
    edited = in_pieces(text, data)
    assert tomllib.loads(edited) == tomllib.loads(whole(text, data))
    assert edited[len(edited.rstrip("\n")) :] == "\n\n"  # as the file ended


def test_one_changed_row_leaves_the_others_bytes() -> None:
    text = event(30)
    rows = [form_row(row) for row in tomllib.loads(text)["programme"]]
    rows[14]["title"] = "Ändrad punkt"
    rows.insert(20, {"day": 2, "time": None, "title": "Inskjuten", "description": None})
    del rows[3]
    edited = in_pieces(text, {"programme": rows})
    expected = text.replace("title = 'Punkt 14'", "title = 'Ändrad punkt'")
    expected = expected.replace(row_text(3), "")
    expected = expected.replace(
        row_text(20), '[[programme]]\nday = 2\ntitle = "Inskjuten"\n\n' + row_text(20)
    )
    assert edited == expected


def test_storage_saves_a_long_event_without_reading_its_rows(
    tmp_path, monkeypatch
) -> None:
    root = tmp_path
    (root / "events").mkdir()
    path = root / "events" / "2025-lang.toml"
    text = event(row_edit.CUT_FROM)
    path.write_text(text, encoding="utf-8")
    snap = storage.snapshot(path)
    read_rows = []
    monkeypatch.setattr(
        toml_rows, "parse_rows", lambda rows: read_rows.append(rows) or []
    )
    storage.update_event(path, {"title": "Ny titel"}, snap, root=root)
    assert not read_rows
    written = path.read_text(encoding="utf-8")
    assert written == text.replace('title = "Nätverksträff"', 'title = "Ny titel"')


def test_storage_refuses_a_bad_head_in_a_long_event(tmp_path) -> None:
    (tmp_path / "events").mkdir()
    path = tmp_path / "events" / "2025-lang.toml"
    path.write_text(event(row_edit.CUT_FROM), encoding="utf-8")
    snap = storage.snapshot(path)
    with pytest.raises(storage.ValidationError) as raised:
        storage.update_event(path, {"end": dt.date(2020, 1, 1)}, snap, root=tmp_path)
    assert [error.key for error in raised.value.errors] == ["end"]


def _merged_whole(monkeypatch: pytest.MonkeyPatch, *sides: str) -> Any:
    with monkeypatch.context() as patched:
        patched.setattr(row_edit, "CUT_FROM", 10**9)
        return merge.merge_item(*sides, "event")


def test_a_long_event_merges_its_fields_without_reading_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = event(row_edit.CUT_FROM)
    ours = base.replace('title = "Nätverksträff"', 'title = "Vår titel"')
    rows = [form_row(row) for row in tomllib.loads(base)["programme"]]
    rows[7]["title"] = "Deras punkt"
    theirs = in_pieces(
        base.replace("city = 'Umeå'", "city = 'Luleå'"), {"programme": rows}
    )
    whole = _merged_whole(monkeypatch, base, ours, theirs)
    monkeypatch.setattr(merge, "_merge_table", _refuse_rows(merge._merge_table))
    merged = merge.merge_item(base, ours, theirs, "event")
    assert merged.clean and merged.text == whole.text
    assert merged.text == theirs.replace(
        'title = "Nätverksträff"', 'title = "Vår titel"'
    )


def test_a_long_event_changed_in_the_same_field_is_a_conflict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = event(row_edit.CUT_FROM)
    ours = base.replace('title = "Nätverksträff"', 'title = "Vår"')
    theirs = base.replace('title = "Nätverksträff"', 'title = "Deras"')
    merged = merge.merge_item(base, ours, theirs, "event")
    whole = _merged_whole(monkeypatch, base, ours, theirs)
    assert (
        [c.key for c in merged.conflicts]
        == [c.key for c in whole.conflicts]
        == ["title"]
    )
    chosen = merge.merge_item(base, ours, theirs, "event", {"title": "theirs"})
    assert chosen.clean and chosen.text == theirs


def _refuse_rows(merge_table: Any) -> Any:
    """Wrap `_merge_table` to fail if it is ever given the programme (read whole)."""

    def checked(path: str, base: Any, ours: Any, theirs: Any, conflicts: Any) -> Any:
        assert "programme" not in ours, "the rows were read"
        return merge_table(path, base, ours, theirs, conflicts)

    return checked
