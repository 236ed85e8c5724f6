"""The library's trash: what was deleted, newest first; Enter puts one back."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from bftui.core.store.trash import Trashed
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.tui.screens.choice import ChoiceScreen


class TrashScreen(ChoiceScreen[Trashed]):
    """Lists the items in `.trash/`; dismisses with the one to restore."""

    BINDINGS = [
        Binding("escape,q,T", "dismiss", t("key.close"), id="trash.close"),
        Binding("g", "from_history", t("sharing.key_deleted"), id="trash.history"),
    ]

    def __init__(self, items: list[Trashed]) -> None:
        super().__init__(
            [
                (
                    Text(
                        f"{item.deleted:%Y-%m-%d %H:%M}  "
                        + safe_text(item.original.as_posix())
                    ),
                    item,
                )
                for item in items
            ],
            title=t("form.trash_title", n=len(items)),
            hint=f"{t('form.trash_hint')} · {t('sharing.trash_hint')}",
            empty=t("form.trash_empty"),
            list_id="trash-list",
        )

    def action_from_history(self) -> None:
        """Close, and list what git's history deleted instead (a git library)."""
        self.dismiss(None)
        main = self.app.screen_stack[0]
        deleted = getattr(main, "action_deleted_items", None)
        if deleted is not None:
            self.app.call_later(deleted)
