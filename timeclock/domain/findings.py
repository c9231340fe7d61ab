"""What a manager must correct: the rules of *Needs attention*, over attendance entries.

Each rule names what it finds on a local day of one user (:class:`Rule`). The time rules
of the Working Hours Act (``max-hours``, ``break``, ``rest``) are measured as
:mod:`timeclock.domain.worktime_law` describes: per local day an entry starts on, on net
time, with gaps of 15 minutes or more counted as break. The others:

- ``open``: an entry stamped in on an earlier local day than today and not stamped out (a
  night shift still running after midnight shows here too, until it is stamped out).
- ``future``: an entry that starts after ``now``. It is this finding only: its times mean
  nothing yet for the other rules.
- ``overlap``: two entries of one user that share time (an entry running today lasts until
  ``now``), on the day the later one starts.
- ``sunday`` / ``holiday``: work on any part of a local Sunday, or of a public holiday of
  the given German state (:mod:`timeclock.domain.holidays`); an entry from Saturday 22:00
  to Sunday 06:00 works on the Sunday. With no state given, holidays are not checked.

Entries open since an earlier day and future entries are left out of every rule but their
own, except that an open entry worked on the day it was stamped in (``sunday``,
``holiday``). User names are compared ignoring case, as TimeTrack matches them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from timeclock.domain import finding_text as text
from timeclock.domain import worktime_law as law
from timeclock.domain.attendance import Attendance, time_order
from timeclock.domain.holidays import Holiday, check_state, is_holiday
from timeclock.domain.localtime import LAST_DAY, LATEST, local_date, start_of_day
from timeclock.domain.ranges import DayRange


class Rule(enum.Enum):
    """The rules, in the order findings of one day are listed; ``value`` is the name."""

    OPEN = "open"
    OVERLAP = "overlap"
    FUTURE = "future"
    MAX_HOURS = "max-hours"
    BREAK = "break"
    REST = "rest"
    SUNDAY = "sunday"
    HOLIDAY = "holiday"


SUNDAY = 6  # date.weekday()
_RULE_ORDER = {rule: number for number, rule in enumerate(Rule)}


@dataclass(frozen=True, slots=True)
class Finding:
    """Something to correct: whose, on which local day, by which rule, in which entries."""

    user: str
    date: date
    rule: Rule
    entries: tuple[Attendance, ...]
    detail_de: str
    detail_en: str

    @property
    def ids(self) -> list[int | None]:
        """The entries' server ids (None for an entry not yet sent)."""
        return [entry.id for entry in self.entries]

    @property
    def refs(self) -> list[str]:
        """The entries' references (:attr:`Attendance.ref`)."""
        return [entry.ref for entry in self.entries]

    def detail(self, language: str) -> str:
        """The sentence in ``language`` (``"de"``; anything else is English)."""
        return self.detail_de if language == "de" else self.detail_en


def find_all(
    entries: Iterable[Attendance],
    *,
    zone: tzinfo,
    now: datetime,
    state: str | None = None,
    days: DayRange | None = None,
) -> list[Finding]:
    """Every finding in ``entries`` (any users), on the local ``days`` if given.

    ``entries`` should reach back a day or two before ``days`` (the rest before the first
    day, an entry running into it); findings dated outside ``days`` are dropped. Sorted by
    day, user, rule and entries. ``state`` is a code of
    :data:`~timeclock.domain.holidays.STATES` (else :class:`~timeclock.domain.holidays.
    UnknownStateError`); None leaves public holidays unchecked.
    """
    if state is not None:
        check_state(state)
    found: list[Finding] = []
    midnights = _Midnights(zone)  # shared: everyone works on the same days
    for user_entries in _by_user(entries):
        found.extend(_of_user(user_entries, zone, now, state, midnights))
    if days is not None:
        found = [finding for finding in found if days.first <= finding.date <= days.last]
    return sorted(found, key=_order)


def _order(finding: Finding) -> tuple[date, str, int, list[str]]:
    return (finding.date, finding.user.casefold(), _RULE_ORDER[finding.rule], finding.refs)


def _by_user(entries: Iterable[Attendance]) -> Iterator[list[Attendance]]:
    users: dict[str, list[Attendance]] = {}
    for entry in entries:
        users.setdefault(entry.user.casefold(), []).append(entry)
    for user_entries in users.values():
        yield sorted(user_entries, key=time_order)


def _of_user(
    entries: list[Attendance],
    zone: tzinfo,
    now: datetime,
    state: str | None,
    midnights: _Midnights,
) -> Iterator[Finding]:
    today = local_date(now, zone)
    timed: list[law.Span] = []  # closed, or running today: what the time rules count
    begun: list[law.Span] = []  # every entry begun, for the days off
    for entry in entries:
        day = local_date(entry.start, zone)
        if entry.start > now:
            yield _finding(Rule.FUTURE, day, (entry,), text.in_future(entry, zone))
        elif entry.is_open and day < today:
            yield _finding(Rule.OPEN, day, (entry,), text.open_since(entry, zone))
            begun.append(law.Span(entry, day, entry.start))  # end unknown: its start only
        else:
            span = law.Span(entry, day, law.span_end(entry, now))
            timed.append(span)
            begun.append(span)
    yield from _overlaps(timed, zone)
    days = law.work_days(timed, now)
    yield from _day_rules(days)
    yield from _rests(days, zone)
    yield from _days_off(begun, zone, state, midnights)


def _finding(
    rule: Rule, day: date, entries: tuple[Attendance, ...], sentence: text.Sentence
) -> Finding:
    return Finding(
        user=entries[0].user,
        date=day,
        rule=rule,
        entries=entries,
        detail_de=sentence.de,
        detail_en=sentence.en,
    )


def _overlaps(spans: list[law.Span], zone: tzinfo) -> Iterator[Finding]:
    """Each pair of entries (in time order) that share time; one sweep over the starts."""
    active: list[law.Span] = []  # started, not yet ended
    for span in spans:
        start = span.entry.start
        active = [other for other in active if other.end > start]
        if span.end > start:
            for other in active:
                sentence = text.overlapping(other.entry, other.end, span.entry, span.end, zone)
                yield _finding(Rule.OVERLAP, span.day, (other.entry, span.entry), sentence)
            active.append(span)


def _day_rules(days: list[law.WorkDay]) -> Iterator[Finding]:
    for day in days:
        if law.too_much_work(day):
            sentence = text.too_many_hours(day.worked, law.MAX_DAILY_WORK, day.running)
            yield _finding(Rule.MAX_HOURS, day.day, day.entries, sentence)
        if law.too_little_break(day):
            needed = law.required_break(day.worked)
            sentence = text.too_little_break(day.worked, day.breaks, needed)
            yield _finding(Rule.BREAK, day.day, day.entries, sentence)


def _rests(days: list[law.WorkDay], zone: tzinfo) -> Iterator[Finding]:
    for short in law.short_rests(days):
        first = short.day.entries[0]
        sentence = text.too_little_rest(short.ended, first.start, law.MIN_REST, zone)
        yield _finding(Rule.REST, short.day.day, (short.before, first), sentence)


def _days_off(
    spans: list[law.Span], zone: tzinfo, state: str | None, midnights: _Midnights
) -> Iterator[Finding]:
    """``sunday`` and ``holiday``: per local day off, the entries that work on it."""
    working: dict[date, list[law.Span]] = {}
    holidays: dict[date, Holiday] = {}
    for span in spans:
        if span.end <= midnights.after(span.day):
            touched = [span.day]  # the usual case, without another look at the zone
        else:
            touched = local_days(span.entry.start, span.end, zone)
        for day in touched:
            holiday = is_holiday(day, state) if state is not None else None
            if holiday is not None:
                holidays[day] = holiday
            if holiday is not None or day.weekday() == SUNDAY:
                working.setdefault(day, []).append(span)
    for day, items in sorted(working.items()):
        found = tuple(span.entry for span in items)
        ends = tuple((span.entry, span.end) for span in items)
        if day.weekday() == SUNDAY:
            yield _finding(Rule.SUNDAY, day, found, text.on_sunday(ends, zone))
        if day in holidays and state is not None:
            holiday = holidays[day]
            sentence = text.on_holiday(
                ends, zone, state=state, name_de=holiday.name_de, name_en=holiday.name_en
            )
            yield _finding(Rule.HOLIDAY, day, found, sentence)


class _Midnights:
    """The instants at which local days end, each worked out once (a year has 365)."""

    def __init__(self, zone: tzinfo) -> None:
        self._zone = zone
        self._known: dict[date, datetime] = {}

    def after(self, day: date) -> datetime:
        """The instant ``day`` ends (the next one begins)."""
        end = self._known.get(day)
        if end is None:
            # After the calendar's last day nothing ends later (see localtime.LATEST).
            later = day + timedelta(days=1) if day <= LAST_DAY else None
            end = LATEST if later is None else start_of_day(later, self._zone)
            self._known[day] = end
        return end


def local_days(start: datetime, end: datetime, zone: tzinfo) -> list[date]:
    """The local days an entry's time ``[start, end)`` touches; its start day when it has
    no length (an entry ending at midnight does not touch the next day)."""
    first = local_date(start, zone)
    last = local_date(end, zone)
    if end > start and last > first and start_of_day(last, zone) >= end:
        last -= timedelta(days=1)
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
