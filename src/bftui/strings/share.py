"""UI strings: sharing a library through git, and the read-only sample. (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # The read-only sample.
    "storage.sample_read_only": (
        "exempelbiblioteket är skrivskyddat; gör ett eget med: bftui init ~/bostadforst",
        "the sample library is read-only; make your own with: bftui init ~/bostadforst",
    ),
    # What went wrong in git (core/share/git.py); {detail} is git's own first line.
    "git.err.missing": (
        "git finns inte på den här datorn: installera git för att dela biblioteket",
        "git is not installed on this computer: install git to share the library",
    ),
    "git.err.not_repo": (
        "biblioteket är inte ett git-arkiv: {detail}",
        "the library is not a git repository: {detail}",
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
}
