"""``timeclock check`` against the sandbox: an entry for each rule, in Berlin, October 2020."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.cli.conftest import USER, Run
from timeclock.domain.localtime import to_utc
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.store.settings import Settings, save_settings

BERLIN = ZoneInfo("Europe/Berlin")
OCTOBER = ("--from", "2020-10-01", "--to", "2020-10-31")


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin wall time of October 2020 as a UTC instant (the first of a repeated one)."""
    return to_utc(datetime(2020, 10, day, hour, minute), BERLIN, prefer_first=True)


def worked(
    start: datetime, end: datetime, *, user: str = USER, break_minutes: int = 0
) -> NewAttendance:
    return NewAttendance(user=user, start=start, end=end, break_minutes=break_minutes, manual=True)


@pytest.fixture
def findings(connected: SandboxServer, clock: Callable[[datetime], None]) -> SandboxServer:
    """One case of each rule (ids 1 to 10); it is Tuesday 20 October 2020, 12:00."""
    clock(berlin(20, 12))
    open_since = berlin(5, 8)
    connected.store.insert_many(
        [
            NewAttendance(user=USER, start=open_since, end=open_since),  # 1 open, Mon 5th
            worked(berlin(6, 8), berlin(6, 11)),  # 2 and 3 overlap, Tue 6th
            worked(berlin(6, 10), berlin(6, 12)),
            worked(berlin(21, 8), berlin(21, 12)),  # 4 future, Wed 21st
            worked(berlin(7, 7), berlin(7, 18), break_minutes=45),  # 5 max-hours 10:15
            worked(berlin(8, 8), berlin(8, 15, 1)),  # 6 break: 7:01 without one
            worked(berlin(9, 14), berlin(9, 23), break_minutes=30),  # 7 and 8 rest: 9 h
            worked(berlin(10, 8), berlin(10, 12)),
            worked(berlin(11, 9), berlin(11, 12)),  # 9 sunday, 11th
            worked(berlin(3, 9), berlin(3, 12), user="ivan"),  # 10 holiday: Unity Day
        ]
    )
    return connected


def _check(run: Run, *args: str) -> list[dict[str, object]]:
    result = run("check", *OCTOBER, "--format", "json", *args)
    assert result.status == 0, result.err
    assert result.err == ""
    found: list[dict[str, object]] = json.loads(result.out)
    return found


def _summary(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(item["date"], item["user"], item["rule"], item["entries"]) for item in found]


def test_finds_each_rule_of_the_user(findings: SandboxServer, run: Run) -> None:
    found = _check(run)

    assert _summary(found) == [
        ("2020-10-05", USER, "open", [1]),
        ("2020-10-06", USER, "overlap", [2, 3]),
        ("2020-10-07", USER, "max-hours", [5]),
        ("2020-10-08", USER, "break", [6]),
        ("2020-10-10", USER, "rest", [7, 8]),
        ("2020-10-11", USER, "sunday", [9]),
        ("2020-10-21", USER, "future", [4]),
    ]
    assert found[2] == {
        "user": USER,
        "date": "2020-10-07",
        "rule": "max-hours",
        "entries": [5],
        "detail": "Worked 10:15 h; at most 10:00 h a day are allowed (ArbZG §3).",
    }


def test_all_users_with_the_holidays_of_a_state(findings: SandboxServer, run: Run) -> None:
    found = _check(run, "--all-users", "--state", "be")

    assert _summary(found)[0] == ("2020-10-03", "ivan", "holiday", [10])
    assert found[0]["detail"] == (
        "Work on a public holiday in BE, German Unity Day (09:00-12:00; ArbZG §9)."
    )
    assert len(found) == 8


def test_the_user_option_checks_that_user(findings: SandboxServer, run: Run) -> None:
    assert _summary(_check(run, "--user", "ivan", "--state", "HH")) == [
        ("2020-10-03", "ivan", "holiday", [10])
    ]
    assert _check(run, "--user", "ivan") == []


def test_the_state_comes_from_the_settings(findings: SandboxServer, run: Run) -> None:
    save_settings(Settings(state="NW"))

    found = _check(run, "--user", "ivan")

    assert _summary(found) == [("2020-10-03", "ivan", "holiday", [10])]
    assert "in NW," in str(found[0]["detail"])


def test_a_state_in_the_settings_that_is_none_is_one_line(
    findings: SandboxServer, run: Run
) -> None:
    save_settings(Settings(state="Bavaria"))

    result = run("check", *OCTOBER)

    assert result.status == 1
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert "'Bavaria' is not a German state code (one of BW, BY," in result.err


def test_the_table(findings: SandboxServer, run: Run) -> None:
    result = run("check", *OCTOBER)

    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["Date", "User", "Rule", "Entries", "Detail"]
    assert lines[1].split(maxsplit=4) == [
        "2020-10-05",
        USER,
        "open",
        "#1",
        "Open since Mon 2020-10-05 08:00: not stamped out.",
    ]
    assert lines[2].split(maxsplit=5)[:5] == ["2020-10-06", USER, "overlap", "#2,", "#3"]
    assert lines[8] == "7 findings from 2020-10-01 to 2020-10-31."
    assert lines[9].startswith("Public holidays are not checked: no German state is set")


def test_reads_the_days_before_the_first_one(findings: SandboxServer, run: Run) -> None:
    result = run("check", "--from", "2020-10-10", "--to", "2020-10-10", "--format", "json")

    assert _summary(json.loads(result.out)) == [("2020-10-10", USER, "rest", [7, 8])]


def test_nothing_found_is_no_failure(findings: SandboxServer, run: Run) -> None:
    table = run("check", "--from", "2020-10-12", "--to", "2020-10-18", "--state", "BY")
    as_json = run("check", "--from", "2020-10-12", "--to", "2020-10-18", "--format", "json")

    assert (table.status, table.err) == (0, "")
    assert table.out == "Nothing needs attention from 2020-10-12 to 2020-10-18.\n"
    assert (as_json.status, as_json.out) == (0, "[]\n")


def test_a_running_entry_counts_up_to_now(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(berlin(20, 1, 30))
    assert run("stamp", "in").status == 0
    clock(berlin(20, 12))  # 10:30 so far, no break yet: too many hours, the break can come

    found = _check(run, "--from", "2020-10-20", "--to", "2020-10-20")

    assert _summary(found) == [("2020-10-20", USER, "max-hours", [1])]
    assert found[0]["detail"] == (
        "Worked 10:30 h so far; at most 10:00 h a day are allowed (ArbZG §3)."
    )


def test_a_night_shift_across_the_dst_switch(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(berlin(28, 12))
    # Saturday 24th 21:00 to Sunday 25th 08:00 on the wall: 12 real hours (02:00 twice).
    connected.store.insert_many([worked(berlin(24, 21), berlin(25, 8), break_minutes=60)])

    found = _check(run, "--from", "2020-10-24", "--to", "2020-10-25")

    assert _summary(found) == [
        ("2020-10-24", USER, "max-hours", [1]),
        ("2020-10-25", USER, "sunday", [1]),
    ]
    assert str(found[0]["detail"]).startswith("Worked 11:00 h;")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2020-13-01"), "'2020-13-01' is not a date like 2020-10-31"),
        (("--from", "2020-10-31", "--to", "2020-10-01"), "--to (2020-10-01) lies before --from"),
        (("--state", "XX"), "--state: 'XX' is not a German state code"),
        (("--user", "ivan", "--all-users"), "--user and --all-users exclude each other"),
        (("--format", "csv"), "invalid choice: 'csv'"),
        (("--range", "this-week", "--from", "2020-10-01"), "--range cannot be combined"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    connected: SandboxServer, run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run("check", *args)

    assert result.status == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert message in result.err


def test_days_are_local_days_of_the_zone(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock(berlin(20, 12))
    # Sunday 11 October, 00:30 to 01:30 in Berlin: Saturday evening in UTC.
    connected.store.insert_many([worked(berlin(11, 0, 30), berlin(11, 1, 30))])

    in_berlin = _check(run)
    monkeypatch.setenv("TZ", "UTC")
    in_utc = _check(run)

    assert _summary(in_berlin) == [("2020-10-11", USER, "sunday", [1])]
    assert in_utc == []
