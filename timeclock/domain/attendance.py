"""The attendance entry: one stretch of coming and going, as TimeTrack stores it."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from datetime import datetime, timedelta
from typing import cast

from timeclock.domain.refs import server_ref

# Entry ids are kept in SQLite on this desk (the outbox, the break log), whose integers
# have 64 bits: a larger id is refused where it comes in, with a message, not half-stored.
MAX_ENTRY_ID = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Location:
    """A GPS position as latitude and longitude in degrees."""

    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class Attendance:
    """One attendance entry as the server knows it.

    ``start`` and ``end`` are aware UTC datetimes (the wire's ``from`` and ``to``). An entry
    whose end equals its start and that the time clock created is *open*: the employee has
    stamped in and not yet out (the service requires ``to`` on create, so an open entry is
    written with ``to = from``; see the project's conventions).

    ``id`` is the server's; an entry made on this desk that waits to be sent has none yet
    and carries ``local_ref``, its create's reference in the outbox, instead. So does the
    server's entry a create whose answer was lost already made, until the delivery adopts
    it. :attr:`ref` names the entry either way.
    """

    id: int | None
    user: str
    start: datetime
    end: datetime
    break_minutes: int = 0
    notes: str = ""
    manual: bool = False
    worked_minutes: int | None = None
    start_location: Location | None = None
    end_location: Location | None = None
    local_ref: str | None = None

    def __post_init__(self) -> None:
        if self.id is None and self.local_ref is None:
            raise ValueError("an entry needs a server id or a local reference")

    @property
    def known_by_id(self) -> bool:
        """Whether the server's id tells which entry this is: no waiting create of this
        desk's gives it a reference of its own (see :attr:`ref`; it then has an id, see
        ``__post_init__``)."""
        return self.local_ref is None

    @property
    def ref(self) -> str:
        """Which entry this is: the waiting create's reference on this desk while there is
        one (``local:…``), else the server's id (``id:…``)."""
        if self.local_ref is not None:
            return self.local_ref
        return server_ref(cast("int", self.id))  # never None: see __post_init__

    @property
    def is_open(self) -> bool:
        """Stamped in and not yet stamped out."""
        return self.end == self.start and not self.manual

    def closed_minutes(self) -> int:
        """The minutes worked of a closed entry (see :meth:`worked_until`)."""
        if self.worked_minutes is not None:
            return self.worked_minutes
        return whole_minutes(worked_time(self.start, self.end, self.break_minutes))

    def worked_until(self, now: datetime, running_break: timedelta = timedelta()) -> timedelta:
        """Time worked, counting an open entry up to ``now``, less every break.

        A closed entry uses the server's ``workedMinutes`` where it sent one, since that
        is the figure payroll sees; otherwise the span less the break in whole minutes, as
        TimeTrack counts them (so totals are the sum of the rows as shown; see
        :mod:`~timeclock.domain.shown_minutes`).
        """
        if not self.is_open:
            return timedelta(minutes=self.closed_minutes())
        spent_on_break = timedelta(minutes=self.break_minutes) + running_break
        return max(timedelta(), (now - self.start) - spent_on_break)


@dataclass(frozen=True, slots=True)
class AttendanceDraft:
    """A new entry to create: what a person or the time clock decided, without an id."""

    user: str
    start: datetime
    end: datetime
    break_minutes: int = 0
    notes: str = ""
    manual: bool = True
    start_location: Location | None = None
    end_location: Location | None = None

    def as_entry(
        self,
        entry_id: int | None = None,
        *,
        local_ref: str | None = None,
        worked_minutes: int | None = None,
    ) -> Attendance:
        """The entry this draft makes: the server's ``entry_id``, or while it waits on
        this desk, the entry known by ``local_ref``."""
        return Attendance(
            id=entry_id,
            local_ref=local_ref,
            user=self.user,
            start=self.start,
            end=self.end,
            break_minutes=self.break_minutes,
            notes=self.notes,
            manual=self.manual,
            worked_minutes=worked_minutes,
            start_location=self.start_location,
            end_location=self.end_location,
        )

    @classmethod
    def of(cls, entry: Attendance) -> AttendanceDraft:
        """An entry's values without its id."""
        return cls(
            user=entry.user,
            start=entry.start,
            end=entry.end,
            break_minutes=entry.break_minutes,
            notes=entry.notes,
            manual=entry.manual,
            start_location=entry.start_location,
            end_location=entry.end_location,
        )


@dataclass(frozen=True, slots=True)
class AttendanceChange:
    """The fields an update sends; ``None`` leaves a field as the server has it.

    The user of an entry cannot change (the service refuses ``username`` on update).
    """

    start: datetime | None = None
    end: datetime | None = None
    break_minutes: int | None = None
    notes: str | None = None
    manual: bool | None = None

    def is_empty(self) -> bool:
        """True when the change would send nothing."""
        return all(value is None for value in astuple(self))

    def applied_to(self, entry: Attendance) -> Attendance:
        """The entry as it will be once the server accepted this change."""
        start = self.start if self.start is not None else entry.start
        end = self.end if self.end is not None else entry.end
        break_minutes = (
            self.break_minutes if self.break_minutes is not None else entry.break_minutes
        )
        return Attendance(
            id=entry.id,
            user=entry.user,
            start=start,
            end=end,
            break_minutes=break_minutes,
            notes=self.notes if self.notes is not None else entry.notes,
            manual=self.manual if self.manual is not None else entry.manual,
            worked_minutes=whole_minutes(worked_time(start, end, break_minutes)),
            start_location=entry.start_location,
            end_location=entry.end_location,
            local_ref=entry.local_ref,
        )


def time_order(entry: Attendance) -> tuple[datetime, bool, int, str]:
    """Sort key: by start; at the same start the server's entries by id, then those not
    yet sent (the newer ones)."""
    return (entry.start, entry.id is None, entry.id or 0, entry.ref)


def listed_order(entry: Attendance) -> tuple[datetime, int]:
    """Sort key of the server's entries (each with an id): by start, then id. The order of
    :func:`time_order` for them, without writing out each one's reference (a list of a
    year is 100,000 entries)."""
    return (entry.start, entry.id or 0)


_NO_TIME = timedelta()


def worked_time(start: datetime, end: datetime, break_minutes: int) -> timedelta:
    """The span from start to end less the break, never negative."""
    worked = (end - start) - timedelta(minutes=break_minutes)
    return worked if worked > _NO_TIME else _NO_TIME


def whole_minutes(span: timedelta) -> int:
    """A duration in whole minutes, rounded down as TimeTrack counts them."""
    return int(span.total_seconds() // 60)
