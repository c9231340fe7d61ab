"""The demo office's people: names, personal numbers, working models and absences.

The demo attendances (:mod:`timeclock.sandbox.demo`) leave some working days out; here
those days become absences, so the reports and the overviews agree with the list: runs of
three or more missed working days are vacation, shorter ones alternate between sick days
and vacation. Each employee also gets a vacation in the weeks ahead (one still waiting for
approval). The office is in Berlin, so Berlin's public holidays count.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Final

from timeclock.sandbox.demo import BERLIN, DAYS_BACK, DEMO_STATE, EMPLOYEES
from timeclock.sandbox.demo_findings import is_working_day
from timeclock.sandbox.directory import (
    APPROVED,
    PENDING,
    SICK,
    VACATION,
    Directory,
    WorkingModel,
)
from timeclock.sandbox.store import AttendanceStore

# login -> first name, last name, personal number, weekly hours, working days
_PEOPLE: Final = {
    "hansm": ("Hans", "Müller", 1001, 40.0, 5),
    "ivan": ("Ivan", "Petrov", 1002, 40.0, 5),
    "annak": ("Anna", "Kowalski", 1003, 40.0, 5),
    "tobiasw": ("Tobias", "Weber", 1004, 40.0, 5),
    "lenab": ("Lena", "Becker", 1005, 35.0, 5),
    "mehmety": ("Mehmet", "Y\u0131lmaz", 1006, 40.0, 5),
    "sophiek": ("Sophie", "Krüger", 1007, 32.0, 4),
    "jonasf": ("Jonas", "Fischer", 1008, 40.0, 5),
}
_LEADS: Final = frozenset({"annak"})
_ADMINS: Final = frozenset({"hansm"})


def demo_directory(store: AttendanceStore, today: date) -> Directory:
    """The demo's directory, its absences taken from the gaps in ``store``'s entries."""
    directory = Directory(state=DEMO_STATE, zone=BERLIN)
    for employee in EMPLOYEES:
        first, last, number, hours, days = _PEOPLE[employee.login]
        directory.add_user(
            employee.login,
            first,
            last,
            email=f"{employee.login}@example.com",
            personal_number=number,
            admin=employee.login in _ADMINS,
            team_lead=employee.login in _LEADS,
            model=WorkingModel.weekly(hours, days),
        )
    worked: dict[str, set[date]] = defaultdict(set)
    for entry in store.query():
        worked[entry.user].add(entry.start.astimezone(BERLIN).date())
    working_days = [
        today - timedelta(days=back)
        for back in range(DAYS_BACK, 0, -1)
        if is_working_day(today - timedelta(days=back), DEMO_STATE)
    ]
    short = 0
    for index, employee in enumerate(EMPLOYEES):
        for run in _runs([day for day in working_days if day not in worked[employee.login]]):
            kind = VACATION
            if len(run) < 3:
                kind = SICK if short % 2 == 0 else VACATION
                short += 1
            directory.add_absence(employee.login, run[0], run[-1], kind, APPROVED)
        start = _next_monday(today) + timedelta(weeks=2 + index % 4)
        status = PENDING if index == 1 else APPROVED
        directory.add_absence(employee.login, start, start + timedelta(days=4), VACATION, status)
    return directory


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive working days (a weekend between does not break a run)."""
    runs: list[list[date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days <= (3 if day.weekday() == 0 else 1):
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())
