"""SQLite storage through SQLAlchemy 2.0. ORM rows stay in this package; callers get plain dataclasses.

This package's __init__ imports nothing, so the fast path (`duecounts`) can be used without SQLAlchemy.
"""
