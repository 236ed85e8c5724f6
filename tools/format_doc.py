"""Write the field tables of docs/format.md anew from the schema.

Run after changing `bftui.core.items.schema`:

    .venv/bin/python tools/format_doc.py
"""

from __future__ import annotations

from pathlib import Path

from bftui.core.items.describe import with_tables

DOC = Path(__file__).resolve().parents[1] / "docs" / "format.md"

if __name__ == "__main__":
    DOC.write_text(with_tables(DOC.read_text(encoding="utf-8")), encoding="utf-8")
