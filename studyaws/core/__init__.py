"""Pure core: scheduler, card types and drill rules. Imports no UI, database, YAML or files."""
