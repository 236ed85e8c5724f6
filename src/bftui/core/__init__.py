"""The content core: plain Python that loads, checks, composes and writes the library.

Nothing in this package imports Textual or Rich (a test enforces it), so the CLI,
scripts and tests use it without a terminal. Its parts, each a subpackage whose
docstring says what it owns and may import (`tests/test_layers.py` checks):

- `items`: the item model and schema;
- `library`: reading a library folder;
- `store`: writing files safely;
- `index`: the index, outline, search and filtering;
- `transfer`: import and export;
- `share`: git as the shared engine (sync, history, the merge driver).

The modules at this level (`text`, `slugs`, `problems`, `sorting`, `fileio`)
are small helpers that every part may use; they import no part.
"""
