"""``TZ`` as the C library reads it: POSIX rule strings such as ``JST-9`` are local time too.

Before, a rule string fell back to UTC without a word, and every time typed was stored
hours off. A ``TZ`` nobody can read is UTC, as for the C library, with one warning line.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import SandboxServer


def test_a_posix_rule_without_dst_is_the_local_clock(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "JST-9")
    result = run("add", "--from", "2026-03-10T09:00", "--to", "2026-03-10T17:30")
    assert result.status == 0, result.err
    assert result.err == ""
    assert result.out.startswith("Added hansm: Tue 2026-03-10 09:00-17:30")
    (entry,) = connected.store.all()
    assert (entry.start, entry.end) == (
        datetime(2026, 3, 10, 0, 0, tzinfo=UTC),
        datetime(2026, 3, 10, 8, 30, tzinfo=UTC),
    )
    listed = run("list", "--from", "2026-03-10", "--to", "2026-03-10", "--format", "json")
    assert [(item["from"], item["to"]) for item in json.loads(listed.out)] == [
        ("2026-03-10T00:00:00.000Z", "2026-03-10T08:30:00.000Z")
    ]
    assert "09:00" in run("list", "--from", "2026-03-10", "--to", "2026-03-10").out


@pytest.mark.parametrize(
    ("tz", "start", "end", "utc_start", "utc_end"),
    [
        # New York's rule, 8 March 2026: 02:00 EST becomes 03:00 EDT.
        ("EST5EDT,M3.2.0,M11.1.0", "2026-03-07T09:00", "2026-03-07T17:00", 14, 22),
        ("EST5EDT,M3.2.0,M11.1.0", "2026-03-09T09:00", "2026-03-09T17:00", 13, 21),
        ("<+03>-3", "2026-03-09T09:00", "2026-03-09T17:00", 6, 14),
        (":<-0330>3:30", "2026-03-09T09:00", "2026-03-09T17:00", 12.5, 20.5),
        # Day 67 (counting from 0) of 2026 is 9 March; the switch is at 02:00 standard time.
        ("AAA5BBB,67,J305", "2026-03-09T09:00", "2026-03-09T17:00", 13, 21),
        ("AAA5BBB,68,J305", "2026-03-09T09:00", "2026-03-09T17:00", 14, 22),
    ],
)
def test_posix_rules_with_dst_switch_where_the_c_library_does(
    connected: SandboxServer,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    tz: str,
    start: str,
    end: str,
    utc_start: float,
    utc_end: float,
) -> None:
    monkeypatch.setenv("TZ", tz)
    result = run("add", "--from", start, "--to", end)
    assert result.status == 0, result.err
    assert result.err == ""
    assert f"{start[-5:]}-{end[-5:]}" in result.out
    (entry,) = connected.store.all()
    midnight = datetime(2026, 3, int(start[8:10]), tzinfo=UTC).timestamp()
    assert entry.start.timestamp() - midnight == utc_start * 3600
    assert entry.end.timestamp() - midnight == utc_end * 3600


def test_a_skipped_time_under_a_posix_rule_is_refused(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")
    result = run("add", "--from", "2026-03-08T02:30", "--to", "2026-03-08T09:00")
    assert result.status != 0
    assert "does not exist on the local clock" in result.err
    assert connected.store.all() == []


@pytest.mark.parametrize("tz", ["Mars/Olympus_Mons", "JST", "EST5EDT,M13.2.0,M11.1.0", "   "])
def test_a_tz_nobody_can_read_is_utc_with_one_warning(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch, tz: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    result = run("add", "--from", "2026-03-10T09:00", "--to", "2026-03-10T17:00")
    assert result.status == 0, result.err
    assert result.err == (
        f"timeclock: warning: TZ={tz!r} is not a time zone the C library can read; using UTC\n"
    )
    (entry,) = connected.store.all()
    assert entry.start == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
