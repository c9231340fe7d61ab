"""Totals over entries (days counted on the local calendar) and the ``H:MM`` display."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import BreakLog, Shift
from timeclock.domain.totals import Totals, format_hours, totals, totals_by_day, worked_on


def utc(*fields: int) -> datetime:
    """An aware UTC datetime from year, month, day[, hour, minute, ...]."""
    return datetime(*fields, tzinfo=UTC)  # type: ignore[misc]


def closed(
    entry_id: int,
    start: datetime,
    hours: float,
    *,
    break_minutes: int = 0,
    worked_minutes: int | None = None,
) -> Attendance:
    """A finished entry of ``hours`` starting at ``start``."""
    return Attendance(
        id=entry_id,
        user="hansm",
        start=start,
        end=start + timedelta(hours=hours),
        break_minutes=break_minutes,
        worked_minutes=worked_minutes,
    )


def stamped(entry_id: int, start: datetime, *, break_minutes: int = 0) -> Attendance:
    """An open entry created by stamping in at ``start``."""
    return Attendance(
        id=entry_id, user="hansm", start=start, end=start, break_minutes=break_minutes
    )


class TestTotals:
    def test_nothing(self, berlin: ZoneInfo) -> None:
        assert totals([], utc(2020, 10, 31), berlin) == Totals(timedelta(), timedelta(), 0, 0)

    def test_sums_worked_and_break_time(self, berlin: ZoneInfo) -> None:
        entries = [
            closed(1, utc(2020, 10, 20, 7), 8, break_minutes=30),
            closed(2, utc(2020, 10, 21, 7), 4, break_minutes=15, worked_minutes=200),
        ]

        result = totals(entries, utc(2020, 10, 31), berlin)

        assert result.worked == timedelta(hours=7, minutes=30) + timedelta(minutes=200)
        assert result.breaks == timedelta(minutes=45)
        assert result.days == 2
        assert result.entries == 2

    def test_days_are_counted_by_local_date(self, berlin: ZoneInfo) -> None:
        morning = closed(1, utc(2020, 10, 31, 7, 0), 2)
        # 23:30 Berlin on 31 October (CET) is 22:30 UTC: the same local day.
        late_evening = closed(2, utc(2020, 10, 31, 22, 30), 0.25)
        # 00:30 Berlin on 1 November is 23:30 UTC on 31 October: the next local day.
        after_midnight = closed(3, utc(2020, 10, 31, 23, 30), 0.25)

        assert totals([morning, late_evening], utc(2020, 11, 2), berlin).days == 1
        assert totals([morning, late_evening, after_midnight], utc(2020, 11, 2), berlin).days == 2
        assert totals([morning, late_evening, after_midnight], utc(2020, 11, 2), UTC).days == 1

    def test_an_open_entry_counts_up_to_now(self, berlin: ZoneInfo) -> None:
        entries = [
            closed(1, utc(2020, 10, 19, 7), 8),
            stamped(2, utc(2020, 10, 20, 8), break_minutes=15),
        ]

        result = totals(entries, utc(2020, 10, 20, 10, 0), berlin)

        assert result.worked == timedelta(hours=8) + timedelta(hours=1, minutes=45)
        assert result.breaks == timedelta(minutes=15)
        assert result.entries == 2

    def test_accepts_a_generator(self, berlin: ZoneInfo) -> None:
        entries = (closed(n, utc(2020, 10, n, 7), 1) for n in range(1, 4))

        result = totals(entries, utc(2020, 10, 31), berlin)

        assert (result.entries, result.days, result.worked) == (3, 3, timedelta(hours=3))


class TestWorkedOn:
    DAY = date(2020, 10, 20)

    def test_counts_only_entries_starting_on_that_local_day(self, berlin: ZoneInfo) -> None:
        entries = [
            closed(1, utc(2020, 10, 20, 6), 2),
            closed(2, utc(2020, 10, 19, 22, 30), 1),  # 00:30 on the 20th in Berlin
            closed(3, utc(2020, 10, 19, 21, 30), 1),  # 23:30 on the 19th in Berlin
            closed(4, utc(2020, 10, 20, 22, 0), 1),  # 00:00 on the 21st in Berlin
        ]

        result = worked_on(self.DAY, entries, Shift(None), utc(2020, 10, 21, 12), berlin)

        assert result == timedelta(hours=3)

    def test_the_open_entry_counts_once_with_the_breaks_timed_here(self, berlin: ZoneInfo) -> None:
        running = stamped(9, utc(2020, 10, 20, 8), break_minutes=10)
        shift = Shift(running, BreakLog("id:9", timedelta(minutes=20), utc(2020, 10, 20, 11, 50)))
        entries = [closed(1, utc(2020, 10, 20, 5), 2), running]

        result = worked_on(self.DAY, entries, shift, utc(2020, 10, 20, 12, 0), berlin)

        # 2 h closed + (4 h open - 10 min server break - 20 min taken - 10 min running).
        assert result == timedelta(hours=2) + timedelta(hours=3, minutes=20)

    def test_an_open_entry_missing_from_the_list_still_counts(self, berlin: ZoneInfo) -> None:
        shift = Shift(stamped(9, utc(2020, 10, 20, 8)))

        assert worked_on(self.DAY, [], shift, utc(2020, 10, 20, 9), berlin) == timedelta(hours=1)

    def test_an_open_entry_of_another_day_does_not_count(self, berlin: ZoneInfo) -> None:
        shift = Shift(stamped(9, utc(2020, 10, 19, 8)))

        assert worked_on(self.DAY, [], shift, utc(2020, 10, 20, 9), berlin) == timedelta()


class TestTotalsByDay:
    def test_local_days_in_order_with_the_shift_here(self, berlin: ZoneInfo) -> None:
        running = stamped(9, utc(2020, 10, 20, 8))
        shift = Shift(running, BreakLog("id:9", timedelta(minutes=20)))
        entries = [
            running,
            closed(1, utc(2020, 10, 19, 22, 30), 1, break_minutes=5),  # the 20th in Berlin
            closed(2, utc(2020, 10, 19, 6), 8, break_minutes=30),
        ]
        now = utc(2020, 10, 20, 12)

        result = totals_by_day(entries, now, berlin, shift)

        assert list(result) == [date(2020, 10, 19), date(2020, 10, 20)]
        assert result[date(2020, 10, 19)] == Totals(
            timedelta(hours=7, minutes=30), timedelta(minutes=30), 1, 1
        )
        assert result[date(2020, 10, 20)].worked == timedelta(hours=4, minutes=35)
        assert result[date(2020, 10, 20)].breaks == timedelta(minutes=25)

    @settings(max_examples=50, deadline=None)
    @given(
        starts=st.lists(st.integers(0, 30 * 24 * 60), max_size=12),
        lengths=st.lists(st.integers(0, 14 * 60), min_size=12, max_size=12),
    )
    def test_the_days_add_up_to_the_totals(self, starts: list[int], lengths: list[int]) -> None:
        berlin = ZoneInfo("Europe/Berlin")
        base = utc(2020, 10, 10)
        entries = [
            Attendance(
                id=index + 1,
                user="hansm",
                start=base + timedelta(minutes=start),
                end=base + timedelta(minutes=start + length),
                break_minutes=length // 10,
            )
            for index, (start, length) in enumerate(zip(starts, lengths, strict=False))
        ]
        now = utc(2020, 11, 20)

        days = totals_by_day(entries, now, berlin).values()
        whole = totals(entries, now, berlin)

        assert sum((day.worked for day in days), timedelta()) == whole.worked
        assert sum((day.breaks for day in days), timedelta()) == whole.breaks
        assert len(days) == whole.days


class TestFormatHours:
    @pytest.mark.parametrize(
        ("span", "text"),
        [
            (timedelta(), "0:00"),
            (timedelta(seconds=59), "0:00"),
            (timedelta(minutes=1), "0:01"),
            (timedelta(hours=7, minutes=5), "7:05"),
            (timedelta(hours=7, minutes=5, seconds=59), "7:05"),
            (timedelta(hours=25, minutes=30), "25:30"),
            (timedelta(hours=100), "100:00"),
            (timedelta(hours=-7, minutes=-5), "-7:05"),
            (timedelta(minutes=-1), "-0:01"),
            (timedelta(seconds=-90), "-0:01"),
            (timedelta(seconds=-30), "0:00"),
            (timedelta(hours=-25, minutes=-30), "-25:30"),
        ],
    )
    def test_hours_and_minutes(self, span: timedelta, text: str) -> None:
        assert format_hours(span) == text

    @settings(max_examples=100, deadline=None)
    @given(span=st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=400)))
    def test_a_negative_span_shows_as_its_positive_twin_with_a_minus(self, span: timedelta) -> None:
        assert format_hours(-span) == "-" + format_hours(span)
