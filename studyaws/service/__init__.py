"""Service functions shared by the CLI and the TUI: they speak in plain dataclasses, never ORM rows."""
