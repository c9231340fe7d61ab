"""Between the wall clock people read and the UTC instants the service stores.

Local times are interpreted in an explicit ``tzinfo`` (a ``zoneinfo.ZoneInfo`` in practice),
never in whatever the process happens to use, so that DST switches are handled on purpose:
a wall time that does not exist (the spring gap) or exists twice (the autumn repeat) is an
error the caller decides about, not a silent one-hour shift.

Python's calendar ends with the years 1 and 9999, and a date at either end moved by a zone's
offset falls off it. So TimeClock works with the days from 0001-01-02 to 9999-12-30 only
(:data:`FIRST_DAY` to :data:`LAST_DAY`) and the instants of them in UTC: every one of those
can be shown on any local clock, and a day range's end still has a next day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from timeclock.domain.errors import TimeClockError

_MINUTES_PER_DAY = 24 * 60

FIRST_DAY = date(1, 1, 2)
LAST_DAY = date(9999, 12, 30)
EARLIEST = datetime.combine(FIRST_DAY, time(), UTC)
LATEST = datetime.combine(LAST_DAY + timedelta(days=1), time(), UTC)  # the first one after
RANGE_RULE = f"dates must lie between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"


class LocalTimeError(TimeClockError, ValueError):
    """A wall-clock time that does not name exactly one instant."""


class OutOfRangeError(LocalTimeError):
    """A date or instant too close to the ends of the calendar to compute with."""


class NonexistentLocalTimeError(LocalTimeError):
    """The wall clock skips this time (clocks go forward)."""


class AmbiguousLocalTimeError(LocalTimeError):
    """The wall clock shows this time twice (clocks go back)."""


def to_utc(wall: datetime, zone: tzinfo, *, prefer_first: bool | None = None) -> datetime:
    """The UTC instant of a wall-clock time in ``zone``.

    A ``wall`` that already carries an offset is converted as it is. For a naive one,
    ``prefer_first`` picks the earlier (True) or later (False) of two repeated wall times;
    left ``None``, a repeated time raises :class:`AmbiguousLocalTimeError`. A skipped time always
    raises :class:`NonexistentLocalTimeError`, one outside :data:`FIRST_DAY` to
    :data:`LAST_DAY` (on the wall or in UTC) :class:`OutOfRangeError`.
    """
    check_day(wall.date())
    try:
        moment: datetime | None = _to_utc(wall, zone, prefer_first)
    except OverflowError:
        moment = None
    if moment is None or not EARLIEST <= moment < LATEST:
        raise OutOfRangeError(f"{_wall_text(wall)} is out of range: {RANGE_RULE}")
    return moment


def _to_utc(wall: datetime, zone: tzinfo, prefer_first: bool | None) -> datetime:
    if wall.tzinfo is not None and wall.utcoffset() is not None:
        return wall.astimezone(UTC)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    # The two folds disagree: the time is either skipped or repeated. A skipped time does
    # not survive a round trip through UTC; a repeated one does, in both folds.
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise NonexistentLocalTimeError(f"{_wall_text(wall)} does not exist on the local clock")
    if prefer_first is None:
        raise AmbiguousLocalTimeError(
            f"{_wall_text(wall)} occurs twice on the local clock; give a UTC offset"
        )
    return (first if prefer_first else second).astimezone(UTC)


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """The UTC instant at which ``day`` begins on the local clock.

    Where midnight itself is skipped by a DST switch, the day begins at the first wall time
    that exists. ``day`` may be the day after :data:`LAST_DAY`, where a range of days ends.
    """
    if not FIRST_DAY <= day <= LAST_DAY + timedelta(days=1):
        check_day(day)
    wall = datetime.combine(day, time())
    for _ in range(_MINUTES_PER_DAY):
        try:
            return _to_utc(wall, zone, prefer_first=True)
        except NonexistentLocalTimeError:
            wall += timedelta(minutes=1)
    raise LocalTimeError(f"{day} has no time at all on the local clock")  # no real zone does


def local_date(moment: datetime, zone: tzinfo) -> date:
    """The calendar day on the local clock at an aware instant."""
    return moment.astimezone(zone).date()


def check_day(day: date) -> date:
    """``day`` if TimeClock can compute with it, else :class:`OutOfRangeError`."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise OutOfRangeError(f"{day.isoformat()} is out of range: {RANGE_RULE}")
    return day


def check_instant(moment: datetime) -> datetime:
    """An aware ``moment`` if it lies on a day TimeClock can compute with, else
    :class:`OutOfRangeError`."""
    if not EARLIEST <= moment < LATEST:
        raise OutOfRangeError(f"{_wall_text(moment)} is out of range: {RANGE_RULE}")
    return moment


def _wall_text(wall: datetime) -> str:
    """``YYYY-MM-DD HH:MM`` (strftime does not pad years before 1000 everywhere)."""
    offset = wall.utcoffset()
    zone = "" if offset is None else ("Z" if not offset else f"{wall:%z}")
    return f"{wall.year:04d}-{wall:%m-%d %H:%M}{zone}"
