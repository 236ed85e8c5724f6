"""UI strings: import, export, statistics and `new`. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Reading the file to import.
    "import.empty": (
        "{path} är tom: det finns ingen text att importera",
        "{path} is empty: there is no text to import",
    ),
    "import.binary": (
        "{path} ser inte ut som text (binärfil?); spara sidan som text eller HTML",
        "{path} does not look like text (a binary file?); save the page as text or HTML",
    ),
    "import.too_large": (
        "{path} är för stor för att vara en artikel (högst 5 MB)",
        "{path} is too large to be an article (at most 5 MB)",
    ),
    "import.unreadable": (
        "kan inte läsa {path}: {error}",
        "cannot read {path}: {error}",
    ),
    # Notes on a proposal.
    "import.note.encoding": (
        "filen var inte UTF-8 och lästes som Windows-1252; kontrollera å, ä och ö",
        "the file was not UTF-8 and was read as Windows-1252; check å, ä and ö",
    ),
    "import.note.no_date": (
        "inget publiceringsdatum hittades; dagens datum ({date}) föreslås",
        "no publication date was found; today's date ({date}) is proposed",
    ),
    "import.note.not_article": (
        "texten ser inte ut som en artikel (ingen rubrik följd av stycken); "
        "hela texten blev brödtext i en rapport",
        "the text does not look like an article (no title followed by paragraphs); "
        "the whole text became the body of a report",
    ),
    "import.note.no_byline": (
        "frågor hittades men ingen presentation av den intervjuade "
        '("Namn, roll, i Organisation"), så artikeln föreslås som rapport',
        "questions were found but no introduction of the interviewee "
        '("Name, role, i Organisation"), so the article is proposed as a report',
    ),
    "import.note.link_titles": (
        "länkarnas titlar är gissade ur texten och adressen; skriv gärna bättre",
        "the link titles are guessed from the text and the address; improve them",
    ),
    "import.note.consent": (
        "samtycke till publicering är inte angivet; fråga den intervjuade",
        "consent to publication is not recorded; ask the interviewee",
    ),
    "import.note.review": (
        "förslag: {kind} med {entries} frågor; granska innan du sparar",
        "proposal: {kind} with {entries} questions; review it before saving",
    ),
    # Calendar export.
    "ical.programme": ("Program:", "Programme:"),
}
