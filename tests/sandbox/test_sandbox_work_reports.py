"""work_reports over real HTTP: daily records computed from attendances, models and holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.directory import PENDING, SICK, VACATION, Directory, WorkingModel
from timeclock.sandbox.people_quirks import PeopleQuirks

from .conftest import ExpectError

FIELDS = {
    "username",
    "workDate",
    "workStart",
    "workEnd",
    "targetSeconds",
    "workedSeconds",
    "workTargetDifference",
    "breakSeconds",
    "breakTimes",
    "surchargeSeconds",
    "holidaySeconds",
    "absence1Seconds",
    "absence1ShortName",
    "absence2Seconds",
    "absence2ShortName",
    "absence3Seconds",
    "absence3ShortName",
    "weekday",
    "holiday",
}
# May 2024 in Berlin: 1 May (Wednesday) and 9 May (Ascension) are holidays; 6 May a Monday.
MAY = {"from": "2024-05-01T00:00:00Z", "to": "2024-05-10T00:00:00Z"}


@pytest.fixture
def directory(sandbox: SandboxServer) -> Directory:
    sandbox.directory.reset()
    directory = sandbox.directory
    directory.add_user("hansm", "Hans", "Müller")
    directory.add_user("lenab", "Lena", "Becker", model=WorkingModel.weekly(20, 4))
    return directory


def entry(
    user: str, day: int, hour: int, hours: float, break_minutes: int = 0, minute: int = 0
) -> NewAttendance:
    start = datetime(2024, 5, day, hour, minute, tzinfo=UTC)
    return NewAttendance(
        user=user, start=start, end=start + timedelta(hours=hours), break_minutes=break_minutes
    )


def reports(api: httpx.Client, **params: str) -> list[dict[str, Any]]:
    response = api.get("/work_reports", params=params)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    return found


def by_day(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["workDate"]: record for record in records}


def test_one_record_per_day_with_exactly_the_documented_fields(
    api: httpx.Client, directory: Directory
) -> None:
    records = reports(api, username="hansm", **MAY)

    assert [r["workDate"] for r in records] == [f"2024-05-{d:02}" for d in range(1, 11)]
    assert all(set(record) == FIELDS for record in records)
    assert {r["username"] for r in records} == {"hansm"}


def test_worked_break_target_and_difference_from_the_attendances(
    api: httpx.Client, sandbox: SandboxServer, directory: Directory
) -> None:
    # Monday 6 May, in Berlin (UTC+2): 07:00-12:00 and 12:30-16:15 local, 30 min break.
    sandbox.store.insert_many(
        [entry("hansm", 6, 5, 5, 30), entry("hansm", 6, 10, 3.75, 0, minute=30)]
    )

    monday = by_day(reports(api, username="hansm", **MAY))["2024-05-06"]

    assert monday["workStart"] == "2024-05-06T05:00:00.000Z"
    assert monday["workEnd"] == "2024-05-06T14:15:00.000Z"
    assert monday["workedSeconds"] == (5 * 60 - 30 + 225) * 60
    assert monday["breakSeconds"] == 30 * 60
    assert monday["targetSeconds"] == 8 * 3600
    assert monday["workTargetDifference"] == monday["workedSeconds"] - 8 * 3600
    assert (monday["weekday"], monday["holiday"]) == (1, False)


def test_a_day_counts_on_the_local_day_the_work_starts(
    api: httpx.Client, sandbox: SandboxServer, directory: Directory
) -> None:
    # 23:30 UTC on 6 May is 01:30 on 7 May in Berlin.
    sandbox.store.insert_many([entry("hansm", 6, 23, 2, minute=30)])

    days = by_day(reports(api, username="hansm", **MAY))
    assert days["2024-05-06"]["workedSeconds"] == 0
    assert days["2024-05-07"]["workedSeconds"] == 7200


def test_holidays_of_the_state_on_working_days_only(
    api: httpx.Client, directory: Directory
) -> None:
    days = by_day(reports(api, username="lenab", **MAY))

    may_day, ascension = days["2024-05-01"], days["2024-05-09"]  # a Wednesday, a Thursday
    assert (may_day["holiday"], may_day["weekday"], may_day["holidaySeconds"]) == (
        True,
        8,
        5 * 3600,
    )
    assert may_day["targetSeconds"] == 0
    assert ascension["holidaySeconds"] == 5 * 3600
    friday = days["2024-05-10"]  # not a working day of a four-day week
    assert (friday["targetSeconds"], friday["holidaySeconds"], friday["weekday"]) == (0, 0, 5)


def test_the_state_decides_which_days_are_holidays(api: httpx.Client, directory: Directory) -> None:
    directory.state = "BY"
    corpus_christi = by_day(
        reports(api, username="hansm", **{"from": "2024-05-30", "to": "2024-05-30"})
    )
    assert corpus_christi["2024-05-30"]["holiday"] is True

    directory.state = "BE"
    again = reports(api, username="hansm", **{"from": "2024-05-30", "to": "2024-05-30"})
    assert again[0]["holiday"] is False


def test_approved_absences_fill_the_day_pending_ones_do_not(
    api: httpx.Client, directory: Directory
) -> None:
    directory.add_absence("hansm", date(2024, 5, 6), date(2024, 5, 7), VACATION)
    directory.add_absence("hansm", date(2024, 5, 7), date(2024, 5, 7), SICK)
    directory.add_absence("hansm", date(2024, 5, 8), date(2024, 5, 8), SICK, PENDING)

    days = by_day(reports(api, username="hansm", **MAY))

    assert (days["2024-05-06"]["absence1ShortName"], days["2024-05-06"]["absence1Seconds"]) == (
        "U",
        8 * 3600,
    )
    assert days["2024-05-06"]["targetSeconds"] == 0
    tuesday = days["2024-05-07"]
    assert (tuesday["absence1ShortName"], tuesday["absence2ShortName"]) == ("U", "K")
    assert days["2024-05-08"]["absence1ShortName"] == ""
    assert days["2024-05-08"]["targetSeconds"] == 8 * 3600


def test_everyone_without_a_filter_including_names_only_seen_in_attendances(
    api: httpx.Client, sandbox: SandboxServer, directory: Directory
) -> None:
    sandbox.store.insert_many([entry("ivan", 6, 7, 8, 30)])
    directory.add_user("annak", "Anna", "Kowalski", enabled=False)

    records = reports(api, **{"from": "2024-05-06", "to": "2024-05-06"})

    assert [r["username"] for r in records] == ["hansm", "ivan", "lenab"]
    assert records[1]["targetSeconds"] == 8 * 3600  # the default model


def test_a_user_with_nothing_gets_nothing(api: httpx.Client, directory: Directory) -> None:
    assert reports(api, username="nobody", **MAY) == []


def test_reports_are_paged(api: httpx.Client, directory: Directory) -> None:
    month = {"from": "2024-05-01", "to": "2024-05-31"}

    assert len(reports(api, **month)) == 50  # 62 records, 50 by default
    second = reports(api, **month, limit="40", page_number="1")
    assert (second[0]["username"], second[0]["workDate"]) == ("lenab", "2024-05-10")
    assert len(second) == 22


def test_without_a_range_the_current_month_and_bad_ranges(
    api: httpx.Client, directory: Directory, expect_error: ExpectError
) -> None:
    records = reports(api, username="hansm", limit="1000")
    assert records[0]["workDate"].endswith("-01")
    assert 28 <= len(records) <= 31
    expect_error(
        api.get("/work_reports", params={"from": "2020-01-01", "to": "2021-06-01"}), 400, 15006
    )
    expect_error(api.get("/work_reports", params={"from": "2020-13-01"}), 400, 15006)


def test_quirks_change_only_the_shape(
    api: httpx.Client, sandbox: SandboxServer, directory: Directory
) -> None:
    sandbox.store.insert_many([entry("hansm", 6, 5, 9, 30)])
    plain = by_day(reports(api, username="hansm", **MAY))
    directory.quirks = PeopleQuirks(
        user_key="user",
        numbers_as_text=True,
        whole_seconds=True,
        weekday_from_sunday=True,
        difference_flipped=True,
    )

    odd = by_day(reports(api, username="hansm", **MAY))

    monday = odd["2024-05-06"]
    assert monday["user"] == "hansm"
    assert "username" not in monday
    assert monday["workedSeconds"] == str(plain["2024-05-06"]["workedSeconds"])
    assert monday["workTargetDifference"] == str(-plain["2024-05-06"]["workTargetDifference"])
    assert monday["workStart"] == "2024-05-06T05:00:00Z"
    assert (monday["weekday"], monday["holiday"]) == ("2", 0)
    assert (odd["2024-05-05"]["weekday"], odd["2024-05-01"]["weekday"]) == ("1", "8")
