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
    "search.building": (
        "Sökindexet byggs; träffar kan saknas …",
        "The search index is being built; hits may be missing …",
    ),
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
    "search.cli.help": (
        "sök i hela bibliotekets text och skriv ut de bästa träffarna",
        "search the whole library's text and print the best hits",
    ),
    "search.cli.examples": (
        "exempel:\n  bftui search malmo\n  bftui search 'typ:intervju år:2019 \"bostad först\"'\n"
        "  bftui search stad:Malmö --json | jq '.[].slug'\n\n"
        "filter: typ: tagg: år: stad: person: (även type: tag: year: city:)\n"
        "slutstatus: 0 träffar, 1 inga träffar, 2 fel användning",
        "examples:\n  bftui search malmo\n  bftui search 'type:interview year:2019 \"bostad först\"'\n"
        "  bftui search city:Malmö --json | jq '.[].slug'\n\n"
        "filters: type: tag: year: city: person: (also typ: tagg: år: stad:)\n"
        "exit status: 0 hits, 1 no hits, 2 usage error",
    ),
    "search.cli.query": ("vad du söker", "what to search for"),
    "search.cli.limit": ("högst så många träffar (20)", "at most this many hits (20)"),
    "search.cli.json": ("skriv JSON", "print JSON"),
}
