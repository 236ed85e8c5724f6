"""Run bftui with ``python -m bftui``."""

from bftui.cli import main

raise SystemExit(main())
