"""Wire timestamps: the tolerant reader and the exact writer in ``timeclock.domain.timestamps``.

The vendor documents ``YYYY-MM-DDTHH:MM:SS.fffZ``; its general page allows the milliseconds
to be missing, and the reader also takes explicit offsets. Everything read comes back as an
aware UTC ``datetime``; everything written is exactly the documented format.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeclock.domain.timestamps import (
    TimestampError,
    format_timestamp,
    parse_timestamp,
    utc_now,
)

WIRE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
NINE_AM = datetime(2020, 10, 20, 9, 0, tzinfo=UTC)


def offset_zones() -> st.SearchStrategy[timezone]:
    """Fixed UTC offsets in whole minutes, as far as ``timezone`` allows (under 24 hours)."""
    return st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )


def aware_ms_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes in any fixed offset, to the millisecond, with a representable UTC value."""
    return st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offset_zones()
    ).map(lambda moment: moment.replace(microsecond=moment.microsecond // 1000 * 1000))


def offset_text(offset: timedelta, *, colon: bool) -> str:
    """An offset as it appears in a timestamp: ``+02:00`` or ``+0200``."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{rest:02d}"


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2020-10-20T09:00:00.000Z", NINE_AM),
            ("2020-10-20T09:00:00Z", NINE_AM),
            ("2020-10-20T09:00:00z", NINE_AM),
            ("2020-10-20T09:00:00.000+00:00", NINE_AM),
            ("2020-10-20T09:00:00-00:00", NINE_AM),
            ("2020-10-20T11:00:00+0200", NINE_AM),
            ("2020-10-20T11:00:00.000+02:00", NINE_AM),
            ("2020-10-20T03:30:00-05:30", NINE_AM),
            ("2020-10-20T14:45:00+05:45", NINE_AM),
            ("2020-10-20 09:00:00Z", NINE_AM),
            ("2020-10-20T09:00Z", NINE_AM),
            ("  2020-10-20T09:00:00Z\n", NINE_AM),
            ("2020-10-20T09:00:00.123Z", NINE_AM.replace(microsecond=123_000)),
            ("2020-10-20T09:00:00.5Z", NINE_AM.replace(microsecond=500_000)),
            # A negative offset late in the day lands on the next UTC day, and year.
            ("2020-12-31T23:30:00-01:00", datetime(2021, 1, 1, 0, 30, tzinfo=UTC)),
            ("2020-01-01T00:30:00+01:00", datetime(2019, 12, 31, 23, 30, tzinfo=UTC)),
            ("2020-02-29T12:00:00Z", datetime(2020, 2, 29, 12, tzinfo=UTC)),
            ("9999-12-31T23:00:00+05:00", datetime(9999, 12, 31, 18, tzinfo=UTC)),
        ],
    )
    def test_reads_the_instant_in_utc(self, text: str, expected: datetime) -> None:
        parsed = parse_timestamp(text)

        assert parsed == expected
        assert parsed.tzinfo is UTC

    @pytest.mark.parametrize(
        ("text", "microsecond"),
        [
            ("2020-10-20T09:00:00.123456789Z", 123_456),
            ("2020-10-20T09:00:00.9999999Z", 999_999),
            ("2020-10-20T09:00:00.0000009Z", 0),
        ],
    )
    def test_cuts_fractions_to_microseconds_without_rounding(
        self, text: str, microsecond: int
    ) -> None:
        parsed = parse_timestamp(text)

        assert parsed.replace(microsecond=0) == NINE_AM
        assert parsed.microsecond == microsecond

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("2020-10-20T09:00:00", id="no zone"),
            pytest.param("2020-10-20T09:00:00.000", id="no zone with ms"),
            pytest.param("2020-10-20", id="date only"),
            pytest.param("09:00:00Z", id="time only"),
            pytest.param("", id="empty"),
            pytest.param("   ", id="blank"),
            pytest.param("now", id="word"),
            pytest.param("20201020T090000Z", id="basic format"),
            pytest.param("2020-10-20T09:00:00ZZ", id="two zones"),
            pytest.param("2020-10-20T09:00:00 Z", id="space before zone"),
            pytest.param("2020-10-20T09:00:00+2", id="short offset"),
            pytest.param("2020-10-20T09:00:00.Z", id="dot without fraction"),
            pytest.param("2020-10-20T09:00:00.1234567890Z", id="ten fraction digits"),
            pytest.param("2020-10-20T09:00.5Z", id="fraction without seconds"),
            pytest.param("2020-10-20T09:00:00Z\nX", id="trailing line"),
            pytest.param("2020-02-30T00:00:00Z", id="Feb 30"),
            pytest.param("2021-02-29T00:00:00Z", id="Feb 29 of a common year"),
            pytest.param("2020-13-01T00:00:00Z", id="month 13"),
            pytest.param("2020-00-10T00:00:00Z", id="month 0"),
            pytest.param("2020-01-01T24:61:00Z", id="24:61"),
            pytest.param("2020-01-01T24:00:00Z", id="24:00"),
            pytest.param("2020-01-01T23:59:60Z", id="leap second"),
            pytest.param("0000-01-01T00:00:00Z", id="year 0"),
            pytest.param("9999-12-31T23:00:00-05:00", id="past year 9999 in UTC"),
            pytest.param("0001-01-01T00:30:00+01:00", id="before year 1 in UTC"),
            pytest.param("2020-10-20T09:00:00+24:00", id="offset 24h"),
            pytest.param("2020-10-20T09:00:00+02:60", id="offset minute 60"),
            pytest.param("2020-10-20T09:00:00+0299", id="offset minute 99"),
            pytest.param("\uff12\uff10\uff12\uff10-10-20T09:00:00Z", id="fullwidth digits"),
            pytest.param("\u0662\u0660\u0662\u0660-10-20T09:00:00Z", id="arabic-indic year"),
            pytest.param("2020-10-20T09:00:00+\u0660\u0662:00", id="arabic-indic offset"),
            pytest.param("2020-10-20T09:00:00.\u0661\u0662\u0663Z", id="arabic-indic fraction"),
        ],
    )
    def test_refuses_what_is_not_one_utc_instant(self, text: str) -> None:
        with pytest.raises(TimestampError):
            parse_timestamp(text)

    @pytest.mark.parametrize(
        "value",
        [None, 1603184400, 1603184400.0, b"2020-10-20T09:00:00Z", NINE_AM, ["x"], {"a": 1}],
        ids=repr,
    )
    def test_refuses_non_text_with_its_own_error(self, value: object) -> None:
        with pytest.raises(TimestampError):
            parse_timestamp(value)  # type: ignore[arg-type]

    def test_error_names_the_text_but_not_too_much_of_it(self) -> None:
        with pytest.raises(TimestampError) as caught:
            parse_timestamp("garbage-" + "x" * 500)

        assert "garbage-" in str(caught.value)
        assert len(str(caught.value)) < 120

    def test_timestamp_error_is_a_value_error(self) -> None:
        assert issubclass(TimestampError, ValueError)


class TestFormat:
    @pytest.mark.parametrize(
        ("moment", "text"),
        [
            (NINE_AM, "2020-10-20T09:00:00.000Z"),
            (NINE_AM.replace(microsecond=123_999), "2020-10-20T09:00:00.123Z"),
            (NINE_AM.replace(microsecond=999), "2020-10-20T09:00:00.000Z"),
            (
                datetime(2020, 10, 20, 11, tzinfo=timezone(timedelta(hours=2))),
                "2020-10-20T09:00:00.000Z",
            ),
            (
                datetime(2020, 10, 20, 11, tzinfo=ZoneInfo("Europe/Berlin")),
                "2020-10-20T09:00:00.000Z",
            ),
            (
                datetime(2021, 1, 1, 0, 30, tzinfo=ZoneInfo("Europe/Berlin")),
                "2020-12-31T23:30:00.000Z",
            ),
            (datetime(5, 3, 4, 5, 6, 7, tzinfo=UTC), "0005-03-04T05:06:07.000Z"),
            (datetime(999, 12, 31, tzinfo=UTC), "0999-12-31T00:00:00.000Z"),
            (datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC), "9999-12-31T23:59:59.999Z"),
        ],
    )
    def test_writes_the_vendor_format_in_utc(self, moment: datetime, text: str) -> None:
        assert format_timestamp(moment) == text

    def test_refuses_a_naive_datetime(self) -> None:
        with pytest.raises(ValueError, match="naive"):
            format_timestamp(datetime(2020, 10, 20, 9))

    @settings(max_examples=200, deadline=None)
    @given(moment=aware_ms_datetimes())
    def test_round_trip_keeps_the_instant(self, moment: datetime) -> None:
        text = format_timestamp(moment)

        assert WIRE_FORMAT.fullmatch(text), text
        parsed = parse_timestamp(text)
        assert parsed == moment
        assert parsed.tzinfo is UTC
        assert format_timestamp(parsed) == text

    @settings(max_examples=200, deadline=None)
    @given(moment=aware_ms_datetimes(), colon=st.booleans(), with_ms=st.booleans())
    def test_reads_local_text_in_any_offset(
        self, moment: datetime, colon: bool, with_ms: bool
    ) -> None:
        offset = moment.utcoffset()
        assert offset is not None
        fraction = f".{moment.microsecond // 1000:03d}" if with_ms else ""
        text = (
            f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}{fraction}{offset_text(offset, colon=colon)}"
        )

        expected = moment if with_ms else moment.replace(microsecond=0)
        assert parse_timestamp(text) == expected


def test_utc_now_is_aware_utc_to_the_millisecond() -> None:
    before = datetime.now(UTC)
    now = utc_now()
    after = datetime.now(UTC)

    assert now.tzinfo is UTC
    assert now.microsecond % 1000 == 0
    assert before - timedelta(milliseconds=1) <= now <= after
