"""The ends of the calendar: dates TimeClock cannot compute with get one clear message.

Python's dates end with the years 1 and 9999; a time there moved by a zone's offset used to
crash the command with an OverflowError. Now the days from 0001-01-02 to 9999-12-30 work in
every zone, and anything beyond is refused in one line; an entry id beyond 64 bits, which
this desk could not keep, is refused the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from tests.api.faults import API_PREFIX, wire_entry
from tests.cli.conftest import USER, Run
from timeclock.sandbox import NewAttendance, SandboxServer

RULE = "dates must lie between 0001-01-02 and 9999-12-30"
HUGE_ID = 2**64 + 1


def one_line_error(result: object, status: int) -> str:
    assert result.status == status, result  # type: ignore[attr-defined]
    err: str = result.err  # type: ignore[attr-defined]
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected" not in err
    return err


@pytest.mark.parametrize(
    "args",
    [
        ("add", "--from", "9999-12-31T23:30Z", "--to", "9999-12-31T23:45Z"),
        ("add", "--from", "0001-01-01T10:00", "--to", "0001-01-01T11:00"),
        ("edit", "1", "--to", "9999-12-31T08:00"),
        ("list", "--from", "0001-01-01"),
        ("list", "--to", "9999-12-31"),
        ("list", "--from", "9999-12-01", "--to", "9999-12-31"),
    ],
)
def test_days_off_the_calendar_are_a_usage_error(
    connected: SandboxServer, run: Run, args: tuple[str, ...]
) -> None:
    assert RULE in one_line_error(run(*args), 2)
    assert connected.store.all() == []


@pytest.mark.parametrize(
    ("tz", "start", "end"),
    [
        # On the last day, but past it in UTC.
        ("UTC", "9999-12-30T23:30-05:00", "9999-12-30T23:45-05:00"),
        ("America/Adak", "9999-12-30T20:00", "9999-12-30T21:00"),
        # On the first day, but before it in UTC.
        ("Europe/Berlin", "0001-01-02T00:30", "0001-01-02T01:45"),
        ("<+14>-14", "0001-01-02T09:00", "0001-01-02T10:00"),
    ],
)
def test_times_that_fall_off_the_calendar_in_utc_are_refused_in_one_line(
    connected: SandboxServer,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    tz: str,
    start: str,
    end: str,
) -> None:
    monkeypatch.setenv("TZ", tz)
    err = one_line_error(run("add", "--from", start, "--to", end), 1)
    assert "is out of range" in err
    assert RULE in err
    assert connected.store.all() == []


@pytest.mark.parametrize("tz", ["Pacific/Kiritimati", "America/Adak", "Europe/Berlin", "UTC"])
def test_the_first_and_last_days_work_in_every_zone(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch, tz: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    connected.store.insert_many(
        [
            NewAttendance(
                user=USER,
                start=datetime(9999, 12, 30, 20, tzinfo=UTC),
                end=datetime(9999, 12, 30, 23, tzinfo=UTC),
                break_minutes=0,
            ),
            NewAttendance(
                user=USER,
                start=datetime(1, 1, 2, 1, tzinfo=UTC),
                end=datetime(1, 1, 2, 3, tzinfo=UTC),
                break_minutes=0,
            ),
        ]
    )
    for args in (
        ("list", "--from", "9999-12-29", "--to", "9999-12-30"),
        ("list", "--from", "9999-12-29", "--to", "9999-12-30", "--format", "csv"),
        ("show", "1"),
        ("show", "2"),
    ):
        result = run(*args)
        assert result.status == 0, (args, result.err)
    # Year 1 written with four digits; the day is the 1st or the 2nd, by zone.
    assert re.search(r"\nDate +(Mon 0001-01-01|Tue 0001-01-02)\n", run("show", "2").out)
    shown = run("list", "--from", "9999-12-01", "--to", "9999-12-30", "--format", "json")
    # 14 hours ahead, the entry is on 9999-12-31: after the last day, so not listed.
    expected = [] if tz == "Pacific/Kiritimati" else ["9999-12-30T20:00:00.000Z"]
    assert [item["from"] for item in json.loads(shown.out)] == expected
    # The sandbox takes years from 1900 in a query: the first day goes out, and is refused.
    early = run("list", "--from", "0001-01-02", "--to", "0001-01-03")
    assert early.err.startswith("timeclock: error: TimeTrack refused the data"), early.err
    # Added on the last day, in this zone: stored at the right instant.
    assert run("add", "--from", "9999-12-30T05:00", "--to", "9999-12-30T06:00").status == 0


def test_an_entry_the_server_keeps_past_the_last_day_is_one_clear_error(
    connected: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # 14 hours ahead: past the year 9999
    start = datetime(9999, 12, 31, 20, tzinfo=UTC)
    connected.store.insert_many(
        [NewAttendance(user=USER, start=start, end=start + timedelta(hours=1), break_minutes=0)]
    )
    err = one_line_error(run("show", "1"), 1)
    assert err.startswith("timeclock: error: TimeTrack sent data this program cannot read")
    assert RULE in err
    # The last day's list stops at its end: the entry beyond is not asked for.
    listed = run("list", "--from", "9999-12-01", "--to", "9999-12-30")
    assert listed.status == 0, listed.err
    assert listed.out.startswith("No entries from 9999-12-01 to 9999-12-30.")


# -- entry ids beyond 64 bits -----------------------------------------------------------------


class HugeIds:
    """ASGI middleware: the attendances resource answers with an entry of id ``HUGE_ID``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX + "/attendances"):
            await self.app(scope, receive, send)
            return
        entry = wire_entry(HUGE_ID, user=USER)
        body = json.dumps(entry if scope["method"] != "GET" else [entry]).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 201 if scope["method"] == "POST" else 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


@pytest.fixture
def huge_ids(
    make_server: Callable[..., SandboxServer], monkeypatch: pytest.MonkeyPatch
) -> SandboxServer:
    server = make_server(middleware=[Middleware(HugeIds)])
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", USER)
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return server


def test_an_entry_id_beyond_64_bits_from_the_server_is_one_clear_error(
    huge_ids: SandboxServer, run: Run
) -> None:
    err = one_line_error(run("list", "--from", "2020-10-20", "--to", "2020-10-20"), 1)
    assert f"id {HUGE_ID} is larger than TimeClock can keep" in err
    # status shows what this desk knows instead, and why.
    status = run("status")
    assert status.status == 0, status.err
    assert f"id {HUGE_ID} is larger than TimeClock can keep" in status.out.splitlines()[0]


def test_an_entry_id_beyond_64_bits_on_the_command_line_is_a_usage_error(
    connected: SandboxServer, run: Run
) -> None:
    for args in (("show", str(HUGE_ID)), ("delete", "--yes", str(2**63)), ("edit", str(2**63))):
        err = one_line_error(run(*args), 2)
        assert "is not an entry id (a whole number from 1 to 9223372036854775807)" in err
    assert run("show", str(2**63 - 1)).status == 1  # a valid id, just not on the server
