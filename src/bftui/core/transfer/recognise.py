"""Recognise the parts of a web article's text: dates, page furniture and bylines.

Each function looks at one line or paragraph of Swedish (or English) web text
and says what it is; `bftui.core.transfer.importer` puts the answers together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bftui.core.items.schema import FIRST_YEAR, LAST_YEAR

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "maj": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
    "augusti": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = (
    # (pattern, group order as (year, month, day))
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), (1, 2, 3)),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?::[ea])?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
        ),
        (3, 2, 1),
    ),
    (re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), (3, 1, 2)),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.]|,?\s+)(\d{4})\b"), (3, 2, 1)),
)
_WEEKDAYS = (
    r"(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
)
_DATE_ONLY = re.compile(rf"^(?:{_WEEKDAYS}\s*,?\s*)?(?:den\s+)?(.{{6,30}})\Z", re.I)
_DATED = re.compile(
    r"^(?:sidan |artikeln |texten )?(?P<label>publicerad|publicerat|publicerades|"
    r"publ\.?|published|posted|datum|date|skapad|skapades|"
    r"uppdaterad|uppdaterat|uppdaterades|senast uppdaterad|senast ändrad|ändrad|"
    r"senast granskad|granskad|updated|last updated)(?:\b|(?<=\.))\s*:?\s*"
    r"(?P<rest>.*)\Z",
    re.I,
)
_FURNITURE = re.compile(
    r"^(?:[>»›<«‹|•·*\-–—_=~#+]+|(?:dela|share)(?:\s+[\w ]{0,30})?\s*(?::.{0,120})?|"
    r"skriv ut|print|tillbaka|till toppen|back to top|tipsa en vän|tipsa oss|"
    r"(?:följ oss|follow us)(?:\s+på\s+\w+)?:?|(?:facebook|twitter|linkedin|x)\s*|"
    r"\[?\s*annons\s*\]?|annonsera|advertisement|läs (?:mer|också|även)(?: här)?|"
    r"se (?:mer|också)|read more|visa (?:fler|mer|alla)|stäng|meny|sök|logga in|"
    r"prenumerera(?:\s.{0,60})?|lyssna(?: på (?:artikeln|texten))?|kommentera|"
    r"\d+\s*min(?:uter)?\s*(?:läsning|lästid)|"
    r"(?:hoppa|gå|skip) (?:direkt )?(?:till|to) (?:huvud)?(?:innehåll(?:et)?|content)|"
    r"(?:av|text|text och foto|foto och text|reporter|by)\s*:?\s+"
    r"[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+){0,3}|"
    r"(?:image|bild|foto|img)?[\w.()-]*\.(?:jpe?g|png|gif|webp|svg|heic|tiff?|avif))\Z",
    re.I,
)
_CREDIT = re.compile(
    r"(?:^|[\s.(|])(?:foto|fotograf|bild|illustration|photo)\s*:\s*\S|"
    r"(?:^|\s)foto\s+[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?\s*\)?\Z|"
    r"^(?:porträttbild|porträtt|pressbild|arkivbild|bild|bilden|bildtext)\s+(?:på|av|visar)\s",
    re.I,
)
_CAPTION = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,3}\s+som\s+[a-zåäö]+(?:r|s)\s", re.U
)
_BANNER = re.compile(
    r"webbläsare.{0,80}(?:stöds|stödjer|rekommender|uppdatera|föråldrad|gammal|byt)|"
    r"(?:stöds|stödjer|rekommender|uppdatera).{0,80}webbläsare|"
    r"\b(?:kakor|cookies)\b.{0,120}\b(?:använder|godkänn|acceptera)|"
    r"\b(?:använder|godkänn|acceptera).{0,120}\b(?:kakor|cookies)\b|"
    r"aktivera javascript|javascript (?:är|måste)|your browser|unsupported browser",
    re.I,
)
_LABEL = re.compile(
    r"^(?:[\w\s-]{1,40}\s)?i korthet|fakta(?:ruta)?(?:\s+om\s+[\w\s-]{1,30})?|"
    r"kort om\s+[\w\s-]{1,40}|inblandade (?:bolag|parter|aktörer)|relaterat|"
    r"relaterade (?:artiklar|nyheter|sidor)|mest lästa?|senaste nytt|kontakt(?:a oss)?|"
    r"kontaktperson(?:er)?|taggar|ämnen|nyckelord|innehåll|på den här sidan|"
    r"om (?:projektet|artikeln|författaren)\Z",
    re.I,
)


def is_credit(line: str) -> bool:
    """Return True for a photo credit or a picture's label ("Foto: Per Persson")."""
    return bool(_CREDIT.search(line.strip())) and len(line) <= 160


def is_caption(line: str) -> bool:
    """Return True for a line that describes a picture ("Kille som står lutad mot ...")."""
    line = line.strip()
    words = line.split()
    if not 6 <= len(words) <= 16 or line.endswith((".", "!", "?", ":")):
        return is_credit(line)
    return bool(_CAPTION.match(line)) or is_credit(line)


_GLUED = re.compile(
    r"^(?i:porträttbild|porträtt|pressbild|arkivbild|bild|foto)\b[^–—]{3,160}?"
    r"(?:[a-zåäö.)](?=[–—]\s)|[a-zåäö](?=[A-ZÅÄÖ][a-zåäö]))"
)


_GLUED_SCENE = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]*(?:\s+[\wåäö-]+){0,3}\s+som\s+[a-zåäö]+(?:r|s)\s"
    r"(?:[^.!?–—]{0,120}?\s)?[a-zåäö][\wåäö-]*(?=\s[A-ZÅÄÖ][a-zåäö]*\s[a-zåäö])"
)


def caption_glued(paragraph: str) -> str | None:
    """Return the prose of a paragraph that a picture's caption was glued to, else None.

    Text copied from a page can run a caption into the next paragraph:
    "Porträttbild på Eva Ek, chef– Vi vill ..." gives "– Vi vill ...", and
    "Tandborste som sköljs under vatten En så enkel sak ..." gives "En så ...".
    """
    match = _GLUED.match(paragraph) or _GLUED_SCENE.match(paragraph)
    if match is None or match.end() >= len(paragraph) - 20:
        return None
    return paragraph[match.end() :].lstrip()


def is_banner(line: str) -> bool:
    """Return True for a browser, cookie or JavaScript notice of the site."""
    return bool(_BANNER.search(line)) and len(line) <= 400


def is_label(line: str) -> bool:
    """Return True for a side box's heading ("Projektet i korthet", "Fakta")."""
    return bool(_LABEL.fullmatch(line.strip().rstrip(":")))


def plausible_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None if there is none such or its year is one `check` refuses.

    A page's "24 maj 0020" is a typo, not a date to propose: the article
    could not be saved with it.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """Return the first valid date written in `text`, in any form the importer knows."""
    found: list[tuple[int, dt.date]] = []
    for pattern, (y, m, d) in _DATES:
        for match in pattern.finditer(text):
            month = match.group(m)
            number = _MONTHS.get(month.lower()) if not month.isdigit() else int(month)
            value = plausible_date(
                int(match.group(y)), number or 0, int(match.group(d))
            )
            if value is None:
                continue
            found.append((match.start(), value))
            break
    return min(found, key=lambda pair: pair[0])[1] if found else None


_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s*[|•·]\s*(?=\d)")
_TAIL = re.compile(
    r"^(?:\d+\s*min(?:uter|uters)?\s*(?:läsning|lästid|read)|(?:ämne|kategori|"
    r"avdelning|topic|category|taggar|tags)\s*:?\s*(?P<section>.{1,40})|"
    r"(?:av|text|by)\s*:?\s+.{1,40}|kl\.?\s*\d{1,2}[:.]\d{2}|"
    r"(?P<kind>pressmeddelande|nyhet(?:er)?|news|press release|debatt|krönika|"
    r"reportage|intervju|rapport|blogg(?:inlägg)?))\Z",
    re.I,
)
_RELATIVE = re.compile(
    r"^(?:i dag|idag|i går|igår|för \d+ (?:minuter|timmar|dagar) sedan)"
    r"(?:\s*(?:kl\.?\s*)?\d{1,2}[:.]\d{2})?\Z",
    re.I,
)
_MONTH_YEAR = re.compile(rf"^(?:i\s+)?({_MONTH})\.?\s+(\d{{4}})\Z", re.I)


@dataclass(frozen=True, slots=True)
class DateLine:
    """The dates and section named by one date line of a page."""

    dates: tuple[tuple[str, dt.date | None], ...]
    """`(label, date)`: label "published", "updated", "bare" or "month"."""
    section: str = ""
    """The topic the line names ("Ämne: Nyheter" gives "Nyheter")."""


def _segment(segment: str) -> tuple[str, dt.date | None] | None:
    labelled = _DATED.match(segment)
    if labelled:
        label = labelled.group("label").lower()
        rest = labelled.group("rest").strip()
        kind = (
            "updated"
            if label.startswith(
                ("uppdat", "senast", "updat", "last", "ändrad", "gransk")
            )
            else "published"
        )
        month = _MONTH_YEAR.match(rest)
        if month:
            year, number = int(month.group(2)), _MONTHS[month.group(1).lower()]
            first = plausible_date(year, number, 1)
            return ("month" if kind == "published" else kind), first
        date = find_date(rest)
        if date is None and rest and not _RELATIVE.match(rest):
            return None
        return kind, date
    only = _DATE_ONLY.match(segment)
    if only and find_date(segment) is not None:
        rest = only.group(1)
        for pattern, _ in _DATES:
            rest = pattern.sub("", rest, count=1)
        noise = r"[\s,.:;–—-]|kl|\d{1,2}[:.]\d{2}|\b(?:cet|cest|utc|gmt)\b"
        if not re.sub(noise, "", rest, flags=re.I):
            return "bare", find_date(segment)
    return None


def read_date_line(line: str) -> DateLine | None:
    """Say whether `line` is a date line of the page, not of the article text.

    "Publicerad: 24 maj, 2020", "Uppdaterad 2019-11-02 | Publicerad 2019-11-01",
    "2024-03-18 | 4 min läsning", "21 juni, 2021 • Ämne: Nyheter" and
    "Publicerat i maj 2024" are date lines; a sentence that mentions a date is not.
    """
    line = line.strip()
    if not line or len(line) > 100:
        return None
    dates: list[tuple[str, dt.date | None]] = []
    section = ""
    for segment in _SEPARATORS.split(line):
        segment = segment.strip(" ,;")
        if not segment:
            continue
        dated = _segment(segment)
        if dated is not None:
            dates.append(dated)
            continue
        tail = _TAIL.match(segment)
        # Only a kind of text ("Pressmeddelande") may come before the date.
        if tail is None or not (dates or tail.group("kind")):
            return None
        said = tail.group("section") or tail.group("kind") or ""
        section = section or said.strip()
    return DateLine(tuple(dates), section) if dates else None


def dated_line(line: str) -> tuple[str, dt.date | None] | None:
    """Return the first `(label, date)` of the date line `line`, or None for prose."""
    read = read_date_line(line)
    return read.dates[0] if read else None


_DATE_PREFIX = re.compile(
    rf"^(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}})"
    r"\s*[|•·:–—-]?\s+(?=[A-ZÅÄÖÉ])",
    re.I,
)


def date_prefix(paragraph: str) -> tuple[dt.date, str] | None:
    """Split "30 juni 2023 Hemlösheten ökar ..." into the date and the prose after it."""
    match = _DATE_PREFIX.match(paragraph)
    if not match or len(paragraph) - match.end() < 40:
        return None
    date = find_date(match.group("date"))
    return (date, paragraph[match.end() :]) if date else None


def is_furniture(line: str) -> bool:
    """Return True if `line` is page furniture: share buttons, "Läs mer", "[ Annons ]",
    image file names, photo credits, browser banners and the like."""
    line = line.strip()
    return bool(_FURNITURE.match(line)) or is_credit(line) or is_banner(line)


@dataclass(frozen=True, slots=True)
class Byline:
    """Who an interview is with, as named at the start of a paragraph."""

    name: str
    role: str
    organisation: str


_NAME_WORD = r"[A-ZÅÄÖÉÜØÆ][\w'’-]+"
_NAME = re.compile(
    rf"^{_NAME_WORD}(?: (?:af |von |van |de |der |la )?{_NAME_WORD}){{1,3}}\Z"
)
_PREPOSITION = re.compile(r"\s(?:i|på|vid|hos|inom|from|at)\s(?=[A-ZÅÄÖÉ0-9])")
_NOT_ROLE = frozenset(
    [
        "som",
        "och",
        "men",
        "där",
        "att",
        "det",
        "den",
        "de",
        "vilket",
        "vilka",
        "med",
        "samt",
        "har",
        "är",
        "var",
        "blev",
        "kommer",
        "också",
        "även",
    ]
)


def parse_byline(paragraph: str) -> Byline | None:
    """Return the person a paragraph or heading introduces, in any common byline form.

    "Name, role, i Org, ...", "Name, role på Org, ...", "Name, role, Org" and
    "Name, role" (a whole line, as in a heading), and prose: "Name jobbar som
    role på Org", "Name är role på Org", "... där Name har arbetat som role i Org".
    """
    return _comma_byline(paragraph) or _prose_byline(paragraph)


def _comma_byline(paragraph: str) -> Byline | None:
    whole = paragraph.strip().rstrip(".:")
    parts = [part.strip() for part in paragraph.split(",", 3)]
    line_only = len(whole) <= 120 and "." not in whole.rstrip(".")
    if len(parts) < 2 or not _NAME.match(parts[0]):
        return None
    if len(parts) == 2 and not line_only:
        return None
    role, organisation = parts[1].rstrip(".:"), ""
    words = role.split()
    if not 1 <= len(words) <= 8 or words[0].lower() in _NOT_ROLE:
        return None
    if not (words[0][0].islower() or words[0].isupper()):
        return None
    split = _PREPOSITION.search(role)
    if split:
        role, organisation = role[: split.start()], role[split.end() :]
    elif len(parts) == 4 or (len(parts) == 3 and line_only):
        after = re.match(
            r"^(?:(?:i|på|vid|hos|inom)\s+)?([A-ZÅÄÖÉ0-9].*?)\.?\Z", parts[2]
        )
        if after and len(after.group(1).split()) <= 6:
            organisation = after.group(1)
        elif len(parts) == 3:
            return None
    elif len(parts) == 3 and not line_only and not parts[2][:1].islower():
        return None
    if len(organisation.split()) > 6:
        return None
    return Byline(parts[0], role.strip(), organisation.strip())


_PROSE = re.compile(
    rf"(?:^|\bdär |\bnär |\bmed |, )(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}),? "
    r"(?:som )?(?:jobbar|arbetar|har jobbat|har arbetat|är|är anställd) "
    r"(?:som )?(?P<role>[a-zåäöé][\w -]{2,50}?) "
    r"(?:på|i|vid|hos|inom|för) (?P<org>[A-ZÅÄÖÉ][^,.;:!?]*)"
)
_MET = re.compile(
    r"\b(?:pratat|talat|träffat|intervjuat|samtalat|möter|träffar|intervjuar) med "
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}), "
    r"(?P<role>[a-zåäöé][\w -]{2,50}?) "
    r"(?:på|i|vid|hos|inom|för) (?P<org>[A-ZÅÄÖÉ][^,.;:!?]*)"
)
_ORG_STOP = frozenset(
    [
        "sedan",
        "och",
        "där",
        "under",
        "som",
        "men",
        "med",
        "efter",
        "när",
        "från",
        "till",
        "sen",
        "samt",
    ]
)


def _organisation(words: list[str]) -> str:
    """Return the leading words of `words` that name an organisation."""
    kept: list[str] = []
    for index, word in enumerate(words):
        nxt = words[index + 1] if index + 1 < len(words) else ""
        if word in _ORG_STOP or (
            kept and word in ("i", "på", "för") and (not nxt or not nxt[:1].isupper())
        ):
            break
        if len(kept) >= 6:
            return ""
        kept.append(word)
    return " ".join(kept)


def _prose_byline(paragraph: str) -> Byline | None:
    match = _PROSE.search(paragraph) or _MET.search(paragraph)
    if match is None:
        return None
    role = match.group("role").strip()
    if role.split()[0] in _NOT_ROLE or len(role.split()) > 5:
        return None
    organisation = _organisation(match.group("org").split())
    if not organisation:
        return None
    return Byline(match.group("name"), role, organisation)


_TITLE_PERSON = re.compile(
    r"^(?i:hallå där|hej|möt|intervju med|intervju|samtal med|"
    r"(?:två|tre|fyra|fem|sex|sju|några) frågor till)[,:]?\s+"
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,2}})\s*[!.?]?\Z"
)
_CONTINUED = re.compile(
    r"^(?:\.\.\.|…)\s*(?P<role>[a-zåäöé][\w -]{2,60}?) "
    r"(?:för|på|i|vid|hos|inom) (?P<org>[A-ZÅÄÖÉ][^,.;:!?]*)"
)


def title_byline(title: str, first: str) -> Byline | None:
    """Return the person a title names ("Hallå där, Maria Holm!"), with the role the
    first paragraph goes on with ("...teamledare för Bostad först i Linköping.")."""
    named = _TITLE_PERSON.match(title.strip())
    if named is None:
        return None
    role, organisation = "", ""
    continued = _CONTINUED.match(first.strip())
    if continued is not None:
        role = continued.group("role").strip()
        organisation = _organisation(continued.group("org").split())
    return Byline(named.group("name"), role, organisation)
