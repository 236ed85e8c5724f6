"""The core and the CLI must not load Textual or Rich (they serve scripts and pipes)."""

import subprocess
import sys


def test_core_and_cli_load_no_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, bftui.core, bftui.cli\n"
        "for m in pkgutil.walk_packages(bftui.core.__path__, 'bftui.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bftui.cli.build_parser()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
