"""Reading a library: folders, front matter, items and problems, composed text.

Owns the library's layout (`folders`), parsing files into items with
problems at their lines (`frontmatter`, `tomlpos`, `reading`, `loading`),
the reader's composed Markdown (`compose`), library links and watching the
folder. May import `items` and the shared helpers.
"""
