"""Deterministic demo attendances: a small office over the last 90 days.

Eight employees work Monday to Friday in Europe/Berlin local time, but not on Berlin's
public holidays; times are converted to UTC with zoneinfo, so entries on either side of a
DST switch keep their local hours. A few employees are stamped in today (open entries:
``from == to``, ``manual`` false). Some past entries are manual corrections with a German
note. The demo user :data:`DEMO_USER` is never stamped in, so the app starts stamped out.

These regular days break no rule of *Needs attention*; :func:`demo_data` adds the few cases
a manager should correct (:mod:`timeclock.sandbox.demo_findings`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from timeclock.sandbox.demo_findings import is_working_day, with_findings
from timeclock.sandbox.records import NewAttendance
from timeclock.sandbox.store import AttendanceStore

BERLIN = ZoneInfo("Europe/Berlin")
DEMO_STATE = "BE"  # the office is in Berlin: Berlin's public holidays are its days off
DEMO_USER = "hansm"
DEMO_SEED = 20201020
DAYS_BACK = 90
OPEN_ENTRY_COUNT = 3
CORRECTION_NOTES = (
    "Arzttermin",
    "Nachtrag vergessen",
    "Stempeln vergessen",
    "Dienstreise nach Hamburg",
    "Homeoffice, nachgetragen",
    "Pause nicht gestempelt",
    "Zeiten laut Absprache korrigiert",
)
_ABSENCE_RATE = 0.06  # holidays, sick days, vacation
_CORRECTION_RATE = 0.07


@dataclass(frozen=True, slots=True)
class Employee:
    """A demo employee; ``gps`` ones stamp from a phone and send coordinates."""

    login: str
    gps: bool = False


EMPLOYEES = (
    Employee(DEMO_USER),
    Employee("ivan"),
    Employee("annak"),
    Employee("tobiasw", gps=True),
    Employee("lenab"),
    Employee("mehmety", gps=True),
    Employee("sophiek"),
    Employee("jonasf"),
)
DEMO_USERS = tuple(employee.login for employee in EMPLOYEES)
_OFFICE = (52.520008, 13.404954)  # Berlin-Mitte


def demo_entries(
    today: date, *, now: datetime | None = None, seed: int = DEMO_SEED
) -> list[NewAttendance]:
    """The regular demo entries for the 90 days before ``today`` plus today's open entries.

    The same ``today`` and ``seed`` always give the same entries. With ``now`` (aware),
    open entries that would start after it are left out (those people are not in yet);
    ``now`` does not change anything else. On a weekend ``today`` has no entries.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    entries: list[NewAttendance] = []
    for days_ago in range(DAYS_BACK, 0, -1):
        day = today - timedelta(days=days_ago)
        if not is_working_day(day, DEMO_STATE):
            continue
        for employee in EMPLOYEES:
            if rng.random() < _ABSENCE_RATE:
                continue
            entries.append(_workday(rng, employee, day))
    stamped_in = rng.sample(EMPLOYEES[1:], OPEN_ENTRY_COUNT)
    if today.weekday() < 5:
        for employee in EMPLOYEES:
            if employee in stamped_in:
                entry = _open_entry(rng, employee, today)
                if now is None or entry.start <= now:
                    entries.append(entry)
    return entries


def demo_data(
    today: date, *, now: datetime | None = None, seed: int = DEMO_SEED
) -> list[NewAttendance]:
    """What the demo serves: the regular entries (:func:`demo_entries`) with the cases for
    *Needs attention* in place of some of them.

    The cases do not depend on ``now``: who forgot to stamp out is chosen among those not
    stamped in today, whether or not they are in yet. (``now`` leaves out the same entries
    as in :func:`demo_entries`: the cases all lie before today.)
    """
    regular = demo_entries(today, seed=seed)
    entries = with_findings(regular, today, zone=BERLIN, state=DEMO_STATE)
    return [entry for entry in entries if now is None or entry.start <= now]


def load_demo_data(
    store: AttendanceStore, today: date, *, now: datetime | None = None, seed: int = DEMO_SEED
) -> int:
    """Insert the demo's entries (:func:`demo_data`) into ``store``; returns how many."""
    return store.insert_many(demo_data(today, now=now, seed=seed))


def berlin_today(now: datetime | None = None) -> date:
    """The current (or ``now``'s) calendar day in Europe/Berlin."""
    return (now or datetime.now(UTC)).astimezone(BERLIN).date()


def _workday(rng: random.Random, employee: Employee, day: date) -> NewAttendance:
    manual = rng.random() < _CORRECTION_RATE
    start_minute = rng.randint(7 * 60, 9 * 60 + 30)
    second = rng.randint(0, 59)
    span = rng.randint(7 * 60, 9 * 60)
    break_minutes = rng.randint(30, 60)
    if manual:  # typed in by hand: round times, no GPS
        start_minute -= start_minute % 15
        second = 0
        span -= span % 15
        break_minutes -= break_minutes % 15
    start = _utc(day, start_minute, second)
    coordinates = _coordinates(rng, both_ends=True) if employee.gps and not manual else {}
    return NewAttendance(
        user=employee.login,
        start=start,
        end=start + timedelta(minutes=span),
        notes=rng.choice(CORRECTION_NOTES) if manual else "",
        manual=manual,
        break_minutes=break_minutes,
        **coordinates,
    )


def _open_entry(rng: random.Random, employee: Employee, day: date) -> NewAttendance:
    start = _utc(day, rng.randint(7 * 60, 9 * 60 + 30), rng.randint(0, 59))
    coordinates = _coordinates(rng, both_ends=False) if employee.gps else {}
    return NewAttendance(user=employee.login, start=start, end=start, **coordinates)


def _utc(day: date, minute_of_day: int, second: int) -> datetime:
    local = datetime.combine(day, time(minute_of_day // 60, minute_of_day % 60, second), BERLIN)
    return local.astimezone(UTC)


def _coordinates(rng: random.Random, *, both_ends: bool) -> dict[str, Any]:
    def near_office() -> tuple[float, float]:
        return (
            round(_OFFICE[0] + rng.uniform(-0.01, 0.01), 6),
            round(_OFFICE[1] + rng.uniform(-0.01, 0.01), 6),
        )

    latitude, longitude = near_office()
    found: dict[str, Any] = {"latitude_start": latitude, "longitude_start": longitude}
    if both_ends:
        latitude, longitude = near_office()
        found |= {"latitude_end": latitude, "longitude_end": longitude}
    return found
