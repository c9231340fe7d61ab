"""The demo data: deterministic, plausible in Berlin local time, and safe for the demo user."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from timeclock.sandbox import (
    DEMO_USER,
    DEMO_USERS,
    KEY_HEADER,
    SECRET_HEADER,
    NewAttendance,
    SandboxServer,
    demo_entries,
    load_demo_data,
)
from timeclock.sandbox.demo import CORRECTION_NOTES, berlin_today, demo_data

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2024, 4, 10)  # a Wednesday; 90 days back crosses the switch to summer time


@pytest.fixture(scope="module")
def entries() -> list[NewAttendance]:
    return demo_entries(TODAY)


def local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN)


def past(entries: list[NewAttendance]) -> list[NewAttendance]:
    return [entry for entry in entries if local(entry.start).date() < TODAY]


def today(entries: list[NewAttendance]) -> list[NewAttendance]:
    return [entry for entry in entries if local(entry.start).date() == TODAY]


def test_the_same_day_always_gives_the_same_entries(entries: list[NewAttendance]) -> None:
    assert demo_entries(TODAY) == entries
    assert demo_entries(TODAY, seed=7) != entries


def test_eight_employees_with_short_lowercase_logins(entries: list[NewAttendance]) -> None:
    assert DEMO_USER == "hansm"
    assert len(DEMO_USERS) == 8
    assert {"hansm", "ivan"} <= set(DEMO_USERS)
    assert {entry.user for entry in entries} == set(DEMO_USERS)
    assert all(login.isalpha() and login.islower() and len(login) <= 8 for login in DEMO_USERS)


def test_ninety_days_of_weekdays_only_but_not_berlin_s_public_holidays(
    entries: list[NewAttendance],
) -> None:
    days = {local(entry.start).date() for entry in past(entries)}
    holidays = {date(2024, 3, 8), date(2024, 3, 29), date(2024, 4, 1)}  # in those 90 days

    assert min(days) >= TODAY - timedelta(days=90)
    assert max(days) == TODAY - timedelta(days=1)
    assert all(day.weekday() < 5 for day in days)
    assert not days & holidays
    weekdays = {TODAY - timedelta(days=n) for n in range(1, 91)}
    assert days == {day for day in weekdays if day.weekday() < 5} - holidays
    per_user = Counter(entry.user for entry in past(entries))
    assert min(per_user.values()) > 50  # some absences, but mostly present


def test_local_working_hours_hold_on_both_sides_of_the_dst_switch(
    entries: list[NewAttendance],
) -> None:
    winter = [e for e in past(entries) if local(e.start).utcoffset() == timedelta(hours=1)]
    summer = [e for e in past(entries) if local(e.start).utcoffset() == timedelta(hours=2)]
    assert winter and summer

    for entry in past(entries):
        start = local(entry.start).time()
        assert time(7, 0) <= start <= time(9, 30, 59)
        assert timedelta(hours=7) <= entry.end - entry.start <= timedelta(hours=9)
        assert 30 <= entry.break_minutes <= 60
        assert entry.start.tzinfo is not None and entry.start.utcoffset() == timedelta(0)
    # The same local hours are one UTC hour earlier in summer.
    assert min(e.start.astimezone(UTC).time() for e in summer) < time(6, 0)
    assert min(e.start.astimezone(UTC).time() for e in winter) >= time(6, 0)


def test_some_employees_are_stamped_in_today_but_not_the_demo_user(
    entries: list[NewAttendance],
) -> None:
    open_today = today(entries)

    assert 1 <= len(open_today) <= 4
    assert all(entry.start == entry.end and not entry.manual for entry in open_today)
    assert DEMO_USER not in {entry.user for entry in open_today}
    assert all(entry.start != entry.end for entry in past(entries))


def test_manual_corrections_carry_a_german_note(entries: list[NewAttendance]) -> None:
    manual = [entry for entry in entries if entry.manual]

    assert len(manual) >= 5
    assert all(entry.notes in CORRECTION_NOTES for entry in manual)
    assert {"Arzttermin", "Nachtrag vergessen"} <= set(CORRECTION_NOTES)
    assert all(entry.notes == "" for entry in entries if not entry.manual)
    assert all(local(entry.start).minute % 15 == 0 for entry in manual)


def test_phone_users_send_coordinates(entries: list[NewAttendance]) -> None:
    located = [entry for entry in entries if entry.latitude_start is not None]

    assert located
    for entry in located:
        assert entry.latitude_start is not None and entry.longitude_start is not None
        assert 52 < entry.latitude_start < 53 and 13 < entry.longitude_start < 14


def test_nobody_is_stamped_in_before_now(entries: list[NewAttendance]) -> None:
    early = datetime.combine(TODAY, time(6, 30), BERLIN)

    assert today(demo_entries(TODAY, now=early)) == []
    assert past(demo_entries(TODAY, now=early)) == past(entries)


def test_a_weekend_today_has_no_entries_today() -> None:
    saturday = date(2024, 4, 13)

    assert not [e for e in demo_entries(saturday) if local(e.start).date() == saturday]


def test_berlin_today_follows_local_midnight() -> None:
    assert berlin_today(datetime(2024, 4, 9, 22, 30, tzinfo=UTC)) == date(2024, 4, 10)
    assert berlin_today(datetime(2024, 1, 9, 22, 30, tzinfo=UTC)) == date(2024, 1, 9)


def test_demo_data_served_over_http() -> None:
    with SandboxServer(api_key="k", api_secret="s") as server:
        count = load_demo_data(server.store, TODAY)
        response = httpx.get(
            server.base_url + "/attendances",
            params={"username": DEMO_USER, "limit": 1000},
            headers={KEY_HEADER: "k", SECRET_HEADER: "s"},
        )

    assert count == len(demo_data(TODAY))
    assert response.status_code == 200
    listed = response.json()
    assert listed and {entry["user"] for entry in listed} == {DEMO_USER}
    assert all(entry["workedMinutes"] > 0 for entry in listed)
    assert [entry["from"] for entry in listed] == sorted(entry["from"] for entry in listed)
