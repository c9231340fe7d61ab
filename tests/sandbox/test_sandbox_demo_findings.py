"""The demo's cases for *Needs attention*: recent, one of each, and no harm to the demo user."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from timeclock.domain.holidays import is_holiday
from timeclock.sandbox import DEMO_USER, NewAttendance
from timeclock.sandbox.demo import BERLIN, demo_data, demo_entries
from timeclock.sandbox.demo_findings import OPEN_CANDIDATES, is_working_day

# A Thursday early in a month, a Wednesday, a Monday after Whit Monday, a Saturday in the
# summer (no holiday since May), the Monday after New Year.
TODAYS = [
    date(2026, 12, 3),
    date(2024, 4, 10),
    date(2026, 6, 1),
    date(2026, 8, 15),
    date(2027, 1, 4),
]


def day_of(entry: NewAttendance) -> date:
    return entry.start.astimezone(BERLIN).date()


def added(today: date) -> list[NewAttendance]:
    """The entries the cases put in (those not among the regular ones)."""
    regular = set(demo_entries(today))
    return [entry for entry in demo_data(today) if entry not in regular]


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_one_entry_open_since_the_last_working_day_by_someone_not_in_today(today: date) -> None:
    entries = demo_data(today)
    stale = [e for e in entries if e.start == e.end and day_of(e) < today]

    assert len(stale) == 1
    (entry,) = stale
    assert entry.user in OPEN_CANDIDATES and entry.user != DEMO_USER
    last_working_day = max(d for d in map(day_of, entries) if d < today and is_working_day(d, "BE"))
    assert day_of(entry) == last_working_day
    in_today = {e.user for e in entries if day_of(e) == today}
    assert entry.user not in in_today
    assert DEMO_USER not in {e.user for e in entries if e.start == e.end}


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_exactly_one_pair_of_entries_overlaps(today: date) -> None:
    closed = sorted((e for e in demo_data(today) if e.start != e.end), key=lambda e: e.start)
    pairs = [
        (first, second)
        for index, first in enumerate(closed)
        for second in closed[index + 1 :]
        if second.user == first.user and second.start < first.end
    ]

    assert len(pairs) == 1
    first, second = pairs[0]
    assert first.user == "annak" and second.manual and second.notes == "Nachtrag vergessen"


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_the_cases_are_recent_but_the_holiday(today: date) -> None:
    cases = added(today)
    recent = [day_of(e) for e in cases if e.user != "tobiasw"]
    (sunday,) = [day_of(e) for e in cases if e.user == "mehmety"]
    (holiday,) = [day_of(e) for e in cases if e.user == "tobiasw"]

    assert len(recent) == 7
    assert all(today - timedelta(days=10) <= day < today for day in recent)
    assert sunday.weekday() == 6 and today - sunday <= timedelta(days=7)  # the last Sunday
    assert is_holiday(holiday, "BE") is not None and holiday < today
    assert not any(is_holiday(day, "BE") for day in range_of(holiday, today))


def range_of(first: date, today: date) -> list[date]:
    """The days after ``first`` and before ``today``."""
    return [first + timedelta(days=n) for n in range(1, (today - first).days)]


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_a_case_replaces_its_user_s_regular_entries_on_its_days(today: date) -> None:
    entries = demo_data(today)
    per_user_day: dict[tuple[str, date], int] = {}
    for entry in entries:
        key = (entry.user, day_of(entry))
        per_user_day[key] = per_user_day.get(key, 0) + 1

    assert {key: n for key, n in per_user_day.items() if n > 1} == {
        ("annak", max(day_of(e) for e in added(today) if e.user == "annak")): 2
    }


def test_the_demo_user_works_a_long_day_with_too_short_a_break() -> None:
    today = date(2026, 12, 3)
    (long_day,) = [e for e in added(today) if e.user == DEMO_USER]

    assert day_of(long_day) == date(2026, 12, 2)
    assert long_day.end - long_day.start - timedelta(minutes=long_day.break_minutes) > timedelta(
        hours=10
    )
    assert long_day.break_minutes == 30


def test_the_late_and_the_early_shift_leave_less_than_eleven_hours() -> None:
    today = date(2026, 12, 1)  # a Tuesday: the last working days are Monday and Friday
    late, early = sorted((e for e in added(today) if e.user == "lenab"), key=lambda e: e.start)

    assert (day_of(late), day_of(early)) == (date(2026, 11, 26), date(2026, 11, 27))
    assert early.start - late.end < timedelta(hours=11)
    assert late.end.astimezone(BERLIN).time() == time(22, 15, 44)


def test_the_cases_are_the_same_for_the_same_day() -> None:
    now = datetime.combine(date(2026, 12, 3), time(12), BERLIN)

    assert demo_data(date(2026, 12, 3), now=now) == demo_data(date(2026, 12, 3), now=now)


def test_who_forgot_to_stamp_out_does_not_depend_on_the_time_of_day() -> None:
    today = date(2026, 12, 3)
    early = datetime.combine(today, time(5), BERLIN)
    late = datetime.combine(today, time(12), BERLIN)

    def forgot(now: datetime) -> set[str]:
        return {e.user for e in demo_data(today, now=now) if e.start == e.end and day_of(e) < today}

    assert forgot(early) == forgot(late) == forgot(datetime.combine(today, time(23), BERLIN))
    assert [e for e in demo_data(today, now=early) if day_of(e) == today] == []
    assert set(demo_data(today, now=early)) == {e for e in demo_data(today) if day_of(e) < today}
