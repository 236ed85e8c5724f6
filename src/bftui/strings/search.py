"""UI strings: search. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "search.key": ("Sök", "Search"),
    "search.tip": (
        "Sök i hela bibliotekets text: titlar, personer, orter, brödtext",
        "Search the whole library's text: titles, people, places, body text",
    ),
    "search.title": ("Sök i biblioteket", "Search the library"),
    "search.placeholder": (
        'Sök… (t.ex. malmö typ:intervju år:2019 "bostad först")',
        'Search… (e.g. malmö type:interview year:2019 "housing first")',
    ),
    "search.hint": (
        "Filter: typ: tagg: år: stad: person:   ↑↓ välj · Enter öppna · Esc stäng",
        "Filters: type: tag: year: city: person:   ↑↓ choose · Enter open · Esc close",
    ),
    "search.count": ("{count} träffar", "{count} hits"),
    "search.many": ("De {count} bästa träffarna", "The best {count} hits"),
    "search.none": ("Inga träffar", "No hits"),
    "search.short": ("Skriv minst två bokstäver", "Type at least two letters"),
    "search.indexing": (
        "Bygger sökindex… {done} av {total} filer",
        "Building the search index… {done} of {total} files",
    ),
    "search.where.title": ("titeln", "the title"),
    "search.where.people": ("personen", "the person"),
    "search.where.orgs": ("organisationen", "the organisation"),
    "search.where.places": ("platsen", "the place"),
    "search.where.tags": ("taggarna", "the tags"),
    "search.where.lead": ("ingressen", "the lead"),
    "search.where.body": ("texten", "the text"),
    "search.palette.help": ("{kind}, {year}", "{kind}, {year}"),
    "search.close": ("Stäng", "Close"),
    "search.open": ("Öppna", "Open"),
}
