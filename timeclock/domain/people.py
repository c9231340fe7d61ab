"""Who works here and what TimeTrack says about their days: employees, absences, daily reports.

Plain records, as the client reads them from ``users``, ``absences`` and ``work_reports``
(see other-endpoints.md beside NOTES.md). Units stay with their names: reports count
seconds, attendances minutes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Employee:
    """A TimeTrack user. ``personal_number`` is text: the web app calls it an employee
    number, and such numbers may carry letters."""

    username: str
    first_name: str = ""
    last_name: str = ""
    personal_number: str = ""
    email: str = ""
    id: int | None = None
    enabled: bool = True
    admin: bool = False
    team_lead: bool = False

    @property
    def full_name(self) -> str:
        """``First Last``, or the user name when TimeTrack has no name."""
        return " ".join(part for part in (self.first_name, self.last_name) if part) or (
            self.username
        )

    def matches(self, text: str) -> bool:
        """Whether a type-ahead ``text`` fits: part of the user name, the first or last
        name, the full name or the personal number, in any case."""
        wanted = text.strip().casefold()
        if not wanted:
            return True
        fields = (
            self.username,
            self.first_name,
            self.last_name,
            self.full_name,
            f"{self.last_name}, {self.first_name}",
            self.personal_number,
        )
        return any(wanted in field.casefold() for field in fields)


class AbsenceStatus(enum.IntEnum):
    """The documented states of an absence; others are kept as their number."""

    PENDING = 0
    APPROVED = 1
    DISAPPROVED = 2


@dataclass(frozen=True, slots=True)
class Absence:
    """Whole days away, ``first_day`` to ``last_day`` both included.

    ``type_name`` is the absence type's short code (``absenceTypeName``); TimeTrack
    documents no list of types, so ``type_id`` means nothing without it.
    """

    user: str
    first_day: date
    last_day: date
    type_id: int | None = None
    type_name: str = ""
    status: int = AbsenceStatus.APPROVED
    id: int | None = None

    @property
    def approved(self) -> bool:
        return self.status == AbsenceStatus.APPROVED

    @property
    def pending(self) -> bool:
        return self.status == AbsenceStatus.PENDING

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True, slots=True)
class AbsenceTime:
    """One absence's share of a reported day."""

    seconds: int
    short_name: str


@dataclass(frozen=True, slots=True)
class DailyReport:
    """One user's day as TimeTrack computes it (``work_reports``), in seconds.

    The difference is worked - target, computed here: the sign of the server's
    ``workTargetDifference`` is not documented. The weekday is ``day``'s, not the
    server's ``weekday`` code (8 on a holiday, and which day is 1 is not documented).
    """

    user: str
    day: date
    target_seconds: int = 0
    worked_seconds: int = 0
    break_seconds: int = 0
    holiday_seconds: int = 0
    surcharge_seconds: int = 0
    absences: tuple[AbsenceTime, ...] = ()
    holiday: bool = False
    start: datetime | None = None
    end: datetime | None = None
    break_times: str = ""

    @property
    def difference_seconds(self) -> int:
        return self.worked_seconds - self.target_seconds

    @property
    def absence_seconds(self) -> int:
        return sum(absence.seconds for absence in self.absences)

    @property
    def weekday(self) -> int:
        """ISO weekday of ``day``: 1 = Monday ... 7 = Sunday."""
        return self.day.isoweekday()


def balance_seconds(reports: list[DailyReport]) -> int:
    """The running balance over ``reports``: the sum of their differences."""
    return sum(report.difference_seconds for report in reports)
