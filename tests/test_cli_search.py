"""`bftui search`: ranked hits from the index, JSON, exit status like grep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bftui.cli import main

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)


def test_prints_hits_with_snippets(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["search", "--library", str(library_path), "malmo", "typ:intervju"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert SAMPLE_ARTICLE in lines[0]
    assert "Malmö" in lines[1]
    assert "\x02" not in lines[1]


def test_json_and_no_hits(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["search", "--library", str(library_path), "--json", "stafettpinnen"]) == 0
    )
    records = json.loads(capsys.readouterr().out)
    assert {record["slug"] for record in records} == {
        SAMPLE_ARTICLE,
        "2019-natverkstraff-malmo",
        "2020-natverkstraff-stockholm",
    }
    assert all(record["match"] == "stafettpinnen" for record in records)
    assert main(["search", "--library", str(library_path), "xyzzy"]) == 1
