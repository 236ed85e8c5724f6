"""Terminal-injection payloads, and the check that text on its way to a screen is inert."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bftui.core.items.schema import TITLE_MAX
from bftui.core.text import safe_text

PAYLOADS: dict[str, str] = {
    "csi-colour": "\x1b[31mRÖD\x1b[0m",
    "cursor-moves": "\x1b[2J\x1b[H\x1b[10;10H\x1b[A\x1b7\x1b8",
    "title-osc0-bel": "\x1b]0;PWNED\x07",
    "title-osc2-st": "\x1b]2;PWNED\x1b\\",
    "osc8-hyperlink": "\x1b]8;;http://evil.example/\x1b\\klick\x1b]8;;\x1b\\",
    "osc52-clipboard": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "status-report": "\x1b[5n\x1b[6n\x1b[c",
    "dcs": "\x1bP+q544e\x1b\\",
    "c1-csi": "\x9b31m\x9b2J",
    "c1-osc": "\x9d0;PWNED\x9c",
    "c0-controls": "\x00\x01\x07\x08\x0b\x0c\x0e\x0f\x1a\x7f",
    "cr-overwrite": "säker\rFARLIG",
    "bidi-override": "\u202eevil\u202c \u2066x\u2069 \u200f\u061c",
    "textual-markup": "[@click=app.quit]klicka[/] [bold red]röd[/]",
    "rich-link-markup": "[link=http://evil.example]länk[/link]",
}
"""Each payload is one injection case; its name says what it would do if it got through."""

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""What must never reach a terminal from a file: C0 but tab and newline, DEL, C1, bidi."""


def assert_inert(text: str, where: str = "") -> None:
    """Fail if `text` holds anything a terminal would act on."""
    found = UNSAFE.search(text)
    assert found is None, (
        f"{where}: {found.group()!r} in {text[max(0, found.start() - 40) : found.end() + 40]!r}"
    )


CONTEXTS: dict[str, str] = {
    "paragraph": "Stycke {p} slut.",
    "heading": "## Rubrik {p}",
    "question": "### Fråga {p}?",
    "emphasis": "*kursiv {p}* och **fet {p}**",
    "code-span": "`kod {p}`",
    "fence": "```\nkod {p}\n```",
    "table-cell": "| a | b |\n|---|---|\n| {p} | x |",
    "link-text": "[länk {p}](https://example.org/)",
    "link-destination": "[länk](<https://example.org/{p}>)",
    "blockquote": "> citat {p}",
    "list": "- punkt {p}\n1. nummer {p}",
    "html": "<b>{p}</b>",
}
"""Where in a Markdown body a payload is placed."""


def hostile_article(name: str, payload: str, *, event: str = "") -> str:
    """Return an article with `payload` in its title, lead, tags and every body context."""
    front = {
        "title": f"Titel {name} {payload}",
        "lead": f"Ingress {payload}",
        "tags": [f"tagg {payload}"],
    }
    lines = [f"{key} = {json.dumps(value)}" for key, value in front.items()]
    lines += ['kind = "interview"', "published = 2024-01-02"]
    if event:
        lines.append(f"event = {json.dumps(event)}")
    lines += ["", "[interviewee]", f"name = {json.dumps('Namn ' + payload)}"]
    body = "\n\n".join(
        template.format(p=payload) for template in CONTEXTS.values()
    ).replace("\r", "\r\n")
    return "+++\n" + "\n".join(lines) + "\n+++\n\nIntro.\n\n" + body + "\n"


def shown_at_most(text: str, length: int) -> str:
    """Return the longest start of `text` whose shown form has at most `length` characters."""
    while len(safe_text(text)) > length:
        text = text[:-1]
    return text


def hostile_event(payload: str) -> str:
    """Return an event with `payload` in every text field and in its programme."""
    fields = ("title", "city", "venue", "organiser", "participants_note", "summary")
    # Titles have a maximum length, as shown (a longer one is a problem, not an event).
    title = shown_at_most(f"title {payload}", TITLE_MAX)
    lines = [f"{key} = {json.dumps(f'{key} {payload}')}" for key in fields[1:]]
    lines.insert(0, f"title = {json.dumps(title)}")
    lines += ["year = 2024", f"partners = [{json.dumps(payload)}]"]
    lines += [
        "",
        "[[programme]]",
        f"title = {json.dumps(shown_at_most('Punkt ' + payload, TITLE_MAX))}",
        "day = 1",
    ]
    return "\n".join(lines) + "\n"


def write_hostile_library(root: Path) -> None:
    """Add one article per payload, a hostile event, and hostile file names to `root`."""
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        (root / f"farlig-{number}.md").write_text(
            hostile_article(name, payload), encoding="utf-8"
        )
    (root / "events" / "farligt.toml").write_text(
        hostile_event("".join(PAYLOADS.values())), encoding="utf-8"
    )
    # File and folder names are untrusted too; the problems list names them.
    (root / "x\x1b]0;PWNED\x07\u202e.md").write_text("no front matter\n")
    folder = root / "mapp\x9b31m\x1b[2J"
    folder.mkdir()
    (folder / "ok.md").write_text(
        hostile_article("mapp", "\x1b[1m", event="\x1b]0;PWNED\x07"), encoding="utf-8"
    )
