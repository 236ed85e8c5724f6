"""UI strings: git in the app (title bar, sync, history, merge conflicts). (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # The title bar's state of the work tree.
    "sharing.branch": ("⎇ {branch}", "⎇ {branch}"),
    "sharing.detached": ("⎇ lös HEAD", "⎇ detached HEAD"),
    "sharing.not_shared": ("{count} ej delade", "{count} not shared"),
    "sharing.ahead_behind": ("↑{ahead} ↓{behind}", "↑{ahead} ↓{behind}"),
    "sharing.unmerged": ("{count} i konflikt", "{count} in conflict"),
    "sharing.no_remote": ("ingen fjärr", "no remote"),
    "sharing.synced_at": ("synkat {when}", "synced {when}"),
    "sharing.never_synced": ("aldrig synkat", "never synced"),
    "sharing.syncing": ("synkar: {step}", "syncing: {step}"),
    # What cannot be done without git.
    "sharing.no_git": (
        "git finns inte på den här datorn: synk och historik går inte, allt annat fungerar.",
        "git is not installed here: sync and history cannot be used; all else works.",
    ),
    "sharing.not_repo": (
        "Biblioteket är inte ett git-arkiv: synk och historik går inte "
        "(gör ett delat bibliotek med bftui init).",
        "The library is not a git work tree: sync and history cannot be used "
        "(make a shared library with bftui init).",
    ),
    "sharing.busy": ("En synk pågår redan.", "A sync is already running."),
    "sharing.conflicts": (
        "Ändrat på båda håll (filer: {count}): välj vad som ska gälla.",
        "Changed on both sides (files: {count}): choose what stays.",
    ),
    "sharing.resolved": (
        "Alla konflikter är lösta; tryck s för att synka klart.",
        "Every conflict is resolved; press s to finish the sync.",
    ),
    "sharing.resolve_later": (
        "{path} är inte löst; synka igen för att välja senare.",
        "{path} is not resolved; sync again to choose later.",
    ),
    # A file git left with conflict markers (core/library/reading.py).
    "problem.git_conflict": (
        "git lämnade en olöst konflikt här (<<<<<<< … >>>>>>>): tryck s i bftui "
        "för att välja vad som ska gälla",
        "git left an unresolved conflict here (<<<<<<< … >>>>>>>): press s in bftui "
        "to choose what stays",
    ),
    # Keys and palette.
    "sharing.key_sync": ("Synka", "Sync"),
    "sharing.tip_sync": (
        "Spara det bftui skrev, hämta de andras ändringar och skicka dina",
        "Commit what bftui wrote, fetch the others' changes and send yours",
    ),
    "sharing.key_history": ("Historik", "History"),
    "sharing.tip_history": (
        "Det valda objektets versioner: vem, när, vad som ändrades",
        "The chosen item's versions: who, when, what changed",
    ),
    "sharing.key_deleted": ("Ta tillbaka raderat", "Bring back deleted"),
    "sharing.tip_deleted": (
        "Objekt som tagits bort i historiken, att återställa",
        "Items deleted in history, to bring back",
    ),
    "sharing.trash_hint": ("g borttaget i git-historiken", "g deleted in git history"),
    # The history screen.
    "history.title": ("Historik: {title}", "History: {title}"),
    "history.hint": (
        "Enter visa · d vad ändrades · mellanslag markera, d jämför · Esc stäng",
        "Enter view · d what changed · space mark, d compare · Esc close",
    ),
    "history.loading": ("Läser historiken …", "Reading the history …"),
    "history.none": (
        "Ingen historik: filen har inte checkats in än.",
        "No history: the file has not been committed yet.",
    ),
    "history.view": ("Visa", "View"),
    "history.diff": ("Vad ändrades", "What changed"),
    "history.mark": ("Markera", "Mark"),
    "history.marked": ("markerad", "marked"),
    "history.version_title": (
        "Version {commit} från {when} av {author} (skrivskyddad)",
        "Version {commit} of {when} by {author} (read-only)",
    ),
    "history.unreadable": (
        "Den här versionen kan inte visas: {error}",
        "This version cannot be shown: {error}",
    ),
    "diff.title": ("Ändrat från {old} till {new}", "Changed from {old} to {new}"),
    "diff.none": ("Inga skillnader.", "No differences."),
    "diff.before": ("Förut", "Before"),
    "diff.after": ("Efter", "After"),
    "diff.start": ("början", "the start"),
    "diff.added": ("tillagt", "added"),
    "diff.removed": ("borttaget", "removed"),
    "diff.changed": ("ändrat", "changed"),
    # Deleted items from history.
    "deleted.title": ("Borttaget i historiken", "Deleted in history"),
    "deleted.hint": (
        "Enter ta tillbaka · Esc stäng",
        "Enter bring back · Esc close",
    ),
    "deleted.none": (
        "Inget har tagits bort i historiken.",
        "Nothing was deleted in history.",
    ),
    "deleted.row": (
        "{when}  {path}  (borttagen av {author})",
        "{when}  {path}  (deleted by {author})",
    ),
    "deleted.restored": ("Tillbaka: {path}", "Back: {path}"),
    # Resolving merge conflicts.
    "merge.title": (
        "Konflikt {number} av {count} i {path}: {label}",
        "Conflict {number} of {count} in {path}: {label}",
    ),
    "merge.ours": ("Här (din version)", "Here (your version)"),
    "merge.theirs": ("Där (den andras)", "There (the other's)"),
    "merge.base": ("Förut", "Before"),
    "merge.absent": ("(borttaget)", "(removed)"),
    "merge.hint": (
        "h behåll din · d ta den andras · k kombinera · Esc avbryt",
        "h keep yours · d take theirs · k combine · Esc cancel",
    ),
    "merge.key_ours": ("Behåll din", "Keep yours"),
    "merge.key_theirs": ("Ta den andras", "Take theirs"),
    "merge.key_combine": ("Kombinera", "Combine"),
    "merge.combine_hint": (
        "Skriv det som ska gälla · ctrl+s klart · Esc tillbaka",
        "Write what stays · ctrl+s done · Esc back",
    ),
    "merge.bad_value": (
        "Det där är inte ett giltigt TOML-värde: {error}",
        "That is not a valid TOML value: {error}",
    ),
    "merge.written": ("Löst: {path}", "Resolved: {path}"),
}
