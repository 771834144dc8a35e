"""Alembic migrations for the studyaws database (run programmatically; there is no alembic.ini)."""
