"""The Working Hours Act's figures: a day's net work and breaks, the break it needs, rest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from timeclock.domain.attendance import Attendance
from timeclock.domain.worktime_law import (
    WorkDay,
    required_break,
    short_rests,
    span_of,
    too_little_break,
    too_much_work,
    work_days,
)

NOW = datetime(2020, 10, 20, 12, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2020, 10, day, hour, minute, tzinfo=UTC)


def entry(entry_id: int, start: datetime, end: datetime, break_minutes: int = 0) -> Attendance:
    return Attendance(
        id=entry_id, user="hansm", start=start, end=end, break_minutes=break_minutes, manual=True
    )


def days_of(entries: list[Attendance], now: datetime = NOW) -> list[WorkDay]:
    """The working days of ``entries`` (given in time order), days in UTC."""
    return work_days([span_of(entry, UTC, now) for entry in entries], now)


def one_day(*entries: Attendance, now: datetime = NOW) -> WorkDay:
    (day,) = days_of(list(entries), now)
    return day


@pytest.mark.parametrize(
    ("worked", "needed"),
    [
        (timedelta(hours=6), timedelta()),
        (timedelta(hours=6, seconds=1), timedelta(minutes=30)),
        (timedelta(hours=9), timedelta(minutes=30)),
        (timedelta(hours=9, seconds=1), timedelta(minutes=45)),
        (timedelta(hours=12), timedelta(minutes=45)),
    ],
)
def test_required_break(worked: timedelta, needed: timedelta) -> None:
    assert required_break(worked) == needed


def test_a_day_sums_net_work_breaks_and_long_gaps() -> None:
    day = one_day(
        entry(1, at(5, 6), at(5, 9), break_minutes=10),
        entry(2, at(5, 9, 14), at(5, 12)),  # gap of 14 minutes: no break
        entry(3, at(5, 12, 20), at(5, 15)),  # gap of 20 minutes: a break
    )

    assert day.day == date(2020, 10, 5)
    assert day.worked == timedelta(hours=8, minutes=16)
    assert day.breaks == timedelta(minutes=30)
    assert (day.first_start, day.last_end, day.last.id) == (at(5, 6), at(5, 15), 3)
    assert not too_little_break(day)


def test_a_gap_counts_from_the_latest_end_so_far() -> None:
    day = one_day(
        entry(1, at(5, 6), at(5, 12)),
        entry(2, at(5, 7), at(5, 8)),  # inside the first: no gap after it
        entry(3, at(5, 12, 10), at(5, 13)),
    )

    assert day.breaks == timedelta()
    assert day.last.id == 3


def test_the_day_is_in_the_zone_given() -> None:
    days = days_of([entry(1, at(5, 23), at(6, 1))])
    assert [day.day for day in days] == [date(2020, 10, 5)]


def test_a_running_entry_counts_to_now_and_holds_the_break_rule() -> None:
    running = Attendance(id=1, user="hansm", start=at(20, 1), end=at(20, 1), manual=False)
    day = one_day(running)

    assert (day.worked, day.last_end, day.running) == (timedelta(hours=11), NOW, True)
    assert too_much_work(day)
    assert not too_little_break(day)


def test_ten_hours_exactly_are_not_too_much() -> None:
    assert not too_much_work(one_day(entry(1, at(5, 6), at(5, 16, 45), break_minutes=45)))
    assert too_much_work(one_day(entry(1, at(5, 6), at(5, 16, 46), break_minutes=45)))


def test_short_rests_compare_with_the_latest_earlier_end() -> None:
    days = days_of(
        [
            entry(1, at(5, 20), at(6, 9)),  # Monday's shift ends on Tuesday 09:00
            entry(2, at(6, 10), at(6, 11)),  # Tuesday: 1 h after, overlapping nothing
            entry(3, at(7, 7), at(7, 8)),  # Wednesday: 20 h after Tuesday 11:00
        ]
    )

    (short,) = short_rests(days)

    assert (short.day.day, short.before.id, short.rest) == (
        date(2020, 10, 6),
        1,
        timedelta(hours=1),
    )


def test_rest_of_exactly_eleven_hours_is_enough() -> None:
    days = days_of([entry(1, at(5, 8), at(5, 20)), entry(2, at(6, 7), at(6, 8))])
    assert short_rests(days) == []
