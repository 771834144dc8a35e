"""Small display widgets for the TUI."""
