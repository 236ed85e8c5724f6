"""The UI string catalogue, one module per area (see `bftui.i18n`)."""
