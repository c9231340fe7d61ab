"""What the entry dialog warns of while a person types: the *Needs attention* rules that a
new or corrected entry would break (an overlap with another entry of the user, a start in
the future, too little break for the day's net work).

They are judged by the rules themselves (:func:`~timeclock.domain.findings.find_all` over
the entry as typed and the user's other entries near it), so the dialog warns exactly
where *Needs attention* would list the entry; the figures of a short break come from
:mod:`~timeclock.domain.worktime_law`. A warning never blocks a save: the law allows
exceptions the desk cannot know of, and a correction may be made in several steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from timeclock.domain import worktime_law as law
from timeclock.domain.attendance import Attendance
from timeclock.domain.findings import Rule, find_all
from timeclock.domain.matching import same_user

# Entries further than this from the one typed can neither overlap it nor share its day
# (an entry lasts at most 24 hours; a local day at most 25).
NEARBY = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class Overlap:
    """The entry shares time with ``other``, another entry of the same user."""

    other: Attendance


@dataclass(frozen=True, slots=True)
class InFuture:
    """The entry starts after now (``start``)."""

    start: datetime


@dataclass(frozen=True, slots=True)
class ShortBreak:
    """ArbZG §4: the day of the entry has ``breaks`` for ``worked`` net time, less than the
    ``needed`` minimum; ``whole_day`` when other entries of that day count too."""

    worked: timedelta
    breaks: timedelta
    needed: timedelta
    whole_day: bool


EntryWarning = Overlap | InFuture | ShortBreak


def entry_warnings(
    entry: Attendance, others: Iterable[Attendance], *, zone: tzinfo, now: datetime
) -> list[EntryWarning]:
    """What *Needs attention* would find about ``entry`` (as typed) among ``others``.

    ``others`` may hold anyone's entries and ``entry``'s own former version: only the same
    user's other entries near it count. Future first, then overlaps in time order, then
    a short break.
    """
    mine = [
        other
        for other in others
        if other.ref != entry.ref
        and same_user(other.user, entry.user)
        and entry.start - NEARBY < other.start < entry.end + NEARBY
    ]
    warnings: list[EntryWarning] = []
    for finding in find_all([entry, *mine], zone=zone, now=now):
        if entry.ref not in finding.refs:
            continue
        if finding.rule is Rule.FUTURE:
            warnings.append(InFuture(entry.start))
        elif finding.rule is Rule.OVERLAP:
            other = next(each for each in finding.entries if each.ref != entry.ref)
            warnings.append(Overlap(other))
        elif finding.rule is Rule.BREAK:
            spans = [law.span_of(each, zone, now) for each in finding.entries]
            (day,) = law.work_days(spans, now)
            needed = law.required_break(day.worked)
            warnings.append(ShortBreak(day.worked, day.breaks, needed, len(day.entries) > 1))
    return warnings
