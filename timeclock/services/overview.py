"""What the overview shows: every employee's days over a week or a month, and what on them
needs attention.

One call (:func:`read_overview`) reads the balances (:func:`~timeclock.services.balance.
read_balances`: target, worked, difference, running balance, holidays and absences per
local day) and the findings of *Needs attention* (:func:`~timeclock.services.attention.
needs_attention`) for the same days and user, and files the findings under each employee's
days. It blocks on the network: the window calls it in a worker thread.

The periods people step through are calendar weeks (Monday to Sunday) and calendar months
(:func:`period_of`, :func:`step_period`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from timeclock.api.client import TimeTrackClient
from timeclock.domain.findings import Finding, Rule
from timeclock.domain.localtime import FIRST_DAY, LAST_DAY
from timeclock.domain.ranges import DayRange, month_of
from timeclock.domain.shift import Shift
from timeclock.services.attention import needs_attention
from timeclock.services.balance import Balances, DayBalance, EmployeeBalance, read_balances
from timeclock.services.working_model import WorkingModel


class Period(enum.Enum):
    """How many days the overview shows at once."""

    WEEK = "week"
    MONTH = "month"


def period_of(anchor: date, period: Period) -> DayRange:
    """The calendar week (Monday to Sunday) or month that contains ``anchor``."""
    if period is Period.MONTH:
        return month_of(anchor)
    monday = max(FIRST_DAY, anchor - timedelta(days=anchor.weekday()))
    return DayRange(monday, min(LAST_DAY, monday + timedelta(days=6)))


def step_period(anchor: date, period: Period, steps: int) -> date:
    """``anchor`` moved by ``steps`` weeks or months (to the first of the month for
    months); kept within the calendar TimeClock computes with."""
    if period is Period.WEEK:
        moved = anchor.toordinal() + 7 * steps
        return date.fromordinal(min(max(moved, FIRST_DAY.toordinal()), LAST_DAY.toordinal()))
    months = anchor.year * 12 + anchor.month - 1 + steps
    year, month = divmod(months, 12)
    if year < FIRST_DAY.year:
        return FIRST_DAY
    if year > LAST_DAY.year:
        return LAST_DAY.replace(day=1)
    return max(FIRST_DAY, date(year, month + 1, 1))


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One employee's days, and the findings on each of them."""

    employee: EmployeeBalance
    findings: dict[date, tuple[Finding, ...]] = field(default_factory=dict)

    @property
    def user(self) -> str:
        return self.employee.user

    @property
    def name(self) -> str:
        return self.employee.name

    @property
    def days(self) -> tuple[DayBalance, ...]:
        return self.employee.days

    def findings_on(self, day: date) -> tuple[Finding, ...]:
        return self.findings.get(day, ())

    def left_open(self, day: date) -> bool:
        """Whether an entry of ``day`` is still open on a later day (forgot to stamp out)."""
        return any(finding.rule is Rule.OPEN for finding in self.findings_on(day))

    @property
    def flagged_days(self) -> int:
        """How many days have findings."""
        return sum(1 for found in self.findings.values() if found)


@dataclass(frozen=True, slots=True)
class Overview:
    """The days shown, one row per employee (in the balances' order: by last name)."""

    days: DayRange
    rows: tuple[OverviewRow, ...]
    today: date
    computed_here: bool
    missing: tuple[str, ...] = ()
    user: str | None = None  # whose days were asked for (None: everyone's)

    @property
    def team(self) -> bool:
        return self.user is None

    def row_of(self, user: str) -> OverviewRow | None:
        wanted = user.casefold()
        return next((row for row in self.rows if row.user.casefold() == wanted), None)


def build_overview(
    balances: Balances, findings: Iterable[Finding], *, today: date, user: str | None
) -> Overview:
    """The overview of ``balances`` with ``findings`` filed under their employee and day
    (findings of someone without a row are dropped: the balances have a row for everyone
    with an entry)."""
    filed: dict[str, dict[date, list[Finding]]] = {}
    for finding in findings:
        filed.setdefault(finding.user.casefold(), {}).setdefault(finding.date, []).append(finding)
    rows = tuple(
        OverviewRow(
            employee,
            {day: tuple(found) for day, found in filed.get(employee.user.casefold(), {}).items()},
        )
        for employee in balances.employees
    )
    return Overview(balances.days, rows, today, balances.computed_here, balances.missing, user)


def read_overview(
    client: TimeTrackClient,
    days: DayRange,
    *,
    user: str | None,
    zone: tzinfo,
    now: datetime,
    model: WorkingModel,
    shift: Shift | None = None,
) -> Overview:
    """The overview of ``user`` (None: everyone) on ``days``; the findings check the public
    holidays of the model's state. Blocks on the network."""
    balances = read_balances(client, days, user=user, zone=zone, now=now, model=model, shift=shift)
    findings = needs_attention(client, days, user=user, zone=zone, now=now, state=model.state)
    today = now.astimezone(zone).date()
    return build_overview(balances, findings, today=today, user=user)
