"""Harnesses that run as scripts for long runs and as short runs inside the tests."""
