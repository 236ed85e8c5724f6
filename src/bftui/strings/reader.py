"""UI strings: the reading app (main screen, sidebar, reader, help). (sv, en)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Key descriptions (footer, help screen, command palette).
    "key.quit": ("Avsluta", "Quit"),
    "key.help": ("Hjälp", "Help"),
    "key.switch": ("Byt ruta", "Switch"),
    "key.filter": ("Filtrera", "Filter"),
    "key.links": ("Länkar", "Links"),
    "key.sidebar": ("Visa/dölj sidopanelen", "Show/hide the sidebar"),
    "key.narrower": ("Smalare sidopanel", "Narrower sidebar"),
    "key.wider": ("Bredare sidopanel", "Wider sidebar"),
    "key.find": ("Sök i texten", "Find in text"),
    "key.find_next": ("Nästa träff", "Next match"),
    "key.find_previous": ("Föregående träff", "Previous match"),
    "key.toc": ("Innehåll", "Contents"),
    "key.back": ("Tillbaka", "Back"),
    "key.forward": ("Framåt", "Forward"),
    "key.problems": ("Problem i biblioteket", "Problems in the library"),
    "key.reload": ("Läs om biblioteket", "Reload the library"),
    "key.palette": ("Kommandopalett", "Command palette"),
    "key.close": ("Stäng", "Close"),
    "key.down": ("Ned", "Down"),
    "key.up": ("Upp", "Up"),
    "key.scroll_down": ("Rulla ned", "Scroll down"),
    "key.scroll_up": ("Rulla upp", "Scroll up"),
    "key.page_down": ("Sida ned i texten", "Page down in the text"),
    "key.page_up": ("Sida upp i texten", "Page up in the text"),
    "key.top": ("Till början", "To the top"),
    "key.bottom": ("Till slutet", "To the end"),
    "tip.quit": ("Avsluta bftui", "Quit bftui"),
    "tip.help": ("Visa alla tangenter", "Show every key"),
    "tip.switch": (
        "Flytta fokus mellan listan och texten",
        "Move the focus between the list and the text",
    ),
    "tip.filter": (
        "Filtrera listan på titel, tagg, person eller ort",
        "Filter the list by title, tag, person or city",
    ),
    "tip.links": (
        "Följ eller kopiera textens länkar",
        "Follow or copy the text's links",
    ),
    "tip.sidebar": ("Ge texten hela bredden", "Give the text the whole width"),
    "tip.find": ("Hitta ord i texten som visas", "Find words in the text shown"),
    "tip.toc": ("Hoppa till en rubrik eller fråga", "Jump to a heading or question"),
    "tip.problems": (
        "Visa filer som inte kunde läsas",
        "Show files that could not be read",
    ),
    "tip.reload": ("Läs in mappen på nytt", "Read the folder again"),
    # Sidebar.
    "sidebar.library": ("Bibliotek", "Library"),
    "sidebar.articles": ("Artiklar", "Articles"),
    "sidebar.events": ("Evenemang", "Events"),
    "sidebar.problems": ("⚠ {count} problem", "⚠ {count} problems"),
    "sidebar.filter_placeholder": (
        "Filtrera: titel, tagg, person, ort",
        "Filter: title, tag, person, city",
    ),
    # Reader.
    "reader.find_placeholder": (
        "Sök i texten (Enter: nästa, Esc: stäng)",
        "Find in the text (Enter: next, Esc: close)",
    ),
    "reader.matches": ("{count} träffar", "{count} matches"),
    "reader.match_of": ("träff {number} av {count}", "match {number} of {count}"),
    "reader.unreadable": (
        "{path} kan inte läsas: {error}",
        "{path} cannot be read: {error}",
    ),
    "reader.indexing": (
        "Läser {done} av {total} filer …",
        "Reading {done} of {total} files …",
    ),
    "reader.removed": (
        "{name} har tagits bort av någon annan; texten som visas är den senast lästa.",
        "{name} was removed by someone else; the text shown is the last one read.",
    ),
    "reader.watch_failed": (
        "Ändringar i mappen följs inte längre ({error}); tryck r för att läsa om.",
        "Changes in the folder are no longer followed ({error}); press r to reload.",
    ),
    "reader.loading": ("Läser biblioteket …", "Reading the library …"),
    "reader.reloading": ("Läser om biblioteket …", "Reading the library again …"),
    "reader.too_deep": (
        "Texten här är nästlad djupare än läsaren kan visa (citat i citat, listor i "
        "listor), så den visas som den är skriven:",
        "This text is nested deeper than the reader can show (quotes in quotes, "
        "lists in lists), so it is shown as written:",
    ),
    "welcome.counts": (
        "{articles} artiklar och {events} evenemang.",
        "{articles} articles and {events} events.",
    ),
    "welcome.keys": (
        "Välj i listan till vänster med piltangenterna och Enter. "
        "Tab byter mellan listan och texten, / filtrerar listan, ? visar alla tangenter.",
        "Choose in the list on the left with the arrow keys and Enter. "
        "Tab switches between the list and the text, / filters the list, ? shows every key.",
    ),
    "welcome.problems": (
        "**{count} filer kunde inte läsas.** Tryck p för att se vilka.",
        "**{count} files could not be read.** Press p to see which.",
    ),
    # Other screens.
    "help.title": ("Tangenter", "Keys"),
    "help.close_hint": ("Esc stänger", "Esc closes"),
    "help.everywhere": ("Huvudvyn", "Main view"),
    "help.sidebar": ("I listan", "In the list"),
    "help.reader": ("I texten", "In the text"),
    "help.general": ("Överallt", "Everywhere"),
    "problems.hint": (
        "Enter öppnar filen i $EDITOR, Esc stänger",
        "Enter opens the file in $EDITOR, Esc closes",
    ),
    "problems.title": ("Problem ({count})", "Problems ({count})"),
    "problems.none": (
        "Inga problem: alla filer kunde läsas.",
        "No problems: every file could be read.",
    ),
    "links.title": ("Länkar", "Links"),
    "links.hint": (
        "Enter: följ eller kopiera · Esc stänger",
        "Enter: follow or copy · Esc closes",
    ),
    "links.none": ("Texten har inga länkar.", "The text has no links."),
    "links.copied": (
        "Extern länk (öppnas inte här): {url} — kopierad till urklipp",
        "External link (not opened here): {url} — copied to the clipboard",
    ),
    "links.refused": (
        "Länken kan inte följas: {url}",
        "The link cannot be followed: {url}",
    ),
    "toc.title": ("Innehåll", "Contents"),
    "toc.none": ("Texten har inga rubriker.", "The text has no headings."),
    # Textual's own entries in the command palette.
    "title.sample": ("Exempelbiblioteket", "The sample library"),
    "palette.placeholder": ("Sök efter kommandon …", "Search for commands…"),
    "palette.theme": ("Tema", "Theme"),
    "palette.theme.help": (
        "Byt färgtema (sparas till nästa start)",
        "Change the colour theme (kept for the next start)",
    ),
    "palette.theme.placeholder": ("Sök efter teman …", "Search for themes…"),
    "palette.quit": ("Avsluta", "Quit"),
    "palette.quit.help": ("Avsluta appen", "Quit the application"),
    "palette.keys": ("Tangenter", "Keys"),
    "palette.keys.help": (
        "Visa hjälp för den markerade delen och en översikt av tangenterna",
        "Show help for the focused widget and a summary of the keys",
    ),
    "palette.keys.hide": ("Dölj tangentpanelen", "Hide the keys panel"),
    "palette.minimize": ("Återställ", "Minimize"),
    "palette.minimize.help": (
        "Återställ delen till normal storlek",
        "Restore the widget to its normal size",
    ),
    "palette.maximize": ("Maximera", "Maximize"),
    "palette.maximize.help": (
        "Låt den markerade delen fylla skärmen",
        "Let the focused widget fill the screen",
    ),
    "palette.screenshot": ("Skärmbild", "Screenshot"),
    "palette.screenshot.help": (
        "Spara en SVG-bild av skärmen",
        "Save an SVG picture of the screen",
    ),
}
