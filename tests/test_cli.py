"""The command line: list, show, check, help, version, language and library choice."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from bftui import __version__, cli, commands, paths

SAMPLE_ARTICLE = (
    "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff"
)
EVENT_2019 = "2019-natverkstraff-malmo"
EVENT_2020 = "2020-natverkstraff-stockholm"

NEWS = '+++\ntitle = "{title}"\nkind = "news"\npublished = 2021-03-04\n+++\nText.\n'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `bftui argv...` in-process; return exit status, stdout and stderr."""
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def make_library(folder: Path, **files: str) -> Path:
    """Write a library of `files` (name -> text; `__` in a name is a `/`)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bftui.toml").write_text('title = "T"\n', encoding="utf-8")
    for name, text in files.items():
        path = folder / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "list")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["interview", "2020-05-24", SAMPLE_ARTICLE],
        ["event", "2020", EVENT_2020],
        ["event", "2019", EVENT_2019],
    ]
    assert lines[0].endswith(
        "Malmö-teamets erfarenheter från Svenska Bostad först-nätverkets träff 2019"
    )


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--json")
    assert status == 0
    records = json.loads(out)
    assert [r["slug"] for r in records] == [SAMPLE_ARTICLE, EVENT_2020, EVENT_2019]
    assert records[0] == {
        "type": "article",
        "kind": "interview",
        "date": "2020-05-24",
        "year": 2020,
        "slug": SAMPLE_ARTICLE,
        "title": "Malmö-teamets erfarenheter från Svenska Bostad först-nätverkets träff 2019",
        "path": f"{SAMPLE_ARTICLE}.md",
        "tags": ["Malmö", "nätverksträff"],
    }
    assert records[2]["path"] == f"events/{EVENT_2019}.toml"
    assert (records[2]["type"], records[2]["date"]) == ("event", "2019")


def test_list_shows_an_event_start_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = make_library(
        tmp_path / "lib", **{"events__e.toml": 'title = "E"\nstart = 2019-05-09\n'}
    )
    status, out, _ = run(capsys, "list", "--library", str(lib))
    assert status == 0
    assert out.split()[:3] == ["event", "2019-05-09", "e"]


def test_show_prints_the_composed_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", SAMPLE_ARTICLE)
    assert status == 0 and err == ""
    assert out.startswith("# Malmö-teamets erfarenheter")
    assert "+++" not in out
    assert "### Vilka var höjdpunkterna tyckte du?" in out
    status, out, _ = run(capsys, "show", EVENT_2019)
    assert status == 0
    assert "## Artiklar om evenemanget" in out


def test_show_unknown_slug(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "finns-inte")
    assert status == 2
    assert out == ""
    assert err == "bftui: ingen artikel eller inget evenemang heter finns-inte\n"


def test_show_raw_prints_the_file_unchanged_into_a_pipe(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = library_path / f"{SAMPLE_ARTICLE}.md"
    text = path.read_text(encoding="utf-8") + "Slut \x1b[31m\n"
    path.write_text(text, encoding="utf-8")
    status, out, _ = run(
        capsys, "show", SAMPLE_ARTICLE, "--raw", "--library", str(library_path)
    )
    assert status == 0
    assert out == text


def test_show_raw_keeps_crlf_and_bom_byte_for_byte(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    lib = make_library(tmp_path / "lib")
    data = "\ufeff".encode() + NEWS.format(title="Å").replace("\n", "\r\n").encode()
    (lib / "crlf.md").write_bytes(data)
    status = cli.main(["show", "crlf", "--raw", "--library", str(lib)])
    assert status == 0
    assert capsysbinary.readouterr().out == data


def test_show_raw_is_made_harmless_in_a_terminal(
    library_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = library_path / f"{SAMPLE_ARTICLE}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\x1b[2J\n", encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    status, out, _ = run(
        capsys, "show", SAMPLE_ARTICLE, "--raw", "--library", str(library_path)
    )
    assert status == 0
    assert "\x1b" not in out and "\u241b[2J" in out
    assert out.startswith("+++\ntitle = ")


def test_check_passes_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check")
    assert status == 0
    assert out == ""
    assert err == "3 objekt, 0 problem\n"


def test_check_reports_problems_with_path_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = make_library(
        tmp_path / "lib",
        **{
            "good.md": NEWS.format(title="Bra"),
            "bad.md": NEWS.format(title="Dålig").replace("2021-03-04", '"igår"'),
            "events__x.toml": "title = \n",
        },
    )
    status, out, err = run(capsys, "check", "--library", str(lib))
    assert status == 1
    assert out.splitlines() == [
        "bad.md:4: published: ska vara ett datum (ÅÅÅÅ-MM-DD)",
        "events/x.toml:1: ogiltig TOML: ogiltigt värde",
    ]
    assert err == "1 objekt, 2 problem\n"


def test_three_good_and_five_broken_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = make_library(
        tmp_path / "lib",
        **{
            "a.md": NEWS.format(title="A"),
            "2020__b.md": NEWS.format(title="B"),
            "events__c.toml": 'title = "C"\nyear = 2019\n',
            "unclosed.md": "+++\ntitle = 'x'\n",
            "bad-toml.md": NEWS.format(title="D").replace("kind = ", "kind = = "),
            "no-title.md": NEWS.replace('title = "{title}"\n', ""),
            "events__bad.toml": 'title = "E"\nyear = "nittonhundra"\n',
        },
    )
    (lib / "latin1.md").write_bytes(NEWS.format(title="Å").encode("latin-1"))
    status, out, _ = run(capsys, "list", "--library", str(lib))
    assert status == 0
    assert len(out.splitlines()) == 3
    status, out, err = run(capsys, "check", "--library", str(lib))
    assert status == 1
    assert out.splitlines() == [
        "bad-toml.md:3: ogiltig TOML: ogiltigt värde",
        "events/bad.toml:2: year: ska vara ett årtal",
        "latin1.md:2: filen är inte giltig UTF-8 (byte 13)",
        "no-title.md:1: title: måste fyllas i",
        "unclosed.md:1: front matter stängs aldrig: ingen avslutande rad +++",
    ]
    assert err == "3 objekt, 5 problem\n"


def test_list_hints_at_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = make_library(tmp_path / "lib", **{"a.md": "no front matter\n"})
    status, out, err = run(capsys, "list", "--library", str(lib))
    assert status == 0 and out == ""
    assert err == "bftui: 1 problem i biblioteket; kör bftui check\n"


def test_output_from_files_is_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = make_library(
        tmp_path / "lib",
        **{
            "a.md": NEWS.format(title="Röd \\u001b[31m\u202e"),
            "evil\x1b[2J.md": "x\n",
        },
    )
    for command in ("list", "check"):
        _, out, err = run(capsys, command, "--library", str(lib))
        assert "\x1b" not in out + err and "\u202e" not in out + err
    _, out, _ = run(capsys, "check", "--library", str(lib))
    assert out.startswith("evil\u241b[2J.md:1: ")
    _, out, _ = run(capsys, "show", "a", "--library", str(lib))
    assert "\x1b" not in out and "# Röd \u241b\\[31m\\<U+202E\\>" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0
    assert out == f"bftui {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["list", "--help"],
        ["show", "--help"],
        ["check", "--help"],
        ["tui", "--help"],
    ],
)
def test_help_has_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert "exempel:\n  bftui" in out


def test_top_help_names_the_commands_and_the_library_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "--help")
    for word in ("list", "show", "check", "--library", "BFTUI_LIBRARY", "--lang"):
        assert word in out


def test_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = make_library(
        tmp_path / "lib",
        **{"bad.md": NEWS.format(title="x").replace("2021-03-04", "1")},
    )
    status, out, err = run(capsys, "--lang", "en", "check", "--library", str(lib))
    assert status == 1
    assert out == "bad.md:4: published: must be a date (YYYY-MM-DD)\n"
    assert err == "0 items, 1 problem\n"  # Counts take their plural forms.
    _, out, _ = run(capsys, "--lang=en", "--help")
    assert "examples:" in out
    _, out, _ = run(capsys, "show", EVENT_2019, "--lang", "en")
    assert "## Programme" in out


def test_lang_from_the_config_file(capsys: pytest.CaptureFixture[str]) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "en"\n', encoding="utf-8")
    _, out, _ = run(capsys, "show", SAMPLE_ARTICLE)
    assert "## Questions and answers" in out


@pytest.fixture
def three_libraries(tmp_path: Path) -> dict[str, Path]:
    """Libraries for the option, the environment and the config file."""
    return {
        name: make_library(tmp_path / name, **{f"{name}.md": NEWS.format(title=name)})
        for name in ("option", "env", "config")
    }


def _listed_slugs(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    status, out, err = run(capsys, "list", *argv)
    assert status == 0, err
    return [line.split()[2] for line in out.splitlines()]


def test_library_resolution_order(
    three_libraries: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _listed_slugs(capsys) == [SAMPLE_ARTICLE, EVENT_2020, EVENT_2019]
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f"library = {str(three_libraries['config'])!r}\n", encoding="utf-8"
    )
    assert _listed_slugs(capsys) == ["config"]
    monkeypatch.setenv("BFTUI_LIBRARY", str(three_libraries["env"]))
    assert _listed_slugs(capsys) == ["env"]
    option = str(three_libraries["option"])
    assert _listed_slugs(capsys, "--library", option) == ["option"]


@pytest.mark.parametrize("where", ["option", "env", "config"])
def test_missing_library_is_a_one_line_error(
    where: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "finns-inte"
    argv = ["list"]
    if where == "option":
        argv += ["--library", str(missing)]
    elif where == "env":
        monkeypatch.setenv("BFTUI_LIBRARY", str(missing))
    else:
        config = paths.config_file()
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(f"library = {str(missing)!r}\n", encoding="utf-8")
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err == f"bftui: biblioteket finns inte: {missing}\n"


@pytest.mark.parametrize("command", ["list", "show", "check"])
def test_a_folder_without_a_library(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, "--library", str(tmp_path)]
    if command == "show":
        argv.insert(1, "x")
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("bftui: ingen bftui-samling i ")


@pytest.mark.parametrize("argv", [["PATH"], ["tui", "PATH"], ["--library", "PATH"]])
def test_tui_with_a_missing_path_fails_before_loading_the_app(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Importing the app would now raise: the error must come before it.
    monkeypatch.setitem(sys.modules, "bftui.tui.app", None)
    missing = str(tmp_path / "nowhere")
    status, out, err = run(capsys, *[missing if a == "PATH" else a for a in argv])
    assert status == 2
    assert err == f"bftui: biblioteket finns inte: {missing}\n"


@pytest.mark.parametrize(
    ("argv", "last_line"),
    [
        (["show"], "bftui show: saknas: SLUG"),
        (
            ["--lang", "de", "list"],
            "bftui: --lang: ogiltigt värde: 'de' (välj bland 'sv', 'en')",
        ),
        (["list", "--nej"], "bftui: okända argument: --nej"),
        (["list", "--library"], "bftui list: --library: behöver ett värde"),
        (
            ["--lang", "en", "show"],
            "bftui show: the following arguments are required: SLUG",
        ),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], last_line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.splitlines()[-1] == last_line
    assert err.startswith(("användning: bftui", "usage: bftui"))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["användning: bftui", "flaggor:", "visa den här hjälpen", "exempel:"]),
        ("en", ["usage: bftui", "options:", "show this help", "examples:"]),
    ],
)
def test_help_speaks_the_ui_language(
    lang: str, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["--help"], ["check", "--help"]):
        status, out, _ = run(capsys, "--lang", lang, *argv)
        assert status == 0
        for word in words:
            assert word in out


def test_broken_config_is_reported_and_defaults_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("language = \n", encoding="utf-8")
    status, out, err = run(capsys, "list")
    assert status == 0
    assert len(out.splitlines()) == 3
    assert err.startswith("bftui: ") and "inställningsfilen" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["tui"]),
        (["PATH"], ["tui", "PATH"]),
        (["--no-mouse"], ["tui", "--no-mouse"]),
        (["--library", "L", "--no-mouse"], ["tui", "--library", "L", "--no-mouse"]),
        (["--lang=en", "PATH"], ["tui", "--lang=en", "PATH"]),
        (["--library", "list"], ["tui", "--library", "list"]),
        (["tui", "PATH"], ["tui", "PATH"]),
        (["--lang", "en", "list"], ["--lang", "en", "list"]),
        (["check", "--library", "L"], ["check", "--library", "L"]),
        (["--help"], ["--help"]),
        (["--version"], ["--version"]),
    ],
)
def test_no_command_means_the_app(argv: list[str], expected: list[str]) -> None:
    parser, _ = cli.build_parser(every_command=False)
    with_command = cli._with_command(argv, cli.APP_COMMANDS | commands.NAMES)
    assert with_command == expected
    if expected[0] == "tui":
        args = parser.parse_args(with_command)
        assert args.run is cli._run_tui


def test_the_command_names_known_ahead_are_the_registered_ones() -> None:
    _, names = cli.build_parser()
    assert names == cli.APP_COMMANDS | commands.NAMES


def test_the_app_gets_the_chosen_library_language_and_mouse(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str, bool]] = []

    def run_app(
        root: Path,
        settings: object,
        *,
        mouse: bool,
        open_item: Path | None,
        setting_problems: object,
    ) -> int:
        calls.append((root, settings.language, mouse))  # type: ignore[attr-defined]
        return 0

    fake = types.ModuleType("bftui.tui.app")
    fake.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bftui.tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    assert cli.main([str(library_path), "--lang", "en", "--no-mouse"]) == 0
    assert cli.main(["--library", str(library_path)]) == 0
    assert calls == [(library_path, "en", False), (library_path, "sv", True)]
