"""Ranges of local calendar days and the UTC instants that bound them.

People ask for "October" or "last week"; the service filters on UTC instants. A
:class:`DayRange` covers whole local days, both ends inclusive, and knows the half-open
UTC interval ``[start, end)`` that contains exactly the instants of those days, whatever
DST does in between (a day is 23, 24 or 25 hours long).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from timeclock.domain.localtime import EARLIEST, LATEST, check_day, start_of_day


@dataclass(frozen=True, slots=True)
class DayRange:
    """Local calendar days ``first`` to ``last``, both included (0001-01-02 to 9999-12-30)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        check_day(self.first)
        check_day(self.last)
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last}) before it begins ({self.first})")

    @property
    def days(self) -> int:
        """How many calendar days the range covers."""
        return (self.last - self.first).days + 1

    def utc_bounds(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """The half-open UTC interval ``[start, end)`` of these local days in ``zone``.

        At the ends of the calendar it stops at the instants TimeClock computes with
        (:data:`~timeclock.domain.localtime.EARLIEST` to ``LATEST``).
        """
        start = start_of_day(self.first, zone)
        end = start_of_day(self.last + timedelta(days=1), zone)
        return max(start, EARLIEST), min(end, LATEST)

    def contains(self, moment: datetime, zone: tzinfo) -> bool:
        """Whether an aware instant falls on one of these local days."""
        start, end = self.utc_bounds(zone)
        return start <= moment < end


class Preset(enum.Enum):
    """The date filters offered to people, relative to today."""

    TODAY = "today"
    THIS_WEEK = "this-week"
    LAST_WEEK = "last-week"
    THIS_MONTH = "this-month"
    LAST_MONTH = "last-month"

    def range(self, today: date) -> DayRange:
        """The days this preset means on ``today`` (weeks run Monday to Sunday)."""
        if self is Preset.TODAY:
            return DayRange(today, today)
        if self is Preset.THIS_WEEK:
            monday = today - timedelta(days=today.weekday())
            return DayRange(monday, monday + timedelta(days=6))
        if self is Preset.LAST_WEEK:
            monday = today - timedelta(days=today.weekday() + 7)
            return DayRange(monday, monday + timedelta(days=6))
        if self is Preset.THIS_MONTH:
            return month_of(today)
        return month_of(today.replace(day=1) - timedelta(days=1))


def month_of(day: date) -> DayRange:
    """The calendar month that contains ``day``."""
    first = day.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    return DayRange(first, next_first - timedelta(days=1))


def default_day(days: DayRange, today: date) -> date:
    """The day a new entry starts on for a list of ``days``: today where the list shows
    it, else the list's last day if that is past, else today (never a later day: a new
    entry is mostly one that was forgotten)."""
    if days.first <= today <= days.last or days.first > today:
        return today
    return days.last
