"""The content core: plain Python that loads, checks, composes and writes the library.

Nothing in this package imports Textual or Rich (a test enforces it), so the CLI,
scripts and tests use it without a terminal.
"""
