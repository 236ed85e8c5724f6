"""Saving over a file that changed since it was read: the other change is merged in, field by field and Q&A entry by entry."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from bftui.core.items import qa_edit
from bftui.core.items.qa import find_entries
from bftui.core.library import frontmatter
from bftui.core.store import storage
from bftui.core.store.snapshots import ConflictError, MergeConflict

EVENT_2019 = "2019-natverkstraff-malmo"


def event(library_path: Path) -> Path:
    return library_path / "events" / f"{EVENT_2019}.toml"


def article(library_path: Path) -> Path:
    return next(library_path.glob("*.md"))


def someone_else(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    path.write_text(changed, encoding="utf-8")
    return changed


def test_changes_to_different_fields_both_land(library_path: Path) -> None:
    path = event(library_path)
    seen = storage.snapshot(path)
    someone_else(path, 'title = "Svenska', 'title = "Nya svenska')
    written = storage.update_event(path, {"city": "Lund"}, seen)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["city"] == "Lund"
    assert data["title"].startswith("Nya svenska")
    assert written.merged and written.text == path.read_text(encoding="utf-8")
    assert "# The seed article names the year only" in written.text  # comments kept


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_nothing_is_written(
    library_path: Path,
) -> None:
    path = event(library_path)
    seen = storage.snapshot(path)
    theirs = someone_else(path, 'city = "Malmö"', 'city = "Göteborg"')
    with pytest.raises(MergeConflict) as caught:
        storage.update_event(path, {"city": "Lund", "participants": 250}, seen)
    assert path.read_text(encoding="utf-8") == theirs
    (conflict,) = caught.value.conflicts
    assert (conflict.key, conflict.ours, conflict.theirs) == (
        "city",
        "Lund",
        "Göteborg",
    )
    # The editor combines both; the other field of ours lands too.
    written = storage.resolve(caught.value, {"city": "Lund och Göteborg"})
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["city"], data["participants"]) == ("Lund och Göteborg", 250)
    assert written.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("choice", "city"), [("ours", "Lund"), ("theirs", "Göteborg")])
def test_a_conflict_is_settled_by_picking_a_side(
    library_path: Path, choice: str, city: str
) -> None:
    path = event(library_path)
    seen = storage.snapshot(path)
    someone_else(path, 'city = "Malmö"', 'city = "Göteborg"')
    with pytest.raises(MergeConflict) as caught:
        storage.update_event(path, {"city": "Lund"}, seen)
    storage.resolve(caught.value, {"city": choice})
    assert tomllib.loads(path.read_text(encoding="utf-8"))["city"] == city


def test_a_change_made_while_the_editor_chose_is_merged_too(library_path: Path) -> None:
    path = event(library_path)
    seen = storage.snapshot(path)
    someone_else(path, 'city = "Malmö"', 'city = "Göteborg"')
    with pytest.raises(MergeConflict) as caught:
        storage.update_event(path, {"city": "Lund"}, seen)
    someone_else(path, "participants = 200", "participants = 210")
    storage.resolve(caught.value, {"city": "ours"})
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data["city"], data["participants"]) == ("Lund", 210)


def test_lead_and_body_changed_by_two_people_both_land(library_path: Path) -> None:
    path = article(library_path)
    seen = storage.snapshot(path)
    parts = frontmatter.split(seen.text)
    someone_else(
        path, "Bostad först-teamet i Malmö arrangerade", "Teamet i Malmö arrangerade"
    )
    storage.update_article(path, {"lead": "En ny ingress"}, parts.body, seen)
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(frontmatter.split(text).front)["lead"] == "En ny ingress"
    assert "Teamet i Malmö arrangerade" in text


def test_questions_added_by_both_sides_both_land(library_path: Path) -> None:
    path = article(library_path)
    seen = storage.snapshot(path)
    other = seen.text.rstrip("\n") + "\n\n### Deras fråga?\n\nDeras svar.\n"
    path.write_text(other, encoding="utf-8")
    storage.update_body(
        path, lambda body: qa_edit.add_entry(body, "Min fråga?", "Mitt svar."), seen
    )
    body = frontmatter.split(path.read_text(encoding="utf-8")).body
    questions = [entry.question for entry in find_entries(body)]
    assert "Min fråga?" in questions and "Deras fråga?" in questions


def test_a_merge_that_breaks_the_schema_is_refused(library_path: Path) -> None:
    path = event(library_path)
    dates = "year = 2019\nstart = 2019-05-01\nend = 2019-05-10"
    someone_else(path, "year = 2019", dates)
    seen = storage.snapshot(path)
    # Each change alone is fine; together the meeting would end before it starts.
    theirs = someone_else(path, "start = 2019-05-01", "start = 2019-05-08")
    with pytest.raises(storage.ValidationError) as caught:
        storage.update_event(path, {"end": dt.date(2019, 5, 5)}, seen)
    assert [error.key for error in caught.value.errors] == ["end"]
    assert path.read_text(encoding="utf-8") == theirs


def test_a_file_gone_is_still_a_plain_conflict(library_path: Path) -> None:
    path = event(library_path)
    seen = storage.snapshot(path)
    path.unlink()
    with pytest.raises(ConflictError) as caught:
        storage.update_event(path, {"city": "Lund"}, seen)
    assert not isinstance(caught.value, MergeConflict) and caught.value.theirs is None
