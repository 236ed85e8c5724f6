"""UI strings: reader. Each key maps to (Swedish, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
