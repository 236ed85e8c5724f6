"""Names in the sample library that the git tests use."""

ARTICLE = "2020-05-24-malmo-teamets-erfarenheter-fran-svenska-bostad-forst-natverkets-traff.md"
EVENT = "events/2019-natverkstraff-malmo.toml"
