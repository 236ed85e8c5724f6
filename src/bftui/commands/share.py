"""Sharing through git: `init`, `sync`, `log`, `trash` and git's `merge-file` driver."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui import paths
from bftui.commands import add_command
from bftui.core.text import safe_text
from bftui.i18n import t

if TYPE_CHECKING:
    from bftui.cli import Context
    from bftui.core.share.git import GitError, Repo
    from bftui.core.share.history import Deleted
    from bftui.core.store.trash import Trashed

    Row = tuple[str, str, Trashed | Deleted]
    """A deleted item: its slug, the line `trash list` prints, and where it is."""

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
_SETUP_KINDS = {"missing", "not_repo", "no_remote"}
"""Failures that mean the library is not set up for sharing: a usage error."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `init`, `sync`, `log`, `trash` and `merge-file` to the command line."""
    init = add_command(subparsers, common, "init", "init.cli")
    init.add_argument(
        "path", nargs="?", default=".", metavar="PATH", help=t("init.cli.path")
    )
    source = init.add_mutually_exclusive_group()
    source.add_argument("--sample", action="store_true", help=t("init.cli.sample"))
    source.add_argument(
        "--from", dest="remote", metavar="REMOTE", help=t("init.cli.from")
    )
    init.set_defaults(run=run_init)
    add_command(subparsers, common, "sync", "sync.cli").set_defaults(run=run_sync)
    log = add_command(subparsers, common, "log", "log.cli")
    log.add_argument("slug", metavar="SLUG", help=t("cli.show.slug"))
    shown = log.add_mutually_exclusive_group()
    shown.add_argument("--show", metavar="COMMIT", help=t("log.cli.show"))
    shown.add_argument(
        "--diff", nargs="+", action=_OneOrTwo, metavar="A [B]", help=t("log.cli.diff")
    )
    log.formatter_class = _HelpFormatter
    log.set_defaults(run=run_log)
    trash = add_command(subparsers, common, "trash", "trash.cli")
    what = trash.add_subparsers(dest="what", metavar=t("trash.cli.what"), required=True)
    listing = what.add_parser("list", parents=[common], help=t("trash.cli.list"))
    listing.set_defaults(run=run_trash_list)
    restore = what.add_parser("restore", parents=[common], help=t("trash.cli.restore"))
    restore.add_argument("slug", metavar="SLUG", help=t("cli.show.slug"))
    restore.set_defaults(run=run_trash_restore)
    merge = add_command(subparsers, None, "merge-file", "merge.cli")
    for name in ("base", "ours", "theirs", "name"):
        merge.add_argument(name, metavar=name.upper())
    merge.set_defaults(run=run_merge_file)


def _say(message: str) -> None:
    print(f"bftui: {safe_text(message)}", file=sys.stderr)


def _failed(error: GitError) -> int:
    _say(error.message)
    return EXIT_USAGE if error.kind in _SETUP_KINDS else EXIT_PROBLEMS


def run_init(context: Context) -> int:
    """Make a library (or clone a shared one) and make it the default if none is set."""
    from bftui.core.share.git import GitError, git_program
    from bftui.core.share.setup import clone_library, init_library
    from bftui.core.store.atomic import StorageError
    from bftui.settings import remember_library

    args = context.args
    root = Path(args.path).expanduser().absolute()
    if paths.in_sample(root):
        _say(t("init.in_sample"))
        return EXIT_USAGE
    try:
        if args.remote:
            made = clone_library(args.remote, root)
            print(t("init.cloned", remote=safe_text(args.remote), path=root))
        else:
            sample = paths.bundled_library() if args.sample else None
            made = init_library(root, sample=sample)
            print(t("init.done", path=root))
    except GitError as error:
        return _failed(error)
    except (StorageError, OSError) as error:
        _say(str(error))
        return EXIT_PROBLEMS
    if made.problem:
        _say(made.problem)
    chosen = getattr(args, "library", None) or context.settings.library
    if chosen is None and not os.environ.get(paths.LIBRARY_ENV):
        config = paths.config_file()
        try:
            if remember_library(root, config):
                print(t("init.default", config=config))
        except StorageError as error:
            _say(str(error))
    # Without git the library is made all the same: that is no failure.
    return EXIT_PROBLEMS if made.problem and git_program() is not None else EXIT_OK


class _OneOrTwo(argparse.Action):
    """An option that takes one value or two (`--diff A [B]`)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if len(values) > 2:
            parser.error(t("cli.err.unrecognized", what=" ".join(values[2:])))
        setattr(namespace, self.dest, values)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows a `_OneOrTwo` option's metavar as written (argparse says `A [B ...]`)."""

    def _format_args(self, action: argparse.Action, default_metavar: str) -> str:
        if isinstance(action, _OneOrTwo):
            return str(action.metavar)
        return super()._format_args(action, default_metavar)


def _repo(context: Context) -> Repo:
    from bftui.core.share.git import open_repo

    return open_repo(context.library_path)


def run_sync(context: Context) -> int:
    """Commit what bftui wrote, fetch, merge and push, with progress on stderr."""
    from bftui.core.share.git import GitError
    from bftui.core.share.sync import sync

    try:
        done = sync(_repo(context), progress=_say)
    except GitError as error:
        return _failed(error)
    if done.received or done.sent:
        print(t("sync.done", received=done.received, sent=done.sent))
    else:
        print(t("sync.nothing"))
    if done.by_hand:
        _say(t("sync.by_hand", paths=", ".join(done.by_hand)))
    return EXIT_OK


def run_log(context: Context) -> int:
    """Print an item's commits, a version of it, or what changed between two."""
    from bftui.core.share import history
    from bftui.core.share.git import GitError

    args = context.args
    library = context.library()
    item = library.article(args.slug) or library.event(args.slug)
    if item is None:
        print(t("cli.show.unknown", slug=safe_text(args.slug)), file=sys.stderr)
        return EXIT_USAGE
    try:
        repo = _repo(context)
        if args.show:
            commit = history.find_commit(repo, args.show)
            sys.stdout.write(safe_text(history.text_at(repo, commit, item.path)))
            return EXIT_OK
        if args.diff:
            return _print_diff(repo, item.path, args.diff)
        versions = history.item_log(repo, item.path)
    except GitError as error:
        return _failed(error)
    if not versions:
        _say(t("log.cli.no_history", slug=safe_text(args.slug)))
    for version in versions:
        when = version.when.strftime("%Y-%m-%d %H:%M")
        print(
            safe_text(f"{version.short}  {when}  {version.author}  {version.message}")
        )
    return EXIT_OK


def _print_diff(repo: Repo, path: Path, commits: list[str]) -> int:
    from bftui.core.share import history
    from bftui.core.share.itemdiff import diff_item
    from bftui.core.store.merge import kind_for_path

    old = history.text_at(repo, history.find_commit(repo, commits[0]), path)
    if len(commits) == 2:
        new = history.text_at(repo, history.find_commit(repo, commits[1]), path)
    else:
        new = path.read_text(encoding="utf-8")
    kind = kind_for_path(path.relative_to(repo.library).as_posix()) or "article"
    differences = diff_item(old, new, kind)
    if not differences:
        print(t("log.cli.same"))
    marks = {"added": "+", "removed": "-", "changed": "~"}
    for difference in differences:
        print(safe_text(f"{marks[difference.change]} {difference.label}"))
        for sign, text in (("-", difference.old), ("+", difference.new)):
            for line in (text or "").splitlines() if text is not None else ():
                print(safe_text(f"    {sign} {line}"))
    return EXIT_OK


def _trash_rows(context: Context) -> list[Row]:
    """Return everything deleted: the trash newest first, then history's."""
    from bftui.core.share import history
    from bftui.core.share.git import find_repo
    from bftui.core.store import trash

    root = context.library_path
    rows: list[Row] = []
    seen: set[str] = set()
    for item in trash.list_trash(root):
        seen.add(item.original.as_posix())
        when = item.deleted.strftime("%Y-%m-%d %H:%M")
        rows.append((item.original.stem, f"{when}  {item.original.as_posix()}", item))
    repo = find_repo(root)
    if repo is not None:
        for deleted in history.deleted_items(repo):
            if deleted.path in seen:
                continue
            when = deleted.version.when.strftime("%Y-%m-%d %H:%M")
            where = t("trash.cli.from_git", commit=deleted.version.short)
            line = f"{when}  {deleted.path}  ({where}, {deleted.version.author})"
            rows.append((Path(deleted.path).stem, line, deleted))
    return rows


def run_trash_list(context: Context) -> int:
    """List what is in the trash and, in a git library, what history deleted."""
    from bftui.core.library.folders import check_root

    check_root(context.library_path)
    rows = _trash_rows(context)
    if not rows:
        _say(t("trash.cli.empty"))
    for _slug, line, _item in rows:
        print(safe_text(line))
    return EXIT_OK


def run_trash_restore(context: Context) -> int:
    """Put a deleted item back: from the trash, else from git history."""
    from bftui.core.library.folders import check_root
    from bftui.core.share import history
    from bftui.core.share.git import GitError, open_repo
    from bftui.core.store import trash
    from bftui.core.store.atomic import StorageError

    root = context.library_path
    check_root(root)
    if paths.in_sample(root):
        _say(t("storage.sample_read_only"))
        return EXIT_USAGE
    match = next(
        (row for row in _trash_rows(context) if row[0] == context.args.slug), None
    )
    if match is None:
        print(
            t("trash.cli.unknown", slug=safe_text(context.args.slug)), file=sys.stderr
        )
        return EXIT_USAGE
    item = match[2]
    try:
        if isinstance(item, trash.Trashed):
            path = trash.restore(root, item)
        else:
            path = history.restore_deleted(open_repo(root), item)
    except FileExistsError:
        _say(t("storage.restore_exists"))
        return EXIT_PROBLEMS
    except (StorageError, GitError) as error:
        _say(error.message)
        return EXIT_PROBLEMS
    print(path)
    return EXIT_OK


def run_merge_file(context: Context) -> int:
    """Merge one item for git: 0 when clean, 1 when conflicts are left."""
    from bftui.core.share.mergefile import merge_files

    args = context.args
    return merge_files(Path(args.base), Path(args.ours), Path(args.theirs), args.name)
