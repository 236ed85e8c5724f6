"""The Textual app: imported only when the TUI starts, never by the core or the CLI."""
