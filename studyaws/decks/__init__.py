"""YAML decks: a strict loader with file:line errors, the schema, and where the bundled decks live."""
