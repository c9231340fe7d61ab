"""The entries a benchmark's sandbox holds: ``count`` entries of 50 people, one a day each.

Deterministic (a fixed seed), so every child knows what the server holds without asking:
the days span :func:`days` (calendar days in Europe/Berlin ending today, weekends
included, so today always has entries), and :data:`OWN_USER`, the window's own user, has
:func:`own_count` of them. Every tenth entry is a manual correction with a note; the
entries of every fifth person carry coordinates (the window then shows its location
column). The arithmetic here is plain Python; only :func:`entries` imports the sandbox.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from timeclock.sandbox import NewAttendance

ZONE_NAME = "Europe/Berlin"
ZONE = ZoneInfo(ZONE_NAME)
PEOPLE = 50
USERS = tuple(f"bench{number:02d}" for number in range(PEOPLE))
OWN_USER = USERS[0]  # the window's user: has an entry every day, today too
SEED = 9
NOTES = ("Arzttermin", "Nachtrag vergessen", "Dienstreise nach Hamburg", "Homeoffice")


def today(now: datetime | None = None) -> date:
    """The day the data ends on: today in Europe/Berlin (the children's ``TZ``)."""
    return (now or datetime.now(UTC)).astimezone(ZONE).date()


def day_count(count: int) -> int:
    """How many calendar days ``count`` entries span (50 a day)."""
    return max(1, math.ceil(count / PEOPLE))


def days(count: int, last: date) -> tuple[date, date]:
    """The first and last day of ``count`` entries ending on ``last``."""
    return last - timedelta(days=day_count(count) - 1), last


def own_count(count: int, person: int = 0) -> int:
    """How many of ``count`` entries belong to the ``person``-th user.

    Every day holds one entry of each person, but the oldest day only the first
    ``count % 50`` persons' when the count does not divide evenly.
    """
    full, rest = divmod(count, PEOPLE)
    return full + (1 if person < rest else 0)


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The UTC instants from the start of ``first`` to the start of the day after ``last``."""
    start = datetime.combine(first, time(), ZONE).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), ZONE).astimezone(UTC)
    return start, end


def wire_time(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS.fffZ``, the API's timestamps."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def entries(count: int, last: date) -> list[NewAttendance]:
    """The ``count`` entries ending on ``last``, newest day first."""

    rng = random.Random(SEED)  # noqa: S311 - reproducible test data, not security
    made: list[NewAttendance] = []
    full, rest = divmod(count, PEOPLE)
    for day_number in range(day_count(count)):
        day = last - timedelta(days=day_number)
        people = PEOPLE if day_number < full else rest
        for person in range(people):
            made.append(_entry(rng, USERS[person], day, located=person % 5 == 3))
    return made


def _entry(rng: random.Random, user: str, day: date, *, located: bool) -> NewAttendance:
    from timeclock.sandbox import NewAttendance  # noqa: PLC0415 - only the server needs it

    minute = rng.randint(7 * 60, 9 * 60 + 30)
    start = datetime.combine(day, time(minute // 60, minute % 60, rng.randint(0, 59)), ZONE)
    start = start.astimezone(UTC)
    manual = rng.random() < 0.1
    coordinates: dict[str, float] = {}
    if located and not manual:
        coordinates = {
            "latitude_start": round(52.52 + rng.uniform(-0.01, 0.01), 6),
            "longitude_start": round(13.40 + rng.uniform(-0.01, 0.01), 6),
            "latitude_end": round(52.52 + rng.uniform(-0.01, 0.01), 6),
            "longitude_end": round(13.40 + rng.uniform(-0.01, 0.01), 6),
        }
    return NewAttendance(
        user=user,
        start=start,
        end=start + timedelta(minutes=rng.randint(7 * 60, 9 * 60)),
        notes=rng.choice(NOTES) if manual else "",
        manual=manual,
        break_minutes=rng.randint(30, 60),
        **coordinates,
    )
