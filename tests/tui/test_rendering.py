"""Splitting and rendering documents section by section."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from bftui.tui.rendering import split_sections

DOCUMENT = """Intro text.

# Title ##

```python
# not a heading
```

## Second
~~~~
### inside tilde fence
~~~
still inside
~~~~
    # indented code, not a heading
> # quoted, not top level
- # listed, not top level
#not a heading either
### Third ###
Text.
"""


def test_sections_start_at_top_level_headings_outside_code() -> None:
    sections = list(split_sections(DOCUMENT))
    assert [(level, heading) for level, heading, _ in sections] == [
        (0, ""),
        (1, "Title"),
        (2, "Second"),
        (3, "Third"),
    ]
    assert (
        "".join(source + "\n" for _, _, source in sections).rstrip()
        == DOCUMENT.rstrip()
    )


@pytest.mark.parametrize("size", [1, 40])
def test_the_scan_agrees_with_markdown_it(size: int) -> None:
    document = DOCUMENT * size
    tokens = MarkdownIt("commonmark").parse(document)
    expected = [
        tokens[n + 1].content
        for n, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0
    ]
    assert [
        heading for level, heading, _ in split_sections(document) if level
    ] == expected
