"""Parse, check, export and render a bilingual license kept as data in `license/`."""
