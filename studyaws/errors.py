"""One error hierarchy: every failure a user can cause becomes one clear line and an exit code."""

from __future__ import annotations


class StudyawsError(Exception):
    """An error meant for the user: its message is printed as is, with no traceback."""

    exit_code = 1


class UsageError(StudyawsError):
    exit_code = 2


class DeckError(StudyawsError):
    """A deck file that cannot be loaded; the message has one `FILE:LINE:COLUMN: problem` line per problem."""


class ConfigError(StudyawsError):
    pass


class DatabaseError(StudyawsError):
    pass
