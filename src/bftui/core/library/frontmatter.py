"""Split an article into its `+++` TOML front matter and Markdown body, and join them."""

from __future__ import annotations

from dataclasses import dataclass

DELIMITER = "+++"


class FrontMatterError(ValueError):
    """The file has no front matter, or it is never closed."""

    def __init__(self, line: int, key: str) -> None:
        super().__init__(key)
        self.line = line
        """1-based line the problem is reported on."""
        self.key = key
        """The i18n key of the message."""


@dataclass(frozen=True, slots=True)
class SplitText:
    """An article's text cut into its parts, with where each part starts."""

    front: str
    """The TOML between the delimiters, ending with a newline unless empty."""
    body: str
    """Everything after the closing delimiter line."""
    front_start: int
    """Character offset of the TOML in the text."""
    front_end: int
    """Character offset just past the TOML (where the closing line starts)."""
    body_start: int
    """Character offset of the body in the text."""
    body_line: int
    """1-based line of the text where the body starts."""


def split(text: str) -> SplitText:
    """Cut `text` at its front matter delimiters.

    Raises:
        FrontMatterError: when the first line is not `+++` or no line closes it.
    """
    start = 1 if text.startswith("\ufeff") else 0
    first_end = text.find("\n", start)
    if first_end == -1:
        # One line only: a lone "+++" opens front matter that never closes.
        key = "frontmatter.unclosed" if text[start:].strip() == DELIMITER else ""
        raise FrontMatterError(1, key or "frontmatter.missing")
    if text[start:first_end].rstrip() != DELIMITER:
        raise FrontMatterError(1, "frontmatter.missing")
    search = first_end
    while True:
        found = text.find("\n" + DELIMITER, search)
        if found == -1:
            raise FrontMatterError(1, "frontmatter.unclosed")
        line_end = text.find("\n", found + 1)
        if line_end == -1:
            line_end = len(text)
        if not text[found + 1 + len(DELIMITER) : line_end].strip():
            break
        search = found + 1
    body_start = min(line_end + 1, len(text))
    return SplitText(
        front=text[first_end + 1 : found + 1],
        body=text[body_start:],
        front_start=first_end + 1,
        front_end=found + 1,
        body_start=body_start,
        body_line=text.count("\n", 0, body_start) + 1,
    )


def join(front: str, body: str) -> str:
    """Return the article text made of TOML `front` and Markdown `body`."""
    if front and not front.endswith("\n"):
        front += "\n"
    return f"{DELIMITER}\n{front}{DELIMITER}\n{body}"
