"""Writing files safely: atomic writes, TOML edits, conflicts, locks, drafts, trash.

Every byte bftui writes into a library or the user's state goes through
here. May import `library`, `items` and the shared helpers.
"""
