"""The index and search: the SQLite cache, the sidebar outline, queries and filters.

Owns the full-text index (`build`, `db`, `files`, `records`), the cached
outline for a fast first paint, the query language, search and the
sidebar's folding filter and sort. May import `store`, `library`, `items`
and the shared helpers.
"""
