"""``timeclock list --format json|csv`` with an entry still running (issue #11).

The sandbox stores a stamp in as TimeTrack does (``to`` equal to ``from``, 0 worked
minutes); the list shows it without an end and with the time worked so far, as the
payroll report's CSV and the table do.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.conftest import USER, Run
from timeclock.sandbox import NewAttendance, SandboxServer

STAMPED_IN = datetime(2020, 10, 15, 6, 0, tzinfo=UTC)  # 08:00 in Berlin
NOW = STAMPED_IN + timedelta(hours=3, minutes=20, seconds=30)


@pytest.fixture
def running(connected: SandboxServer, clock: Callable[[datetime], None]) -> SandboxServer:
    connected.store.insert_many(
        [
            NewAttendance(user=USER, start=STAMPED_IN, end=STAMPED_IN, break_minutes=20),
            NewAttendance(
                user=USER,
                start=STAMPED_IN - timedelta(days=1),
                end=STAMPED_IN - timedelta(days=1, hours=-8),
                break_minutes=30,
            ),
        ]
    )
    clock(NOW)
    return connected


def test_json_shows_a_running_entry_without_an_end_and_worked_so_far(
    running: SandboxServer, run: Run
) -> None:
    result = run("list", "--from", "2020-10-14", "--to", "2020-10-15", "--format", "json")

    assert result.status == 0, result.err
    finished, still_running = json.loads(result.out)
    assert (still_running["from"], still_running["to"]) == ("2020-10-15T06:00:00.000Z", None)
    assert still_running["workedMinutes"] == 180  # 3:20 less the 20 min break
    assert (finished["to"], finished["workedMinutes"]) == ("2020-10-14T14:00:00.000Z", 450)


def test_csv_shows_a_running_entry_with_an_empty_end_and_worked_so_far(
    running: SandboxServer, run: Run
) -> None:
    result = run("list", "--from", "2020-10-15", "--to", "2020-10-15", "--format", "csv")

    assert result.status == 0, result.err
    (row,) = csv.DictReader(io.StringIO(result.out, newline=""))
    assert (row["from"], row["to"], row["workedMinutes"]) == ("2020-10-15T06:00:00.000Z", "", "180")


def test_show_as_json_agrees_with_the_list(running: SandboxServer, run: Run) -> None:
    listed = json.loads(run("list", "--range", "today", "--format", "json").out)
    shown = json.loads(run("show", str(listed[0]["id"]), "--format", "json").out)

    assert (shown["to"], shown["workedMinutes"]) == (None, 180)
    assert shown == listed[0]
