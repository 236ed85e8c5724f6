"""Hostile input and hard failures: garbage, injection, escapes, races, crashes, size."""
