"""A long section renders in pieces that read exactly as the whole section.

The reader shows a document as its sections render, so a section of
100,000 list rows (or any section far longer than a screen) kept the first
screen back until all of it was rendered (19 s). Such a section is cut
between blocks, list items or quote lines, never inside fenced code, and the
pieces together must show what the whole would have shown.
"""

from __future__ import annotations

import pytest
from rich.theme import Theme

from bftui.tui.rendering import LONG_LINE, render_document, render_section

WIDTH = 60


def _paragraphs(count: int) -> str:
    return "\n\n".join(
        f"Stycke {n}: Bostad först ger en egen lägenhet med kontrakt, och stöd "
        f"som följer personen. Det {n}:e stycket slutar här."
        for n in range(count)
    )


DOCUMENTS = {
    "tight list": "\n".join(f"- rad {n} med lite text" for n in range(3_000)),
    "loose list": "\n\n".join(f"- punkt {n} i en gles lista" for n in range(1_500)),
    "numbered list": "\n".join(f"{n + 1}. steg {n + 1}" for n in range(3_000)),
    "paragraphs": _paragraphs(400),
    "quote": "\n".join(f"> citerad rad {n} ur rapporten" for n in range(2_000)),
    "list with indented lines": "\n".join(
        f"- punkt {n}\n  som fortsätter här\n\n  och här" for n in range(1_000)
    ),
    "fenced code among paragraphs": "\n\n".join(
        [
            _paragraphs(100),
            "```\n" + "\n".join(f"- inte en lista {n}" for n in range(2_000)) + "\n```",
            _paragraphs(100),
        ]
    ),
}


def _text(lines: list[object]) -> list[str]:
    return [line.text.rstrip() for line in lines]  # type: ignore[attr-defined]


def _as_read(texts: list[str]) -> list[str]:
    """Return the lines as a reader sees them: runs of blank lines as one."""
    read: list[str] = []
    for text in texts:
        if text or (read and read[-1]):
            read.append(text)
    while read and not read[-1]:
        read.pop()
    return read


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_long_section_in_pieces_reads_as_the_whole(name: str) -> None:
    source = DOCUMENTS[name]
    assert len(source) > LONG_LINE
    theme = Theme()
    whole = _text(render_section(source, WIDTH, theme)[0])
    sections = list(render_document(source, WIDTH, theme))
    assert len(sections) > 1, "a long section comes in pieces"
    shown = [text for section in sections for text in _text(section.lines)]
    if name in ("quote", "numbered list"):
        # A quote of one paragraph wraps anew after a cut (with an empty
        # quote line at it); numbers are padded to the widest in each piece:
        # the same words in the same order.
        def words(texts: list[str]) -> list[str]:
            return [word for word in " ".join(texts).split() if word != "▌"]

        assert words(shown) == words(whole)
    else:
        assert _as_read(shown) == _as_read(whole)


def test_the_first_piece_of_a_hundred_thousand_rows_is_a_screen_or_so() -> None:
    rows = "\n".join(f"- rad {n} med lite text" for n in range(100_000))
    first = next(render_document(rows, WIDTH, Theme()))
    texts = [text for text in _text(first.lines) if text]
    assert 24 <= len(texts) < 2_000
    assert texts[0].strip() == "• rad 0 med lite text"
