"""UI strings: the content core (problems, field names, validation). (sv, en)."""

STRINGS: dict[str, tuple[str, str]] = {
    # The library folder.
    "library.missing": (
        "biblioteket finns inte: {path}",
        "the library does not exist: {path}",
    ),
    "library.not_folder": (
        "biblioteket är ingen mapp: {path}",
        "the library is not a folder: {path}",
    ),
    "library.empty": (
        "ingen bftui-samling i {path} (inga artiklar, ingen events/, ingen bftui.toml)",
        "no bftui library in {path} (no articles, no events/, no bftui.toml)",
    ),
    # Problems with whole files.
    "problem.not_utf8": (
        "filen är inte giltig UTF-8 (byte {offset})",
        "the file is not valid UTF-8 (byte {offset})",
    ),
    "problem.unreadable": (
        "filen kan inte läsas: {error}",
        "cannot read the file: {error}",
    ),
    "file.not_regular": (
        "ingen vanlig fil (en mapp, en namngiven pipe eller en enhet)",
        "not a regular file (a folder, a named pipe or a device)",
    ),
    "file.too_large": (
        "filen är större än {limit} MB",
        "the file is larger than {limit} MB",
    ),
    "file.loop": (
        "symboliska länkar som pekar på varandra i en slinga",
        "symbolic links that point at each other in a loop",
    ),
    "problem.bad_toml": ("ogiltig TOML: {error}", "invalid TOML: {error}"),
    "toml.invalid_value": ("ogiltigt värde", "invalid value"),
    "toml.invalid_statement": (
        "raden är varken nyckel = värde eller [tabell]",
        "the line is neither key = value nor [table]",
    ),
    "toml.unterminated_string": (
        "texten avslutas aldrig med citattecken",
        "the string is never closed with a quote",
    ),
    "toml.unclosed_array": (
        "listan stängs aldrig med ]",
        "the array is never closed with ]",
    ),
    "toml.unclosed_table": (
        "tabellen stängs aldrig med }",
        "the inline table is never closed with }",
    ),
    "toml.overwrite": (
        "nyckeln har redan ett värde",
        "the key already has a value",
    ),
    "toml.declared_twice": (
        "tabellen {detail} finns två gånger",
        "the table {detail} is declared twice",
    ),
    "toml.expected_equals": (
        "= saknas efter nyckeln",
        "= is missing after the key",
    ),
    "toml.bad_key": ("ogiltig nyckel", "invalid key"),
    "toml.illegal_character": (
        "otillåtet tecken {detail}",
        "illegal character {detail}",
    ),
    "toml.bad_date": ("ogiltigt datum eller klockslag", "invalid date or time"),
    "toml.trailing": (
        "oväntad text efter värdet på samma rad",
        "unexpected text after the value on the same line",
    ),
    "toml.backslash": (
        "ensamt \\ i en text (skriv \\\\ eller använd '...')",
        "lone \\ in a string (write \\\\ or use '...')",
    ),
    "toml.unclosed_header": (
        "tabellnamnet stängs aldrig med ]",
        "the table name is never closed with ]",
    ),
    "problem.field": ("{field}: {error}", "{field}: {error}"),
    "problem.duplicate_slug": (
        "samma namn ({slug}) som {other}",
        "same name ({slug}) as {other}",
    ),
    "problem.unknown_event": (
        "evenemanget {slug} finns inte i biblioteket",
        "the event {slug} is not in the library",
    ),
    "problem.bad_slug": (
        "filnamnet är inget giltigt namn (små bokstäver a-z, siffror, bindestreck)",
        "the file name is not a valid slug (lowercase a-z, digits, hyphens)",
    ),
    "problem.symlink_outside": (
        "symbolisk länk som pekar utanför biblioteket",
        "symbolic link that points outside the library",
    ),
    "problem.folder_unreadable": (
        "mappen kan inte läsas, så det som ligger i den saknas: {error}",
        "the folder cannot be read, so what it holds is missing: {error}",
    ),
    "problem.not_a_file": (
        "ingen vanlig fil (en mapp, en namngiven pipe eller en enhet)",
        "not a regular file (a folder, a named pipe or a device)",
    ),
    "frontmatter.missing": (
        "ingen front matter: filen ska börja med en rad +++",
        "no front matter: the file must start with a +++ line",
    ),
    "frontmatter.unclosed": (
        "front matter stängs aldrig: ingen avslutande rad +++",
        "front matter is never closed: no closing +++ line",
    ),
    # Field rules.
    "check.required": ("måste fyllas i", "is required"),
    "check.not_text": ("ska vara text", "must be text"),
    "check.not_date": (
        "ska vara ett datum (ÅÅÅÅ-MM-DD)",
        "must be a date (YYYY-MM-DD)",
    ),
    "check.not_year": ("ska vara ett årtal", "must be a year"),
    "check.date_range": (
        "ska vara ett datum mellan år {first} och {last}",
        "must be a date between the years {first} and {last}",
    ),
    "check.not_count": (
        "ska vara ett heltal, 0 eller mer",
        "must be a whole number, 0 or more",
    ),
    "check.not_bool": ("ska vara true eller false", "must be true or false"),
    "check.not_list": ("ska vara en lista med text", "must be a list of text"),
    "check.not_table": ("ska vara en tabell", "must be a table"),
    "check.bad_url": (
        "ska vara en webbadress som börjar med http:// eller https:// ({value})",
        "must be a web address starting with http:// or https:// ({value})",
    ),
    "check.bad_link": (
        "varje länk behöver title och url",
        "every link needs a title and a url",
    ),
    "check.bad_choice": (
        "okänt värde {value!r} (tillåtna: {choices})",
        "unknown value {value!r} (allowed: {choices})",
    ),
    "check.bad_programme": (
        "programrad {row} är ingen tabell",
        "programme row {row} is not a table",
    ),
    "check.programme_row": (
        "programrad {row}: {error}",
        "programme row {row}: {error}",
    ),
    "check.only_interviews": ("hör bara till intervjuer", "belongs to interviews only"),
    "check.year_or_start": (
        "år eller startdatum måste anges",
        "a year or a start date is required",
    ),
    "check.end_without_start": (
        "ett slutdatum kräver ett startdatum",
        "an end date needs a start date",
    ),
    "check.end_before_start": (
        "slutdatum får inte vara före startdatum",
        "the end date must not be before the start date",
    ),
    "check.year_mismatch": (
        "året stämmer inte med startdatumet",
        "the year does not match the start date",
    ),
    "check.unknown_event": ("okänt evenemang {value!r}", "unknown event {value!r}"),
    "parse.date": ("skriv datumet som ÅÅÅÅ-MM-DD", "write the date as YYYY-MM-DD"),
    "parse.date_or_datetime": (
        "skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM",
        "write YYYY-MM-DD or YYYY-MM-DD HH:MM",
    ),
    "parse.year": ("skriv ett årtal, t.ex. 2024", "write a year, e.g. 2024"),
    "parse.count": ("skriv ett heltal, 0 eller mer", "write a whole number, 0 or more"),
    "parse.list": ("skriv en kommaseparerad lista", "write a comma-separated list"),
    "parse.no_month": ("månad {month} finns inte", "there is no month {month}"),
    "parse.no_day": (
        "dag {day} finns inte: {month} {year} har {days} dagar",
        "there is no day {day}: {month} {year} has {days} days",
    ),
    "parse.no_hour": (
        "timme {hour} finns inte (00–23)",
        "there is no hour {hour} (00–23)",
    ),
    "parse.no_minute": (
        "minut {minute} finns inte (00–59)",
        "there is no minute {minute} (00–59)",
    ),
    "parse.negative": ("{value} är mindre än 0", "{value} is less than 0"),
    "parse.not_whole": ("{value} är inget heltal", "{value} is not a whole number"),
    "check.too_long": (
        "för lång: {length} tecken, högst {most}",
        "too long: {length} characters, at most {most}",
    ),
    # Field names.
    "field.kind": ("Typ", "Kind"),
    "field.title": ("Titel", "Title"),
    "field.published": ("Publicerad", "Published"),
    "field.lead": ("Ingress", "Lead"),
    "field.tags": ("Taggar", "Tags"),
    "field.event": ("Evenemang", "Event"),
    "field.source": ("Källa", "Source"),
    "field.links": ("Länkar", "Links"),
    "field.needs_review": ("Granska", "Needs review"),
    "field.interviewee": ("Intervjuad", "Interviewee"),
    "field.interviewee.name": ("Namn", "Name"),
    "field.interviewee.role": ("Roll", "Role"),
    "field.interviewee.organisation": ("Organisation", "Organisation"),
    "field.interviewee.consent": (
        "Samtycke till publicering",
        "Consent to publication",
    ),
    "field.year": ("År", "Year"),
    "field.start": ("Start", "Start"),
    "field.end": ("Slut", "End"),
    "field.city": ("Ort", "City"),
    "field.venue": ("Lokal", "Venue"),
    "field.organiser": ("Arrangör", "Organiser"),
    "field.partners": ("Samarbetspartner", "Partners"),
    "field.participants": ("Deltagare", "Participants"),
    "field.participants_note": ("Deltagare, anmärkning", "Participants, note"),
    "field.url": ("Webbadress", "Web address"),
    "field.summary": ("Sammanfattning", "Summary"),
    "field.programme": ("Program", "Programme"),
    "field.programme.day": ("Dag", "Day"),
    "field.programme.time": ("Tid", "Time"),
    "field.programme.title": ("Rubrik", "Title"),
    "field.programme.description": ("Beskrivning", "Description"),
    # Kinds.
    "kind.interview": ("Intervju", "Interview"),
    "kind.report": ("Rapport", "Report"),
    "kind.news": ("Nyhet", "News"),
    "kind.network-meeting": ("Nätverksträff", "Network meeting"),
    "kind.conference": ("Konferens", "Conference"),
    "kind.study-visit": ("Studiebesök", "Study visit"),
    "kind.other": ("Evenemang", "Event"),
    # Composed documents.
    "compose.published": ("Publicerad {date}", "Published {date}"),
    "compose.interviewee": ("Intervjuad", "Interviewee"),
    "compose.tags": ("Taggar", "Tags"),
    "compose.event": ("Evenemang", "Event"),
    "compose.source": ("Källa", "Source"),
    "compose.needs_review": ("Granska", "Review"),
    "compose.qa": ("Frågor och svar", "Questions and answers"),
    "compose.links": ("Länkar", "Links"),
    "compose.when": ("När", "When"),
    "compose.where": ("Var", "Where"),
    "compose.organiser": ("Arrangör", "Organiser"),
    "compose.partners": ("I samarbete med", "Partners"),
    "compose.participants": ("Deltagare", "Participants"),
    "compose.website": ("Webbplats", "Website"),
    "compose.programme": ("Program", "Programme"),
    "compose.day": ("Dag {day}", "Day {day}"),
    "compose.articles": ("Artiklar om evenemanget", "Articles about the event"),
    "compose.no_consent": (
        "Samtycke till publicering saknas",
        "No consent to publication recorded",
    ),
    "month.1": ("januari", "January"),
    "month.2": ("februari", "February"),
    "month.3": ("mars", "March"),
    "month.4": ("april", "April"),
    "month.5": ("maj", "May"),
    "month.6": ("juni", "June"),
    "month.7": ("juli", "July"),
    "month.8": ("augusti", "August"),
    "month.9": ("september", "September"),
    "month.10": ("oktober", "October"),
    "month.11": ("november", "November"),
    "month.12": ("december", "December"),
    "date.long": ("{day} {month} {year}", "{day} {month} {year}"),
}

STRINGS.update(
    {
        "settings.broken": (
            "inställningsfilen kunde inte läsas, standardvärden används: {error}",
            "the settings file could not be read, defaults are used: {error}",
        ),
        "settings.unknown_key": (
            "okänd inställning {key}",
            "unknown setting {key}",
        ),
        "settings.did_you_mean": ("; menade du {key}?", "; did you mean {key}?"),
        "settings.unknown_binding": (
            "[keymap]: ingen tangent har id {id} (se ? i appen)",
            "[keymap]: no key has the id {id} (see ? in the app)",
        ),
        "settings.problems_shown": (
            "Inställningsfilen har {count} problem: p visar dem.",
            "The settings file has {count} problem(s): p shows them.",
        ),
        "settings.bad_value": (
            "ogiltigt värde för {key}, standardvärdet används",
            "invalid value for {key}, the default is used",
        ),
    }
)
