"""Find the question-and-answer entries of an interview body.

Every top-level `###` heading is a question; its answer is the blocks after it
up to the next heading of level 3 or higher. markdown-it-py's token line maps
say exactly which body lines each entry covers, so entries can be edited one
at a time without touching any other line.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from bftui.core.items.model import QA

_parser = MarkdownIt("commonmark")


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    start: int
    end: int
    text: str


def _headings(body: str) -> list[_Heading]:
    # markdown-it also ends a line at a lone CR; body.split("\n") does not, so a
    # lone CR would shift every line number after it (and edits would hit the
    # wrong lines). A space keeps the lines as split("\n") counts them.
    tokens = _parser.parse(body.replace("\r\n", "\n").replace("\r", " "))
    headings: list[_Heading] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            inline = tokens[index + 1]
            headings.append(
                _Heading(int(token.tag[1]), token.map[0], token.map[1], inline.content)
            )
    return headings


def find_entries(body: str) -> list[QA]:
    """Return the Q&A entries of `body`, in order, with their line ranges."""
    lines = body.split("\n")
    headings = _headings(body)
    entries: list[QA] = []
    for index, heading in enumerate(headings):
        if heading.level != 3:
            continue
        end = next(
            (later.start for later in headings[index + 1 :] if later.level <= 3),
            len(lines),
        )
        answer = "\n".join(lines[heading.end : end]).strip("\n")
        entries.append(QA(heading.text, answer, heading.start, end))
    return entries


def introduction(body: str, entries: list[QA]) -> str:
    """Return the text of `body` before its first entry (all of it if none)."""
    if not entries:
        return body
    return "\n".join(body.split("\n")[: entries[0].start])
