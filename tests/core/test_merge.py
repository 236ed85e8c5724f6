"""The three-way merge of item files: field by field, Q&A entry by Q&A entry."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from bftui.core.items import qa
from bftui.core.library import frontmatter
from bftui.core.store.merge import kind_for_path, merge_item

ARTICLE = """+++
title = "Malmö-teamets erfarenheter"  # the title as published
kind = "interview"
published = 2020-05-24
tags = ["Malmö", "nätverksträff"]

[interviewee]
name = "Anita Svantesson"
role = "sektionschef"
+++

Teamet kände stor stolthet.

Vi var värdar för träffen.

### Vilka var höjdpunkterna?

Många.

### Vad önskar du dig av nästa träff?

Mer tid.
"""

EVENT = """title = "Nätverksträff 2019"
kind = "network-meeting"
year = 2019
city = "Malmö"
summary = \"\"\"
Första stycket.

Andra stycket.
\"\"\"

[[programme]]
day = 1
title = "Välkommen"

[[programme]]
day = 1
title = "Workshop"
"""


def questions(text: str) -> list[str]:
    return [e.question for e in qa.find_entries(frontmatter.split(text).body)]


def front(text: str) -> dict:
    return tomllib.loads(frontmatter.split(text).front)


def add_question(text: str, question: str, answer: str) -> str:
    return text + f"\n### {question}\n\n{answer}\n"


def test_questions_added_on_both_sides_both_land_ours_first() -> None:
    ours = add_question(ARTICLE, "Hur började det?", "Med ett samtal.")
    theirs = add_question(ARTICLE, "Vad lärde ni er?", "Att lyssna.")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    assert questions(merged.text) == [
        "Vilka var höjdpunkterna?",
        "Vad önskar du dig av nästa träff?",
        "Hur började det?",
        "Vad lärde ni er?",
    ]
    assert "Med ett samtal." in merged.text and "Att lyssna." in merged.text


def test_different_fields_both_land_and_comments_stay() -> None:
    ours = ARTICLE.replace('role = "sektionschef"', 'role = "enhetschef"')
    theirs = ARTICLE.replace("published = 2020-05-24", "published = 2020-05-25")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    data = front(merged.text)
    assert data["interviewee"]["role"] == "enhetschef"
    assert str(data["published"]) == "2020-05-25"
    assert "# the title as published" in merged.text


def test_only_the_changed_line_differs_from_ours() -> None:
    ours = ARTICLE.replace("Mer tid.", "Mer tid och fika.")
    theirs = ARTICLE.replace('kind = "interview"', 'kind = "report"')
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.text == ours.replace('kind = "interview"', 'kind = "report"')


def test_the_same_field_changed_on_both_sides_is_a_conflict_keeping_ours() -> None:
    ours = ARTICLE.replace("Malmö-teamets erfarenheter", "Malmöteamets erfarenheter")
    theirs = ARTICLE.replace("Malmö-teamets erfarenheter", "Erfarenheter från Malmö")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    [conflict] = merged.conflicts
    assert (conflict.key, conflict.toml) == ("title", False)
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "Malmö-teamets erfarenheter",
        "Malmöteamets erfarenheter",
        "Erfarenheter från Malmö",
    )
    assert front(merged.text)["title"] == "Malmöteamets erfarenheter"
    chosen = merge_item(ARTICLE, ours, theirs, "article", {"title": "theirs"})
    assert chosen.clean and front(chosen.text)["title"] == "Erfarenheter från Malmö"
    combined = merge_item(ARTICLE, ours, theirs, "article", {"title": "Malmö, ihop"})
    assert front(combined.text)["title"] == "Malmö, ihop"


def test_the_same_entry_changed_on_both_sides_is_a_conflict() -> None:
    ours = ARTICLE.replace("Många.", "Väldigt många.")
    theirs = ARTICLE.replace("Många.", "Några få.")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    [conflict] = merged.conflicts
    assert conflict.key == "qa:Vilka var höjdpunkterna?"
    assert conflict.ours is not None and "Väldigt många." in conflict.ours
    assert conflict.theirs is not None and "Några få." in conflict.theirs
    resolved = merge_item(ARTICLE, ours, theirs, "article", {conflict.key: "theirs"})
    assert resolved.clean and "Några få." in resolved.text
    assert "Väldigt" not in resolved.text


def test_an_entry_deleted_on_one_side_goes_unless_the_other_changed_it() -> None:
    without = ARTICLE.replace("### Vilka var höjdpunkterna?\n\nMånga.\n\n", "")
    other = ARTICLE.replace("Mer tid.", "Mer tid, tack.")
    merged = merge_item(ARTICLE, without, other, "article")
    assert merged.clean
    assert questions(merged.text) == ["Vad önskar du dig av nästa träff?"]
    assert "Mer tid, tack." in merged.text
    changed = ARTICLE.replace("Många.", "Fler än väntat.")
    clash = merge_item(ARTICLE, without, changed, "article")
    assert [c.key for c in clash.conflicts] == ["qa:Vilka var höjdpunkterna?"]
    assert clash.conflicts[0].ours is None
    # Never lose words: the unresolved entry is kept until someone decides.
    assert "Fler än väntat." in clash.text


def test_an_edited_question_is_the_same_entry() -> None:
    ours = ARTICLE.replace("Vilka var höjdpunkterna?", "Vad var höjdpunkterna?")
    theirs = add_question(ARTICLE, "Något mer?", "Nej.")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    assert questions(merged.text) == [
        "Vad var höjdpunkterna?",
        "Vad önskar du dig av nästa träff?",
        "Något mer?",
    ]


def test_entries_moved_on_one_side_keep_the_move() -> None:
    moved = ARTICLE.replace(
        "### Vilka var höjdpunkterna?\n\nMånga.\n\n### Vad önskar du dig av nästa träff?\n\nMer tid.\n",
        "### Vad önskar du dig av nästa träff?\n\nMer tid.\n\n### Vilka var höjdpunkterna?\n\nMånga.\n",
    )
    added = add_question(ARTICLE, "Något mer?", "Nej.")
    merged = merge_item(ARTICLE, added, moved, "article")
    assert merged.clean
    assert questions(merged.text) == [
        "Vad önskar du dig av nästa träff?",
        "Vilka var höjdpunkterna?",
        "Något mer?",
    ]


def test_paragraphs_of_the_introduction_merge_separately() -> None:
    ours = ARTICLE.replace("Teamet kände stor stolthet.", "Teamet kände stolthet.")
    theirs = ARTICLE.replace("Vi var värdar för träffen.", "Vi var värdar 2019.")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    assert "Teamet kände stolthet." in merged.text
    assert "Vi var värdar 2019." in merged.text


def test_tags_added_on_both_sides_are_all_kept() -> None:
    ours = ARTICLE.replace('"nätverksträff"]', '"nätverksträff", "bostad"]')
    theirs = ARTICLE.replace('tags = ["Malmö", ', 'tags = ["Umeå", "Malmö", ')
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    assert front(merged.text)["tags"] == ["Malmö", "nätverksträff", "bostad", "Umeå"]


def test_event_rows_added_on_both_sides_both_land() -> None:
    ours = EVENT + '\n[[programme]]\nday = 2\ntitle = "Studiebesök"\n'
    theirs = EVENT + '\n[[programme]]\nday = 2\ntitle = "Avslutning"\n'
    merged = merge_item(EVENT, ours, theirs, "event")
    assert merged.clean
    titles = [row["title"] for row in tomllib.loads(merged.text)["programme"]]
    assert titles == ["Välkommen", "Workshop", "Studiebesök", "Avslutning"]


def test_an_event_row_changed_on_both_sides_is_a_conflict() -> None:
    ours = EVENT.replace('title = "Workshop"', 'title = "Workshop A"')
    theirs = EVENT.replace('title = "Workshop"', 'title = "Workshop B"')
    merged = merge_item(EVENT, ours, theirs, "event")
    [conflict] = merged.conflicts
    assert conflict.key == "programme:1" and conflict.toml
    assert conflict.theirs is not None and "Workshop B" in conflict.theirs
    resolved = merge_item(EVENT, ours, theirs, "event", {"programme:1": "theirs"})
    titles = [row["title"] for row in tomllib.loads(resolved.text)["programme"]]
    assert titles == ["Välkommen", "Workshop B"]


def test_a_long_text_field_merges_by_paragraph() -> None:
    ours = EVENT.replace("Första stycket.", "Första stycket, ändrat.")
    theirs = EVENT.replace('city = "Malmö"', 'city = "Lund"').replace(
        "Andra stycket.", "Andra stycket, också ändrat."
    )
    merged = merge_item(EVENT, ours, theirs, "event")
    assert merged.clean
    data = tomllib.loads(merged.text)
    assert data["city"] == "Lund"
    assert "Första stycket, ändrat." in data["summary"]
    assert "Andra stycket, också ändrat." in data["summary"]


def test_a_number_conflict_shows_toml_literals() -> None:
    ours = EVENT.replace("year = 2019", "year = 2020")
    theirs = EVENT.replace("year = 2019", "year = 2021")
    [conflict] = merge_item(EVENT, ours, theirs, "event").conflicts
    assert (conflict.ours, conflict.theirs, conflict.toml) == ("2020", "2021", True)
    resolved = merge_item(EVENT, ours, theirs, "event", {"year": "2022"})
    assert tomllib.loads(resolved.text)["year"] == 2022


def test_a_broken_side_is_one_whole_file_conflict() -> None:
    broken = EVENT.replace('city = "Malmö"', 'city = "Malmö')
    other = EVENT.replace("year = 2019", "year = 2020")
    merged = merge_item(EVENT, other, broken, "event")
    assert [c.key for c in merged.conflicts] == ["file"]
    assert merged.text == other


def test_both_sides_added_the_same_file() -> None:
    merged = merge_item("", ARTICLE, ARTICLE, "article")
    assert merged.clean and merged.text == ARTICLE
    other = ARTICLE.replace("Mer tid.", "Mindre tid.")
    clash = merge_item("", ARTICLE, other, "article")
    assert [c.key for c in clash.conflicts] == ["qa:Vad önskar du dig av nästa träff?"]


def test_kind_for_path() -> None:
    assert kind_for_path("events/x.toml") == "event"
    assert kind_for_path("2020/x.md") == "article"
    assert kind_for_path("README.md") is None
    assert kind_for_path("bftui.toml") is None


answers = (
    st.text(alphabet="abcåäö .", min_size=1, max_size=12).map(str.strip).filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(answers, min_size=0, max_size=3, unique=True),
    st.lists(answers, min_size=0, max_size=3, unique=True),
)
def test_every_question_added_on_either_side_is_kept(
    mine: list[str], others: list[str]
) -> None:
    ours, theirs = ARTICLE, ARTICLE
    for word in mine:
        ours = add_question(ours, f"Malmö {word}?", "Svar.")
    for word in others:
        theirs = add_question(theirs, f"Umeå {word}?", "Svar.")
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean
    found = questions(merged.text)
    assert set(found) == set(questions(ours)) | set(questions(theirs))
    assert len(found) == len(set(found))
    tomllib.loads(frontmatter.split(merged.text).front)


def test_tags_new_on_both_sides_merge_without_a_base() -> None:
    ours = ARTICLE.replace('kind = "interview"', 'kind = "interview"\npartners = ["A"]')
    theirs = ARTICLE.replace(
        'kind = "interview"', 'kind = "interview"\npartners = ["B"]'
    )
    merged = merge_item(ARTICLE, ours, theirs, "article")
    assert merged.clean and front(merged.text)["partners"] == ["A", "B"]
