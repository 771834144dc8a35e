"""Reminder errors: one line for the user, exit 1 for faults and 2 for bad options."""

from __future__ import annotations

from studyaws.errors import StudyawsError, UsageError


class ReminderError(StudyawsError):
    """A scheduler or crontab problem; the message says what to do instead."""


class ReminderUsageError(ReminderError, UsageError):
    """A malformed or contradictory option."""

    exit_code = 2
