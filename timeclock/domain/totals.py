"""Totals over a list of attendance entries: what the footer of a list shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from timeclock.domain.attendance import Attendance
from timeclock.domain.localtime import local_date
from timeclock.domain.shift import Shift


@dataclass(frozen=True, slots=True)
class Totals:
    """Worked and break time over some entries, and on how many local days they fall."""

    worked: timedelta
    breaks: timedelta
    days: int
    entries: int


def totals(
    entries: Iterable[Attendance], now: datetime, zone: tzinfo, shift: Shift | None = None
) -> Totals:
    """Sum up entries; an open entry counts up to ``now``.

    With the ``shift`` of the user at this desk, its open entry counts the breaks timed
    here, as the clock shows them.
    """
    shift = shift or Shift(None)
    worked = timedelta()
    breaks = timedelta()
    days = set()
    count = 0
    for entry in entries:
        worked += shift.worked_in(entry, now)
        breaks += shift.break_in(entry, now)
        days.add(local_date(entry.start, zone))
        count += 1
    return Totals(worked=worked, breaks=breaks, days=len(days), entries=count)


def totals_by_day(
    entries: Iterable[Attendance], now: datetime, zone: tzinfo, shift: Shift | None = None
) -> dict[date, Totals]:
    """:func:`totals` of each local day the entries start on, in calendar order.

    The same figures, entry by entry, as :func:`totals` (a report's days add up to the
    window's footer for the same entries, to the microsecond).
    """
    by_day: dict[date, list[Attendance]] = {}
    for entry in entries:
        by_day.setdefault(local_date(entry.start, zone), []).append(entry)
    return {day: totals(by_day[day], now, zone, shift) for day in sorted(by_day)}


def worked_on(
    day: date, entries: Iterable[Attendance], shift: Shift, now: datetime, zone: tzinfo
) -> timedelta:
    """Time worked in entries starting on local ``day``, the open shift counted to ``now``.

    The open entry's time comes from ``shift``, which knows the breaks timed on this desk.
    """
    total = timedelta()
    open_ref = shift.entry.ref if shift.entry is not None else None
    for entry in entries:
        if entry.ref != open_ref and local_date(entry.start, zone) == day:
            total += entry.worked_until(now)
    if shift.entry is not None and local_date(shift.entry.start, zone) == day:
        total += shift.worked_time(now)
    return total


def format_hours(span: timedelta) -> str:
    """A duration as ``H:MM`` (hours may exceed 24), the way time sheets show it."""
    minutes = abs(span) // timedelta(minutes=1)  # whole minutes, cut towards zero
    sign = "-" if span < timedelta() and minutes else ""
    hours, rest = divmod(minutes, 60)
    return f"{sign}{hours}:{rest:02d}"
