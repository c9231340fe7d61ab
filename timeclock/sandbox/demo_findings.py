"""What the demo office gives a manager to correct: one case for each view of *Needs attention*.

The regular demo days (:mod:`timeclock.sandbox.demo`) break no rule. Here a few entries of
the last working days take their place, counted back from today so that they stay recent
(this month's or last month's), whatever day the demo starts:

- ``open``: someone not stamped in today forgot to stamp out on the last working day;
- ``max-hours`` and ``break``: the demo user worked 11¼ hours with a 30-minute break on
  the last working day (his own list shows something to correct too);
- ``rest``: a late shift until 22:15 and an early one from 06:45 the next day;
- ``overlap``: a hand-made entry that overlaps a stamped one, the working day before;
- ``sunday``: a shift on the last Sunday; ``holiday``: a morning on the state's last public
  holiday (in summer that may be months back: Berlin has none from Whit Monday to 3 October).

A case's user has no other entry on its days: the regular ones are replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from timeclock.domain.holidays import is_holiday
from timeclock.sandbox.records import NewAttendance

SUNDAY = 6  # date.weekday()
OPEN_CANDIDATES = ("jonasf", "ivan", "sophiek", "mehmety")  # first one not in today
LONG_DAY_USER = "hansm"  # max-hours and break
OVERLAP_USER = "annak"
REST_USER = "lenab"
SUNDAY_USER = "mehmety"
HOLIDAY_USER = "tobiasw"
_HOLIDAY_SEARCH_DAYS = 366


@dataclass(frozen=True, slots=True)
class _Shift:
    """One entry of a case in local wall time: ``day`` from ``start`` to ``end`` (None:
    still open), with a break; ``manual`` ones were typed in by hand."""

    user: str
    day: date
    start: time
    end: time | None
    break_minutes: int = 0
    manual: bool = False
    notes: str = ""

    def entry(self, zone: ZoneInfo) -> NewAttendance:
        start = _at(self.day, self.start, zone)
        end = start if self.end is None else _at(self.day, self.end, zone)
        return NewAttendance(
            user=self.user,
            start=start,
            end=end,
            break_minutes=self.break_minutes,
            manual=self.manual,
            notes=self.notes,
        )


def with_findings(
    entries: list[NewAttendance], today: date, *, zone: ZoneInfo, state: str
) -> list[NewAttendance]:
    """``entries`` (the regular demo days) with the cases put in, before ``today``.

    The same arguments always give the same entries. ``state`` names the public holidays
    (the office's days off, which the regular days leave out).
    """
    stamped_in = {entry.user for entry in entries if _local_day(entry.start, zone) == today}
    shifts = list(_shifts(today, state, stamped_in))
    replaced = {(shift.user, shift.day) for shift in shifts}
    kept = [e for e in entries if (e.user, _local_day(e.start, zone)) not in replaced]
    return kept + [shift.entry(zone) for shift in shifts]


def _shifts(today: date, state: str, stamped_in: set[str]) -> Iterator[_Shift]:
    working = _working_days_before(today, state)
    last, before = next(working), next(working)
    open_user = next(user for user in OPEN_CANDIDATES if user not in stamped_in)
    yield _Shift(open_user, last, time(8, 4, 37), None)
    yield _Shift(LONG_DAY_USER, last, time(7, 0, 21), time(18, 45, 9), break_minutes=30)
    yield _Shift(OVERLAP_USER, before, time(8, 0, 12), time(16, 15, 40), break_minutes=30)
    yield _Shift(
        OVERLAP_USER,
        before,
        time(15, 30),
        time(16, 30),
        manual=True,
        notes="Nachtrag vergessen",
    )
    late, early = _consecutive_working_days(today, state)
    yield _Shift(REST_USER, late, time(13, 30, 5), time(22, 15, 44), break_minutes=45)
    yield _Shift(REST_USER, early, time(6, 45, 2), time(15, 0, 30), break_minutes=30)
    sunday = today - timedelta(days=(today.weekday() - SUNDAY) % 7 or 7)
    yield _Shift(SUNDAY_USER, sunday, time(10, 2, 11), time(14, 1, 50))
    holiday = next(
        day
        for back in range(1, _HOLIDAY_SEARCH_DAYS + 1)
        if is_holiday(day := today - timedelta(days=back), state) is not None
    )
    yield _Shift(HOLIDAY_USER, holiday, time(9, 0, 33), time(13, 2, 5))


def is_working_day(day: date, state: str) -> bool:
    """Monday to Friday and no public holiday of ``state``: a day the office works."""
    return day.weekday() < 5 and is_holiday(day, state) is None


def _working_days_before(today: date, state: str) -> Iterator[date]:
    day = today
    while True:
        day -= timedelta(days=1)
        if is_working_day(day, state):
            yield day


def _consecutive_working_days(today: date, state: str) -> tuple[date, date]:
    """The latest two working days before ``today`` that follow each other directly."""
    days = _working_days_before(today, state)
    later = next(days)
    for day in days:  # endless; every year has such a pair
        if later - day == timedelta(days=1):
            return day, later
        later = day
    raise AssertionError("unreachable")


def _at(day: date, wall: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, wall, zone).astimezone(UTC)


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()
