"""UI strings: forms, saving, locks, drafts and the trash. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Saving (core/atomic.py, core/storage.py, core/trash.py).
    "storage.disk_full": (
        "disken är full: inget sparades, den gamla filen är orörd",
        "the disk is full: nothing was saved, the old file is intact",
    ),
    "storage.no_permission": (
        "du har inte behörighet att skriva här: inget sparades",
        "you have no permission to write here: nothing was saved",
    ),
    "storage.read_only": (
        "biblioteket är skrivskyddat: inget sparades",
        "the library is read-only: nothing was saved",
    ),
    "storage.missing_folder": (
        "mappen finns inte (längre): inget sparades",
        "the folder does not exist (any more): nothing was saved",
    ),
    "storage.os_error": (
        "kunde inte spara: {error}",
        "could not save: {error}",
    ),
    "storage.symlink_outside": (
        "filen är en symbolisk länk som pekar utanför biblioteket: den skrivs inte över",
        "the file is a symbolic link that points outside the library: it is not overwritten",
    ),
    "storage.not_utf8": ("filen är inte giltig UTF-8", "the file is not valid UTF-8"),
    "storage.bad_toml": (
        "ogiltig TOML i filen: {error}",
        "invalid TOML in the file: {error}",
    ),
    "storage.verify_failed": (
        "kontrollen av den nya texten misslyckades ({error}): inget sparades",
        "the new text failed its check ({error}): nothing was saved",
    ),
    "storage.no_free_name": (
        "hittade inget ledigt filnamn",
        "found no free file name",
    ),
    "storage.bad_slug": (
        "ogiltigt namn: små bokstäver a-z, siffror och bindestreck, högst 80 tecken",
        "invalid name: lowercase a-z, digits and hyphens, at most 80 characters",
    ),
    "storage.outside_library": (
        "filen ligger inte i biblioteket",
        "the file is not in the library",
    ),
    "storage.restore_exists": (
        "det finns redan en fil där: den skrivs inte över",
        "a file is already there: it is not overwritten",
    ),
    "storage.diff_yours": ("när formuläret öppnades", "when the form was opened"),
    "storage.diff_theirs": ("på disken nu", "on disk now"),
    # Q&A entries.
    "form.qa_one_line": ("frågan ska stå på en rad", "the question must be one line"),
    "form.qa_no_headings": (
        "svaret får inte innehålla rubriker på nivå 1–3 (#, ##, ###)",
        "the answer must not contain headings of level 1–3 (#, ##, ###)",
    ),
}
