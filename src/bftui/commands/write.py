"""`bftui new event|article`: create items from scripts, checked like the forms check them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bftui.commands import add_command
from bftui.core.items import schema
from bftui.core.items.model import ARTICLE_KINDS, EVENT_KINDS
from bftui.core.library.folders import check_root
from bftui.core.text import safe_text
from bftui.i18n import t
from bftui.paths import in_sample

if TYPE_CHECKING:
    from bftui.cli import Context

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

_EVENT_OPTIONS = (
    "title", "year", "start", "end", "city", "venue", "organiser", "partners",
    "participants", "participants_note", "url", "summary", "kind",
)  # fmt: skip
_ARTICLE_OPTIONS = ("kind", "title", "published", "lead", "tags", "event", "source")
_PERSON_OPTIONS = {
    "interviewee": "interviewee.name",
    "role": "interviewee.role",
    "organisation": "interviewee.organisation",
}


_FIELD_TYPES = {
    spec.key: spec.type for spec in (*schema.ARTICLE_FIELDS, *schema.EVENT_FIELDS)
}
"""Each option's field type, which names its value in the help (YYYY-MM-DD, URL)."""
_HINTED = ("date", "date_or_datetime", "url", "event_ref")
"""Types whose help says what a value looks like."""


def _option(parser: argparse.ArgumentParser, key: str, **extra: Any) -> None:
    spec_key = {"partners": "partner", "tags": "tag"}.get(key, key)
    flag = "--" + spec_key.replace("_", "-")
    is_list = key in ("partners", "tags")
    kind = _FIELD_TYPES.get(key, "text")
    hint = t(f"new.cli.hint.{kind}") if kind in _HINTED else ""
    parser.add_argument(
        flag,
        dest=key,
        metavar=None if "choices" in extra else t(f"new.cli.meta.{kind}"),
        action="append" if is_list else "store",
        help=t(f"field.{key}") + hint + (t("new.cli.repeat") if is_list else ""),
        **extra,
    )


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `new event` and `new article` to the command line."""
    new = add_command(subparsers, common, "new", "new.cli")
    kinds = new.add_subparsers(dest="what", metavar=t("new.cli.what"), required=True)
    for name in ("event", "article"):
        parser = add_command(kinds, common, name, f"new.{name}")
        parser.add_argument("--slug", metavar="SLUG", help=t("new.cli.slug"))
        parser.set_defaults(run=run_new)
        if name == "event":
            for key in _EVENT_OPTIONS:
                extra: dict[str, Any] = {"required": key == "title"}
                if key == "kind":
                    extra["choices"] = EVENT_KINDS
                _option(parser, key, **extra)
        else:
            for key in _ARTICLE_OPTIONS:
                extra = {"required": key in ("kind", "title", "published")}
                if key == "kind":
                    extra["choices"] = ARTICLE_KINDS
                _option(parser, key, **extra)
            for option, key in _PERSON_OPTIONS.items():
                parser.add_argument(
                    f"--{option}",
                    metavar=t("new.cli.meta.text"),
                    help=t(f"field.{key}"),
                )
            parser.add_argument(
                "--consent",
                action=argparse.BooleanOptionalAction,
                help=t("field.interviewee.consent"),
            )
            body = parser.add_mutually_exclusive_group()
            body.add_argument(
                "--body", metavar=t("new.cli.text"), help=t("new.cli.body")
            )
            body.add_argument(
                "--body-file",
                metavar=t("new.cli.file"),
                type=Path,
                help=t("new.cli.body_file"),
            )


def _parse(
    specs: tuple[schema.FieldSpec, ...], given: dict[str, Any]
) -> tuple[dict[str, Any], list[schema.FieldError]]:
    """Turn the option values into TOML values with the forms' own parser."""
    data: dict[str, Any] = {}
    errors: list[schema.FieldError] = []
    for spec in specs:
        raw = given.get(spec.key)
        if raw is None:
            continue
        if isinstance(raw, list):
            value: Any = [part.strip() for part in raw if part.strip()]
            error = schema.check_value(spec, value)
        else:
            value, error = schema.parse_field(spec, raw)
        if error:
            errors.append(schema.FieldError(spec.key, error))
        elif value is not None and value != []:
            *tables, name = spec.key.split(".")
            target = data
            for table in tables:
                target = target.setdefault(table, {})
            target[name] = value
    return data, errors


def _specs(fields: tuple[schema.FieldSpec, ...]) -> tuple[schema.FieldSpec, ...]:
    return tuple(spec for spec in fields if spec.type not in ("table", "programme"))


def _read_body(args: argparse.Namespace) -> str:
    """Return the article body from `--body`, `--body-file FILE` or `--body-file -`.

    Raises:
        OSError: when the file is no regular file, too large or unreadable.
        UnicodeDecodeError: when it is not UTF-8.
    """
    from bftui.core import fileio
    from bftui.core.library.reading import MAX_FILE_BYTES

    if args.body_file is None:
        return args.body or ""
    if str(args.body_file) == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise fileio.TooLargeError(Path("-"), MAX_FILE_BYTES)
        return data.decode("utf-8")
    return fileio.read_text(args.body_file, MAX_FILE_BYTES)


def run_new(context: Context) -> int:
    """Validate the options like a form does, then write the new item."""
    # Imported here: tomlkit would slow every other command's start.
    from bftui.core.store.storage import (
        StorageError,
        ValidationError,
        create_article,
        create_event,
    )

    args = context.args
    options = vars(args)
    if args.what == "event":
        data, errors = _parse(_specs(schema.EVENT_FIELDS), options)
    else:
        given = dict(options)
        for option, key in _PERSON_OPTIONS.items():
            given[key] = options.get(option)
        data, errors = _parse(_specs(schema.ARTICLE_FIELDS), given)
        if args.consent is not None:
            data.setdefault("interviewee", {})["consent"] = args.consent
    if errors:
        return _report(errors)
    root = context.library_path
    check_root(root)
    if in_sample(root):
        print(f"bftui: {t('storage.sample_read_only')}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.what == "event":
            path = create_event(root, data, slug=args.slug)
        else:
            path = create_article(root, data, _read_body(args), slug=args.slug)
    except ValidationError as error:
        return _report(error.errors)
    except (StorageError, OSError, UnicodeDecodeError) as error:
        print(f"bftui: {safe_text(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(path)
    return EXIT_OK


def _report(errors: list[schema.FieldError]) -> int:
    for error in errors:
        label = t(f"field.{error.key}")
        name = error.key if label == f"field.{error.key}" else f"{label} ({error.key})"
        print(f"bftui: {name}: {error.message}", file=sys.stderr)
    return EXIT_PROBLEMS
