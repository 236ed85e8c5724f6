"""Write a synthetic library for the benchmark: Swedish articles, interviews, events, a long report."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from bftui.bench import words
from bftui.core.slugs import slugify

LIBRARY_TITLE = "Benchmarkbiblioteket"
"""The library's title, in the app's header: read from the cached outline on a
warm start (before the library itself), from the library on a cold one."""
FIRST_TITLE = "Allra första artikeln"
"""The newest year's first title in Swedish order (every other title starts
with an adjective from e to ö): the sidebar's first item, under the cursor
when the app starts."""
FIRST_SLUG = "2025-12-31-allra-forsta-artikeln"
FIRST_MARK = "Nyårsingressen"
"""A word only the first article's lead holds: on screen once it is open."""
REPORT_TITLE = "Stora utvärderingsrapporten om Bostad först"
"""Title of the ~300 KB report; the reader shows it when the report is open."""
REPORT_SLUG = "stora-utvarderingsrapporten-om-bostad-forst"
TYPICAL_TITLE = "Typiska intervjun med Märta Åberg om vardagen"
"""Title of one ordinary interview (about 8 KB), opened by the benchmark."""
TYPICAL_SLUG = "2021-03-15-typiska-intervjun-med-marta-aberg-om-vardagen"
TYPICAL_MARK = "Trappuppgångsvardagen"
"""A word only the typical interview's lead holds: on screen once it is open."""
REPORT_MARK = "Slutrapportsammanfattningen"
"""A word only the report's lead holds: its first screen is showing."""
REPORT_END_MARK = "Slutordsavsnittet"
"""A word only the report's last heading and last line hold: the whole report
can be reached once it shows."""

_SYLLABLES = [
    "bo",
    "sta",
    "hyr",
    "vik",
    "berg",
    "dal",
    "ström",
    "lund",
    "sjö",
    "holm",
    "kvarn",
    "bäck",
    "gård",
    "näs",
    "ås",
    "hem",
    "torp",
    "by",
    "mark",
    "stig",
    "lid",
    "ö",
    "fors",
    "vall",
    "ängs",
    "björk",
    "gran",
    "tall",
    "rot",
    "löv",
]


@dataclass(frozen=True, slots=True)
class Sizes:
    """How many items to write, and the mix of article sizes in bytes."""

    articles: int = 10_000
    events: int = 1_000
    big_share: float = 0.005
    """Share of articles of about 200 KB."""
    medium_share: float = 0.075
    """Share of articles of 10-20 KB; the rest are 2-10 KB."""


class _Writer:
    """Deterministic text from a Zipf-weighted vocabulary."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        compounds = [h + t for h in words.COMPOUND_HEADS for t in words.COMPOUND_TAILS]
        rare = {
            "".join(self.rnd.choice(_SYLLABLES) for _ in range(self.rnd.randint(2, 4)))
            for _ in range(6000)
        }
        city_words = [c.lower() + s for c in words.CITIES for s in ("", "s", "bor")]
        vocabulary = (
            words.COMMON
            + words.NOUNS
            + words.VERBS
            + words.ADJECTIVES
            + compounds
            + city_words
            + sorted(rare)
        )
        self.vocabulary = vocabulary
        self.cumulative = list(
            accumulate(1 / (rank + 1) for rank in range(len(vocabulary)))
        )

    def sentence(self, low: int = 6, high: int = 18) -> str:
        chosen = self.rnd.choices(
            self.vocabulary, cum_weights=self.cumulative, k=self.rnd.randint(low, high)
        )
        if self.rnd.random() < 0.3:
            chosen.insert(
                self.rnd.randrange(len(chosen)), self.rnd.choice(words.CITIES)
            )
        return (
            chosen[0].capitalize()
            + " "
            + " ".join(chosen[1:])
            + self.rnd.choice("....!?")
        )

    def paragraph(self, sentences: int = 0) -> str:
        count = sentences or self.rnd.randint(3, 7)
        return " ".join(self.sentence() for _ in range(count))

    def person(self) -> str:
        return (
            f"{self.rnd.choice(words.FIRST_NAMES)} {self.rnd.choice(words.LAST_NAMES)}"
        )

    def organisation(self, city: str) -> str:
        return self.rnd.choice(words.ORGANISATION_PATTERNS).format(city=city)

    def body(self, target: int, interview: bool) -> str:
        parts = [self.paragraph(), self.paragraph()]
        size = sum(len(p) for p in parts)
        questions = list(words.QUESTIONS)
        self.rnd.shuffle(questions)
        index = 0
        while size < target:
            if interview:
                heading = f"### {questions[index % len(questions)]}"
            else:
                heading = f"## {self.rnd.choice(words.NOUNS).capitalize()} och {self.rnd.choice(words.NOUNS)}"
            index += 1
            block = f"{heading}\n\n{self.paragraph()}\n\n{self.paragraph()}"
            parts.append(block)
            size += len(block)
        return "\n\n".join(parts) + "\n"


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string for this text.
    return json.dumps(value, ensure_ascii=False)


def _article_size(writer: _Writer, sizes: Sizes) -> int:
    roll = writer.rnd.random()
    if roll < sizes.big_share:
        return writer.rnd.randint(180_000, 220_000)
    if roll < sizes.big_share + sizes.medium_share:
        return writer.rnd.randint(10_000, 20_000)
    # Log-uniform: small articles are the most common, as in the real archive.
    return int(math.exp(writer.rnd.uniform(math.log(1_500), math.log(9_000))))


def _article(
    writer: _Writer,
    title: str,
    kind: str,
    published: dt.date,
    body_size: int,
    event: str,
    lead: str = "",
) -> str:
    rnd = writer.rnd
    city = rnd.choice(words.CITIES)
    tags = sorted({city, *rnd.sample(words.TAGS, rnd.randint(1, 3))})
    lines = [
        "+++",
        f"title = {_toml(title)}",
        f'kind = "{kind}"',
        f"published = {published.isoformat()}",
        f"lead = {_toml(lead or writer.sentence(8, 16))}",
        "tags = [" + ", ".join(_toml(tag) for tag in tags) + "]",
    ]
    if event:
        lines.append(f'event = "{event}"')
    if kind == "interview":
        lines += [
            "",
            "[interviewee]",
            f"name = {_toml(writer.person())}",
            f"role = {_toml(rnd.choice(words.ROLES))}",
            f"organisation = {_toml(writer.organisation(city))}",
            "consent = true",
        ]
    lines.append("+++")
    return "\n".join(lines) + "\n\n" + writer.body(body_size, kind == "interview")


def _event(writer: _Writer, index: int, year: int) -> tuple[str, str]:
    rnd = writer.rnd
    city = rnd.choice(words.CITIES)
    kind = rnd.choice(("network-meeting", "conference", "study-visit", "other"))
    start = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 27))
    title = f"{rnd.choice(('Nätverksträff', 'Konferens', 'Studiebesök', 'Seminarium'))} i {city} {year}"
    slug = f"{year}-{slugify(title)}-{index}"
    partners = rnd.sample(words.PARTNERS, rnd.randint(1, 3))
    lines = [
        f"title = {_toml(title)}",
        f'kind = "{kind}"',
        f"year = {year}",
        f"start = {start.isoformat()}",
        f"end = {(start + dt.timedelta(days=rnd.randint(0, 2))).isoformat()}",
        f"city = {_toml(city)}",
        f"venue = {_toml(rnd.choice(('Folkets hus', 'Stadshuset', 'Konserthuset', 'Medborgarhuset')))}",
        f"organiser = {_toml(writer.organisation(city))}",
        "partners = [" + ", ".join(_toml(p) for p in partners) + "]",
        f"participants = {rnd.randint(20, 400)}",
        f'summary = """\n{writer.paragraph()}\n"""',
    ]
    for day in range(1, rnd.randint(2, 4)):
        lines += [
            "",
            "[[programme]]",
            f"day = {day}",
            f"title = {_toml(writer.sentence(3, 6).rstrip('.!?'))}",
            f'description = """\n{writer.paragraph(2)}"""',
        ]
    return slug, "\n".join(lines) + "\n"


def report_body(writer: _Writer, target: int = 300_000, headings: int = 600) -> str:
    """Return a long report: headings, paragraphs, lists and quotes."""
    rnd = writer.rnd
    parts = [writer.paragraph()]
    per_section = target // headings
    for number in range(1, headings + 1):
        level = "##" if number % 4 == 1 else "###"
        topic = f"{rnd.choice(words.NOUNS).capitalize()} i {rnd.choice(words.CITIES)}"
        if number == headings:
            topic = REPORT_END_MARK
        parts.append(f"{level} {number}. {topic}")
        parts.append(writer.paragraph(max(1, per_section // 220)))
        roll = rnd.random()
        if roll < 0.3:
            parts.append(
                "\n".join(
                    f"- {writer.sentence(3, 8)}" for _ in range(rnd.randint(3, 6))
                )
            )
        elif roll < 0.5:
            parts.append(f"> {writer.sentence(8, 14)}")
    text = "\n\n".join(parts)
    while len(text.encode()) < target:
        text += "\n\n" + writer.paragraph()
    return f"{text}\n\n{REPORT_END_MARK} avslutar rapporten.\n"


def write_first_article(root: Path, writer: _Writer | None = None) -> None:
    """Write the newest article (FIRST_TITLE), the one Enter opens at the start."""
    text = _article(
        writer or _Writer(2026),
        FIRST_TITLE,
        "news",
        dt.date(2025, 12, 31),
        4_000,
        "",
        f"{FIRST_MARK} inleder året",
    )
    (root / "2025").mkdir(exist_ok=True)
    (root / "2025" / f"{FIRST_SLUG}.md").write_text(text, encoding="utf-8")


def generate(root: Path, sizes: Sizes = Sizes(), seed: int = 2024) -> None:
    """Write a library of `sizes` under `root` (which should be empty)."""
    writer = _Writer(seed)
    rnd = writer.rnd
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "bftui.toml").write_text(f'title = "{LIBRARY_TITLE}"\n', encoding="utf-8")
    event_slugs: list[str] = []
    for index in range(sizes.events):
        slug, text = _event(writer, index, rnd.randint(2005, 2025))
        event_slugs.append(slug)
        (root / "events" / f"{slug}.toml").write_text(text, encoding="utf-8")
    kinds = ("interview", "interview", "news", "news", "report")
    for index in range(sizes.articles):
        published = dt.date(
            rnd.randint(2005, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
        )
        kind = rnd.choice(kinds)
        city = rnd.choice(words.CITIES)
        title = f"{rnd.choice(words.ADJECTIVES).capitalize()} {rnd.choice(words.NOUNS)} i {city}: {writer.sentence(3, 7).rstrip('.!?').lower()}"
        event = rnd.choice(event_slugs) if event_slugs and rnd.random() < 0.2 else ""
        text = _article(
            writer, title, kind, published, _article_size(writer, sizes), event
        )
        folder = root / str(published.year)
        folder.mkdir(exist_ok=True)
        slug = f"{published.isoformat()}-{slugify(title)[:50].rstrip('-')}-{index}"
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    write_first_article(root, writer)
    lead = f"{TYPICAL_MARK} börjar tidigt"
    typical = _article(
        writer, TYPICAL_TITLE, "interview", dt.date(2021, 3, 15), 8_000, "", lead
    )
    (root / "2021").mkdir(exist_ok=True)
    (root / "2021" / f"{TYPICAL_SLUG}.md").write_text(typical, encoding="utf-8")
    front = (
        f'+++\ntitle = "{REPORT_TITLE}"\nkind = "report"\npublished = 2022-06-01\n'
        f'lead = "{REPORT_MARK} först"\ntags = ["utvärdering"]\n+++\n\n'
    )
    (root / f"{REPORT_SLUG}.md").write_text(
        front + report_body(writer), encoding="utf-8"
    )
