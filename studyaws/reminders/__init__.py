"""Daily study reminders: schedule them (systemd, cron, launchd) and deliver them (desktop notifications)."""
