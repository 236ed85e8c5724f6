"""Read gettext `.po` catalogues into the standard library's `gettext` translations.

The catalogues in `bftui/locale/<lang>/LC_MESSAGES/` are kept as `.po` text,
which translators edit with the usual tools (Poedit, Weblate, msgmerge). At
run time each is compiled in memory to the `.mo` form and read by
`gettext.GNUTranslations`, so plural forms follow the catalogue's
`Plural-Forms` header; no compiled file is kept in the repository.
"""

from __future__ import annotations

import gettext
import io
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path


class CatalogueError(ValueError):
    """A `.po` file that cannot be read; says where."""


@dataclass
class Entry:
    """One message of a catalogue."""

    msgid: str = ""
    plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    """The translation; a plural entry has one string per form."""
    line: int = 0


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")


def _text(literal: str, path: Path, line: int) -> str:
    """Return the value of one quoted `.po` string (C escapes: \\n \\t \\" \\\\)."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise CatalogueError(f"{path}:{line}: not a quoted string")
    inner = literal[1:-1]
    if "\\" not in inner:
        return inner
    try:
        return _ESCAPE.sub(lambda match: _ESCAPES[match.group(1)], inner)
    except KeyError as error:
        raise CatalogueError(
            f"{path}:{line}: unknown escape \\{error.args[0]}"
        ) from error


def parse(text: str, path: Path = Path("<po>")) -> list[Entry]:
    """Return the entries of `.po` `text` (comments and fuzzy flags are dropped)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if entry is None or target is None:
                raise CatalogueError(f"{path}:{number}: a string outside an entry")
            _append(entry, target, _text(line, path, number))
            continue
        if keyword == "msgid":
            entry = Entry(line=number)
            entries.append(entry)
            target = ("msgid", 0)
        elif entry is None:
            raise CatalogueError(f"{path}:{number}: {keyword} before msgid")
        elif keyword == "msgid_plural":
            entry.plural = ""
            target = ("plural", 0)
        elif keyword == "msgstr":
            target = ("msgstr", 0)
            entry.strings[0] = ""
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            target = ("msgstr", int(keyword[7:-1]))
            entry.strings[target[1]] = ""
        else:
            raise CatalogueError(f"{path}:{number}: unknown keyword {keyword}")
        _append(entry, target, _text(rest, path, number))
    return entries


def _append(entry: Entry, target: tuple[str, int], value: str) -> None:
    kind, index = target
    if kind == "msgid":
        entry.msgid += value
    elif kind == "plural":
        entry.plural = (entry.plural or "") + value
    else:
        entry.strings[index] += value


def compile_mo(entries: list[Entry]) -> bytes:
    """Return the `.mo` bytes of `entries`, as GNU msgfmt writes them."""
    pairs: list[tuple[bytes, bytes]] = []
    for entry in entries:
        msgid = entry.msgid
        if entry.plural is not None:
            msgid += "\0" + entry.plural
        forms = [entry.strings[index] for index in sorted(entry.strings)]
        pairs.append((msgid.encode(), "\0".join(forms).encode()))
    pairs.sort()
    count = len(pairs)
    keys_start = 7 * 4
    values_start = keys_start + count * 8
    data_start = values_start + count * 8
    offsets: list[int] = []
    data = b""
    for key, _ in pairs:
        offsets += [len(key), data_start + len(data)]
        data += key + b"\0"
    for _, value in pairs:
        offsets += [len(value), data_start + len(data)]
        data += value + b"\0"
    header = struct.pack(
        "Iiiiiii", 0x950412DE, 0, count, keys_start, values_start, 0, 0
    )
    return header + struct.pack(f"{len(offsets)}i", *offsets) + data


def load(path: Path) -> gettext.GNUTranslations:
    """Return the translations in catalogue `path`, compiled in memory.

    Raises:
        OSError: when the catalogue is missing.
        CatalogueError: when it is broken.
    """
    entries = parse(path.read_text(encoding="utf-8"), path)
    return gettext.GNUTranslations(io.BytesIO(compile_mo(entries)))
