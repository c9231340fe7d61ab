"""Between the wall clock people read and the UTC instants the service stores.

Local times are interpreted in an explicit ``tzinfo`` (a ``zoneinfo.ZoneInfo`` in practice),
never in whatever the process happens to use, so that DST switches are handled on purpose:
a wall time that does not exist (the spring gap) or exists twice (the autumn repeat) is an
error the caller decides about, not a silent one-hour shift.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from timeclock.domain.errors import TimeClockError

_MINUTES_PER_DAY = 24 * 60


class LocalTimeError(TimeClockError, ValueError):
    """A wall-clock time that does not name exactly one instant."""


class NonexistentLocalTimeError(LocalTimeError):
    """The wall clock skips this time (clocks go forward)."""


class AmbiguousLocalTimeError(LocalTimeError):
    """The wall clock shows this time twice (clocks go back)."""


def to_utc(wall: datetime, zone: tzinfo, *, prefer_first: bool | None = None) -> datetime:
    """The UTC instant of a wall-clock time in ``zone``.

    A ``wall`` that already carries an offset is converted as it is. For a naive one,
    ``prefer_first`` picks the earlier (True) or later (False) of two repeated wall times;
    left ``None``, a repeated time raises :class:`AmbiguousLocalTimeError`. A skipped time always
    raises :class:`NonexistentLocalTimeError`.
    """
    if wall.tzinfo is not None and wall.utcoffset() is not None:
        return wall.astimezone(UTC)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    # The two folds disagree: the time is either skipped or repeated. A skipped time does
    # not survive a round trip through UTC; a repeated one does, in both folds.
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise NonexistentLocalTimeError(f"{wall:%Y-%m-%d %H:%M} does not exist on the local clock")
    if prefer_first is None:
        raise AmbiguousLocalTimeError(
            f"{wall:%Y-%m-%d %H:%M} occurs twice on the local clock; give a UTC offset"
        )
    return (first if prefer_first else second).astimezone(UTC)


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """The UTC instant at which ``day`` begins on the local clock.

    Where midnight itself is skipped by a DST switch, the day begins at the first wall time
    that exists.
    """
    wall = datetime.combine(day, time())
    for _ in range(_MINUTES_PER_DAY):
        try:
            return to_utc(wall, zone, prefer_first=True)
        except NonexistentLocalTimeError:
            wall += timedelta(minutes=1)
    raise LocalTimeError(f"{day} has no time at all on the local clock")  # no real zone does


def local_date(moment: datetime, zone: tzinfo) -> date:
    """The calendar day on the local clock at an aware instant."""
    return moment.astimezone(zone).date()
