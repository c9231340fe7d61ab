"""Attendance records as the sandbox stores them, independent of the wire format."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta

_MINUTE = timedelta(minutes=1)


class TimeRangeError(ValueError):
    """An entry whose end lies before its start."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NewAttendance:
    """The fields of a time entry before it has an id.

    ``start`` and ``end`` are aware UTC datetimes (the wire's ``from`` and ``to``); an entry
    with ``start == end`` is an open ("running") entry created by stamping in.
    """

    user: str
    start: datetime
    end: datetime
    notes: str = ""
    manual: bool = False
    break_minutes: int = 0
    latitude_start: float | None = None
    longitude_start: float | None = None
    latitude_end: float | None = None
    longitude_end: float | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise TimeRangeError("'to' lies before 'from'")

    @property
    def worked_minutes(self) -> int:
        """Whole minutes between start and end, less the break, never below zero."""
        return max(0, (self.end - self.start) // _MINUTE - self.break_minutes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendance(NewAttendance):
    """A stored time entry: its fields plus the id and the soft-delete flag."""

    id: int
    deleted: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AttendancePatch:
    """A partial update: ``None`` leaves a field as it is."""

    start: datetime | None = None
    end: datetime | None = None
    notes: str | None = None
    manual: bool | None = None
    break_minutes: int | None = None
    latitude_start: float | None = None
    longitude_start: float | None = None
    latitude_end: float | None = None
    longitude_end: float | None = None

    def apply_to(self, entry: Attendance) -> Attendance:
        """The entry with this patch merged in; raises TimeRangeError if to < from after it."""
        changes = {
            field.name: getattr(self, field.name)
            for field in dataclasses.fields(self)
            if getattr(self, field.name) is not None
        }
        return dataclasses.replace(entry, **changes)
