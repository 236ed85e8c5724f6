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
    "undo.changed_since": (
        "filen har ändrats sedan den skapades",
        "the file was changed since it was made",
    ),
    "storage.unresolved": (
        "sammanslagningen har fortfarande konflikter ({keys}): inget sparades",
        "the merge still has conflicts ({keys}): nothing was saved",
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

STRINGS.update(
    {
        # The form frame.
        "form.key_save": ("Spara", "Save"),
        "form.key_cancel": ("Avbryt", "Cancel"),
        "form.key_break": ("Bryt låset", "Break the lock"),
        "form.hints": (
            "ctrl+s spara · Esc avbryt · Tab/shift+Tab fält · F2 förhandsvisa",
            "ctrl+s save · Esc cancel · Tab/shift+Tab fields · F2 preview",
        ),
        "form.key_preview": ("Förhandsvisa", "Preview"),
        "form.preview_where": (
            "F2 förhandsvisar textfälten (sammanfattning, brödtext, svar): gå till ett av dem först.",
            "F2 previews the text fields (summary, body, answer): go to one of them first.",
        ),
        "form.lock_held": (
            "⚠ Redigeras redan av {owner} sedan {since}. Du kan läsa och skriva, men spara krockar om båda ändrar.",
            "⚠ Being edited by {owner} since {since}. You can read and type, but saving conflicts if you both change it.",
        ),
        "form.lock_stale": (
            "⚠ Låst av {owner} sedan {since}, men låset är gammalt: ctrl+b bryter det.",
            "⚠ Locked by {owner} since {since}, but the lock is old: ctrl+b breaks it.",
        ),
        "lock.not_written": (
            "kunde inte låsa filen ({error}): du kan redigera, men andra ser inte att du gör det",
            "could not lock the file ({error}): you can edit, but others will not see that you are",
        ),
        "lock.busy": (
            "kunde inte låsa filen: låsfilen går inte att ersätta",
            "could not lock the file: the lock file cannot be replaced",
        ),
        "form.lock_not_stale": (
            "låset är för nytt för att brytas",
            "the lock is too recent to break",
        ),
        "form.lock_not_broken": (
            "låset kunde inte brytas (någon tog det nyss)",
            "the lock could not be broken (someone just took it)",
        ),
        "form.fix_fields": (
            "Rätta de markerade fälten innan du sparar.",
            "Fix the marked fields before saving.",
        ),
        "form.saving": ("Sparar …", "Saving …"),
        "form.failed": ("kunde inte spara: {error}", "could not save: {error}"),
        "form.conflict_short": (
            "Filen har ändrats av någon annan: inget sparades.",
            "Someone else changed the file: nothing was saved.",
        ),
        "form.reloaded": (
            "Formuläret visar nu filen som den är på disken.",
            "The form now shows the file as it is on disk.",
        ),
        "form.discard_question": (
            "Kasta ändringarna i formuläret?",
            "Throw away the changes in the form?",
        ),
        "form.quit_question": (
            "Avsluta och kasta ändringarna i formuläret?",
            "Quit and throw away the changes in the form?",
        ),
        "form.none": ("(inget)", "(none)"),
        "form.hint_year": ("om datumen är okända", "when the dates are unknown"),
        "form.hint_date": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        "form.hint_datetime": ("ÅÅÅÅ-MM-DD [TT:MM]", "YYYY-MM-DD [HH:MM]"),
        "form.hint_list": ("kommaseparerad", "comma-separated"),
        "form.hint_url": ("webbadress, https://…", "web address, https://…"),
        "form.hint_count": ("heltal", "whole number"),
        "form.hint_markdown": ("Markdown", "Markdown"),
        "form.hint_event": (
            "skriv en del av namnet, ↓ för att välja",
            "type part of the name, ↓ to choose",
        ),
        "form.body": ("Text", "Text"),
        "form.question": ("Fråga", "Question"),
        "form.answer": ("Svar", "Answer"),
        "form.row_up": ("↑ Upp", "↑ Up"),
        "form.row_down": ("↓ Ned", "↓ Down"),
        "form.row_remove": ("✕ Ta bort", "✕ Remove"),
        "form.row_add": ("+ Ny programpunkt", "+ New programme item"),
        "form.row_day": ("dag {day}", "day {day}"),
        "form.row_untitled": ("(utan rubrik)", "(untitled)"),
        "form.row_field": ("Programrad {row}, {field}", "Programme row {row}, {field}"),
        "input.paste_joined": (
            "Fältet har bara en rad: radbrytningar och tabbar i det inklistrade blev mellanslag.",
            "The field has one line: line breaks and tabs in the pasted text became spaces.",
        ),
        "form.new_event": ("Ny träff", "New meeting"),
        "form.new_article": ("Ny artikel", "New article"),
        "form.edit": ("Redigera: {title}", "Edit: {title}"),
        "form.new_entry": ("Ny fråga i: {title}", "New question in: {title}"),
        "form.edit_entry": ("Redigera fråga i: {title}", "Edit question in: {title}"),
        # Yes/no.
        "confirm.yes": ("Ja", "Yes"),
        "confirm.no": ("Nej", "No"),
        # Conflicts.
        "conflict.changed": (
            "Någon annan har ändrat filen medan formuläret var öppet. Inget har skrivits över. Så här ändrades den:",
            "Someone else changed the file while the form was open. Nothing was overwritten. This is what changed:",
        ),
        "conflict.gone": (
            "Filen har tagits bort eller flyttats medan formuläret var öppet. Inget har skrivits.",
            "The file was deleted or moved while the form was open. Nothing was written.",
        ),
        "conflict.reload": ("Läs in filen igen", "Reload the file"),
        "conflict.merge_intro": (
            "Någon annan har ändrat filen medan formuläret var öppet. Det som bara en av er ändrade är redan sammanfogat; "
            "det här ändrade ni båda. Välj för varje: behåll din version, ta den andra eller kombinera dem.",
            "Someone else changed the file while the form was open. What only one of you changed is merged already; "
            "you both changed this. For each, keep your version, take theirs or combine them.",
        ),
        "conflict.entry": ("Frågan ”{question}”", "The question “{question}”"),
        "conflict.yours": ("Din:", "Yours:"),
        "conflict.theirs": ("Deras:", "Theirs:"),
        "conflict.removed": ("(borttagen)", "(removed)"),
        "conflict.keep_mine": ("Behåll din", "Keep yours"),
        "conflict.take_theirs": ("Ta deras", "Take theirs"),
        "conflict.combine": ("Kombinera", "Combine"),
        "conflict.save_merged": ("Spara sammanfogat", "Save merged"),
        "conflict.key_save": ("Spara sammanfogat", "Save merged"),
        "conflict.reload_question": (
            "Läsa in filen igen? Det du har skrivit i formuläret försvinner.",
            "Reload the file? What you typed in the form is lost.",
        ),
        "conflict.new": ("Spara som ny", "Save as new"),
        "conflict.back": ("Tillbaka till formuläret", "Back to the form"),
    }
)

STRINGS.update(
    {
        # Editing keys on the main screen.
        "form.key_new_event": ("Ny träff", "New meeting"),
        "form.key_new_article": ("Ny artikel", "New article"),
        "form.key_edit_item": ("Ändra", "Edit"),
        "form.key_external": ("$EDITOR", "$EDITOR"),
        "form.key_qa_entries": ("F&S", "Q&A"),
        "form.tip_edit_item": ("Ändra i formulär", "Edit in a form"),
        "form.tip_external": ("Öppna filen i $EDITOR", "Open the file in $EDITOR"),
        "form.tip_qa_entries": (
            "Intervjuns frågor och svar",
            "The interview's questions and answers",
        ),
        "form.key_delete": ("Ta bort", "Delete"),
        "form.help_editing": ("Redigera", "Editing"),
        "form.tip_new_event": (
            "Skapa en ny träff (evenemang) i biblioteket",
            "Create a new meeting (event) in the library",
        ),
        "form.tip_new_article": (
            "Skapa en ny artikel i biblioteket",
            "Create a new article in the library",
        ),
        "form.saved": ("Sparat: {name}", "Saved: {name}"),
        "form.key_undo": ("Ångra", "Undo"),
        "form.tip_undo": (
            "Ta tillbaka sessionens senaste sparande, borttagning eller flytt",
            "Take back this session's last save, delete or move",
        ),
        "form.undo_nothing": (
            "Inget att ångra: den här sessionen har inte sparat, tagit bort eller flyttat något.",
            "Nothing to undo: this session has not saved, deleted or moved anything.",
        ),
        "form.undone_saved": (
            "Ångrat: ändringen i {name}",
            "Undone: the change to {name}",
        ),
        "form.undone_created": (
            "Ångrat: {name} är ny och flyttad till papperskorgen",
            "Undone: {name} was new and is moved to the trash",
        ),
        "form.undone_deleted": ("Ångrat: {name} är tillbaka", "Undone: {name} is back"),
        "form.undone_restored": (
            "Ångrat: {name} är i papperskorgen igen",
            "Undone: {name} is in the trash again",
        ),
        "form.undo_gone": (
            "Kan inte ångra: {name} finns inte längre.",
            "Cannot undo: {name} is gone.",
        ),
        "form.undo_changed_question": (
            "{name} har ändrats sedan den skapades. Flytta den till papperskorgen ändå?",
            "{name} was changed since it was made. Move it to the trash anyway?",
        ),
        "form.key_trash": ("Papperskorgen", "Trash"),
        "form.tip_trash": (
            "Borttagna artiklar och evenemang: återställ dem",
            "Deleted articles and events: restore them",
        ),
        "form.trash_title": ("Papperskorgen ({count})", "Trash ({count})"),
        "form.trash_hint": (
            "Enter återställer, Esc stänger",
            "Enter restores, Esc closes",
        ),
        "form.trash_empty": ("Papperskorgen är tom.", "The trash is empty."),
        "form.restored": ("Återställd: {where}", "Restored: {where}"),
        "form.saved_merged": (
            "Sparat: {name}, sammanfogat med en ändring som någon annan gjort under tiden",
            "Saved: {name}, merged with a change someone else made meanwhile",
        ),
        "form.deleted": (
            "Flyttat till papperskorgen: {where} (kan återställas därifrån)",
            "Moved to the trash: {where} (can be restored from there)",
        ),
        "form.delete_question": (
            "Ta bort ”{title}”? Filen flyttas till .trash/ i biblioteket.",
            "Delete “{title}”? The file moves to .trash/ in the library.",
        ),
        "form.nothing_chosen": (
            "Välj först en artikel eller ett evenemang i listan.",
            "First choose an article or an event in the list.",
        ),
        "form.not_interview": (
            "Frågor och svar finns bara i intervjuer: välj en intervju först.",
            "Questions and answers belong to interviews: choose an interview first.",
        ),
        "form.editor_failed": (
            "kunde inte starta {editor}: {error}",
            "could not start {editor}: {error}",
        ),
        "form.editor_unreadable": (
            "${name} går inte att läsa som ett kommando ({value!r}): {error}",
            "${name} cannot be read as a command ({value!r}): {error}",
        ),
        "form.editor_missing": (
            "${name} säger {program!r}, men det programmet finns inte",
            "${name} says {program!r}, but there is no such program",
        ),
        "form.editor_no_terminal": (
            "$EDITOR går inte att använda här: appen körs utan en egen terminal (t.ex. i webbläsaren). Redigera med E i stället.",
            "$EDITOR is not available here: the app runs without a terminal of its own (e.g. in a web browser). Edit with E instead.",
        ),
        "form.editor_problems": (
            "Ändringen gav problem:\n{problems}",
            "The edit introduced problems:\n{problems}",
        ),
        "form.draft_failed": (
            "Utkastet (säkerhetskopian av formuläret) kunde inte sparas i {folder}: {error}. Formuläret är kvar; ctrl+s sparar som vanligt.",
            "The draft (the form's safety copy) could not be kept in {folder}: {error}. The form is still open; ctrl+s saves as usual.",
        ),
        "form.draft_is_live": (
            "Utkastet ”{title}” hör till en bftui som fortfarande körs: det finns kvar.",
            "The draft “{title}” belongs to a bftui that is still running: it is kept.",
        ),
        "form.draft_item_gone": (
            "Utkastet ”{title}” hör till en fil som inte finns längre.",
            "The draft “{title}” belongs to a file that is gone.",
        ),
        # The Q&A list.
        "form.qa_key_close": ("Stäng", "Close"),
        "form.qa_key_add": ("Ny efter", "Add after"),
        "form.qa_key_add_end": ("Ny sist", "Add at end"),
        "form.qa_key_edit": ("Redigera", "Edit"),
        "form.qa_key_delete": ("Ta bort", "Delete"),
        "form.qa_key_up": ("Upp", "Up"),
        "form.qa_key_down": ("Ned", "Down"),
        "form.qa_empty": (
            "(inga frågor ännu: a lägger till en)",
            "(no questions yet: a adds one)",
        ),
        "form.qa_delete_question": (
            "Ta bort frågan ”{question}” och dess svar?",
            "Delete the question “{question}” and its answer?",
        ),
        # Drafts.
        "form.drafts_intro": (
            "Osparade utkast från en tidigare session. Enter återställer, d kastar, Esc väntar.",
            "Unsaved drafts from an earlier session. Enter restores, d discards, Esc waits.",
        ),
        "form.drafts_restore": ("Återställ", "Restore"),
        "form.drafts_discard": ("Kasta", "Discard"),
        "form.drafts_later": ("Senare", "Later"),
    }
)
