"""``timeclock`` as the separate process a person starts, end to end."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.commands import run_timeclock
from timeclock.sandbox import DEMO_USER, SandboxServer


def _timeclock(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_timeclock(*args, env={**os.environ, **(env or {})})


def test_demo_lists_last_month_of_the_demo_user() -> None:
    result = _timeclock("--demo", "list", "--range", "last-month", "--format", "json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert len(entries) > 10  # about 20 workdays, a few absences
    assert {entry["user"] for entry in entries} == {DEMO_USER}
    assert all(entry["workedMinutes"] > 0 for entry in entries)


def test_demo_stamps_without_touching_keyring_or_settings(tmp_path: Path) -> None:
    result = _timeclock("--demo", "stamp", "in")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Stamped in at ")
    assert not (tmp_path / "config").exists()  # the autouse fixture's config folder


def test_errors_in_a_real_process_are_one_line(server: SandboxServer) -> None:
    env = {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": "hansm",
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": "not-" + server.api_secret,
    }
    result = _timeclock("list", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("timeclock: error: TimeTrack rejected the API key or secret")
    assert result.stderr.count("\n") == 1
    assert server.api_secret not in result.stderr


def test_a_usage_error_in_a_real_process_exits_2() -> None:
    result = _timeclock("stamp", "sideways")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "invalid choice: 'sideways'" in result.stderr


def test_the_window_without_a_display_is_one_line() -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run_timeclock("--demo", env=env)
    assert result.returncode == 1
    assert result.stderr == (
        "timeclock: error: no display to open the window on; use a command (see --help)\n"
    )
