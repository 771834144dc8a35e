"""`studyaws remind run` once the due count is known: decide, notify (or fall back), record the run."""

from __future__ import annotations

import sys

from studyaws.core.reminder import QUIET, SEND, QuietHours, decide, message, parse_quiet_hours
from studyaws.reminders import state
from studyaws.reminders.errors import ReminderUsageError

TYPE_CHECKING = False  # typing stays off the fast path
if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from studyaws.reminders.runner import Runner


def quiet_option(text: str | None) -> QuietHours | None:
    """The --quiet-hours value of `remind run`, or a usage error (exit 2)."""
    if text is None:
        return None
    from studyaws.core.reminder import ReminderInputError

    try:
        return parse_quiet_hours(text)
    except ReminderInputError as exc:
        raise ReminderUsageError(str(exc)) from None


def deliver(
    now: datetime,
    quiet: QuietHours | None,
    count: int,
    exam_version: str,
    exam_date: str,
    state_dir: str,
    dry_run: bool = False,
    env: Mapping[str, str] | None = None,
    runner: Runner | None = None,
) -> int:
    """Send the reminder if something is due outside quiet hours; always exit 0 so cron mails no error.

    Where no notifier works, the message goes to stderr and the reminder log. --dry-run prints what would
    happen and records nothing.
    """
    decision = decide(now, count, quiet)
    if decision != SEND:
        reason = f"{QUIET} ({quiet})" if decision == QUIET else decision
        if dry_run:
            print(f"nothing to send: {reason}")
        else:
            state.record_run(state_dir, now, reason)
        return 0
    msg = message(count, now, exam_date, exam_version)
    if dry_run:
        print(f"would notify: {msg.line}")
        return 0
    from studyaws.reminders import notify

    sent_by, tried = notify.send(msg.summary, msg.body, env, runner)
    if sent_by is not None:
        state.record_run(state_dir, now, f"sent via {sent_by}: {msg.line}")
        return 0
    log = state.append_log(state_dir, now, msg.line)
    where = f"; logged to {log}" if log else ""
    print(f"{msg.line}  (no desktop notifier worked: tried {', '.join(tried)}{where})", file=sys.stderr)
    state.record_run(state_dir, now, f"not delivered (no notifier): {msg.line}")
    return 0
