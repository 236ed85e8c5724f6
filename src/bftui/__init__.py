"""bftui: a terminal reader and editor for the Bostad först network's library."""

__version__ = "0.1.0"
