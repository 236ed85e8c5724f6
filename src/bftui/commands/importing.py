"""`bftui import`: one saved page, or a whole folder of them, into the library."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.core.text import safe_text
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context
    from bftui.core.library.loading import Library
    from bftui.core.transfer.importer import Proposal
    from bftui.core.transfer.reimport import Known

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
"""The files of a folder that `import DIR` reads: saved pages, as HTML or text."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `import` to the command line."""
    importing = add_command(subparsers, common, "import", "import.cli")
    importing.add_argument(
        "file", metavar=t("import.cli.file_meta"), type=Path, help=t("import.cli.file")
    )
    importing.add_argument("--save", action="store_true", help=t("import.cli.save"))
    importing.add_argument("--update", action="store_true", help=t("import.cli.update"))
    importing.add_argument("--url", default="", metavar="URL", help=t("import.cli.url"))
    importing.set_defaults(run=run_import)


def _error(message: str) -> None:
    print(f"bftui: {safe_text(message)}", file=sys.stderr)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one page."""

    name: str
    status: str
    """"imported", "updated", "there", "review" (imported, guesses marked) or "failed"."""
    detail: str = ""
    """The slug written or found, the guessed fields, or why it failed."""
    path: Path | None = None
    """The article written or updated."""


def _library(context: Context, needed: bool) -> Library | None:
    from bftui.core.library.folders import NotALibraryError

    try:
        return context.library()
    except NotALibraryError:
        if needed:
            raise
        return None


def run_import(context: Context) -> int:
    """Import a page (print the proposal, or save it) or every page of a folder."""
    from bftui.core.library.folders import NotALibraryError

    args = context.args
    saving = args.save or args.update
    try:
        library = _library(context, saving)
    except NotALibraryError as error:
        _error(str(error))
        return EXIT_PROBLEMS
    if args.file.is_dir():
        if args.url:
            _error(t("import.cli.url_for_file"))
            return EXIT_USAGE
        return _import_folder(context, library, saving)
    return _import_one(context, library, saving)


def _known(library: Library | None) -> Known:
    from bftui.core.transfer.reimport import Known

    return Known(library.articles if library else [])


def _import_one(context: Context, library: Library | None, saving: bool) -> int:
    from bftui.core.store.storage import article_text
    from bftui.core.transfer.importer import ImportProblem, import_file

    args = context.args
    try:
        proposal = import_file(args.file, url=args.url)
    except ImportProblem as problem:
        _error(str(problem))
        return EXIT_PROBLEMS
    for note in proposal.notes:
        print(t("import.cli.note", note=note), file=sys.stderr)
    slug = _known(library).find(proposal.front)
    if not saving:
        if slug:
            print(t("import.cli.already", slug=slug), file=sys.stderr)
        print(article_text(proposal.front, proposal.body), end="")
        return EXIT_OK
    assert library is not None
    outcome = _save(library, proposal, args.file.name, slug, args.update)
    if outcome.status == "failed":
        _error(outcome.detail)
        return EXIT_PROBLEMS
    if outcome.status == "there":
        print(t("import.cli.already", slug=slug), file=sys.stderr)
        return EXIT_OK
    print(outcome.path)
    return EXIT_OK


def _save(
    library: Library, proposal: Proposal, name: str, slug: str | None, update: bool
) -> Outcome:
    """Write one proposal: a new article, an update in place, or nothing if it is there."""
    from bftui.core.store.atomic import StorageError
    from bftui.core.store.storage import (
        ValidationError,
        article_text,
        create_article,
    )
    from bftui.core.transfer import reimport

    try:
        if slug is not None:
            article = library.article(slug)
            if not update or article is None:
                return Outcome(name, "there", slug)
            text = article_text(proposal.front, proposal.body, library.root)
            done = reimport.update(library.root, article, text)
            for conflict in done.conflicts:
                print(t("import.cli.kept_yours", slug=slug, field=conflict.label),
                      file=sys.stderr)  # fmt: skip
            if not done.had_base:
                print(t("import.cli.no_base", slug=slug), file=sys.stderr)
            return Outcome(name, "updated", slug, done.path)
        path = create_article(library.root, proposal.front, proposal.body)
        reimport.keep_base(library.root, path.stem, path.read_text(encoding="utf-8"))
    except ValidationError as error:
        reasons = "; ".join(f"{e.key}: {e.message}" for e in error.errors)
        return Outcome(name, "failed", reasons)
    except StorageError as error:
        return Outcome(name, "failed", str(error))
    review = proposal.front.get("needs_review")
    if review:
        return Outcome(name, "review", f"{path.stem} ({', '.join(review)})", path)
    return Outcome(name, "imported", path.stem, path)


def _pages(folder: Path) -> list[Path]:
    """Return the saved pages under `folder`: hidden folders and symbolic links skipped."""
    pages: list[Path] = []
    for where, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(where, name)
            if (
                path.suffix.lower() in PAGE_SUFFIXES
                and not name.startswith(".")
                and not path.is_symlink()
                and path.is_file()
            ):
                pages.append(path)
    return sorted(pages)


def _progress(done: int, total: int, name: str) -> None:
    """Draw the progress bar on stderr, only when it is a terminal."""
    if not sys.stderr.isatty():
        return
    width = 24
    filled = width * done // max(total, 1)
    bar = "█" * filled + "░" * (width - filled)
    label = safe_text(name)[:30]
    sys.stderr.write(f"\r\x1b[2K{bar} {done}/{total} {label}")
    if done == total:
        sys.stderr.write("\r\x1b[2K")
    sys.stderr.flush()


def _import_folder(context: Context, library: Library | None, saving: bool) -> int:
    from bftui.core.transfer.importer import ImportProblem, import_file

    args = context.args
    pages = _pages(args.file)
    if not pages:
        _error(t("import.cli.no_pages", path=args.file))
        return EXIT_PROBLEMS
    known = _known(library)
    outcomes: list[Outcome] = []
    for number, page in enumerate(pages):
        name = str(page.relative_to(args.file))
        _progress(number, len(pages), name)
        try:
            proposal = import_file(page)
        except ImportProblem as problem:
            outcomes.append(Outcome(name, "failed", str(problem)))
            continue
        slug = known.find(proposal.front)
        if not saving:
            review = proposal.front.get("needs_review", ())
            status = "there" if slug else "review" if review else "imported"
            outcomes.append(Outcome(name, status, slug or ", ".join(review)))
            if not slug:
                known.add(proposal.slug, proposal.front.get("source", ""),
                          proposal.front["title"], proposal.front["published"])  # fmt: skip
            continue
        assert library is not None
        outcome = _save(library, proposal, name, slug, args.update)
        outcomes.append(outcome)
        if outcome.path is not None and outcome.status != "updated":
            front = proposal.front
            known.add(outcome.path.stem, front.get("source", ""),
                      front["title"], front["published"])  # fmt: skip
    _progress(len(pages), len(pages), "")
    print("\n".join(_table(outcomes, saving)))
    return EXIT_PROBLEMS if any(o.status == "failed" for o in outcomes) else EXIT_OK


def _table(outcomes: list[Outcome], saved: bool) -> list[str]:
    """Return the closing table: one row a page, then the counts."""
    label = {
        "imported": t("import.cli.row_imported" if saved else "import.cli.row_new"),
        "updated": t("import.cli.row_updated"),
        "there": t("import.cli.row_there"),
        "review": t("import.cli.row_review" if saved else "import.cli.row_new_review"),
        "failed": t("import.cli.row_failed"),
    }
    head = (t("import.cli.col_file"), t("import.cli.col_result"), "")
    rows = [(safe_text(o.name), label[o.status], safe_text(o.detail)) for o in outcomes]
    width = max(len(row[0]) for row in [head, *rows])
    result = max(len(row[1]) for row in [head, *rows])
    lines = [
        f"{r[0]:<{width}}  {r[1]:<{result}}  {r[2]}".rstrip() for r in [head, *rows]
    ]
    count = {s: sum(o.status == s for o in outcomes) for s in label}
    lines += [
        "",
        t(
            "import.cli.summary",
            imported=count["imported"] + count["review"],
            updated=count["updated"],
            there=count["there"],
            review=count["review"],
            failed=count["failed"],
        ),
    ]
    return lines
