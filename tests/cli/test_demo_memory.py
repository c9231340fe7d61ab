"""``timeclock --demo`` remembers between commands (issue #11), as separate processes.

Each command is its own process, as when a person types them one after the other; the
demo window's side is an in-process demo (:func:`demo_account` with :func:`demo_desk`,
what the window opens) holding the demo's server while the commands run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.commands import run_timeclock
from timeclock.api.client import TimeTrackClient
from timeclock.domain.shift import find_open_entry
from timeclock.sandbox import DEMO_USER
from timeclock.services.demo import demo_account


def _demo(*args: str) -> subprocess.CompletedProcess[str]:
    return run_timeclock("--demo", *args, env=None)


def _notice(tmp_path: Path) -> str:
    return (
        f"timeclock: the demo keeps its data in {tmp_path / 'data' / 'demo'}; "
        "'timeclock --demo reset' starts it over\n"
    )


def test_a_stamp_in_is_still_there_for_the_next_command(tmp_path: Path) -> None:
    stamped = _demo("stamp", "in")
    status = _demo("status")

    assert stamped.returncode == 0, stamped.stderr
    assert stamped.stdout.startswith("Stamped in at ")
    assert stamped.stderr == _notice(tmp_path)  # said by the first demo command only
    assert (status.returncode, status.stderr) == (0, "")
    assert status.stdout.startswith("Stamped in since ")


def test_a_break_started_by_one_command_is_ended_by_the_next(tmp_path: Path) -> None:
    _demo("stamp", "in")
    _demo("break", "start")
    on_break = _demo("status")
    ended = _demo("break", "end")

    assert "On a break since " in on_break.stdout
    assert ended.returncode == 0, ended.stderr
    assert ended.stdout.startswith("Break ended at ")


def test_reset_starts_the_demo_over(tmp_path: Path) -> None:
    _demo("stamp", "in")
    reset = _demo("reset")
    status = _demo("status")

    assert (reset.returncode, reset.stderr) == (0, "")
    assert reset.stdout == "The demo's data is gone; the next demo command starts over.\n"
    assert status.stdout.startswith("Not stamped in.")
    assert status.stderr == _notice(tmp_path)  # made anew, and said so again


def test_reset_without_the_demo_is_a_usage_error() -> None:
    result = run_timeclock("reset")

    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr == "timeclock: error: only the demo can be reset: 'timeclock --demo reset'\n"
    )


def test_commands_and_the_demo_window_share_one_demo(tmp_path: Path) -> None:
    with demo_account() as window:  # the window's demo, serving while the commands run
        stamped = _demo("stamp", "in")
        with TimeTrackClient(window.base_url, window.credentials) as client:
            seen_by_window = find_open_entry(client.list_attendances(user=DEMO_USER), DEMO_USER)
        refused = _demo("reset")
    status = _demo("status")

    assert stamped.returncode == 0, stamped.stderr
    assert stamped.stderr == ""  # the window made the data
    assert seen_by_window is not None
    assert refused.returncode == 1
    assert refused.stderr == (
        "timeclock: error: the demo is in use (is its window open?); close it and try again\n"
    )
    assert status.stdout.startswith("Stamped in since ")
