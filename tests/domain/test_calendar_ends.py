"""One rule for the ends of the calendar: days 0001-01-02 to 9999-12-30, in every zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.localtime import (
    EARLIEST,
    LATEST,
    OutOfRangeError,
    check_day,
    check_instant,
    start_of_day,
    to_utc,
)
from timeclock.domain.ranges import DayRange

AHEAD = timezone(timedelta(hours=23, minutes=59))
BEHIND = timezone(-timedelta(hours=23, minutes=59))
RULE = "dates must lie between 0001-01-02 and 9999-12-30"


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_the_very_first_and_last_days_are_refused(day: date) -> None:
    with pytest.raises(OutOfRangeError, match=RULE):
        check_day(day)
    with pytest.raises(OutOfRangeError, match=RULE):
        DayRange(min(day, date(2020, 1, 1)), max(day, date(2020, 1, 1)))


@pytest.mark.parametrize("zone", [AHEAD, BEHIND, UTC, ZoneInfo("Pacific/Kiritimati")])
def test_every_allowed_instant_shows_on_every_clock(zone: timezone | ZoneInfo) -> None:
    for moment in (EARLIEST, LATEST - timedelta(microseconds=1)):
        assert check_instant(moment) is moment
        assert moment.astimezone(zone).astimezone(UTC) == moment
    with pytest.raises(OutOfRangeError):
        check_instant(LATEST)
    with pytest.raises(OutOfRangeError):
        check_instant(EARLIEST - timedelta(microseconds=1))


@pytest.mark.parametrize("zone", [AHEAD, BEHIND, UTC])
def test_the_whole_calendar_as_a_range_has_bounds_in_every_zone(zone: timezone) -> None:
    start, end = DayRange(date(1, 1, 2), date(9999, 12, 30)).utc_bounds(zone)
    assert EARLIEST <= start < end <= LATEST
    # The day after the last, where a range ends, has a start too.
    assert start_of_day(date(9999, 12, 31), zone).date() in (date(9999, 12, 30), LATEST.date())


@pytest.mark.parametrize(
    ("wall", "zone"),
    [
        (datetime(1, 1, 2, 0, 30), AHEAD),  # before the first day in UTC
        (datetime(9999, 12, 30, 23, 30), BEHIND),  # after the last day in UTC
        (datetime(9999, 12, 31, 23, 30, tzinfo=UTC), UTC),
        (datetime(1, 1, 1, 10, 0), UTC),
        (datetime(9999, 12, 30, 23, 30, tzinfo=BEHIND), UTC),
    ],
)
def test_a_wall_time_off_the_calendar_in_utc_is_refused(wall: datetime, zone: timezone) -> None:
    with pytest.raises(OutOfRangeError, match=f"is out of range: {RULE}"):
        to_utc(wall, zone)


def test_a_year_before_1000_is_written_with_four_digits() -> None:
    with pytest.raises(OutOfRangeError, match=r"^0001-01-02 00:30 is out of range"):
        to_utc(datetime(1, 1, 2, 0, 30), AHEAD)
