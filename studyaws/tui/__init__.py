"""The Textual app: dashboard, review, stats and settings screens over the service layer."""
