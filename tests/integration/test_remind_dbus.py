"""gdbus on a real (private) D-Bus session bus: the Notify call arrives with the right types and exact text.

No notification server runs here, so the call itself fails (ServiceUnknown) and studyaws falls back; what is
checked is the message dbus-monitor sees on the bus. A real desktop showing it is not tested.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOOLS = {name: shutil.which(name) for name in ("dbus-run-session", "dbus-monitor", "gdbus")}
pytestmark = pytest.mark.skipif(
    not all(TOOLS.values()), reason=f"needs dbus-run-session, dbus-monitor and gdbus (found {TOOLS})"
)

BODY = 'due <b>now</b> & "quoted" \\ it\'s — ✓'
SCRIPT = """
import json, os, subprocess, sys
from studyaws.reminders import notify

monitor_bin, gdbus_dir, body = sys.argv[1:4]
monitor = subprocess.Popen(
    [monitor_bin, "--session", "interface='org.freedesktop.Notifications'"],
    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
)
# The monitor announces itself (NameAcquired, then NameLost as it becomes a monitor) before it listens.
for line in monitor.stdout:
    if "member=NameLost" in line:
        monitor.stdout.readline()
        break
env = {"PATH": gdbus_dir, "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"]}
sent, tried = notify.send("studyaws", body, env, platform="linux")
seen = []
for line in monitor.stdout:
    seen.append(line.rstrip("\\n"))
    if line.strip().startswith("int32"):
        break
monitor.terminate()
print(json.dumps({"sent": sent, "tried": tried, "seen": seen}))
"""


def test_gdbus_notify_call_on_a_session_bus(tmp_path: Path) -> None:
    only_gdbus = tmp_path / "bin"
    only_gdbus.mkdir()
    (only_gdbus / "gdbus").symlink_to(str(TOOLS["gdbus"]))
    cmd = [str(TOOLS["dbus-run-session"]), "--", sys.executable, "-c", SCRIPT]
    cmd += [str(TOOLS["dbus-monitor"]), str(only_gdbus), BODY]
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False, cwd=root)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["sent"] is None  # nobody serves org.freedesktop.Notifications on this bus
    assert result["tried"][0] == "notify-send (not installed)"
    assert result["tried"][1].startswith("gdbus (") and "ServiceUnknown" in result["tried"][1]
    seen = [line.strip() for line in result["seen"]]
    call = next(i for i, line in enumerate(seen) if "member=Notify" in line)
    assert "destination=org.freedesktop.Notifications" in seen[call]
    assert "path=/org/freedesktop/Notifications" in seen[call]
    escaped = BODY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert seen[call + 1 : call + 6] == [
        'string "studyaws"',
        "uint32 0",
        'string ""',
        'string "studyaws"',
        f'string "{escaped}"',
    ]
    assert seen[-1] == "int32 -1"
