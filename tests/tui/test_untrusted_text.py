"""Text from files reaches the screen as visible, harmless characters, never as markup."""

from __future__ import annotations

import json
from pathlib import Path

from appdriver import main_screen, open_item, settle, shown_text  # type: ignore[import-not-found]

from bftui.tui.app import BftuiApp

PAYLOAD = "\x1b]0;PWNED\x07 \x1b]52;c;ZXZpbA==\x1b\\ \x1b[5n \x9b31m \u202eevil"
MARKUP = "[@click=app.quit]klicka[/]"


async def test_escape_sequences_and_markup_in_a_file_stay_inert(
    library_path: Path,
) -> None:
    title = f"Farlig {MARKUP} {PAYLOAD}"
    (library_path / "farlig.md").write_text(
        f'+++\ntitle = {json.dumps(title)}\nkind = "news"\n'
        f"published = 2024-01-02\n+++\n\nBrödtext {PAYLOAD}\n",
        encoding="utf-8",
    )
    app = BftuiApp(library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        assert screen.library is not None
        article = screen.library.article("farlig")
        assert article is not None
        assert "\x1b" not in article.title and "␛" in article.title
        tree = screen.library_tree
        labels = [
            str(tree.get_node_at_line(n).label) for n in range(tree.last_line + 1)
        ]
        assert any(MARKUP in label for label in labels)
        await open_item(pilot, article)
        text = shown_text(pilot)
        assert "␛]0;PWNED" in text and "<U+202E>" in text
        assert MARKUP in text
        screenshot = app.export_screenshot()
        assert "PWNED\x07" not in screenshot and "\x1b]" not in screenshot
