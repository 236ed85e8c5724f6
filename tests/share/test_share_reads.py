"""The share part reads library files like the rest of bftui: bounded, never blocking."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_fifo_in_the_library_never_hangs_the_share_part(tmp_path: Path) -> None:
    fifo = tmp_path / "väntar.md"
    os.mkfifo(fifo)
    (tmp_path / ".gitattributes").mkdir()  # A folder where a file is expected.
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from bftui.core.share import describe, journal, setup\n"
        f"fifo = Path({str(fifo)!r})\n"
        "print(journal.content_sha(fifo), describe._read(fifo),"
        f" setup._text_or_empty(Path({str(tmp_path / '.gitattributes')!r})) == '')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "None", "True"]
