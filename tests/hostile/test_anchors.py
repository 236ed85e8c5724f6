"""A regular expression that checks a whole string ends in `\\Z`, never in `$`.

`$` also matches before a final newline: "https://x.se\\n" passed as a URL
and then broke the ICS file, and "a\\n" passed as a slug. Every pattern in
bftui, compiled at import or written inline, is checked here.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import bftui
from bftui.core import slugs
from bftui.core.index.query import _year_span
from bftui.core.items import schema
from bftui.core.library.loading import load
from bftui.core.transfer import ical
from bftui.i18n import t

SOURCE = Path(bftui.__file__).parent
_RE_CALLS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split"}


def _has_dollar(pattern: str, flags: int = 0) -> bool:
    """Return True if `pattern` anchors with `$` (not `\\Z`) without re.MULTILINE."""
    if flags & re.MULTILINE:
        return False
    try:
        parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    except re.error:
        return "$" in pattern.replace("\\$", "")  # a piece of a larger pattern
    return "(AT, AT_END)" in repr(list(parsed))


def _inline_patterns() -> Iterator[tuple[str, str]]:
    """Yield (where, pattern) for each string literal given to a `re` function."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            is_re_call = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _RE_CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
            )
            if not is_re_call or "MULTILINE" in ast.unparse(node):
                continue
            for part in ast.walk(node.args[0]):  # type: ignore[attr-defined]
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield f"{path.relative_to(SOURCE)}:{node.lineno}", part.value


def _compiled_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Yield (where, pattern) for each compiled pattern a bftui module holds."""
    for info in pkgutil.walk_packages(bftui.__path__, "bftui."):
        if ".bench" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for item in values:
                for part in item if isinstance(item, tuple) else (item,):
                    if isinstance(part, re.Pattern):
                        yield f"{info.name}.{name}", part


def test_no_pattern_anchors_the_end_with_a_dollar() -> None:
    found = [where for where, text in _inline_patterns() if _has_dollar(text)]
    found += [
        where
        for where, pattern in _compiled_patterns()
        if isinstance(pattern.pattern, str)
        and _has_dollar(pattern.pattern, pattern.flags)
    ]
    assert found == []


@pytest.mark.parametrize("url", ["https://x.se\n", "https://x.se/a\n", "http://x\r\n"])
def test_a_url_ending_in_a_newline_is_refused(url: str) -> None:
    spec = next(s for s in schema.EVENT_FIELDS if s.key == "url")
    assert not schema.is_url(url)
    assert schema.check_value(spec, url) == t("check.bad_url", value=url)
    front = {"title": "T", "kind": "news", "published": dt.date(2021, 1, 1)}
    errors = schema.check_article({**front, "links": [{"url": url}]})
    assert [error.key for error in errors] == ["links"]


def test_a_slug_or_year_span_ending_in_a_newline_is_refused() -> None:
    assert not slugs.is_valid("abc\n") and slugs.is_valid("abc")
    assert _year_span("2019-2020\n") is None
    assert _year_span("2019-2020") == (2019, 2020)


def test_an_event_url_ending_in_a_newline_never_reaches_a_calendar(
    sample_copy: Path,
) -> None:
    (sample_copy / "events" / "radbryt.toml").write_text(
        'title = "T"\nstart = 2021-05-01\nurl = "https://x.se/\\n"\n',
        encoding="utf-8",
    )
    library = load(sample_copy)
    assert [p.path.as_posix() for p in library.problems] == ["events/radbryt.toml"]
    assert "radbryt" not in ical.calendar(library.events)[0]
