"""The German Working Hours Act (ArbZG) as numbers: a day's work, its breaks, and the rest.

What counts, decided here once for every rule that asks:

- **A working day is the local day an entry starts on**, as the list and its totals count it
  (:mod:`timeclock.domain.totals`): a night shift from 22:00 to 06:00 is one working day's
  work, which is how the Act reads the daily working time of night work. Days are local in
  the zone given, so a day may be 23 or 25 hours long; all durations are real elapsed time
  (an entry from 00:00 to 10:00 on the day the clocks go forward lasts 9 hours).
- **Worked (net) time** is :meth:`Attendance.worked_until`: TimeTrack's ``workedMinutes``
  where it sent them (the figure payroll sees), else the span less the break.
- **Break time of a day** is the break minutes recorded in its entries plus every gap of at
  least 15 minutes between its entries. §4 lets the rest break be split into parts of at
  least 15 minutes each, and a person who stamps out for lunch and in again has taken that
  break as a gap, not as break minutes; a shorter gap is no rest break in the Act's sense
  and does not count. (How the recorded break minutes were split is not known; they count
  in full.)
- **Thresholds are on net time** and strict as the Act words them: more than 10 h (§3);
  more than 6 h needs at least 30 min of break, more than 9 h at least 45 min (§4);
  less than 11 h between the end of one day's work and the start of the next (§5).
- **An entry still running** (stamped in today and not yet out) counts up to ``now``: its
  day's worked time can only grow, so §3 is judged on it; the break rule waits until the
  day's entries are all closed, since the break may still come. An entry open since an
  earlier day, or one that starts in the future, has no end that means anything and is
  left out of these figures (it is a finding of its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from timeclock.domain.attendance import Attendance
from timeclock.domain.localtime import local_date

MAX_DAILY_WORK = timedelta(hours=10)  # §3
# §4: (more net work than, needs at least this much break), longest first.
BREAK_STEPS = (
    (timedelta(hours=9), timedelta(minutes=45)),
    (timedelta(hours=6), timedelta(minutes=30)),
)
SHORTEST_BREAK_PART = timedelta(minutes=15)  # §4: a rest break may be split into these
MIN_REST = timedelta(hours=11)  # §5


@dataclass(frozen=True, slots=True)
class WorkDay:
    """One user's entries starting on one local day, and what the Act measures of them.

    ``entries`` are in time order; ``last`` is the entry that ends last, at ``last_end``
    (``now`` for a running entry); ``running`` says whether one of them is still running.
    """

    day: date
    entries: tuple[Attendance, ...]
    worked: timedelta
    breaks: timedelta
    first_start: datetime
    last: Attendance
    last_end: datetime
    running: bool

    @property
    def user(self) -> str:
        """The user, as the first entry spells the name."""
        return self.entries[0].user


@dataclass(frozen=True, slots=True)
class Span:
    """An entry with the local day it starts on and where its time ends: its end, or
    ``now`` while it runs. Worked out once per entry for every rule that asks."""

    entry: Attendance
    day: date
    end: datetime


def span_end(entry: Attendance, now: datetime) -> datetime:
    """Where an entry's time ends: its end, or ``now`` while it runs (never before its start)."""
    return max(now, entry.start) if entry.is_open else entry.end


def span_of(entry: Attendance, zone: tzinfo, now: datetime) -> Span:
    """``entry`` as a :class:`Span` in ``zone`` at ``now``."""
    return Span(entry, local_date(entry.start, zone), span_end(entry, now))


def work_days(spans: Iterable[Span], now: datetime) -> list[WorkDay]:
    """One user's entries grouped into working days, in order of the day.

    ``spans`` are the entries the Act's figures count, in time order
    (:func:`~timeclock.domain.attendance.time_order`): closed ones and those running today
    (see the module's notes); the caller leaves out the others.
    """
    by_day: dict[date, list[Span]] = {}
    for span in spans:
        by_day.setdefault(span.day, []).append(span)
    return [_work_day(day, items, now) for day, items in sorted(by_day.items())]


def _work_day(day: date, spans: list[Span], now: datetime) -> WorkDay:
    if len(spans) == 1:  # most days: the same figures, without the sums
        (span,) = spans
        entry = span.entry
        return WorkDay(
            day=day,
            entries=(entry,),
            worked=entry.worked_until(now),
            breaks=timedelta(minutes=entry.break_minutes),
            first_start=entry.start,
            last=entry,
            last_end=span.end,
            running=entry.is_open,
        )
    worked = timedelta()
    break_minutes = 0
    gaps = timedelta()
    last = spans[0]
    running = False
    for span in spans:
        entry = span.entry
        worked += entry.worked_until(now)
        break_minutes += entry.break_minutes
        gap = entry.start - last.end  # from the latest end so far, in time order
        if gap >= SHORTEST_BREAK_PART:
            gaps += gap
        if span.end > last.end:
            last = span
        running = running or entry.is_open
    return WorkDay(
        day=day,
        entries=tuple(span.entry for span in spans),
        worked=worked,
        breaks=timedelta(minutes=break_minutes) + gaps,
        first_start=spans[0].entry.start,
        last=last.entry,
        last_end=last.end,
        running=running,
    )


def too_much_work(day: WorkDay) -> bool:
    """§3: more than 10 hours of net work on one day."""
    return day.worked > MAX_DAILY_WORK


def required_break(worked: timedelta) -> timedelta:
    """§4: the least break time for ``worked`` net time (none up to 6 hours)."""
    for more_than, needed in BREAK_STEPS:
        if worked > more_than:
            return needed
    return timedelta()


def too_little_break(day: WorkDay) -> bool:
    """§4: less break than the day's net work needs; not judged while an entry runs."""
    return not day.running and day.breaks < required_break(day.worked)


@dataclass(frozen=True, slots=True)
class ShortRest:
    """§5: too little rest between ``before`` (ending at ``ended``) and the first entry of
    ``day``."""

    day: WorkDay
    before: Attendance
    ended: datetime

    @property
    def rest(self) -> timedelta:
        """The time between the end of the earlier work and the start of this day's."""
        return self.day.first_start - self.ended


def short_rests(days: Iterable[WorkDay]) -> list[ShortRest]:
    """§5: each working day that starts less than 11 hours after the latest end of one
    user's earlier days' work.

    The latest end of all earlier days counts, not only the day before: an entry may run
    past the next midnight. A day that starts before that end overlaps it, which is a
    finding of its own, not a rest.
    """
    found = []
    last: WorkDay | None = None  # the earlier day whose work ended latest
    for day in days:
        if last is not None and timedelta() < day.first_start - last.last_end < MIN_REST:
            found.append(ShortRest(day, last.last, last.last_end))
        if last is None or day.last_end >= last.last_end:
            last = day
    return found
