"""The CLI commands; each module adds its own with `register(subparsers, common)`."""
