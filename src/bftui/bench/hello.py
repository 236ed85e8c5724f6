"""The baseline: a minimal Textual app that shows one line (marker: HELLOMARK)."""

from textual.app import App, ComposeResult
from textual.widgets import Static

MARK = "HELLOMARK"


class Hello(App[None]):
    """One Static, nothing else: the floor for any Textual app's first paint."""

    def compose(self) -> ComposeResult:
        yield Static(f"{MARK} hello, world")


if __name__ == "__main__":
    Hello().run()
