"""Drafts: autosaved form contents per library, item and session; listed, adopted, discarded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bftui.core.store import drafts, sessions
from bftui.core.store.sessions import Session


def ended_session() -> Session:
    """A session of this user on this host whose process has ended (another boot)."""
    me = sessions.current()
    return Session(me.user, me.host, 12345, "99", "an-earlier-boot")


def draft(library: Path, title: str = "Träff", **kwargs: Any) -> drafts.Draft:
    return drafts.Draft(
        library, "event:new", "event", title, {"values": {"title": title}}, **kwargs
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    return folder


def test_save_load_discard_my_own(library: Path) -> None:
    path = drafts.save(draft(library))
    assert path.parent == drafts.drafts_dir()
    assert path.stat().st_mode & 0o777 == 0o600
    mine = drafts.load(library, "event:new")
    assert mine is not None and mine.owner == sessions.current()
    # A running session's draft (this one's) is never offered as left behind.
    assert drafts.list_drafts(library) == []
    drafts.save(draft(library, "Träff 2"))
    again = drafts.load(library, "event:new")
    assert again is not None and again.fields == {"values": {"title": "Träff 2"}}
    drafts.discard(library, "event:new")
    assert drafts.load(library, "event:new") is None
    drafts.discard(library, "event:new")  # twice is fine


def test_an_ended_sessions_draft_is_offered_and_adopted(library: Path) -> None:
    left = drafts.save(draft(library, owner=ended_session()))
    (offered,) = drafts.list_drafts(library)
    assert offered.title == "Träff" and offered.file == left
    assert drafts.list_drafts(library.parent) == []  # another library sees nothing
    mine = drafts.adopt(offered)
    assert mine.owner == sessions.current() and not left.exists()
    assert drafts.load(library, "event:new") == mine
    assert drafts.list_drafts(library) == []


def _other_instance(library: Path, state: Path) -> subprocess.Popen[str]:
    """Start another process that saves a draft and waits for its stdin to close."""
    code = (
        "import sys; from pathlib import Path; from bftui.core.store import drafts\n"
        f"drafts.save(drafts.Draft(Path({str(library)!r}), 'event:new', 'event', 'Hans',"
        " {'values': {'title': 'Hans'}}))\n"
        "print('saved', flush=True); sys.stdin.read()\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdout.readline() == "saved\n"
    return child


def test_a_running_instances_draft_is_neither_offered_nor_deleted(
    library: Path,
) -> None:
    state = Path(os.environ["XDG_STATE_HOME"])
    child = _other_instance(library, state)
    try:
        drafts.save(draft(library, "Mitt"))  # the same item, in this instance
        assert drafts.list_drafts(library) == []
        theirs = [
            d
            for p in drafts.drafts_dir().glob("*.json")
            if (d := drafts._read(p)) is not None and d.title == "Hans"
        ]
        assert len(theirs) == 1
        assert not drafts.discard_left_behind(theirs[0])
        drafts.discard(library, "event:new")  # this instance's own
        assert theirs[0].file is not None and theirs[0].file.exists()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait()
    # Once it has ended, its draft is left behind: offered, and can go.
    (offered,) = drafts.list_drafts(library)
    assert offered.title == "Hans"
    assert drafts.discard_left_behind(offered)
    assert drafts.list_drafts(library) == []


def _write(name: str, record: object) -> None:
    drafts.drafts_dir().mkdir(parents=True, exist_ok=True)
    (drafts.drafts_dir() / name).write_text(json.dumps(record), encoding="utf-8")


def _good(library: Path) -> dict[str, Any]:
    return {
        "version": 2,
        "library": str(library.resolve()),
        "item": "event:new",
        "form": "event",
        "title": "T",
        "saved": "2020-01-01T00:00:00+00:00",
        "owner": ended_session().record(),
        "fields": {"values": {}},
    }


@pytest.mark.parametrize(
    "change",
    [
        {"version": "2"},
        {"library": 5},
        {"library": "/x\u0000y"},
        {"item": ["event:new"]},
        {"item": "qa:x.md:not-a-number"},
        {"item": "qa:x.md:99999999999999999999"},
        {"item": "nonsense"},
        {"form": "other"},
        {"title": None},
        {"saved": "yesterday"},
        {"saved": 12},
        {"fields": []},
    ],
)
def test_a_draft_with_a_wrong_field_is_skipped(
    library: Path, change: dict[str, Any]
) -> None:
    _write("bad.json", _good(library) | change)
    _write("good.json", _good(library) | {"title": "OK"})
    assert [d.title for d in drafts.list_drafts(library)] == ["OK"]


@pytest.mark.parametrize(
    "owner",
    [None, [], {"pid": 10**23, "host": 5}, {"pid": -1}, {"started": ["x"]}],
)
def test_a_draft_with_a_strange_owner_is_an_earlier_sessions(
    library: Path, owner: object
) -> None:
    _write("odd.json", _good(library) | {"owner": owner})
    (offered,) = drafts.list_drafts(library)
    assert drafts.discard_left_behind(offered)


def test_naive_and_aware_times_sort_together(library: Path) -> None:
    _write("a.json", _good(library) | {"saved": "2020-01-01T00:00:00"})
    _write("b.json", _good(library) | {"saved": "2021-01-01T00:00:00+05:00"})
    assert len(drafts.list_drafts(library)) == 2


def test_broken_files_in_the_drafts_folder_are_skipped(library: Path) -> None:
    folder = drafts.drafts_dir()
    folder.mkdir(parents=True)
    (folder / "junk.json").write_text("{", encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (folder / "bin.json").write_bytes(b"\xff\xfe\x00")
    (folder / "dir.json").mkdir()
    os.mkfifo(folder / "fifo.json")  # would block a plain read
    assert drafts.list_drafts(library) == []


def test_fitted_values_have_the_forms_shape() -> None:
    template = {"title": "", "kind": "a", "consent": None, "programme": []}
    row = {"time": "", "title": ""}
    values = {
        "title": 5,
        "kind": "bogus",
        "consent": "yes",
        "extra": 1,
        "programme": [{"time": 10, "title": "x", "other": 1}, "row", None],
    }
    assert drafts.fitted(
        values, template, choices={"kind": ("a", "b")}, rows={"programme": row}
    ) == {
        "title": "",
        "kind": "a",
        "consent": None,
        "programme": [{"time": "", "title": "x"}],
    }
    assert drafts.fitted("garbage", template) == template
    assert drafts.fitted({"programme": "x", "consent": True}, template) == {
        **template,
        "consent": True,
    }
