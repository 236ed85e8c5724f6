"""Drafts: autosaved form contents per library and item, listed, restored, discarded."""

from __future__ import annotations

from pathlib import Path

from bftui.core.store import drafts


def test_save_list_restore_discard(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    draft = drafts.Draft(
        library, "event:new", "event", "Träff", {"title": "Träff", "rows": [1]}
    )
    path = drafts.save(draft)
    assert path.parent == drafts.drafts_dir()
    assert path.stat().st_mode & 0o777 == 0o600
    assert drafts.list_drafts(library) == [
        drafts.Draft(library.resolve(), **_rest(draft))
    ]
    assert drafts.load(library, "event:new") is not None
    assert drafts.list_drafts(tmp_path) == []  # another library sees nothing
    drafts.save(
        drafts.Draft(library, "event:new", "event", "Träff 2", {"title": "Träff 2"})
    )
    (only,) = drafts.list_drafts(library)
    assert only.fields == {"title": "Träff 2"}
    drafts.discard(library, "event:new")
    assert drafts.list_drafts(library) == []
    drafts.discard(library, "event:new")  # twice is fine


def _rest(draft: drafts.Draft) -> dict[str, object]:
    return {
        "item": draft.item,
        "form": draft.form,
        "title": draft.title,
        "fields": draft.fields,
        "saved": draft.saved,
    }


def test_broken_draft_files_are_skipped(tmp_path: Path) -> None:
    drafts.drafts_dir().mkdir(parents=True)
    (drafts.drafts_dir() / "junk.json").write_text("{", encoding="utf-8")
    assert drafts.list_drafts(tmp_path) == []
