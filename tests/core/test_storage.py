"""Storage: format-keeping round trips, conflicts, failing writes, modes, links, slugs."""

from __future__ import annotations

import datetime as dt
import errno
import os
import tomllib
from pathlib import Path

import pytest

from bftui.core.library.loading import load
from bftui.core.store import storage
from bftui.core.store.atomic import (
    STALE_AFTER,
    StorageError,
    atomic_write,
    remove_stale_temps,
)

EVENT_2019 = "2019-natverkstraff-malmo"

HAND_EDITED = """\
# A hand-edited event: comments, odd spacing, literal strings, unknown keys.
title    =   'Träff i Umeå'   # the name as announced
kind = "conference"
year = 2024
start = 2024-03-05
city="Umeå"
partners = [ "A",   "B" ]  # in no special order
rating = 0x1F  # a key bftui does not know
summary = \"\"\"
Line one.
Line two.\"\"\"

[[programme]]
day = 1
title = "Öppning"   # keep me

[[programme]]
day = 2
title = "Avslutning"
"""


def event_data(**changes: object) -> dict[str, object]:
    """Return the form data the event above gives, with `changes`."""
    data: dict[str, object] = {
        "title": "Träff i Umeå",
        "kind": "conference",
        "year": 2024,
        "start": dt.date(2024, 3, 5),
        "end": None,
        "city": "Umeå",
        "venue": None,
        "organiser": None,
        "partners": ["A", "B"],
        "participants": None,
        "participants_note": None,
        "url": None,
        "summary": "Line one.\nLine two.",
        "programme": [
            {"day": 1, "time": None, "title": "Öppning", "description": None},
            {"day": 2, "time": None, "title": "Avslutning", "description": None},
        ],
    }
    data.update(changes)
    return data


@pytest.fixture
def hand_event(library_path: Path) -> Path:
    path = library_path / "events" / "2024-traff-i-umea.toml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    return path


def test_unchanged_event_is_byte_identical(hand_event: Path) -> None:
    before = hand_event.read_bytes()
    snap = storage.snapshot(hand_event)
    after = storage.update_event(hand_event, event_data(), snap)
    assert hand_event.read_bytes() == before
    assert after.sha256 == snap.sha256


def test_sample_files_round_trip_unchanged(library_path: Path) -> None:
    library = load(library_path)
    for event in library.events:
        before = event.path.read_bytes()
        data = {
            "title": event.title,
            "summary": event.summary,
            "partners": list(event.partners) or None,
            "participants": event.participants,
            "venue": event.venue or None,
        }
        storage.update_event(event.path, data, storage.snapshot(event.path))
        assert event.path.read_bytes() == before
    article = library.articles[0]
    before = article.path.read_bytes()
    body = article.path.read_text(encoding="utf-8").split("+++\n", 2)[2]
    data = {"title": article.title, "tags": list(article.tags), "lead": article.lead}
    storage.update_article(article.path, data, body, storage.snapshot(article.path))
    assert article.path.read_bytes() == before


def test_edit_keeps_comments_order_quoting_and_unknown_keys(hand_event: Path) -> None:
    data = event_data(city="Luleå", venue="Kulturens hus", start=None)
    data["programme"] = [data["programme"][0]]  # type: ignore[index]
    storage.update_event(hand_event, data, storage.snapshot(hand_event))
    text = hand_event.read_text(encoding="utf-8")
    assert "title    =   'Träff i Umeå'   # the name as announced" in text
    assert 'partners = [ "A",   "B" ]  # in no special order' in text
    assert "rating = 0x1F  # a key bftui does not know" in text
    assert 'title = "Öppning"   # keep me' in text
    assert "start" not in text and "Avslutning" not in text
    assert text.index("city") < text.index("venue") < text.index("partners")
    loaded = tomllib.loads(text)
    assert loaded["city"] == "Luleå" and loaded["rating"] == 31
    assert loaded["venue"] == "Kulturens hus"


def test_long_text_is_written_multiline(hand_event: Path) -> None:
    data = event_data(summary="First.\n\nSecond paragraph.")
    storage.update_event(hand_event, data, storage.snapshot(hand_event))
    text = hand_event.read_text(encoding="utf-8")
    assert 'summary = """\nFirst.\n\nSecond paragraph."""' in text


def test_crlf_file_stays_crlf(hand_event: Path) -> None:
    hand_event.write_bytes(HAND_EDITED.replace("\n", "\r\n").encode())
    storage.update_event(
        hand_event, event_data(city="Kiruna"), storage.snapshot(hand_event)
    )
    raw = hand_event.read_bytes()
    assert b'city="Kiruna"\r\n' in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_programme_rows_added_and_reordered(hand_event: Path) -> None:
    rows = event_data()["programme"]
    assert isinstance(rows, list)
    rows = [rows[1], rows[0], {"day": 3, "title": "Extra", "description": "a\nb"}]
    storage.update_event(
        hand_event, event_data(programme=rows), storage.snapshot(hand_event)
    )
    loaded = tomllib.loads(hand_event.read_text(encoding="utf-8"))
    assert [row["title"] for row in loaded["programme"]] == [
        "Avslutning",
        "Öppning",
        "Extra",
    ]
    assert loaded["programme"][2]["description"] == "a\nb"
    assert "\n\n[[programme]]\nday = 3" in hand_event.read_text(encoding="utf-8")


def test_concurrent_change_is_refused(hand_event: Path) -> None:
    snap = storage.snapshot(hand_event)
    theirs = HAND_EDITED.replace("Umeå", "Skellefteå")
    hand_event.write_text(theirs, encoding="utf-8")
    # Same size and mtime as before: only the hash can tell.
    os.utime(hand_event, ns=(snap.mtime_ns, snap.mtime_ns))
    with pytest.raises(storage.ConflictError) as caught:
        storage.update_event(hand_event, event_data(city="Luleå"), snap)
    assert hand_event.read_text(encoding="utf-8") == theirs
    assert caught.value.base == HAND_EDITED and caught.value.theirs == theirs
    assert any(
        line.startswith("+") and "Skellefteå" in line for line in caught.value.diff()
    )


def test_deleted_file_is_a_conflict(hand_event: Path) -> None:
    snap = storage.snapshot(hand_event)
    hand_event.unlink()
    with pytest.raises(storage.ConflictError) as caught:
        storage.update_event(hand_event, event_data(), snap)
    assert caught.value.theirs is None
    assert not hand_event.exists()


def test_invalid_update_is_refused(hand_event: Path) -> None:
    with pytest.raises(storage.ValidationError) as caught:
        storage.update_event(
            hand_event,
            event_data(end=dt.date(2024, 1, 1)),
            storage.snapshot(hand_event),
        )
    assert [error.key for error in caught.value.errors] == ["end"]
    assert hand_event.read_text(encoding="utf-8") == HAND_EDITED


def test_failing_replace_leaves_old_file_and_no_temp(
    hand_event: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StorageError) as caught:
        storage.update_event(
            hand_event, event_data(city="Luleå"), storage.snapshot(hand_event)
        )
    assert caught.value.errno == errno.ENOSPC
    assert "disken är full" in caught.value.message
    assert hand_event.read_text(encoding="utf-8") == HAND_EDITED
    assert not list(hand_event.parent.glob(".bftui-*"))


def test_mode_is_kept(hand_event: Path) -> None:
    hand_event.chmod(0o664)
    storage.update_event(
        hand_event, event_data(city="Luleå"), storage.snapshot(hand_event)
    )
    assert hand_event.stat().st_mode & 0o777 == 0o664


def test_new_file_mode_follows_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.toml", "a = 1\n")
    finally:
        os.umask(old)
    assert (tmp_path / "new.toml").stat().st_mode & 0o777 == 0o640


def test_symlink_inside_library_is_written_through(hand_event: Path) -> None:
    link = hand_event.with_name("link.toml")
    link.symlink_to(hand_event.name)
    storage.update_event(link, event_data(city="Luleå"), storage.snapshot(link))
    assert link.is_symlink()
    assert tomllib.loads(hand_event.read_text(encoding="utf-8"))["city"] == "Luleå"


def test_symlink_outside_library_is_refused(library_path: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text(HAND_EDITED, encoding="utf-8")
    link = library_path / "events" / "linked.toml"
    link.symlink_to(outside)
    with pytest.raises(StorageError):
        storage.update_event(link, event_data(city="Luleå"), storage.snapshot(link))
    assert link.is_symlink()
    assert outside.read_text(encoding="utf-8") == HAND_EDITED


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_gives_clear_error(hand_event: Path) -> None:
    folder = hand_event.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageError) as caught:
            storage.update_event(
                hand_event, event_data(city="Luleå"), storage.snapshot(hand_event)
            )
        with pytest.raises(StorageError):
            storage.create_event(folder.parent, {"title": "Ny", "year": 2024})
    finally:
        folder.chmod(0o755)
    assert caught.value.errno == errno.EACCES
    assert caught.value.message
    assert hand_event.read_text(encoding="utf-8") == HAND_EDITED


def test_create_event_slug_clash_gets_suffixes(library_path: Path) -> None:
    data = {"title": "Träff i Umeå", "year": 2024, "kind": "conference"}
    paths = [storage.create_event(library_path, data) for _ in range(3)]
    assert [p.name for p in paths] == [
        "2024-traff-i-umea.toml",
        "2024-traff-i-umea-2.toml",
        "2024-traff-i-umea-3.toml",
    ]
    assert tomllib.loads(paths[0].read_text(encoding="utf-8")) == data
    assert not load(library_path).problems


def test_create_event_validates(library_path: Path) -> None:
    with pytest.raises(storage.ValidationError) as caught:
        storage.create_event(library_path, {"title": "", "participants": -1})
    keys = {error.key for error in caught.value.errors}
    assert {"title", "participants", "year"} <= keys
    assert not list((library_path / "events").glob("item*"))


def test_create_article_and_unknown_event(library_path: Path) -> None:
    data = {
        "kind": "interview",
        "title": "Ett samtal om boende",
        "published": dt.date(2024, 1, 2),
        "event": EVENT_2019,
        "interviewee": {"name": "Eva Ek", "role": None, "consent": True},
    }
    path = storage.create_article(library_path, data, "Intro.\n\n### Fråga?\n\nSvar.")
    assert path == library_path / "2024-01-02-ett-samtal-om-boende.md"
    text = path.read_text(encoding="utf-8")
    assert text.endswith("+++\n\nIntro.\n\n### Fråga?\n\nSvar.\n")
    article = load(library_path).article(path.stem)
    assert article is not None and article.interviewee is not None
    assert article.interviewee.name == "Eva Ek"
    with pytest.raises(storage.ValidationError) as caught:
        storage.create_article(library_path, {**data, "event": "no-such-event"}, "")
    assert [error.key for error in caught.value.errors] == ["event"]


def test_update_article_changes_front_and_body(library_path: Path) -> None:
    article = load(library_path).articles[0]
    snap = storage.snapshot(article.path)
    storage.update_article(
        article.path, {"lead": None, "tags": ["Malmö"]}, "Ny text.", snap
    )
    text = article.path.read_text(encoding="utf-8")
    assert "lead" not in text.split("+++")[1]
    assert "consent = true   # the interview was published on bostadforst.se" in text
    assert text.endswith("+++\n\nNy text.\n")
    assert tomllib.loads(text.split("+++")[1])["tags"] == ["Malmö"]


def test_update_body_touches_only_the_body(library_path: Path) -> None:
    article = load(library_path).articles[0]
    before = article.path.read_text(encoding="utf-8")
    storage.update_body(
        article.path, lambda body: body + "Tillägg.\n", storage.snapshot(article.path)
    )
    after = article.path.read_text(encoding="utf-8")
    assert after == before + "Tillägg.\n"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, "skrivskyddat"),
        (errno.EACCES, "behörighet"),
        (errno.ENOENT, "mappen"),
    ],
)
def test_os_errors_become_clear_messages(
    hand_event: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(StorageError) as caught:
        storage.update_event(
            hand_event, event_data(city="Luleå"), storage.snapshot(hand_event)
        )
    assert words in caught.value.message
    assert hand_event.read_text(encoding="utf-8") == HAND_EDITED


def test_stale_temp_files_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    old = tmp_path / "2020" / ".bftui-abc.tmp"
    old.parent.mkdir()
    old.write_text("half", encoding="utf-8")
    fresh = tmp_path / ".bftui-def.tmp"
    fresh.write_text("saving", encoding="utf-8")
    hidden = tmp_path / ".trash" / ".bftui-ghi.tmp"
    hidden.parent.mkdir()
    hidden.write_text("x", encoding="utf-8")
    article = tmp_path / "artikel.md"
    article.write_text("+++\n+++\n", encoding="utf-8")
    long_ago = old.stat().st_mtime - STALE_AFTER - 60
    for path in (old, hidden, article):
        os.utime(path, (long_ago, long_ago))
    assert remove_stale_temps(tmp_path) == 1
    assert not old.exists()
    assert fresh.exists() and hidden.exists() and article.exists()
