"""Wall clock and UTC: ``to_utc``, ``start_of_day`` and ``local_date`` across DST switches.

Berlin in 2020: clocks went forward on 29 March at 02:00 CET (01:00 UTC) and back on
25 October at 03:00 CEST (01:00 UTC). Santiago springs forward at local midnight (on
6 September 2020 there is no 00:00), and Havana falls back from 01:00 to 00:00 (on
1 November 2020 midnight happens twice).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.domain.localtime import (
    AmbiguousLocalTimeError,
    LocalTimeError,
    NonexistentLocalTimeError,
    local_date,
    start_of_day,
    to_utc,
)


def utc(*fields: int) -> datetime:
    """An aware UTC datetime from year, month, day[, hour, minute, ...]."""
    return datetime(*fields, tzinfo=UTC)  # type: ignore[misc]


class TestToUtc:
    @pytest.mark.parametrize(
        ("wall", "expected"),
        [
            (datetime(2020, 10, 20, 11, 0), utc(2020, 10, 20, 9, 0)),
            (datetime(2020, 1, 15, 10, 0), utc(2020, 1, 15, 9, 0)),
            (datetime(2020, 3, 29, 1, 59), utc(2020, 3, 29, 0, 59)),
            (datetime(2020, 3, 29, 3, 0), utc(2020, 3, 29, 1, 0)),
            (datetime(2020, 10, 25, 1, 59), utc(2020, 10, 24, 23, 59)),
            (datetime(2020, 10, 25, 3, 0), utc(2020, 10, 25, 2, 0)),
            (datetime(2021, 1, 1, 0, 30), utc(2020, 12, 31, 23, 30)),
        ],
    )
    def test_converts_unambiguous_wall_times(
        self, berlin: ZoneInfo, wall: datetime, expected: datetime
    ) -> None:
        converted = to_utc(wall, berlin)

        assert converted == expected
        assert converted.tzinfo is UTC

    @pytest.mark.parametrize("prefer_first", [None, True, False])
    @pytest.mark.parametrize("minute", [0, 30, 59])
    def test_refuses_a_time_the_clock_skips(
        self, berlin: ZoneInfo, minute: int, prefer_first: bool | None
    ) -> None:
        with pytest.raises(NonexistentLocalTimeError, match="2020-03-29 02"):
            to_utc(datetime(2020, 3, 29, 2, minute), berlin, prefer_first=prefer_first)

    @pytest.mark.parametrize("fold", [0, 1])
    def test_refuses_a_repeated_time_unless_told_which(self, berlin: ZoneInfo, fold: int) -> None:
        # The naive value's own fold is no answer: the caller must choose explicitly.
        with pytest.raises(AmbiguousLocalTimeError, match="2020-10-25 02:30"):
            to_utc(datetime(2020, 10, 25, 2, 30, fold=fold), berlin)

    @pytest.mark.parametrize(
        ("wall", "prefer_first", "expected"),
        [
            (datetime(2020, 10, 25, 2, 30), True, utc(2020, 10, 25, 0, 30)),
            (datetime(2020, 10, 25, 2, 30), False, utc(2020, 10, 25, 1, 30)),
            (datetime(2020, 10, 25, 2, 0), True, utc(2020, 10, 25, 0, 0)),
            (datetime(2020, 10, 25, 2, 0), False, utc(2020, 10, 25, 1, 0)),
            (datetime(2020, 10, 25, 2, 59), True, utc(2020, 10, 25, 0, 59)),
            (datetime(2020, 10, 25, 2, 59), False, utc(2020, 10, 25, 1, 59)),
            # prefer_first changes nothing where the time is not repeated.
            (datetime(2020, 10, 20, 11, 0), False, utc(2020, 10, 20, 9, 0)),
        ],
    )
    def test_picks_the_chosen_one_of_a_repeated_time(
        self, berlin: ZoneInfo, wall: datetime, prefer_first: bool, expected: datetime
    ) -> None:
        assert to_utc(wall, berlin, prefer_first=prefer_first) == expected

    @pytest.mark.parametrize(
        ("wall", "expected"),
        [
            # An explicit offset wins over the zone, even inside Berlin's spring gap.
            (
                datetime(2020, 3, 29, 2, 30, tzinfo=timezone(timedelta(hours=1))),
                utc(2020, 3, 29, 1, 30),
            ),
            (
                datetime(2020, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin")),
                utc(2020, 10, 25, 0, 30),
            ),
            (
                datetime(2020, 10, 25, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Berlin")),
                utc(2020, 10, 25, 1, 30),
            ),
            (
                datetime(2020, 10, 20, 9, 0, tzinfo=ZoneInfo("America/New_York")),
                utc(2020, 10, 20, 13, 0),
            ),
            (utc(2020, 10, 20, 9, 0), utc(2020, 10, 20, 9, 0)),
        ],
    )
    def test_passes_an_aware_time_through(
        self, berlin: ZoneInfo, wall: datetime, expected: datetime
    ) -> None:
        converted = to_utc(wall, berlin)

        assert converted == expected
        assert converted.tzinfo is UTC

    def test_errors_are_value_errors_of_one_family(self) -> None:
        assert issubclass(NonexistentLocalTimeError, LocalTimeError)
        assert issubclass(AmbiguousLocalTimeError, LocalTimeError)
        assert issubclass(LocalTimeError, ValueError)
        assert not issubclass(NonexistentLocalTimeError, AmbiguousLocalTimeError)

    @settings(max_examples=150, deadline=None)
    @given(
        moment=st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2040, 12, 31), timezones=st.just(UTC)
        ),
        zone_name=st.sampled_from(["Europe/Berlin", "America/Santiago", "America/Havana"]),
    )
    def test_every_instant_comes_back_from_its_wall_time(
        self, moment: datetime, zone_name: str
    ) -> None:
        zone = ZoneInfo(zone_name)
        local = moment.astimezone(zone)

        wall = local.replace(tzinfo=None)
        assert to_utc(wall, zone, prefer_first=local.fold == 0) == moment


class TestStartOfDay:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (date(2020, 10, 20), utc(2020, 10, 19, 22, 0)),
            (date(2020, 1, 15), utc(2020, 1, 14, 23, 0)),
            (date(2020, 3, 29), utc(2020, 3, 28, 23, 0)),
            (date(2020, 3, 30), utc(2020, 3, 29, 22, 0)),
            (date(2020, 10, 25), utc(2020, 10, 24, 22, 0)),
            (date(2020, 10, 26), utc(2020, 10, 25, 23, 0)),
        ],
    )
    def test_berlin_midnight(self, berlin: ZoneInfo, day: date, expected: datetime) -> None:
        start = start_of_day(day, berlin)

        assert start == expected
        assert start.tzinfo is UTC

    def test_dst_days_in_berlin_are_23_and_25_hours_long(self, berlin: ZoneInfo) -> None:
        def length(day: date) -> timedelta:
            return start_of_day(day + timedelta(days=1), berlin) - start_of_day(day, berlin)

        assert length(date(2020, 3, 29)) == timedelta(hours=23)
        assert length(date(2020, 10, 25)) == timedelta(hours=25)
        assert length(date(2020, 10, 20)) == timedelta(hours=24)

    def test_a_day_without_midnight_begins_at_the_first_existing_instant(
        self, santiago: ZoneInfo
    ) -> None:
        day = date(2020, 9, 6)
        # The premise: 00:00 to 00:59 do not exist on that day in Santiago.
        with pytest.raises(NonexistentLocalTimeError):
            to_utc(datetime(2020, 9, 6, 0, 0), santiago)
        with pytest.raises(NonexistentLocalTimeError):
            to_utc(datetime(2020, 9, 6, 0, 59), santiago)

        start = start_of_day(day, santiago)

        # 01:00 -03 is the instant right after 23:59:59 -04 of 5 September.
        assert start == utc(2020, 9, 6, 4, 0)
        assert start.astimezone(santiago).replace(tzinfo=None) == datetime(2020, 9, 6, 1, 0)
        assert (start - timedelta(microseconds=1)).astimezone(santiago).date() == date(2020, 9, 5)
        assert start_of_day(date(2020, 9, 7), santiago) - start == timedelta(hours=23)

    def test_a_day_with_two_midnights_begins_at_the_first(self, havana: ZoneInfo) -> None:
        day = date(2020, 11, 1)
        with pytest.raises(AmbiguousLocalTimeError):
            to_utc(datetime(2020, 11, 1, 0, 0), havana)

        start = start_of_day(day, havana)

        assert start == utc(2020, 11, 1, 4, 0)
        assert (start - timedelta(microseconds=1)).astimezone(havana).date() == date(2020, 10, 31)
        assert start_of_day(date(2020, 11, 2), havana) - start == timedelta(hours=25)

    def test_havana_skips_midnight_in_spring(self, havana: ZoneInfo) -> None:
        assert start_of_day(date(2020, 3, 8), havana) == utc(2020, 3, 8, 5, 0)

    def test_utc_days_begin_at_midnight_utc(self) -> None:
        assert start_of_day(date(2020, 10, 31), UTC) == utc(2020, 10, 31, 0, 0)


class TestLocalDate:
    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            (utc(2020, 10, 31, 22, 30), date(2020, 10, 31)),
            (utc(2020, 10, 31, 22, 59, 59), date(2020, 10, 31)),
            (utc(2020, 10, 31, 23, 0), date(2020, 11, 1)),
            (utc(2020, 10, 20, 21, 59, 59), date(2020, 10, 20)),
            (utc(2020, 10, 20, 22, 0), date(2020, 10, 21)),
            (
                datetime(2020, 10, 20, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
                date(2020, 10, 21),
            ),
        ],
    )
    def test_the_day_on_the_berlin_clock(
        self, berlin: ZoneInfo, moment: datetime, expected: date
    ) -> None:
        assert local_date(moment, berlin) == expected

    def test_the_same_instant_is_another_day_elsewhere(self) -> None:
        moment = utc(2020, 10, 31, 23, 30)

        assert local_date(moment, UTC) == date(2020, 10, 31)
        assert local_date(moment, ZoneInfo("Europe/Berlin")) == date(2020, 11, 1)
        assert local_date(moment, ZoneInfo("America/New_York")) == date(2020, 10, 31)
