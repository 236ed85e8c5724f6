"""Read one article or event file into a typed item, or into the file's problems."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from bftui.core import fileio
from bftui.core.items import schema
from bftui.core.items.model import Article, Event, Interviewee, Link, ProgrammeItem
from bftui.core.library import frontmatter, tomlpos
from bftui.core.problems import Problem
from bftui.core.slugs import is_valid
from bftui.core.text import safe_text
from bftui.i18n import t

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Files larger than this are reported, not read."""


@lru_cache(maxsize=16)
def _real(root: Path) -> Path:
    # Resolved once per library, not once per file. A stale entry can only
    # make files look outside (reported, not read), never the other way round.
    return root.resolve()


def relative_to_root(path: Path, root: Path) -> Path:
    """Return `path` relative to the library `root`, or unchanged if outside it."""
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def read_text(path: Path, root: Path) -> str | list[Problem]:
    """Return the UTF-8 text of the file `path`, or why it cannot be read.

    A file reached through a link that leads out of `root` or round in a
    loop, anything but a regular file, a file over `MAX_FILE_BYTES` and a
    file that is not UTF-8 (reported on the line of its first bad byte) are
    problems, not text.
    """
    relative = relative_to_root(path, root)
    try:
        # A link anywhere on the way (the file, events/) must not lead out.
        if not fileio.resolve(path).is_relative_to(_real(root)):
            return [Problem(relative, 1, t("problem.symlink_outside"))]
        data = fileio.read_bytes(path, MAX_FILE_BYTES)
    except OSError as error:
        unlisted = _unlisted_folder(path)
        if unlisted is not None:
            return [Problem(relative, 1, unlisted)]
        if isinstance(error, fileio.NotRegularFileError):
            return [Problem(relative, 1, t("problem.not_a_file"))]
        return [
            Problem(relative, 1, t("problem.unreadable", error=error.strerror or error))
        ]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return [Problem(relative, line, t("problem.not_utf8", offset=error.start))]


def _unlisted_folder(path: Path) -> str | None:
    """Return why the folder `path` cannot be listed; None if it is no such folder."""
    if not path.is_dir():
        return None
    try:
        with os.scandir(path):
            return None
    except OSError as error:
        return t("problem.folder_unreadable", error=error.strerror or error)


def _field_problems(
    errors: list[schema.FieldError],
    text: str,
    relative: Path,
    first_line: int,
    missing_line: int,
) -> list[Problem]:
    return [
        Problem(
            relative,
            tomlpos.key_line(text, error.key, first_line, missing_line),
            t("problem.field", field=error.key, error=error.message),
        )
        for error in errors
    ]


def _clean(value: Any) -> Any:
    """Return `value` with every string in it made harmless (`safe_text`)."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _slug_problem(path: Path, relative: Path) -> list[Problem]:
    return [] if is_valid(path.stem) else [Problem(relative, 1, t("problem.bad_slug"))]


_CONFLICT_MARKER = re.compile(
    r"^<{7}(?: .*)?$.*?^={7}$.*?^>{7}(?: .*)?$", re.MULTILINE | re.DOTALL
)
"""The lines git writes into a file whose merge conflicted: <<<<<<<, =======, >>>>>>>."""


def _conflict_problem(text: str, relative: Path) -> list[Problem]:
    """Return the problem of a file git left with conflict markers, if it has them."""
    found = _CONFLICT_MARKER.search(text)
    if found is None:
        return []
    line = text.count("\n", 0, found.start()) + 1
    return [Problem(relative, line, t("problem.git_conflict"))]


def load_article(path: Path, root: Path) -> Article | list[Problem]:
    """Read one article file, or say what is wrong with it."""
    relative = relative_to_root(path, root)
    text = read_text(path, root)
    if isinstance(text, list):
        return text
    if conflicted := _conflict_problem(text, relative):
        return conflicted
    try:
        parts = frontmatter.split(text)
    except frontmatter.FrontMatterError as error:
        return [Problem(relative, error.line, t(error.key))]
    first_line = text.count("\n", 0, parts.front_start) + 1
    data = tomlpos.parse(parts.front, relative, first_line)
    if isinstance(data, Problem):
        return [data]
    errors = schema.check_article(data)
    # A missing key is reported on the opening +++ line.
    problems = _field_problems(
        errors, parts.front, relative, first_line, first_line - 1
    )
    problems += _slug_problem(path, relative)
    if problems:
        return problems
    data = _clean(data)
    known = {spec.key.partition(".")[0] for spec in schema.ARTICLE_FIELDS}
    person = data.get("interviewee")
    return Article(
        slug=path.stem,
        path=path,
        title=data["title"],
        kind=data["kind"],
        published=data["published"],
        lead=data.get("lead", ""),
        tags=tuple(data.get("tags", ())),
        event=data.get("event", ""),
        source=data.get("source", ""),
        links=tuple(
            Link(x.get("title") or x["url"], x["url"]) for x in data.get("links", ())
        ),
        interviewee=Interviewee(
            name=person["name"],
            role=person.get("role", ""),
            organisation=person.get("organisation", ""),
            consent=person.get("consent"),
        )
        if person
        else None,
        needs_review=tuple(data.get("needs_review", ())),
        body_line=parts.body_line,
        extra={k: v for k, v in data.items() if k not in known},
    )


def load_event(path: Path, root: Path) -> Event | list[Problem]:
    """Read one event file, or say what is wrong with it."""
    relative = relative_to_root(path, root)
    text = read_text(path, root)
    if isinstance(text, list):
        return text
    if conflicted := _conflict_problem(text, relative):
        return conflicted
    data = tomlpos.parse(text, relative, 1)
    if isinstance(data, Problem):
        return [data]
    problems = _field_problems(schema.check_event(data), text, relative, 1, 1)
    problems += _slug_problem(path, relative)
    if problems:
        return problems
    data = _clean(data)
    known = {spec.key for spec in schema.EVENT_FIELDS}
    start = data.get("start")
    return Event(
        slug=path.stem,
        path=path,
        title=data["title"],
        kind=data.get("kind", "other"),
        year=data.get("year") or _date_of(start).year,
        start=start,
        end=data.get("end"),
        city=data.get("city", ""),
        venue=data.get("venue", ""),
        organiser=data.get("organiser", ""),
        partners=tuple(data.get("partners", ())),
        participants=data.get("participants"),
        participants_note=data.get("participants_note", ""),
        url=data.get("url", ""),
        summary=data.get("summary", ""),
        programme=tuple(
            ProgrammeItem(
                title=row["title"],
                day=row.get("day"),
                time=row.get("time", ""),
                description=row.get("description", ""),
            )
            for row in data.get("programme", ())
        ),
        extra={k: v for k, v in data.items() if k not in known},
    )


def _date_of(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
