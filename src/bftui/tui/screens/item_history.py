"""Provides an item's history in git: its versions, one of them read-only, and what changed.

The versions list shows when, who and what (the commit's message); Enter
opens a version in a reader of its own (nothing there can edit it), `d`
shows what changed in it, and a version marked with space is compared with
the highlighted one. Changes are told in the item's terms: fields, Q&A
entries and paragraphs (`bftui.core.share.itemdiff`). Git runs in workers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.tui.typeahead import (
    expect_screen,
    push_expected,
    screen_not_coming,
    screen_ready,
)
from bftui.tui.widgets.document import DocumentView
from bftui.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from bftui.core.items.model import Item
    from bftui.core.library.loading import Library
    from bftui.core.share.git import Repo
    from bftui.core.share.history import Deleted, Version
    from bftui.core.share.itemdiff import Difference


def version_row(version: Version, marked: bool = False) -> Text:
    """Return one version's line: when, who, what (plain text, never markup)."""
    when = version.when.strftime("%Y-%m-%d %H:%M")
    mark = f"  [{t('history.marked')}]" if marked else ""
    line = f"{when}  {version.author}  {version.message}{mark}"
    return Text(safe_text(line), no_wrap=True, overflow="ellipsis")


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    ticks = "`" * max(3, longest + 3)
    return f"{ticks}toml\n{text}\n{ticks}"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def differences_markdown(differences: list[Difference], title: str) -> str:
    """Return the differences as a document for the reader: each unit's before and after."""
    lines = [f"# {title}", ""]
    if not differences:
        lines.append(t("diff.none"))
    for difference in differences:
        change = t(f"diff.{difference.change}")
        lines += [f"## {safe_text(difference.label)} ({change})", ""]
        for name, text in (
            ("diff.before", difference.old),
            ("diff.after", difference.new),
        ):
            if text is None:
                continue
            shown = safe_text(text)
            lines += [f"**{t(name)}:**", ""]
            lines += [_fence(shown) if difference.toml else _quote(shown), ""]
    return "\n".join(lines)


class ReaderScreen(Screen[None]):
    """A read-only reader of one document (an older version, or what changed)."""

    BINDINGS = [Binding("escape,q", "dismiss", t("key.close"), id="reader.close")]

    def __init__(self, heading: str, markdown: str) -> None:
        super().__init__()
        self._heading = heading
        self._markdown = markdown

    def compose(self) -> ComposeResult:
        """The heading, the document, the keys."""
        yield Static(Text(self._heading), id="version-heading")
        yield DocumentView(id="version-document")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the document once laid out (it is rendered for its width)."""
        document = self.query_one(DocumentView)
        self.set_focus(document)
        self.call_after_refresh(document.show, self._markdown)


class HistoryScreen(ModalScreen[None]):
    """The versions of one item, newest first."""

    BINDINGS = [
        Binding("escape,q", "dismiss", t("key.close"), id="history.close"),
        Binding("d", "differences", t("history.diff"), id="history.diff"),
        Binding("space", "mark", t("history.mark"), id="history.mark"),
    ]

    def __init__(self, repo: Repo, item: Item, library: Library) -> None:
        super().__init__()
        self.repo = repo
        self.item = item
        self.library = library
        self.versions: list[Version] = []
        self.marked: int | None = None
        self.keys_ready = False
        """False until the versions are listed: keys typed meanwhile wait."""

    def compose(self) -> ComposeResult:
        """The list of versions (read in a worker)."""
        versions = OptionList(
            Option(Text(t("history.loading")), disabled=True),
            id="history-list",
            classes="choice-list",
        )
        versions.border_title = t("history.title", title=safe_text(self.item.title))
        versions.border_subtitle = t("history.hint")
        yield versions

    def on_mount(self) -> None:
        """Read the versions."""
        self._read_versions()

    @property
    def rel(self) -> str:
        """The item's file, relative to the library."""
        return self.item.path.relative_to(self.repo.library).as_posix()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def _read_versions(self) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.history import item_log

        versions: list[Version] = []
        try:
            versions = item_log(self.repo, self.item.path)
        except GitError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            self.app.call_from_thread(self._show_versions, versions)

    def _show_versions(self, versions: list[Version]) -> None:
        self.versions = versions
        self._fill()
        screen_ready(self)

    def _fill(self) -> None:
        choices = self.query_one(OptionList)
        highlighted = choices.highlighted
        rows = [
            Option(version_row(v, n == self.marked), id=str(n))
            for n, v in enumerate(self.versions)
        ]
        choices.set_options(rows or [Option(Text(t("history.none")), disabled=True)])
        if rows:
            choices.highlighted = highlighted if highlighted is not None else 0

    def _highlighted(self) -> int | None:
        number = self.query_one(OptionList).highlighted
        return number if self.versions and number is not None else None

    def action_mark(self) -> None:
        """Mark the highlighted version (again: unmark) to compare another with it."""
        number = self._highlighted()
        if number is not None:
            self.marked = None if self.marked == number else number
            self._fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen version read-only."""
        if event.option.id is not None:
            expect_screen(self.app)  # Keys typed after Enter are for the version.
            self._open_version(self.versions[int(event.option.id)])

    def _read_in(self, heading: str, markdown: str) -> None:
        """Show `markdown` in a reader, which the keys typed meanwhile go to."""
        push_expected(self.app, ReaderScreen(heading, markdown), lambda _: None)

    @work(thread=True, exclusive=True, group="history-open", exit_on_error=False)
    def _open_version(self, version: Version) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.history import text_at
        from bftui.core.share.versions import compose_version

        markdown = None
        try:
            text = text_at(self.repo, version.commit, self.item.path)
            markdown = compose_version(text, self.rel, self.library)
        except (GitError, ValueError) as error:
            message = t("history.unreadable", error=safe_text(str(error)))
            self.app.call_from_thread(self.notify, message, severity="error")
        finally:
            if markdown is None:
                self.app.call_from_thread(screen_not_coming, self.app)
        if markdown is None:
            return
        heading = t(
            "history.version_title",
            commit=version.short,
            when=version.when.strftime("%Y-%m-%d %H:%M"),
            author=safe_text(version.author),
        )
        self.app.call_from_thread(self._read_in, heading, markdown)

    def action_differences(self) -> None:
        """Show what changed in the highlighted version, or since the marked one."""
        number = self._highlighted()
        if number is None:
            return
        older = self.marked if self.marked is not None else number + 1
        newer = number
        if older < newer:
            older, newer = newer, older
        if older == newer:
            older = newer + 1
        old = self.versions[older] if older < len(self.versions) else None
        expect_screen(self.app)  # Keys typed after d are for what changed.
        self._compare(old, self.versions[newer])

    @work(thread=True, exclusive=True, group="history-open", exit_on_error=False)
    def _compare(self, old: Version | None, new: Version) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.history import text_at
        from bftui.core.share.itemdiff import diff_item
        from bftui.core.store.merge import kind_for_path

        markdown = None
        try:
            before = (
                "" if old is None else text_at(self.repo, old.commit, self.item.path)
            )
            after = text_at(self.repo, new.commit, self.item.path)
            kind = kind_for_path(self.rel) or "article"
            title = t(
                "diff.title",
                old=old.short if old is not None else t("diff.start"),
                new=new.short,
            )
            markdown = differences_markdown(diff_item(before, after, kind), title)
        except GitError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            if markdown is None:
                self.app.call_from_thread(screen_not_coming, self.app)
        if markdown is not None:
            heading = safe_text(self.item.title)
            self.app.call_from_thread(self._read_in, heading, markdown)


class DeletedScreen(ModalScreen[Path | None]):
    """Items deleted in history; Enter brings one back (dismissed with its path)."""

    BINDINGS = [Binding("escape,q", "dismiss", t("key.close"), id="deleted.close")]

    def __init__(self, repo: Repo) -> None:
        super().__init__()
        self.repo = repo
        self.deleted: list[Deleted] = []
        self.keys_ready = False
        """False until the items are listed, and while one is brought back."""

    def compose(self) -> ComposeResult:
        """The list (read in a worker)."""
        choices = OptionList(
            Option(Text(t("history.loading")), disabled=True),
            id="deleted-list",
            classes="choice-list",
        )
        choices.border_title = t("deleted.title")
        choices.border_subtitle = t("deleted.hint")
        yield choices

    def on_mount(self) -> None:
        """Read what history deleted."""
        self._read()

    @work(thread=True, exclusive=True, group="deleted", exit_on_error=False)
    def _read(self) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.history import deleted_items

        found: list[Deleted] = []
        try:
            found = deleted_items(self.repo)
        except GitError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            self.app.call_from_thread(self._show, found)

    def _show(self, found: list[Deleted]) -> None:
        self.deleted = found
        rows = [
            Option(
                Text(
                    safe_text(
                        t(
                            "deleted.row",
                            when=d.version.when.strftime("%Y-%m-%d %H:%M"),
                            path=d.path,
                            author=d.version.author,
                        )
                    )
                ),
                id=str(n),
            )
            for n, d in enumerate(found)
        ]
        choices = self.query_one(OptionList)
        choices.set_options(rows or [Option(Text(t("deleted.none")), disabled=True)])
        if rows:
            choices.highlighted = 0
        screen_ready(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Bring the chosen item back."""
        if event.option.id is not None:
            self.keys_ready = False  # Keys typed after Enter act on it brought back.
            self._restore(self.deleted[int(event.option.id)])

    @work(thread=True, exclusive=True, group="deleted-restore", exit_on_error=False)
    def _restore(self, deleted: Deleted) -> None:
        from bftui.core.share.git import GitError
        from bftui.core.share.history import restore_deleted
        from bftui.core.store.atomic import StorageError

        path = None
        try:
            path = restore_deleted(self.repo, deleted)
        except FileExistsError:
            self.app.call_from_thread(
                self.notify, t("storage.restore_exists"), severity="warning"
            )
        except (GitError, StorageError) as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
        finally:
            if path is None:  # Still here: the keys go to the list again.
                self.app.call_from_thread(screen_ready, self)
        if path is not None:
            self.app.call_from_thread(self._close, path)

    def _close(self, path: Path) -> None:
        """Close with `path`: the keys typed since Enter go on below, as a form's do."""
        self.dismiss(path)
        screen_not_coming(self.app)
