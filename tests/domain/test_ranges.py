"""Local day ranges, their half-open UTC bounds, and the date presets people pick."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.domain.ranges import DayRange, Preset, default_day, month_of

OCTOBER_2020 = DayRange(date(2020, 10, 1), date(2020, 10, 31))


def utc(*fields: int) -> datetime:
    """An aware UTC datetime from year, month, day[, hour, minute, ...]."""
    return datetime(*fields, tzinfo=UTC)  # type: ignore[misc]


class TestDayRange:
    def test_october_in_berlin_covers_the_long_last_sunday(self, berlin: ZoneInfo) -> None:
        start, end = OCTOBER_2020.utc_bounds(berlin)

        assert (start, end) == (utc(2020, 9, 30, 22, 0), utc(2020, 10, 31, 23, 0))
        # 31 days, one of them (25 October) 25 hours long.
        assert end - start == timedelta(days=31, hours=1)

    def test_october_in_utc(self) -> None:
        assert OCTOBER_2020.utc_bounds(UTC) == (utc(2020, 10, 1), utc(2020, 11, 1))

    def test_march_in_berlin_is_an_hour_short(self, berlin: ZoneInfo) -> None:
        start, end = DayRange(date(2020, 3, 1), date(2020, 3, 31)).utc_bounds(berlin)

        assert (start, end) == (utc(2020, 2, 29, 23, 0), utc(2020, 3, 31, 22, 0))
        assert end - start == timedelta(days=31, hours=-1)

    @pytest.mark.parametrize(
        ("day", "hours"),
        [(date(2020, 3, 29), 23), (date(2020, 10, 25), 25), (date(2020, 10, 20), 24)],
    )
    def test_single_day_length(self, berlin: ZoneInfo, day: date, hours: int) -> None:
        start, end = DayRange(day, day).utc_bounds(berlin)

        assert end - start == timedelta(hours=hours)

    def test_rejects_a_range_that_ends_before_it_begins(self) -> None:
        with pytest.raises(ValueError, match="before it begins"):
            DayRange(date(2020, 10, 2), date(2020, 10, 1))

    @pytest.mark.parametrize(
        ("first", "last", "days"),
        [
            (date(2020, 10, 20), date(2020, 10, 20), 1),
            (date(2020, 10, 1), date(2020, 10, 31), 31),
            (date(2020, 2, 1), date(2020, 2, 29), 29),
            (date(2020, 12, 30), date(2021, 1, 2), 4),
            (date(2020, 1, 1), date(2020, 12, 31), 366),
        ],
    )
    def test_days(self, first: date, last: date, days: int) -> None:
        assert DayRange(first, last).days == days

    @pytest.mark.parametrize(
        ("moment", "inside"),
        [
            (utc(2020, 9, 30, 22, 0), True),
            (utc(2020, 9, 30, 21, 59, 59, 999_999), False),
            (utc(2020, 10, 31, 22, 59, 59, 999_999), True),
            (utc(2020, 10, 31, 23, 0), False),
            # 23:30 on 31 October in Berlin is 22:30 UTC: still October.
            (utc(2020, 10, 31, 22, 30), True),
            # 00:30 on 1 October in Berlin is 22:30 UTC on 30 September: already October.
            (utc(2020, 9, 30, 22, 30), True),
        ],
    )
    def test_contains_is_half_open_on_local_days(
        self, berlin: ZoneInfo, moment: datetime, inside: bool
    ) -> None:
        assert OCTOBER_2020.contains(moment, berlin) is inside

    def test_contains_depends_on_the_zone(self, berlin: ZoneInfo) -> None:
        moment = utc(2020, 10, 31, 23, 30)  # 00:30 on 1 November in Berlin

        assert OCTOBER_2020.contains(moment, UTC)
        assert not OCTOBER_2020.contains(moment, berlin)

    @settings(max_examples=100, deadline=None)
    @given(
        day=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
        zone_name=st.sampled_from(["Europe/Berlin", "America/Santiago", "America/Havana", "UTC"]),
    )
    def test_consecutive_days_tile_time_without_gaps(self, day: date, zone_name: str) -> None:
        zone = ZoneInfo(zone_name)
        start, end = DayRange(day, day).utc_bounds(zone)
        next_start, _ = DayRange(day + timedelta(days=1), day + timedelta(days=1)).utc_bounds(zone)

        assert end == next_start
        assert timedelta(hours=22) <= end - start <= timedelta(hours=26)
        assert start.astimezone(zone).date() == day
        assert (end - timedelta(microseconds=1)).astimezone(zone).date() == day


class TestPreset:
    @pytest.mark.parametrize(
        ("today", "preset", "first", "last"),
        [
            # Monday 19 October 2020
            (date(2020, 10, 19), Preset.TODAY, date(2020, 10, 19), date(2020, 10, 19)),
            (date(2020, 10, 19), Preset.THIS_WEEK, date(2020, 10, 19), date(2020, 10, 25)),
            (date(2020, 10, 19), Preset.LAST_WEEK, date(2020, 10, 12), date(2020, 10, 18)),
            (date(2020, 10, 19), Preset.THIS_MONTH, date(2020, 10, 1), date(2020, 10, 31)),
            (date(2020, 10, 19), Preset.LAST_MONTH, date(2020, 9, 1), date(2020, 9, 30)),
            # Sunday 25 October 2020: still the week that began on Monday the 19th
            (date(2020, 10, 25), Preset.TODAY, date(2020, 10, 25), date(2020, 10, 25)),
            (date(2020, 10, 25), Preset.THIS_WEEK, date(2020, 10, 19), date(2020, 10, 25)),
            (date(2020, 10, 25), Preset.LAST_WEEK, date(2020, 10, 12), date(2020, 10, 18)),
            # Friday 1 January 2021: the week and last month reach into the previous year
            (date(2021, 1, 1), Preset.TODAY, date(2021, 1, 1), date(2021, 1, 1)),
            (date(2021, 1, 1), Preset.THIS_WEEK, date(2020, 12, 28), date(2021, 1, 3)),
            (date(2021, 1, 1), Preset.LAST_WEEK, date(2020, 12, 21), date(2020, 12, 27)),
            (date(2021, 1, 1), Preset.THIS_MONTH, date(2021, 1, 1), date(2021, 1, 31)),
            (date(2021, 1, 1), Preset.LAST_MONTH, date(2020, 12, 1), date(2020, 12, 31)),
            # Tuesday 31 March 2020: last month is a leap February
            (date(2020, 3, 31), Preset.THIS_WEEK, date(2020, 3, 30), date(2020, 4, 5)),
            (date(2020, 3, 31), Preset.LAST_WEEK, date(2020, 3, 23), date(2020, 3, 29)),
            (date(2020, 3, 31), Preset.THIS_MONTH, date(2020, 3, 1), date(2020, 3, 31)),
            (date(2020, 3, 31), Preset.LAST_MONTH, date(2020, 2, 1), date(2020, 2, 29)),
            # Wednesday 31 March 2021: a common February
            (date(2021, 3, 31), Preset.LAST_MONTH, date(2021, 2, 1), date(2021, 2, 28)),
            # Thursday 31 December 2020
            (date(2020, 12, 31), Preset.THIS_MONTH, date(2020, 12, 1), date(2020, 12, 31)),
            (date(2020, 12, 31), Preset.LAST_MONTH, date(2020, 11, 1), date(2020, 11, 30)),
            (date(2020, 12, 31), Preset.THIS_WEEK, date(2020, 12, 28), date(2021, 1, 3)),
        ],
    )
    def test_range_on_a_given_day(
        self, today: date, preset: Preset, first: date, last: date
    ) -> None:
        assert preset.range(today) == DayRange(first, last)

    @pytest.mark.parametrize(
        ("value", "preset"),
        [
            ("today", Preset.TODAY),
            ("this-week", Preset.THIS_WEEK),
            ("last-week", Preset.LAST_WEEK),
            ("this-month", Preset.THIS_MONTH),
            ("last-month", Preset.LAST_MONTH),
        ],
    )
    def test_presets_are_named_by_their_value(self, value: str, preset: Preset) -> None:
        assert Preset(value) is preset

    @settings(max_examples=150, deadline=None)
    @given(today=st.dates(min_value=date(1900, 2, 1), max_value=date(2100, 12, 31)))
    def test_weeks_and_months_fit_together(self, today: date) -> None:
        this_week = Preset.THIS_WEEK.range(today)
        last_week = Preset.LAST_WEEK.range(today)
        this_month = Preset.THIS_MONTH.range(today)
        last_month = Preset.LAST_MONTH.range(today)

        assert this_week.first.weekday() == 0
        assert this_week.days == 7
        assert this_week.first <= today <= this_week.last
        assert last_week.days == 7
        assert last_week.last + timedelta(days=1) == this_week.first

        assert this_month.first == today.replace(day=1)
        assert this_month.first <= today <= this_month.last
        assert (this_month.last + timedelta(days=1)).day == 1
        assert last_month.first.day == 1
        assert last_month.last + timedelta(days=1) == this_month.first


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (date(2020, 2, 10), date(2020, 2, 1), date(2020, 2, 29)),
        (date(2100, 2, 10), date(2100, 2, 1), date(2100, 2, 28)),
        (date(2000, 2, 29), date(2000, 2, 1), date(2000, 2, 29)),
        (date(2020, 12, 31), date(2020, 12, 1), date(2020, 12, 31)),
        (date(2020, 1, 31), date(2020, 1, 1), date(2020, 1, 31)),
        (date(2020, 4, 1), date(2020, 4, 1), date(2020, 4, 30)),
    ],
)
def test_month_of(day: date, first: date, last: date) -> None:
    assert month_of(day) == DayRange(first, last)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2020, 10, 19), date(2020, 10, 25), date(2020, 10, 21)),  # this week: today
        (date(2020, 10, 1), date(2020, 10, 31), date(2020, 10, 21)),  # this month: today
        (date(2020, 10, 12), date(2020, 10, 18), date(2020, 10, 18)),  # last week: its Sunday
        (date(2020, 11, 1), date(2020, 11, 30), date(2020, 10, 21)),  # ahead: never later
    ],
    ids=["this-week", "this-month", "last-week", "ahead"],
)
def test_a_new_entry_defaults_to_today_where_shown_never_to_a_later_day(
    first: date, last: date, expected: date
) -> None:
    assert default_day(DayRange(first, last), date(2020, 10, 21)) == expected
