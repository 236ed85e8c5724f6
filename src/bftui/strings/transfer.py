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
    "import.not_a_file": (
        "{path} är ingen vanlig fil (en mapp, en namngiven pipe eller en enhet)",
        "{path} is not a regular file (a folder, a named pipe or a device)",
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
        "inget publiceringsdatum hittades; dagens datum ({date}) står kvar tills "
        "någon anger rätt datum",
        "no publication date was found; today's date ({date}) stands in until "
        "someone gives the right one",
    ),
    "import.note.unsure_date": (
        "sidan anger bara ungefär när den publicerades; {date} föreslås",
        "the page only says roughly when it was published; {date} is proposed",
    ),
    "import.untitled": ("Utan rubrik", "Untitled"),
    "import.note.bad_source": (
        "sidans adress {url} är ingen giltig webbadress och sparas inte som källa",
        "the page's address {url} is not a valid web address and is not saved as the source",
    ),
    "import.note.author": (
        "sidan anger skribent: {names} (sparas inte som den intervjuade)",
        "the page names its writer: {names} (not saved as the interviewee)",
    ),
    "import.note.needs_review": (
        "gissat, inte angivet på sidan: {fields} (needs_review, tills någon "
        "sparar artikeln i formuläret)",
        "guessed, not given by the page: {fields} (needs_review, until someone "
        "saves the article in the form)",
    ),
    "import.note.not_article": (
        "texten ser inte ut som en artikel (ingen rubrik följd av stycken); "
        "hela texten blev brödtext i en rapport",
        "the text does not look like an article (no title followed by paragraphs); "
        "the whole text became the body of a report",
    ),
    "import.note.no_byline": (
        "frågor och svar hittades men ingen presentation av den intervjuade "
        '("Namn, roll, i Organisation"); fyll i vem intervjun är med',
        "questions and answers were found but no introduction of the interviewee "
        '("Name, role, i Organisation"); fill in who the interview is with',
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
    # `bftui import`.
    "import.cli.help": (
        "föreslå en artikel ur text eller en sparad webbsida (.txt, .html)",
        "propose an article from text or a saved web page (.txt, .html)",
    ),
    "import.cli.examples": (
        "exempel:\n"
        "  bftui import artikel.txt              visa förslaget (filen som skulle skrivas)\n"
        "  bftui import sida.html --save         spara förslaget i biblioteket\n"
        "  bftui import sida.txt --url URL       sidans adress blir artikelns källa\n"
        "  bftui import sida.html --update       uppdatera artikeln om sidan redan finns\n"
        "  bftui import arkiv/ --save            importera alla sparade sidor i en mapp\n\n"
        "Kommentarer om förslaget skrivs på stderr. Inget hämtas från nätet. En sida\n"
        "som redan finns (samma källa, eller samma rubrik och datum) sparas inte igen.\n"
        "slutstatus: 0 klart, 1 en fil kan inte importeras eller sparas, 2 felaktig användning",
        "examples:\n"
        "  bftui import article.txt              show the proposal (the file it would write)\n"
        "  bftui import page.html --save         save the proposal in the library\n"
        "  bftui import page.txt --url URL       the page's address becomes the source\n"
        "  bftui import page.html --update       refresh the article if the page is there\n"
        "  bftui import archive/ --save          import every saved page of a folder\n\n"
        "Notes on the proposal go to stderr. Nothing is fetched from the network. A page\n"
        "already in the library (same source, or same title and date) is not saved again.\n"
        "exit status: 0 done, 1 a file cannot be imported or saved, 2 usage error",
    ),
    "import.cli.file_meta": ("FIL", "FILE"),
    "import.cli.file": (
        "en sparad webbsida (.html) eller text (.txt), eller en mapp med sådana",
        "a saved web page (.html) or text (.txt), or a folder of them",
    ),
    "import.cli.save": (
        "skriv artikeln i biblioteket och visa sökvägen",
        "write the article into the library and print its path",
    ),
    "import.cli.note": ("bftui: obs: {note}", "bftui: note: {note}"),
    "import.cli.update": (
        "uppdatera en artikel som redan importerats från sidan; redaktörernas "
        "ändringar sedan dess behålls",
        "refresh an article imported from the page before; what editors changed "
        "since is kept",
    ),
    "import.cli.url": (
        "sidans adress, sparad som artikelns källa (för text utan adress)",
        "the page's address, saved as the article's source (for text without one)",
    ),
    "import.cli.url_for_file": (
        "--url gäller en fil, inte en mapp",
        "--url is for one file, not a folder",
    ),
    "import.cli.already": (
        "bftui: sidan finns redan i biblioteket som {slug}; --update uppdaterar den",
        "bftui: the page is already in the library as {slug}; --update refreshes it",
    ),
    "import.cli.kept_yours": (
        "bftui: {slug}: {field} ändrades både på sidan och i biblioteket; "
        "bibliotekets version behölls",
        "bftui: {slug}: {field} changed both on the page and in the library; "
        "the library's version was kept",
    ),
    "import.cli.no_base": (
        "bftui: {slug}: det tidigare importförslaget finns inte kvar; alla fält "
        "artikeln har behölls och sidan fyllde bara i det som saknades eller var gissat",
        "bftui: {slug}: the earlier import's proposal is not kept; every field the "
        "article has stayed and the page only filled in what was missing or guessed",
    ),
    "import.cli.no_pages": (
        "{path} innehåller inga sparade sidor (.html, .htm, .txt)",
        "{path} holds no saved pages (.html, .htm, .txt)",
    ),
    "import.cli.col_file": ("Fil", "File"),
    "import.cli.col_result": ("Resultat", "Result"),
    "import.cli.row_imported": ("importerad", "imported"),
    "import.cli.row_new": ("ny", "new"),
    "import.cli.row_updated": ("uppdaterad", "updated"),
    "import.cli.row_there": ("fanns redan", "already there"),
    "import.cli.row_review": ("importerad, granska", "imported, review"),
    "import.cli.row_new_review": ("ny, granska", "new, review"),
    "import.cli.row_failed": ("misslyckades", "failed"),
    "import.cli.summary": (
        "{imported} importerade, {updated} uppdaterade, {there} fanns redan, "
        "{review} behöver granskas, {failed} misslyckades",
        "{imported} imported, {updated} updated, {there} already there, "
        "{review} need review, {failed} failed",
    ),
    # `bftui export`.
    "export.cli.help": (
        "exportera evenemang till kalendrar (ics) och rapporter (csv, json)",
        "export events to calendars (ics) and reports (csv, json)",
    ),
    "export.cli.examples": (
        "exempel:\n"
        "  bftui export ics > natverket.ics\n"
        "  bftui export csv --bom --delimiter ';' -o traffar.csv\n"
        "  bftui export json articles | jq '.[].title'",
        "examples:\n"
        "  bftui export ics > network.ics\n"
        "  bftui export csv --bom --delimiter ';' -o meetings.csv\n"
        "  bftui export json articles | jq '.[].title'",
    ),
    "export.cli.format_meta": ("FORMAT", "FORMAT"),
    "export.cli.file_meta": ("FIL", "FILE"),
    "export.cli.output": (
        "skriv till FIL i stället för standard ut",
        "write to FILE instead of standard output",
    ),
    "export.cli.what": (
        "en rad per evenemang (standard) eller per artikel",
        "one row per event (the default) or per article",
    ),
    "export.cli.articles": ("samma som 'articles'", "the same as 'articles'"),
    "export.cli.written": ("bftui: skrev {path}", "bftui: wrote {path}"),
    "export.ics.help": (
        "evenemang som iCalendar (RFC 5545) för kalenderprogram",
        "events as iCalendar (RFC 5545) for calendar programs",
    ),
    "export.ics.examples": (
        "exempel:\n"
        "  bftui export ics > natverket.ics          alla evenemang med datum\n"
        "  bftui export ics 2019-natverkstraff-malmo -o malmo.ics\n\n"
        "Evenemang där bara året är känt hoppas över med en varning.\n"
        "slutstatus: 0 klart, 1 inget evenemang har datum, 2 okänd slug",
        "examples:\n"
        "  bftui export ics > network.ics            every event with dates\n"
        "  bftui export ics 2019-natverkstraff-malmo -o malmo.ics\n\n"
        "Events that only know their year are skipped with a warning.\n"
        "exit status: 0 done, 1 no event has dates, 2 unknown slug",
    ),
    "export.ics.slugs": (
        "bara dessa evenemang (standard: alla)",
        "only these events (default: all)",
    ),
    "export.ics.unknown": (
        "inget evenemang heter {slugs}",
        "no event is called {slugs}",
    ),
    "export.ics.skipped": (
        "hoppar över {slug}: bara året ({year}) är känt, inga datum",
        "skipping {slug}: only the year ({year}) is known, no dates",
    ),
    "export.ics.nothing": (
        "inget evenemang har datum; ingen kalender skrevs",
        "no event has dates; no calendar was written",
    ),
    "export.csv.help": (
        "evenemang eller artiklar som CSV för kalkylprogram",
        "events or articles as CSV for spreadsheets",
    ),
    "export.csv.examples": (
        "exempel:\n"
        "  bftui export csv > evenemang.csv\n"
        "  bftui export csv --bom --delimiter ';' -o traffar.csv   för svenska Excel\n"
        "  bftui export csv articles\n\n"
        "Listor (partner, taggar) skrivs i en cell åtskilda av '; '.",
        "examples:\n"
        "  bftui export csv > events.csv\n"
        "  bftui export csv --bom --delimiter ';' -o meetings.csv  for Swedish Excel\n"
        "  bftui export csv articles\n\n"
        "Lists (partners, tags) go into one cell separated by '; '.",
    ),
    "export.csv.bom": (
        "börja med en BOM så att Excel läser UTF-8 (å, ä, ö)",
        "start with a BOM so that Excel reads UTF-8 (å, ä, ö)",
    ),
    "export.csv.sep": (
        "fältavgränsare: ',' (standard), ';' (för svenska Excel) eller tab",
        "field delimiter: ',' (the default), ';' (for Swedish Excel) or tab",
    ),
    "export.csv.sep_meta": ("TECKEN", "CHAR"),
    "export.csv.sep_bad": (
        "{value} är ingen fältavgränsare: välj ',', ';' eller tab",
        "{value} is not a delimiter: choose ',', ';' or tab",
    ),
    "export.json.help": (
        "evenemang eller artiklar som JSON",
        "events or articles as JSON",
    ),
    "export.json.examples": (
        "exempel:\n  bftui export json > evenemang.json\n  bftui export json --articles",
        "examples:\n  bftui export json > events.json\n  bftui export json --articles",
    ),
    # `bftui stats`.
    "stats.cli.help": (
        "träffar och deltagare per år och per ort",
        "meetings and participants per year and per city",
    ),
    "stats.cli.examples": (
        "exempel:\n  bftui stats\n  bftui stats --json | jq '.years'",
        "examples:\n  bftui stats\n  bftui stats --json | jq '.years'",
    ),
    "stats.cli.json": ("skriv JSON", "print JSON"),
    "stats.per_year": (
        "Träffar och deltagare per år",
        "Meetings and participants per year",
    ),
    "stats.per_city": ("Per ort", "Per city"),
    "stats.year": ("År", "Year"),
    "stats.city": ("Ort", "City"),
    "stats.meetings": ("Träffar", "Meetings"),
    "stats.participants": ("Deltagare", "Participants"),
    "stats.unknown": ("Utan siffra", "No figure"),
    "stats.total": ("Totalt", "Total"),
    "stats.no_city": ("(ort saknas)", "(no city)"),
    "stats.approximate": (
        '* ungefärligt antal (till exempel "över 200")',
        '* approximate figure (for example "över 200")',
    ),
    # `bftui new`.
    "new.cli.help": (
        "skapa ett evenemang eller en artikel från kommandoraden",
        "create an event or an article from the command line",
    ),
    "new.cli.examples": (
        "exempel:\n"
        "  bftui new event --title 'Nätverksträff 2025' --year 2025 --city Umeå\n"
        "  bftui new article --kind news --title 'Ny rapport' --published 2025-03-12\n\n"
        "Värdena kontrolleras som i formulären. Sökvägen till den nya filen skrivs ut.\n"
        "slutstatus: 0 klart, 1 ogiltiga värden eller filen kan inte skrivas, 2 felaktig användning",
        "examples:\n"
        "  bftui new event --title 'Nätverksträff 2025' --year 2025 --city Umeå\n"
        "  bftui new article --kind news --title 'New report' --published 2025-03-12\n\n"
        "The values are checked as the forms check them. The new file's path is printed.\n"
        "exit status: 0 done, 1 invalid values or the file cannot be written, 2 usage error",
    ),
    "new.cli.what": ("VAD", "WHAT"),
    "new.cli.meta.text": ("TEXT", "TEXT"),
    "new.cli.meta.markdown": ("TEXT", "TEXT"),
    "new.cli.meta.list": ("TEXT", "TEXT"),
    "new.cli.meta.date": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    "new.cli.meta.date_or_datetime": ("DATUM", "DATE"),
    "new.cli.meta.year": ("ÅR", "YEAR"),
    "new.cli.meta.count": ("ANTAL", "NUMBER"),
    "new.cli.meta.url": ("URL", "URL"),
    "new.cli.meta.event_ref": ("SLUG", "SLUG"),
    "new.cli.hint.date": (" (t.ex. 2025-05-09)", " (e.g. 2025-05-09)"),
    "new.cli.hint.date_or_datetime": (
        " (2025-05-09, eller 2025-05-09 09:30 med tid)",
        " (2025-05-09, or 2025-05-09 09:30 with a time)",
    ),
    "new.cli.hint.url": (" (en webbadress, https://…)", " (a web address, https://…)"),
    "new.cli.hint.event_ref": (" (evenemangets slug)", " (the event's slug)"),
    "new.cli.text": ("TEXT", "TEXT"),
    "new.cli.file": ("FIL", "FILE"),
    "new.cli.repeat": (" (kan upprepas)", " (may be repeated)"),
    "new.cli.slug": (
        "filens namn (standard: av datum och titel)",
        "the file's name (default: made from the date and title)",
    ),
    "new.cli.body": ("artikelns text (Markdown)", "the article's text (Markdown)"),
    "new.cli.body_file": (
        "läs artikelns text ur FIL ('-' för standard in)",
        "read the article's text from FILE ('-' for standard input)",
    ),
    "new.event.help": ("skapa ett evenemang", "create an event"),
    "new.event.examples": (
        "exempel:\n"
        "  bftui new event --title 'Svenska Bostad först-nätverkets träff 2025' \\\n"
        "      --year 2025 --start 2025-05-08 --end 2025-05-09 --city Umeå \\\n"
        "      --partner 'Sveriges Stadsmissioner' --partner 'Umeå kommun' \\\n"
        "      --participants 150 --participants-note 'cirka 150' --kind network-meeting\n\n"
        "Datum skrivs ÅÅÅÅ-MM-DD, tider ÅÅÅÅ-MM-DD TT:MM.",
        "examples:\n"
        "  bftui new event --title 'Svenska Bostad först-nätverkets träff 2025' \\\n"
        "      --year 2025 --start 2025-05-08 --end 2025-05-09 --city Umeå \\\n"
        "      --partner 'Sveriges Stadsmissioner' --partner 'Umeå kommun' \\\n"
        "      --participants 150 --participants-note 'cirka 150' --kind network-meeting\n\n"
        "Dates are written YYYY-MM-DD, times YYYY-MM-DD HH:MM.",
    ),
    "new.article.help": ("skapa en artikel", "create an article"),
    "new.article.examples": (
        "exempel:\n"
        "  bftui new article --kind interview --title 'Intervju med Eva' \\\n"
        "      --published 2025-03-12 --interviewee 'Eva Lind' --role samordnare \\\n"
        "      --organisation 'Umeå kommun' --consent --tag Umeå --body-file intervju.md\n"
        "  echo 'Text' | bftui new article --kind news --title Nytt --published 2025-01-01 --body-file -",
        "examples:\n"
        "  bftui new article --kind interview --title 'Interview with Eva' \\\n"
        "      --published 2025-03-12 --interviewee 'Eva Lind' --role coordinator \\\n"
        "      --organisation 'Umeå kommun' --consent --tag Umeå --body-file interview.md\n"
        "  echo 'Text' | bftui new article --kind news --title News --published 2025-01-01 --body-file -",
    ),
    # The app: "Importera artikel" and the .ics export of an event.
    "import.tui.already": (
        "Sidan finns redan i biblioteket som {slug}. Sparar du blir det en kopia; "
        "bftui import --update uppdaterar den i stället.",
        "The page is already in the library as {slug}. Saving makes a copy; "
        "bftui import --update refreshes it instead.",
    ),
    "import.tui.command": ("Importera artikel", "Import article"),
    "import.tui.command_help": (
        "föreslå en artikel ur text eller en sparad webbsida och granska den i formuläret",
        "propose an article from text or a saved web page and review it in the form",
    ),
    "import.tui.title": (
        "Importera artikel: vilken fil?",
        "Import article: which file?",
    ),
    "import.tui.hint": (
        "Text kopierad från en webbsida (.txt) eller en sparad sida (.html). "
        "Högerpil fyller i filnamn, Enter importerar, Escape avbryter.",
        "Text copied from a web page (.txt) or a saved page (.html). "
        "Right arrow completes names, Enter imports, Escape cancels.",
    ),
    "import.tui.form_title": (
        "Importerad artikel ({name}) – granska och spara",
        "Imported article ({name}) – review and save",
    ),
    "import.tui.notes": ("Om förslaget", "About the proposal"),
    "import.tui.saved": ("Sparade {path}", "Saved {path}"),
    "import.tui.failed": (
        "Importen misslyckades: {error}",
        "The import failed: {error}",
    ),
    "ical.tui.command": (
        "Exportera evenemanget till .ics",
        "Export the event to .ics",
    ),
    "ical.tui.command_help": (
        "skriv det visade evenemanget som en kalenderfil",
        "write the event shown as a calendar file",
    ),
    "ical.tui.title": (
        "Exportera {slug}.ics till vilken mapp?",
        "Export {slug}.ics to which folder?",
    ),
    "ical.tui.hint": (
        "Högerpil fyller i mappnamn, Enter skriver filen, Escape avbryter.",
        "Right arrow completes folder names, Enter writes the file, Escape cancels.",
    ),
    "ical.tui.written": ("Skrev {path}", "Wrote {path}"),
    "ical.tui.failed": (
        "Kalenderfilen kunde inte skrivas: {error}",
        "The calendar file could not be written: {error}",
    ),
    "transfer.key_cancel": ("Avbryt", "Cancel"),
}
