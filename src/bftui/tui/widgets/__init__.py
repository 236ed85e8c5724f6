"""Widgets of the bftui app."""
