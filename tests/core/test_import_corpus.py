"""The import corpus: realistic saved pages, each with the article it should give.

Every page in `tests/data/import/corpus/` is imported and compared with its
`.expected.md` file byte for byte. The share imported exactly right is
printed; the pages the importer before issue 14 already got right (listed in
`BASELINE`) must stay right.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bftui.core.store.storage import article_text
from bftui.core.transfer.importer import import_file

CORPUS = Path(__file__).parent.parent / "data" / "import" / "corpus"
TODAY = dt.date(2030, 1, 2)
PAGES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))
BASELINE = set((CORPUS / "BASELINE").read_text(encoding="utf-8").split())


def _imported(page: Path) -> str:
    proposal = import_file(page, today=TODAY)
    return article_text(proposal.front, proposal.body)


def _expected(page: Path) -> str:
    return page.with_name(page.name + ".expected.md").read_text(encoding="utf-8")


def test_every_page_has_its_expected_article() -> None:
    assert len(PAGES) >= 20
    for page in PAGES:
        assert page.with_name(page.name + ".expected.md").is_file(), page.name
    assert {page.name for page in PAGES} >= BASELINE


def test_the_share_imported_exactly_right(capsys: pytest.CaptureFixture[str]) -> None:
    right = {page.name for page in PAGES if _imported(page) == _expected(page)}
    with capsys.disabled():
        print(
            f"\nimport corpus: {len(right)}/{len(PAGES)} exactly right "
            f"({len(right) / len(PAGES):.0%}); before issue 14: "
            f"{len(BASELINE)}/{len(PAGES)}"
        )
    assert right >= BASELINE, f"worse than before: {sorted(BASELINE - right)}"


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page(page: Path) -> None:
    assert _imported(page) == _expected(page)
