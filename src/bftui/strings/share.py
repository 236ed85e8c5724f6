"""UI strings: sharing a library through git, and the read-only sample. (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # The read-only sample.
    "storage.sample_read_only": (
        "exempelbiblioteket är skrivskyddat; gör ett eget med: bftui init ~/bostadforst",
        "the sample library is read-only; make your own with: bftui init ~/bostadforst",
    ),
    "sample.read_only": (
        "Exempelbiblioteket går bara att läsa. Gör ett eget att skriva i med "
        "bftui init ~/bostadforst --sample och starta sedan bftui igen.",
        "The sample library is read-only. Make one of your own to write in with "
        "bftui init ~/bostadforst --sample, then start bftui again.",
    ),
    # What went wrong in git (core/share/git.py); {detail} is git's own first line.
    "git.err.missing": (
        "git finns inte på den här datorn: installera git för att dela biblioteket",
        "git is not installed on this computer: install git to share the library",
    ),
    "git.err.not_repo": (
        "{path} är inte ett git-arkiv; gör ett delbart bibliotek med "
        "bftui init MAPP (eller klona ett med bftui init MAPP --from ADRESS)",
        "{path} is not a git repository; make a shareable library with "
        "bftui init FOLDER (or clone one with bftui init FOLDER --from ADDRESS)",
    ),
    "git.err.no_remote": (
        "biblioteket har inget fjärrarkiv att synka med; lägg till ett med: "
        "git -C {path} remote add origin ADRESS",
        "the library has no remote to sync with; add one with: "
        "git -C {path} remote add origin ADDRESS",
    ),
    "git.err.network": (
        "kunde inte nå fjärrarkivet (inget nätverk?); inget gick förlorat, "
        "försök igen senare: {detail}",
        "could not reach the remote (no network?); nothing was lost, "
        "try again later: {detail}",
    ),
    "git.err.auth": (
        "fjärrarkivet släppte inte in dig: kontrollera din SSH-nyckel eller "
        "dina inloggningsuppgifter; inget gick förlorat: {detail}",
        "the remote did not let you in: check your SSH key or credentials; "
        "nothing was lost: {detail}",
    ),
    "git.err.rejected": (
        "fjärrarkivet tog inte emot dina ändringar (någon annan hann före); "
        "de finns kvar här, synka igen: {detail}",
        "the remote refused your changes (someone else was first); "
        "they are kept here, sync again: {detail}",
    ),
    "git.err.timeout": (
        "git svarade inte på {seconds} sekunder; inget gick förlorat, försök igen",
        "git did not answer within {seconds} seconds; nothing was lost, try again",
    ),
    "git.err.detached": (
        "ingen gren är utcheckad (fristående HEAD); byt till en gren med "
        "git switch main och synka sedan",
        "no branch is checked out (detached HEAD); switch to a branch with "
        "git switch main, then sync",
    ),
    "git.err.conflict": (
        "{count} filer har ändrats på båda hållen och behöver lösas i appen: {paths}",
        "{count} files were changed on both sides and need resolving in the app: "
        "{paths}",
    ),
    "git.err.unresolved": (
        "lös först konflikterna i: {paths}",
        "resolve the conflicts first in: {paths}",
    ),
    "git.err.dirty": (
        "ändringar gjorda för hand står i vägen; dela eller ångra dem först: {detail}",
        "changes made by hand are in the way; share or undo them first: {detail}",
    ),
    "git.err.identity": (
        "git vet inte vem du är; ange det en gång med: git config --global "
        'user.name "Ditt Namn" och git config --global user.email du@exempel.se',
        "git does not know who you are; tell it once with: git config --global "
        'user.name "Your Name" and git config --global user.email you@example.org',
    ),
    "git.err.failed": ("git misslyckades: {detail}", "git failed: {detail}"),
    # Commit messages (core/share/describe.py).
    "git.msg.new_event": ("Nytt evenemang: {title}", "New event: {title}"),
    "git.msg.new_article": ("Ny artikel: {title}", "New article: {title}"),
    "git.msg.saved": ("Sparade {title}", "Saved {title}"),
    "git.msg.qa_added": ("Ny fråga i {title}", "New question in {title}"),
    "git.msg.qa_edited": ("Ändrade en fråga i {title}", "Edited a question in {title}"),
    "git.msg.qa_deleted": (
        "Tog bort en fråga i {title}",
        "Deleted a question in {title}",
    ),
    "git.msg.qa_moved": ("Flyttade en fråga i {title}", "Moved a question in {title}"),
    "git.msg.deleted": ("Tog bort {title}", "Deleted {title}"),
    "git.msg.restored": ("Återställde {title}", "Restored {title}"),
    "git.msg.sync": ("Ändringar gjorda i bftui", "Changes made in bftui"),
    "git.msg.init": ("Nytt bibliotek", "New library"),
    "git.msg.setup": ("bftui: inställningar för git", "bftui: git settings"),
    # Sync progress (core/share/sync.py).
    "sync.commit": ("sparar det bftui skrev …", "committing what bftui wrote …"),
    "sync.fetch": ("hämtar från {remote} …", "fetching from {remote} …"),
    "sync.merge": ("slår ihop …", "merging …"),
    "sync.push": ("skickar till {remote} …", "pushing to {remote} …"),
    "sync.retry": (
        "någon annan skickade samtidigt; försöker igen …",
        "someone else pushed meanwhile; trying again …",
    ),
    "sync.done": (
        "synkat: {received} hämtade, {sent} skickade",
        "synced: {received} received, {sent} sent",
    ),
    "sync.nothing": ("allt är redan synkat", "everything is already in sync"),
    "sync.by_hand": (
        "ändrat här, inte delat (gjort för hand): {paths}",
        "changed here, not shared (made by hand): {paths}",
    ),
    # bftui init (core/share/setup.py, commands/share.py).
    "init.config": (
        '# Bibliotekets namn och språk.\ntitle = "Bostad först-nätverket"\nlanguage = "sv"\n',
        '# The library\'s name and language.\ntitle = "Bostad först-nätverket"\nlanguage = "sv"\n',
    ),
    "init.readme": (
        "# Bostad först-nätverkets bibliotek\n\n"
        "Artiklar och evenemang som vanliga textfiler, lästa och redigerade med bftui.\n\n"
        "- `<slug>.md`: en artikel (TOML mellan `+++`-rader, sedan Markdown; i en\n"
        "  intervju är varje `###`-rubrik en fråga)\n"
        "- `events/<slug>.toml`: ett evenemang\n"
        "- `media/`: bilder och bilagor\n"
        "- `bftui.toml`: bibliotekets namn och språk\n\n"
        "Dela med de andra: `bftui sync`. Historik: `bftui log SLUG`.\n",
        "# The Bostad först network's library\n\n"
        "Articles and events as plain text files, read and edited with bftui.\n\n"
        "- `<slug>.md`: an article (TOML between `+++` lines, then Markdown; in an\n"
        "  interview every `###` heading is a question)\n"
        "- `events/<slug>.toml`: an event\n"
        "- `media/`: images and attachments\n"
        "- `bftui.toml`: the library's name and language\n\n"
        "Share with the others: `bftui sync`. History: `bftui log SLUG`.\n",
    ),
    "init.not_empty": (
        "{path} finns redan och är inte tom: välj en ny mapp att klona till",
        "{path} exists and is not empty: choose a new folder to clone into",
    ),
    # What changed between two versions (core/share/itemdiff.py).
    "diff.paragraph": ("Stycke {number}", "Paragraph {number}"),
    # The commands (commands/share.py).
    "init.cli.help": (
        "gör ett eget bibliotek (med git), eller klona ett delat med --from",
        "make a library of your own (with git), or clone a shared one with --from",
    ),
    "init.cli.examples": (
        "exempel:\n"
        "  bftui init ~/bostadforst                   ett nytt, tomt bibliotek\n"
        "  bftui init ~/bostadforst --sample          ... med exemplets artiklar\n"
        "  bftui init ~/bostadforst --from server:/srv/git/bostadforst.git\n\n"
        "Mappen får en README, .gitignore och .gitattributes (sammanslagning per\n"
        "fält och fråga) och blir ett git-arkiv med en första incheckning.\n"
        "Utan inställt bibliotek blir det nya bibliotekets sökväg standard.\n"
        "slutstatus: 0 klart, 1 git misslyckades (biblioteket finns ändå), 2 felaktig användning",
        "examples:\n"
        "  bftui init ~/bostadforst                   a new, empty library\n"
        "  bftui init ~/bostadforst --sample          ... with the sample's articles\n"
        "  bftui init ~/bostadforst --from server:/srv/git/bostadforst.git\n\n"
        "The folder gets a README, .gitignore and .gitattributes (merging by field\n"
        "and question) and becomes a git repository with a first commit.\n"
        "With no library set, the new library becomes the default.\n"
        "exit status: 0 done, 1 git failed (the library is there), 2 usage error",
    ),
    "init.cli.path": (
        "mappen (som standard den här)",
        "the folder (this one by default)",
    ),
    "init.cli.sample": (
        "börja med exemplets artiklar",
        "start from the sample's articles",
    ),
    "init.cli.from": (
        "klona ett delat bibliotek (git-adress, SSH-sökväg eller mapp)",
        "clone a shared library (git URL, SSH path or folder)",
    ),
    "init.done": ("bibliotek klart: {path}", "library ready: {path}"),
    "init.cloned": ("klonat {remote} till {path}", "cloned {remote} into {path}"),
    "init.default": (
        "bftui öppnar det som standard (library i {config})",
        "bftui opens it by default (library in {config})",
    ),
    "init.in_sample": (
        "exempelbiblioteket är skrivskyddat: välj en annan mapp",
        "the sample library is read-only: choose another folder",
    ),
    "sync.cli.help": (
        "dela med de andra: spara det bftui skrev, hämta, slå ihop, skicka",
        "share with the others: commit what bftui wrote, fetch, merge, push",
    ),
    "sync.cli.examples": (
        "exempel:\n  bftui sync\n  bftui sync --library ~/bostadforst\n\n"
        "Förlopp skrivs på stderr. Ändringar gjorda för hand delas inte: checka in\n"
        "dem själv med git. Går något fel finns allt kvar, och det går att försöka igen.\n"
        "slutstatus: 0 klart, 1 misslyckades (nätverk, inloggning, konflikt), "
        "2 inget git-arkiv eller fjärrarkiv",
        "examples:\n  bftui sync\n  bftui sync --library ~/bostadforst\n\n"
        "Progress goes to stderr. Changes made by hand are not shared: commit them\n"
        "yourself with git. When something fails, nothing is lost; try again.\n"
        "exit status: 0 done, 1 failed (network, credentials, conflict), "
        "2 no git repository or remote",
    ),
    "log.cli.help": (
        "en artikels eller ett evenemangs historik: när, vem, vad",
        "an article's or event's history: when, who, what",
    ),
    "log.cli.examples": (
        "exempel:\n"
        "  bftui log SLUG                       incheckningarna, nyast först\n"
        "  bftui log SLUG --show 3f2a1c         filen som den var då\n"
        "  bftui log SLUG --diff 3f2a1c         vad som ändrats sedan dess (fält,\n"
        "                                       frågor, stycken)\n"
        "  bftui log SLUG --diff 3f2a1c 9b0e7d  mellan två versioner\n\n"
        "slutstatus: 0 klart, 1 git misslyckades, 2 okänd slug eller inget git-arkiv",
        "examples:\n"
        "  bftui log SLUG                       its commits, newest first\n"
        "  bftui log SLUG --show 3f2a1c         the file as it was then\n"
        "  bftui log SLUG --diff 3f2a1c         what changed since (fields,\n"
        "                                       questions, paragraphs)\n"
        "  bftui log SLUG --diff 3f2a1c 9b0e7d  between two versions\n\n"
        "exit status: 0 done, 1 git failed, 2 unknown slug or no git repository",
    ),
    "log.cli.show": (
        "skriv filen som den var vid COMMIT",
        "print the file as it was at COMMIT",
    ),
    "log.cli.diff": (
        "vad som ändrats från A till B (B: filen nu)",
        "what changed from A to B (B: the file now)",
    ),
    "log.cli.no_history": (
        "{slug} har ingen historik i git än",
        "{slug} has no history in git yet",
    ),
    "log.cli.same": ("inga skillnader", "no differences"),
    "trash.cli.help": (
        "raderade artiklar och evenemang: lista och återställ",
        "deleted articles and events: list and restore",
    ),
    "trash.cli.examples": (
        "exempel:\n  bftui trash list\n  bftui trash restore SLUG\n\n"
        "Raderat ligger i .trash/ i biblioteket; i ett git-bibliotek finns\n"
        "också allt som någon gång raderats kvar i historiken.\n"
        "slutstatus: 0 klart, 1 kunde inte återställa, 2 okänd slug",
        "examples:\n  bftui trash list\n  bftui trash restore SLUG\n\n"
        "Deleted items are in the library's .trash/; in a git library whatever\n"
        "was ever deleted is also kept in the history.\n"
        "exit status: 0 done, 1 could not restore, 2 unknown slug",
    ),
    "trash.cli.list": ("lista det raderade", "list what was deleted"),
    "trash.cli.restore": (
        "lägg tillbaka en raderad artikel eller ett evenemang",
        "put a deleted article or event back",
    ),
    "trash.cli.what": ("VAD", "WHAT"),
    "trash.cli.empty": ("inget är raderat", "nothing is deleted"),
    "trash.cli.unknown": (
        "bftui: inget raderat heter {slug}",
        "bftui: nothing deleted is called {slug}",
    ),
    "trash.cli.from_git": ("ur historiken, {commit}", "from history, {commit}"),
    "merge.cli.help": (
        "gits sammanslagning av artiklar och evenemang (bftui init ställer in den)",
        "git's merge driver for articles and events (bftui init sets it up)",
    ),
    "merge.cli.examples": (
        "I .git/config (bftui init och bftui sync skriver det):\n"
        '  [merge "bftui"]\n    driver = bftui merge-file %O %A %B %P\n\n'
        "slutstatus: 0 ren sammanslagning, 1 konflikter kvar (filen är ändå giltig)",
        "In .git/config (bftui init and bftui sync write it):\n"
        '  [merge "bftui"]\n    driver = bftui merge-file %O %A %B %P\n\n'
        "exit status: 0 clean merge, 1 conflicts left (the file is valid all the same)",
    ),
}
