"""UI strings: the command line. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.description": (
        "Läs och redigera Bostad först-nätverkets artiklar och evenemang i terminalen.\n"
        "Utan kommando startar appen.",
        "Read and edit the Bostad först network's articles and events in a terminal.\n"
        "Without a command the app starts.",
    ),
    "cli.epilog": (
        "exempel:\n"
        "  bftui                        öppna exempelbiblioteket\n"
        "  bftui ~/bostadforst          öppna ett eget bibliotek\n"
        "  bftui list --json            alla artiklar och evenemang som JSON\n"
        "  bftui show SLUG | less       läs en artikel i less\n"
        "  bftui check                  hitta trasiga filer\n\n"
        "Biblioteket väljs av --library, sedan BFTUI_LIBRARY, sedan library i\n"
        "inställningsfilen, annars exempelbiblioteket.",
        "examples:\n"
        "  bftui                        open the sample library\n"
        "  bftui ~/bostadforst          open a library of your own\n"
        "  bftui list --json            every article and event as JSON\n"
        "  bftui show SLUG | less       read an article in less\n"
        "  bftui check                  find broken files\n\n"
        "The library is chosen by --library, then BFTUI_LIBRARY, then library in\n"
        "the settings file, else the sample library.",
    ),
    "cli.commands": ("KOMMANDO", "COMMAND"),
    "cli.usage": ("användning: ", "usage: "),
    "cli.positionals": ("argument", "positional arguments"),
    "cli.options": ("flaggor", "options"),
    "cli.opt.help": ("visa den här hjälpen och avsluta", "show this help and exit"),
    "cli.opt.version": ("visa versionen och avsluta", "show the version and exit"),
    "cli.err.required": ("saknas: {what}", "missing: {what}"),
    "cli.err.unrecognized": (
        "okända argument: {what}",
        "unrecognised arguments: {what}",
    ),
    "cli.err.choice": (
        "ogiltigt värde för {what}: {value}",
        "invalid value for {what}: {value}",
    ),
    "cli.err.one_value": ("{what} behöver ett värde", "{what} needs a value"),
    "cli.opt.library": ("biblioteksmappen", "the library folder"),
    "cli.opt.lang": ("gränssnittets språk", "the interface language"),
    "cli.tui.help": ("starta appen (standard)", "start the app (the default)"),
    "cli.tui.examples": (
        "exempel:\n  bftui tui ~/bostadforst --no-mouse\n  bftui ~/bostadforst --lang en",
        "examples:\n  bftui tui ~/bostadforst --no-mouse\n  bftui ~/bostadforst --lang en",
    ),
    "cli.tui.path": (
        "biblioteksmappen (som --library), en artikel- eller evenemangsfil, eller en slug",
        "the library folder (like --library), an article or event file, or a slug",
    ),
    "cli.open.help": (
        "starta appen på en artikel eller ett evenemang",
        "start the app on an article or event",
    ),
    "cli.open.examples": (
        "exempel:\n"
        "  bftui open 2019-natverkstraff-malmo     ett evenemang i biblioteket\n"
        "  bftui open ~/bibliotek/2020/intervju.md  en fil (dess bibliotek öppnas)\n"
        "  bftui 2019-natverkstraff-malmo          samma sak utan open",
        "examples:\n"
        "  bftui open 2019-natverkstraff-malmo     an event in the library\n"
        "  bftui open ~/library/2020/interview.md  a file (its library opens)\n"
        "  bftui 2019-natverkstraff-malmo          the same without open",
    ),
    "cli.open.target": (
        "artikelns eller evenemangets slug, eller dess fil",
        "the article's or event's slug, or its file",
    ),
    "cli.no_such_target": (
        "inget kommando, ingen mapp och inget objekt heter {target}{hint}",
        "no command, folder or item is called {target}{hint}",
    ),
    "cli.nearest": ("; menade du bftui {command}?", "; did you mean bftui {command}?"),
    "cli.no_terminal": (
        "bftui: appen behöver en terminal; i skript och rör: bftui list, show, search …",
        "bftui: the app needs a terminal; in scripts and pipes: bftui list, show, search …",
    ),
    "cli.tui.no_mouse": (
        "ta inte emot mus (snällare över långsam SSH)",
        "take no mouse input (kinder over slow SSH)",
    ),
    "cli.list.help": (
        "lista artiklar och evenemang: typ, datum, slug, titel",
        "list articles and events: kind, date, slug, title",
    ),
    "cli.list.examples": (
        "exempel:\n  bftui list\n  bftui list --json | jq '.[].title'",
        "examples:\n  bftui list\n  bftui list --json | jq '.[].title'",
    ),
    "cli.list.json": ("skriv JSON", "print JSON"),
    "cli.show.help": (
        "visa en artikel eller ett evenemang: formaterat i en terminal, Markdown i ett rör",
        "show an article or an event: formatted on a terminal, Markdown in a pipe",
    ),
    "cli.show.examples": (
        "exempel:\n  bftui show 2019-natverkstraff-malmo\n"
        "  bftui show SLUG | less                som Markdown\n"
        "  bftui show SLUG --raw > kopia.md",
        "examples:\n  bftui show 2019-natverkstraff-malmo\n"
        "  bftui show SLUG | less                as Markdown\n"
        "  bftui show SLUG --raw > copy.md",
    ),
    "cli.show.markdown": (
        "skriv Markdown också i en terminal",
        "print Markdown on a terminal too",
    ),
    "cli.show.no_pager": (
        "formatera i terminalen utan bläddrare ($PAGER)",
        "format for the terminal without a pager ($PAGER)",
    ),
    "cli.show.slug": (
        "artikelns eller evenemangets slug",
        "the article's or event's slug",
    ),
    "cli.show.raw": (
        "skriv filen oförändrad (styrtecken visas ändå ofarliga i en terminal)",
        "print the file unchanged (control characters are still made harmless in a terminal)",
    ),
    "cli.show.unknown": (
        "bftui: ingen artikel eller inget evenemang heter {slug}",
        "bftui: no article or event is called {slug}",
    ),
    "cli.check.help": (
        "kontrollera biblioteket: problem som sökväg:rad: meddelande",
        "check the library: problems as path:line: message",
    ),
    "cli.check.examples": (
        "exempel:\n  bftui check && echo allt i ordning\n\n"
        "slutstatus: 0 utan problem, 1 med problem, 2 vid felaktig användning",
        "examples:\n  bftui check && echo all good\n\n"
        "exit status: 0 without problems, 1 with problems, 2 on usage errors",
    ),
    "cli.check.needs_review": (
        "varning: granska {fields} (gissat vid import; rensas när artikeln sparas "
        "i formuläret)",
        "warning: review {fields} (guessed by an import; cleared when the article "
        "is saved in the form)",
    ),
    "cli.check.summary": (
        "{items} objekt, {problems} problem",
        "{items} items, {problems} problems",
    ),
    "cli.problems_hint": (
        "bftui: {count} problem i biblioteket; kör bftui check",
        "bftui: {count} problems in the library; run bftui check",
    ),
    "cli.schema.help": (
        "skriv filformatens JSON Schema (för redigerare som kontrollerar TOML)",
        "print the file formats' JSON Schema (for editors that check TOML)",
    ),
    "cli.schema.examples": (
        "exempel:\n"
        "  bftui schema event > event.schema.json     evenemangsfilerna i events/\n"
        "  bftui schema article > article.schema.json  artiklarnas front matter\n\n"
        "Formaten beskrivs i docs/format.md.",
        "examples:\n"
        "  bftui schema event > event.schema.json     the event files in events/\n"
        "  bftui schema article > article.schema.json  the articles' front matter\n\n"
        "The formats are described in docs/format.md.",
    ),
    "cli.schema.kind": (
        "article: en artikels front matter; event: en evenemangsfil",
        "article: an article's front matter; event: an event file",
    ),
    "cli.config.help": (
        "visa inställningsfilen och inställningarna som gäller, och var var och en kommer ifrån",
        "show the settings file and the settings in force, and where each came from",
    ),
    "cli.config.examples": (
        "exempel:\n"
        "  bftui config           inställningarna och deras ursprung\n"
        "  bftui config --path    bara inställningsfilens sökväg\n"
        '  $EDITOR "$(bftui config --path)"\n\n'
        "slutstatus: 0 utan problem, 1 om inställningsfilen har problem",
        "examples:\n"
        "  bftui config           the settings and where they came from\n"
        "  bftui config --path    only the settings file's path\n"
        '  $EDITOR "$(bftui config --path)"\n\n'
        "exit status: 0 without problems, 1 when the settings file has problems",
    ),
    "cli.config.path_only": (
        "skriv bara inställningsfilens sökväg",
        "print only the settings file's path",
    ),
    "cli.config.file": ("inställningsfil", "settings file"),
    "cli.config.exists": ("finns", "exists"),
    "cli.config.missing": (
        "finns inte, standardvärden gäller",
        "not there, defaults apply",
    ),
    "cli.config.default": ("standard", "default"),
    "cli.config.from_file": (
        "inställningsfilen, rad {line}",
        "settings file, line {line}",
    ),
    "cli.config.sample": (
        "standard: exempelbiblioteket",
        "default: the sample library",
    ),
    "cli.opt.debug": (
        "skriv en felsökningslogg (också BFTUI_DEBUG=1)",
        "write a debug log (also BFTUI_DEBUG=1)",
    ),
    "cli.debug_log": ("bftui: felsökningslogg: {path}", "bftui: debug log: {path}"),
    "cli.debug_failed": (
        "bftui: felsökningsloggen kan inte skrivas: {error}",
        "bftui: the debug log cannot be written: {error}",
    ),
    "cli.completion.help": (
        "skriv skalkoden som kompletterar bftuis kommandon, flaggor och slugs",
        "print the shell code that completes bftui's commands, options and slugs",
    ),
    "cli.completion.examples": (
        "exempel:\n"
        '  eval "$(bftui completion bash)"            i ~/.bashrc\n'
        '  eval "$(bftui completion zsh)"             i ~/.zshrc\n'
        "  bftui completion fish > ~/.config/fish/completions/bftui.fish",
        "examples:\n"
        '  eval "$(bftui completion bash)"            in ~/.bashrc\n'
        '  eval "$(bftui completion zsh)"             in ~/.zshrc\n'
        "  bftui completion fish > ~/.config/fish/completions/bftui.fish",
    ),
    "cli.completion.shell": (
        "skalet: bash, zsh eller fish",
        "the shell: bash, zsh or fish",
    ),
}
