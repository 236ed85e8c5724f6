"""UI strings: forms. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
