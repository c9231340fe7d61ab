"""Targets and balances per employee and local day: what is due, what was worked, the rest.

**Worked** and **break** time always come from the attendances, through
:func:`timeclock.domain.totals.totals_by_day`: the very figures the window's footer adds up
for the same entries (an entry still running counts up to ``now``; with the ``shift`` of
the user at this desk, with the breaks timed here). TimeTrack's own ``workedSeconds`` is not
used, so a report never disagrees with the list it was made from.

**Target, holidays and absences** come from TimeTrack's ``work_reports`` where the server
offers them. Where it does not (404, or a key that may not read them: 401/403), the local
:class:`~timeclock.services.working_model.WorkingModel` gives them, with absences from
``absences`` if that can be read, and :attr:`Balances.computed_here` says so, for whoever
shows the figures to say it too.

Days after today have no target (a balance is what is owed *so far*); the running balance
starts at nought on the first day of the range (no carry-over from before it).

:func:`read_balances` blocks on the network: the window calls it in a worker thread, the
command line directly. :func:`compute_balances` does the sums without any I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TypeVar

from timeclock.api.absences import list_absences
from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import UnavailableError
from timeclock.api.users import find_user, list_users
from timeclock.api.work_reports import list_daily_reports
from timeclock.domain.attendance import Attendance, time_order
from timeclock.domain.holidays import Holiday
from timeclock.domain.localtime import local_date
from timeclock.domain.people import Absence, DailyReport, Employee
from timeclock.domain.ranges import DayRange
from timeclock.domain.shift import Shift
from timeclock.domain.totals import Totals, totals_by_day
from timeclock.services.working_model import WorkingModel

T = TypeVar("T")

#: The name of a holiday TimeTrack reports when no state is set here to name it.
SOME_HOLIDAY = Holiday("Feiertag", "Public holiday")
_NONE = timedelta()


@dataclass(frozen=True, slots=True)
class EntryTime:
    """One entry with the time it counts: worked and break time, as the footer counts them."""

    entry: Attendance
    worked: timedelta
    breaks: timedelta

    @property
    def running(self) -> bool:
        return self.entry.is_open


@dataclass(frozen=True, slots=True)
class DayBalance:
    """One employee's local day."""

    day: date
    target: timedelta
    worked: timedelta
    breaks: timedelta
    balance: timedelta  # the running balance at the end of this day
    holiday: Holiday | None = None
    absences: tuple[str, ...] = ()  # short codes of the absence types, e.g. "U", "K"
    entries: tuple[EntryTime, ...] = ()  # the entries starting on this day, in time order
    upcoming: bool = False  # after today: no target yet

    @property
    def difference(self) -> timedelta:
        return self.worked - self.target

    @property
    def first_start(self) -> datetime | None:
        return self.entries[0].entry.start if self.entries else None

    @property
    def last_end(self) -> datetime | None:
        """Where the day's work ended; None while an entry of it runs (or without any)."""
        if not self.entries or any(item.running for item in self.entries):
            return None
        return max(item.entry.end for item in self.entries)

    @property
    def running(self) -> bool:
        return any(item.running for item in self.entries)


@dataclass(frozen=True, slots=True)
class EmployeeBalance:
    """One employee's days over the range, and their sums."""

    user: str
    employee: Employee | None
    days: tuple[DayBalance, ...]
    computed_here: bool

    @property
    def name(self) -> str:
        """``First Last`` where the directory knows the user, else the user name."""
        return self.employee.full_name if self.employee is not None else self.user

    @property
    def personal_number(self) -> str:
        return self.employee.personal_number if self.employee is not None else ""

    @property
    def worked(self) -> timedelta:
        return sum((day.worked for day in self.days), _NONE)

    @property
    def target(self) -> timedelta:
        return sum((day.target for day in self.days), _NONE)

    @property
    def breaks(self) -> timedelta:
        return sum((day.breaks for day in self.days), _NONE)

    @property
    def difference(self) -> timedelta:
        return self.worked - self.target

    @property
    def entries(self) -> list[EntryTime]:
        return [item for day in self.days for item in day.entries]


@dataclass(frozen=True, slots=True)
class Balances:
    """Every employee's balance over ``days``; ``missing`` says, a sentence each, what
    TimeTrack would not give (the directory, reports, absences) and so is not here."""

    days: DayRange
    employees: tuple[EmployeeBalance, ...]
    computed_here: bool
    missing: tuple[str, ...] = ()

    def of(self, user: str) -> EmployeeBalance | None:
        wanted = user.casefold()
        return next((e for e in self.employees if e.user.casefold() == wanted), None)


def read_balances(
    client: TimeTrackClient,
    days: DayRange,
    *,
    user: str | None,
    zone: tzinfo,
    now: datetime,
    model: WorkingModel,
    shift: Shift | None = None,
) -> Balances:
    """Read what the balances of ``user`` (None: everyone) on ``days`` need, and compute them.

    Needs the attendances; ``users``, ``work_reports`` and ``absences`` are used where they
    can be read (see the module's notes).
    """
    missing: list[str] = []

    def optional(read: Callable[[], T], empty: T) -> T:
        try:
            return read()
        except UnavailableError as error:
            missing.append(str(error))
            return empty

    employees: list[Employee]
    if user is None:
        employees = optional(lambda: list_users(client), [])
    else:
        asked = user
        found = optional(lambda: find_user(client, asked), None)
        employees = [] if found is None else [found]
        user = asked if found is None else found.username  # as TimeTrack spells it
    since, until = days.utc_bounds(zone)
    entries = client.list_attendances(user=user, since=since, until=until)
    reports: list[DailyReport] | None = optional(
        lambda: list_daily_reports(client, days.first, days.last, user=user), None
    )
    absences: list[Absence] = []
    if reports is None:
        absences = optional(
            lambda: list_absences(client, user=user, first_day=days.first, last_day=days.last),
            [],
        )
    return compute_balances(
        days,
        entries,
        zone=zone,
        now=now,
        model=model,
        user=user,
        reports=reports,
        absences=absences,
        employees=employees,
        shift=shift,
        missing=missing,
    )


def compute_balances(
    days: DayRange,
    entries: Iterable[Attendance],
    *,
    zone: tzinfo,
    now: datetime,
    model: WorkingModel,
    user: str | None = None,
    reports: Sequence[DailyReport] | None = None,
    absences: Sequence[Absence] = (),
    employees: Sequence[Employee] = (),
    shift: Shift | None = None,
    missing: Sequence[str] = (),
) -> Balances:
    """The balances of ``user`` (None: everyone) from what was read; ``reports`` None means
    the server has none (the local ``model`` gives targets, holidays and absences)."""
    shift = shift or Shift(None)
    directory = {employee.username.casefold(): employee for employee in employees}
    by_user: dict[str, list[Attendance]] = {}
    spelling: dict[str, str] = {}
    for entry in sorted(entries, key=time_order):
        if days.first <= local_date(entry.start, zone) <= days.last:
            key = entry.user.casefold()
            by_user.setdefault(key, []).append(entry)
            spelling.setdefault(key, entry.user)
    reports_of: dict[str, dict[date, DailyReport]] = {}
    for report in reports or ():
        reports_of.setdefault(report.user.casefold(), {})[report.day] = report
        spelling.setdefault(report.user.casefold(), report.user)
    for absence in absences:
        spelling.setdefault(absence.user.casefold(), absence.user)
    for key, employee in directory.items():
        spelling[key] = employee.username
    if user is not None:
        keys = [user.casefold()]
        spelling.setdefault(user.casefold(), user)
    else:
        keys = list(by_user) + list(reports_of)
        if reports is None:  # the model applies to everyone in the directory, or absent
            keys += [key for key, employee in directory.items() if employee.enabled]
            keys += [absence.user.casefold() for absence in absences]
        keys = list(dict.fromkeys(keys))
    sums = _Sums(days, zone, now, shift, model, now.astimezone(zone).date())
    balances = [
        sums.employee(
            spelling[key],
            directory.get(key),
            by_user.get(key, []),
            reports_of.get(key, {}) if reports is not None else None,
            [a for a in absences if a.user.casefold() == key],
        )
        for key in keys
    ]
    balances.sort(key=_order)
    return Balances(days, tuple(balances), reports is None, tuple(missing))


@dataclass(frozen=True, slots=True)
class _Sums:
    """What every employee's days are computed with."""

    days: DayRange
    zone: tzinfo
    now: datetime
    shift: Shift
    model: WorkingModel
    today: date

    def employee(
        self,
        user: str,
        employee: Employee | None,
        entries: list[Attendance],
        reports: dict[date, DailyReport] | None,
        absences: list[Absence],
    ) -> EmployeeBalance:
        """One employee's days: ``entries`` in time order, ``reports`` None without any."""
        per_day = totals_by_day(entries, self.now, self.zone, self.shift)
        times: dict[date, list[EntryTime]] = {}
        for entry in entries:
            times.setdefault(local_date(entry.start, self.zone), []).append(
                EntryTime(
                    entry,
                    self.shift.worked_in(entry, self.now),
                    self.shift.break_in(entry, self.now),
                )
            )
        result: list[DayBalance] = []
        balance = _NONE
        for offset in range(self.days.days):
            day = self.days.first + timedelta(days=offset)
            if reports is not None:
                target, holiday, away = _reported(reports.get(day), self.model)
            else:
                target, holiday, away = _modelled(day, absences, self.model)
            upcoming = day > self.today
            if upcoming:
                target = _NONE
            figures = per_day.get(day, Totals(_NONE, _NONE, 0, 0))
            balance += figures.worked - target
            result.append(
                DayBalance(
                    day=day,
                    target=target,
                    worked=figures.worked,
                    breaks=figures.breaks,
                    balance=balance,
                    holiday=holiday,
                    absences=away,
                    entries=tuple(times.get(day, ())),
                    upcoming=upcoming,
                )
            )
        return EmployeeBalance(user, employee, tuple(result), reports is None)


def _reported(
    report: DailyReport | None, model: WorkingModel
) -> tuple[timedelta, Holiday | None, tuple[str, ...]]:
    """Target, holiday and absences of a day as TimeTrack reports it (none: nothing due)."""
    if report is None:
        return _NONE, None, ()
    holiday = None
    if report.holiday:
        holiday = model.holiday(report.day) or SOME_HOLIDAY
    away = tuple(a.short_name for a in report.absences if a.seconds > 0 or a.short_name)
    return timedelta(seconds=report.target_seconds), holiday, away


def _modelled(
    day: date, absences: list[Absence], model: WorkingModel
) -> tuple[timedelta, Holiday | None, tuple[str, ...]]:
    """Target, holiday and absences of a day by the local working model."""
    holiday = model.holiday(day)
    away = tuple(a.type_name or "?" for a in absences if a.approved and a.covers(day))
    target = _NONE if holiday is not None or away else model.hours_on(day)
    return target, holiday, away


def _order(balance: EmployeeBalance) -> tuple[str, str, str]:
    employee = balance.employee
    if employee is None:
        return ("\uffff", "", balance.user.casefold())  # unknown names after known ones
    return (employee.last_name.casefold(), employee.first_name.casefold(), balance.user)
