"""Sharing a library through git: the runner, state, commits, sync, history, merges.

Runs the `git` command (never a shell, always with a time limit) and parses
its porcelain output into typed results; every failure is one `GitError`
with a message for people. May import `store`, `library`, `items` and the
shared helpers.
"""
