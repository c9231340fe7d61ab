"""Daily reports through real HTTP: figures, holidays, absences, every variant, and none."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.api.faults import Canned, FaultPlan, Rule, instrumented_server
from tests.api.staff import shift, staffed
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import UnavailableError
from timeclock.api.work_reports import list_daily_reports
from timeclock.domain.people import AbsenceTime, balance_seconds
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks

MakeServer = Callable[..., SandboxServer]
FIRST, LAST = date(2024, 5, 1), date(2024, 5, 10)
HOUR = 3600


@pytest.fixture
def staff_server(server: SandboxServer) -> SandboxServer:
    staffed(server)
    server.store.insert_many([shift("ivan", 6, 9), shift("ivan", 8, 7.5), shift("lenab", 6, 5.5)])
    return server


def test_one_report_per_user_and_day_with_the_figures(
    staff_server: SandboxServer, client: TimeTrackClient
) -> None:
    reports = list_daily_reports(client, FIRST, LAST)

    assert [(r.user, r.day.day) for r in reports][:2] == [("hansm", 1), ("hansm", 2)]
    assert len(reports) == 3 * 10
    ivan = {r.day.day: r for r in reports if r.user == "ivan"}
    monday = ivan[6]
    assert (monday.worked_seconds, monday.target_seconds) == (8.5 * HOUR, 8 * HOUR)
    assert monday.difference_seconds == HOUR // 2
    assert monday.break_seconds == 30 * 60
    assert monday.start is not None and monday.start.hour == 7
    assert monday.weekday == 1
    assert ivan[7].absences == (AbsenceTime(8 * HOUR, "K"),)
    assert ivan[1].holiday and ivan[9].holiday and not ivan[6].holiday
    assert ivan[1].holiday_seconds == 8 * HOUR
    # Worked 8.5 + 7 h; due 8 h on 2, 3, 6, 8 and 10 May (1 and 9 May are holidays, 7 May sick).
    assert balance_seconds(list(ivan.values())) == int((8.5 + 7 - 5 * 8) * HOUR)


def test_one_user(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    reports = list_daily_reports(client, FIRST, LAST, user="LenaB")

    assert {r.user for r in reports} == {"lenab"}
    assert [r.day for r in reports] == [date(2024, 5, d) for d in range(1, 11)]
    assert reports[5].worked_seconds == 5 * HOUR


@pytest.mark.parametrize(
    "quirks",
    [
        PeopleQuirks(user_key="user"),
        PeopleQuirks(numbers_as_text=True),
        PeopleQuirks(whole_seconds=True),
        PeopleQuirks(weekday_from_sunday=True),
        PeopleQuirks(difference_flipped=True),
        PeopleQuirks(user_filter="user"),
        PeopleQuirks(user_filter="username"),
    ],
    ids=[
        "user-key",
        "numbers-as-text",
        "whole-seconds",
        "weekday-from-sunday",
        "difference-flipped",
        "only-user-filter",
        "only-username-filter",
    ],
)
def test_every_documented_variant_gives_the_same_reports(
    staff_server: SandboxServer, client: TimeTrackClient, quirks: PeopleQuirks
) -> None:
    plain = list_daily_reports(client, FIRST, LAST, user="ivan")
    staff_server.directory.quirks = quirks

    assert list_daily_reports(client, FIRST, LAST, user="ivan") == plain


def test_every_page_is_read_and_the_range_goes_out_as_timestamps(
    make_server: MakeServer,
) -> None:
    server, log = instrumented_server(make_server)
    staffed(server)

    with TimeTrackClient(server.base_url, credentials_of(server), page_size=7) as client:
        reports = list_daily_reports(client, FIRST, date(2024, 5, 31))

    assert len(reports) == 3 * 31
    requests = [r for r in log if r.path.endswith("/work_reports")]
    assert len(requests) == 3 * 31 // 7 + 1
    assert requests[0].params["from"] == "2024-05-01T00:00:00Z"
    assert requests[0].params["to"] == "2024-05-31T23:59:59Z"


def test_an_empty_range_asks_nothing(staff_server: SandboxServer, client: TimeTrackClient) -> None:
    assert list_daily_reports(client, LAST, FIRST) == []


@pytest.mark.parametrize(
    "quirks",
    [PeopleQuirks.without(), PeopleQuirks(forbidden=frozenset({"work_reports"}))],
    ids=["404", "403"],
)
def test_no_reports_on_this_server_is_unavailable(
    staff_server: SandboxServer, client: TimeTrackClient, quirks: PeopleQuirks
) -> None:
    staff_server.directory.quirks = quirks

    with pytest.raises(UnavailableError, match="work reports") as caught:
        list_daily_reports(client, FIRST, LAST)
    assert caught.value.resource == "work_reports"
    assert len(client.list_attendances()) == 3  # the desk works on with attendances


def test_undocumented_formats_are_tolerated(make_server: MakeServer) -> None:
    report = {
        "workDate": "2024-05-09",
        "workStart": "09:00",  # the format is not documented: left out, not an error
        "workEnd": None,
        "targetSeconds": "0",
        "workedSeconds": 3600.0,
        "holidaySeconds": 28800,
        "absence1Seconds": "",
        "weekday": "8",  # no `holiday` field: 8 alone says it
        "breakTimes": ["12:00-12:30"],
    }
    plan = FaultPlan(Rule(Canned.json([report]), path="/work_reports"))
    server, _ = instrumented_server(make_server, plan=plan)

    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        (read,) = list_daily_reports(client, FIRST, LAST, user="ivan")

    assert (read.user, read.day, read.start, read.end) == ("ivan", date(2024, 5, 9), None, None)
    assert (read.worked_seconds, read.difference_seconds, read.holiday) == (3600, 3600, True)
    assert (read.absences, read.break_times) == ((), "")
    assert read.weekday == 4
