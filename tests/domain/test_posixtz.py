"""POSIX TZ rule strings: parsed as the C library parses them, switching at the known instants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from timeclock.domain.localtime import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    to_utc,
)
from timeclock.domain.posixtz import PosixTZError, parse_posix_tz

HOUR = timedelta(hours=1)


def utc(*fields: int) -> datetime:
    return datetime(*fields, tzinfo=UTC)  # type: ignore[misc]


def offset_at(text: str, moment: datetime) -> timedelta | None:
    return moment.astimezone(parse_posix_tz(text)).utcoffset()


def test_new_york_rule_switches_on_8_march_and_1_november_2026() -> None:
    zone = "EST5EDT,M3.2.0,M11.1.0"
    second = timedelta(seconds=1)
    assert offset_at(zone, utc(2026, 3, 8, 7) - second) == -5 * HOUR
    assert offset_at(zone, utc(2026, 3, 8, 7)) == -4 * HOUR
    assert offset_at(zone, utc(2026, 11, 1, 6) - second) == -4 * HOUR
    assert offset_at(zone, utc(2026, 11, 1, 6)) == -5 * HOUR
    shown = utc(2026, 7, 1, 12).astimezone(parse_posix_tz(zone))
    assert (shown.hour, shown.tzname(), shown.dst()) == (8, "EDT", HOUR)


@pytest.mark.parametrize(
    ("text", "offset", "name"),
    [
        ("JST-9", 9 * HOUR, "JST"),
        ("EST5", -5 * HOUR, "EST"),
        ("<+03>-3", 3 * HOUR, "+03"),
        ("<-0330>+3:30", -3.5 * HOUR, "-0330"),
        ("IST-5:30", 5.5 * HOUR, "IST"),
        ("XYZ-5:45:30", timedelta(hours=5, minutes=45, seconds=30), "XYZ"),
        ("UTC0", timedelta(0), "UTC"),
    ],
)
def test_fixed_offsets_count_west_of_greenwich(text: str, offset: timedelta, name: str) -> None:
    for moment in (utc(2026, 1, 15), utc(2026, 7, 15), utc(1, 1, 2), utc(9999, 12, 30)):
        shown = moment.astimezone(parse_posix_tz(text))
        assert (shown.utcoffset(), shown.tzname(), shown.dst()) == (offset, name, timedelta(0))


# Known switches in 2026, as glibc's localtime() reports them for the same TZ strings.
@pytest.mark.parametrize(
    ("text", "dst_begins", "dst_ends"),
    [
        # Jn: day 60 is 1 March also in a leap year; 305 is 1 November.
        ("AAA5BBB,J60/1,J305", utc(2026, 3, 1, 6), utc(2026, 11, 1, 6)),
        # n: zero-based, leap days counted: day 59 is 1 March in 2026, 29 February in 2028.
        ("AAA5BBB,59/1,300/4", utc(2026, 3, 1, 6), utc(2026, 10, 28, 8)),
        ("AAA5BBB,59/1,300/4", utc(2028, 2, 29, 6), utc(2028, 10, 27, 8)),
        ("AAA5BBB,J60/1,J305", utc(2028, 3, 1, 6), utc(2028, 11, 1, 6)),
        # Europe: last Sunday of March at 01:00 UTC, of October at 01:00 UTC.
        ("CET-1CEST,M3.5.0,M10.5.0/3", utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)),
        # Greenland: negative switch times (-1 = 22:00 the evening before).
        ("<-02>2<-01>,M3.5.0/-1,M10.5.0/0", utc(2026, 3, 29, 1), utc(2026, 10, 25, 1)),
        # Israel: 26:00 on the Thursday before the last Sunday of March.
        ("IST-2IDT,M3.4.4/26,M10.5.0", utc(2026, 3, 27, 0), utc(2026, 10, 24, 23)),
    ],
)
def test_rules_switch_at_their_known_instants(
    text: str, dst_begins: datetime, dst_ends: datetime
) -> None:
    zone = parse_posix_tz(text)
    second = timedelta(seconds=1)
    assert not (dst_begins - second).astimezone(zone).dst()
    assert dst_begins.astimezone(zone).dst()
    assert (dst_ends - second).astimezone(zone).dst()
    assert not dst_ends.astimezone(zone).dst()


def test_the_southern_hemisphere_has_dst_over_new_year() -> None:
    zone = parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3")
    assert utc(2026, 1, 1).astimezone(zone).tzname() == "AEDT"
    assert utc(2026, 7, 1).astimezone(zone).tzname() == "AEST"
    assert utc(2026, 4, 4, 15, 59).astimezone(zone).utcoffset() == 11 * HOUR
    assert utc(2026, 4, 4, 16).astimezone(zone).utcoffset() == 10 * HOUR


@pytest.mark.parametrize(
    ("text", "iana"),
    [
        ("EST5EDT,M3.2.0,M11.1.0", "America/New_York"),
        ("CET-1CEST,M3.5.0,M10.5.0/3", "Europe/Berlin"),
        ("AEST-10AEDT,M10.1.0,M4.1.0/3", "Australia/Sydney"),
        ("NZST-12NZDT,M9.5.0,M4.1.0/3", "Pacific/Auckland"),
        ("IST-1GMT0,M10.5.0,M3.5.0/1", "Europe/Dublin"),  # "DST" in winter, one hour back
    ],
)
def test_wall_times_and_instants_agree_with_the_zone_database(text: str, iana: str) -> None:
    """Every hour of 2026, both ways and in both folds, as zoneinfo says."""
    posix, reference = parse_posix_tz(text), ZoneInfo(iana)
    moment = utc(2026, 1, 1)
    while moment < utc(2027, 1, 1):
        ours, theirs = moment.astimezone(posix), moment.astimezone(reference)
        assert (ours.replace(tzinfo=None), ours.fold) == (theirs.replace(tzinfo=None), theirs.fold)
        wall = moment.replace(tzinfo=None)
        for fold in (0, 1):
            assert (
                wall.replace(tzinfo=posix, fold=fold).utcoffset()
                == wall.replace(tzinfo=reference, fold=fold).utcoffset()
            ), (wall, fold)
        moment += HOUR


def test_skipped_and_repeated_wall_times_are_told_apart() -> None:
    zone = parse_posix_tz("EST5EDT,M3.2.0,M11.1.0")
    with pytest.raises(NonexistentLocalTimeError):
        to_utc(datetime(2026, 3, 8, 2, 30), zone)
    with pytest.raises(AmbiguousLocalTimeError):
        to_utc(datetime(2026, 11, 1, 1, 30), zone)
    assert to_utc(datetime(2026, 11, 1, 1, 30), zone, prefer_first=True) == utc(2026, 11, 1, 5, 30)
    assert to_utc(datetime(2026, 11, 1, 1, 30), zone, prefer_first=False) == utc(2026, 11, 1, 6, 30)


def test_dst_without_dates_follows_the_us_rule_and_is_one_hour_ahead() -> None:
    zone = parse_posix_tz("AAA5BBB")
    assert utc(2026, 3, 8, 6, 59).astimezone(zone).utcoffset() == -5 * HOUR
    assert utc(2026, 3, 8, 7).astimezone(zone).utcoffset() == -4 * HOUR


def test_the_calendar_ends_do_not_overflow() -> None:
    zone = parse_posix_tz("AEST-10AEDT,M10.1.0,M4.1.0/3")
    assert utc(1, 1, 1).astimezone(zone).utcoffset() == 11 * HOUR
    assert datetime(9999, 12, 31, 12, tzinfo=zone).utcoffset() == 11 * HOUR


@pytest.mark.parametrize(
    "text",
    [
        "",
        "JST",  # an offset is required
        "JS-9",  # names have three letters or more
        "JST-25",  # hours up to 24
        "JST-9:60",
        "EST5EDT,M3.2.0",  # both switch dates or none
        "EST5EDT,M13.2.0,M11.1.0",
        "EST5EDT,M3.6.0,M11.1.0",
        "EST5EDT,M3.2.7,M11.1.0",
        "EST5EDT,J0,J365",
        "EST5EDT,0,366",
        "EST5EDT,M3.2.0/168,M11.1.0",
        "<+03-3",
        "Europe/Berlin",
        "EST5EDT,M3.2.0,M11.1.0 ",
        "JST-\u0669",  # Arabic-Indic nine: digits are ASCII
    ],
)
def test_what_is_not_a_posix_rule_is_refused(text: str) -> None:
    with pytest.raises(PosixTZError):
        parse_posix_tz(text)
