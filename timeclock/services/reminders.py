"""Which reminders are due at the desk: pure decisions, no Qt, no clock of its own.

The window (``timeclock.gui.reminder_driver``) asks :meth:`ReminderEngine.due` once a minute
and whenever a new status arrives, and shows what it returns. Four reminders, each for one
*occasion* and shown once for it (not every minute), unless snoozed, when it comes back once
the snooze ends and it still holds:

- still stamped in after ``remind_after_hours`` hours (the occasion: that open entry);
- still stamped in at ``remind_end_of_day`` (the occasion: that local day);
- an entry still open from an earlier day when TimeClock starts (the occasion: that entry);
- ``remind_no_break``: 6 h worked in the open entry without a break (that entry).

Reminders come only on working days (a day of the working model with target hours and no
public holiday of its state) and within ``remind_within`` on the local clock; what comes due
outside waits until the next time within. All instants are aware UTC datetimes; only the
comparisons with the settings' wall times are made on the local clock of ``zone``, so
a DST switch neither moves nor repeats a reminder.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TypeVar

from timeclock.domain.attendance import Attendance
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.domain.localtime import NonexistentLocalTimeError, local_date, to_utc
from timeclock.domain.shift import Shift
from timeclock.services.working_model import WorkingModel
from timeclock.store.settings import Settings

# Worked this long in one go, a break is due (ArbZG §4: more than 6 hours).
NO_BREAK_AFTER = timedelta(hours=6)
# A break shorter than this does not count as one (ArbZG §4: parts of at least 15 minutes).
SHORTEST_BREAK = timedelta(minutes=15)

_T = TypeVar("_T")
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])", re.ASCII)
_NUMBER = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{1,2})?", re.ASCII)


class Kind(enum.Enum):
    """The four reminders."""

    LONG_SHIFT = "long_shift"  # still stamped in after N hours
    END_OF_DAY = "end_of_day"  # still stamped in at the end of the day
    OPEN_FROM_EARLIER = "open_from_earlier"  # an entry open since an earlier day
    NO_BREAK = "no_break"  # 6 h worked without a break


class SettingProblem(enum.Enum):
    """Why a reminder setting cannot be read (the window words it)."""

    NOT_A_TIME = "not_a_time"  # not HH:MM from 00:00 to 23:59
    NOT_A_SPAN = "not_a_span"  # not HH:MM-HH:MM
    EMPTY_SPAN = "empty_span"  # from and to are the same time
    NOT_HOURS = "not_hours"  # not a number of hours from 1 to 24
    NOT_MINUTES = "not_minutes"  # not a whole number of minutes from 1 to 240


class ReminderSettingError(TimeClockError):
    """A reminder setting that cannot be read; ``problem`` says why (the settings page
    words it; the reminders use the default instead)."""

    kind = ErrorKind.SETUP

    def __init__(self, problem: SettingProblem, text: str) -> None:
        super().__init__(f"{text!r}: {problem.value}")
        self.problem = problem


def parse_clock(text: str) -> time:
    """``17:30`` (or ``17.30``, ``7:05``) as a wall time."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        raise ReminderSettingError(SettingProblem.NOT_A_TIME, text)
    return time(int(found[1]), int(found[2]))


def parse_within(text: str) -> tuple[time, time]:
    """``07:00-20:00`` as its two wall times; ``22:00-06:00`` runs over midnight."""
    parts = re.split(r"\s*[-\N{EN DASH}]\s*", text.strip())
    if len(parts) != 2:
        raise ReminderSettingError(SettingProblem.NOT_A_SPAN, text)
    try:
        first, last = parse_clock(parts[0]), parse_clock(parts[1])
    except ReminderSettingError:
        raise ReminderSettingError(SettingProblem.NOT_A_SPAN, text) from None
    if first == last:
        raise ReminderSettingError(SettingProblem.EMPTY_SPAN, text)
    return first, last


def parse_hours(text: str) -> timedelta:
    """``10`` or ``9,5`` hours, from 1 to 24."""
    value = text.strip()
    if not _NUMBER.fullmatch(value) or not 1 <= float(value.replace(",", ".")) <= 24:
        raise ReminderSettingError(SettingProblem.NOT_HOURS, text)
    return timedelta(hours=float(value.replace(",", ".")))


def parse_minutes(text: str) -> timedelta:
    """A whole number of minutes from 1 to 240 (a snooze)."""
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= 240:
        raise ReminderSettingError(SettingProblem.NOT_MINUTES, text)
    return timedelta(minutes=int(value))


@dataclass(frozen=True, slots=True)
class ReminderRules:
    """The reminder settings, read: ``None`` (or False) switches a reminder off."""

    after: timedelta | None = timedelta(hours=10)
    end_of_day: time | None = None
    open_at_start: bool = True
    no_break: bool = True
    within: tuple[time, time] = (time(6), time(22))
    snooze: timedelta = timedelta(minutes=15)


def rules_from(settings: Settings) -> ReminderRules:
    """The rules the settings describe; a value that cannot be read counts as its default
    (the settings dialog saves none, but the file may have been edited by hand)."""
    defaults = ReminderRules()
    return ReminderRules(
        after=_read(parse_hours, settings.remind_after_hours, defaults.after),
        end_of_day=_read(parse_clock, settings.remind_end_of_day, defaults.end_of_day),
        open_at_start=settings.remind_open_at_start.strip().lower() != "off",
        no_break=settings.remind_no_break.strip().lower() != "off",
        within=_read(parse_within, settings.remind_within, None) or defaults.within,
        snooze=_read(parse_minutes, settings.remind_snooze_minutes, None) or defaults.snooze,
    )


def _read(parse: Callable[[str], _T], text: str, default: _T | None) -> _T | None:
    """``text`` read by ``parse``; None for an empty text (off), ``default`` for one that
    cannot be read."""
    if not text.strip():
        return None
    try:
        return parse(text)
    except ReminderSettingError:
        return default


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder due now: what, about which entry, and since when it holds.

    ``occasion`` names what it is about (the entry's start, or the day), so that it is
    shown once for it; ``since`` is the instant it came due (for the end of the day, the
    set time; for a long shift, the entry's start plus the hours).
    """

    kind: Kind
    occasion: str
    entry: Attendance
    since: datetime
    worked: timedelta = timedelta()  # worked in the entry when it came due (breaks out)


class ReminderEngine:
    """Remembers what was shown and snoozed; decides what is due (see the module)."""

    def __init__(self, rules: ReminderRules, model: WorkingModel, zone: tzinfo) -> None:
        self.rules = rules
        self.model = model
        self.zone = zone
        self._shown: set[str] = set()
        self._snoozed: dict[str, datetime] = {}  # occasion: until when
        # The entries open since an earlier day at start (the first look): reminded of
        # once, when the first time within the reminder hours comes.
        self._at_start: list[Attendance] | None = None

    def carry_over(self, earlier: ReminderEngine) -> None:
        """Remember what ``earlier`` showed and snoozed (a new window of the same person:
        another language, new settings), so that nothing is shown twice and the start stays
        the start it was."""
        self._shown = set(earlier._shown)
        self._snoozed = dict(earlier._snoozed)
        self._at_start = None if earlier._at_start is None else list(earlier._at_start)

    @property
    def started(self) -> bool:
        """Whether the first look (the start, with a known status) was made."""
        return self._at_start is not None

    def next_due(
        self, shift: Shift, now: datetime, also_open: Iterable[Attendance] = ()
    ) -> Reminder | None:
        """The reminder to show now, marked as shown; the first call is the start.

        One at a time: when several are due, the most pressing comes first (an entry open
        since an earlier day, the end of the day, a long shift, no break) and the others
        at the next looks. ``shift`` is where the person stands, ``also_open`` their other
        open entries (stamped in at two desks); ``now`` an aware instant.
        """
        also_open = tuple(also_open)
        if self._at_start is None:
            today = local_date(now, self.zone)
            self._at_start = [
                entry
                for entry in (shift.entry, *also_open)
                if entry is not None
                and entry.is_open
                and local_date(entry.start, self.zone) < today
            ]
        if not self.reminds_at(now):
            return None
        found = [*self._open_from_earlier(shift, also_open), *self._of_shift(shift, now)]
        return next((reminder for reminder in found if self._take(reminder, now)), None)

    def snooze(self, reminder: Reminder, now: datetime) -> datetime:
        """Show ``reminder`` again after the snooze, if it still holds then; the instant."""
        until = now + self.rules.snooze
        self._snoozed[reminder.occasion] = until
        return until

    def reminds_at(self, now: datetime) -> bool:
        """Whether ``now`` is on a working day, within the reminder hours (local clock).

        Hours over midnight (``22:00-06:00``) belong to the day they begin on.
        """
        wall = now.astimezone(self.zone)
        first, last = self.rules.within
        if first < last:
            return first <= wall.time() < last and self.working_day(wall.date())
        if wall.time() >= first:
            return self.working_day(wall.date())
        return wall.time() < last and self.working_day(wall.date() - timedelta(days=1))

    def working_day(self, day: date) -> bool:
        """A day with target hours that is no public holiday."""
        return self.model.hours_on(day) > timedelta() and self.model.holiday(day) is None

    # -- the reminders ------------------------------------------------------------------

    def _open_from_earlier(self, shift: Shift, also_open: tuple[Attendance, ...]) -> list[Reminder]:
        if not self.rules.open_at_start or not self._at_start:
            return []
        still_open = {entry.start for entry in (shift.entry, *also_open) if entry is not None}
        return [
            Reminder(
                Kind.OPEN_FROM_EARLIER, _occasion(Kind.OPEN_FROM_EARLIER, entry), entry, entry.start
            )
            for entry in self._at_start
            if entry.start in still_open
        ]

    def _of_shift(self, shift: Shift, now: datetime) -> list[Reminder]:
        """The reminders of the open entry (none for one the start reminded of: its fix is
        to enter the end it had, not to stamp out now)."""
        entry = shift.entry
        if entry is None or (
            self.rules.open_at_start
            and any(entry.start == old.start for old in self._at_start or ())
        ):
            return []
        found: list[Reminder] = []
        end = self._end_of_day(now)
        if end is not None and entry.start < end <= now:
            day = local_date(now, self.zone)
            found.append(Reminder(Kind.END_OF_DAY, f"end_of_day:{day.isoformat()}", entry, end))
        if self.rules.after is not None and now - entry.start >= self.rules.after:
            since = entry.start + self.rules.after
            found.append(Reminder(Kind.LONG_SHIFT, _occasion(Kind.LONG_SHIFT, entry), entry, since))
        if (
            self.rules.no_break
            and not shift.on_break
            and shift.worked_time(now) >= NO_BREAK_AFTER
            and shift.break_time(now) < SHORTEST_BREAK
        ):
            worked = shift.worked_time(now)
            found.append(
                Reminder(Kind.NO_BREAK, _occasion(Kind.NO_BREAK, entry), entry, now, worked)
            )
        return found

    def _end_of_day(self, now: datetime) -> datetime | None:
        """Today's set end of the day as an instant. A wall time the clock skips (spring)
        counts from the end of the gap, one it shows twice (autumn) at its first."""
        if self.rules.end_of_day is None:
            return None
        wall = datetime.combine(local_date(now, self.zone), self.rules.end_of_day)
        try:
            return to_utc(wall, self.zone, prefer_first=True)
        except NonexistentLocalTimeError:
            # fold 0 reads a skipped time with the offset before the gap: past the gap.
            return wall.replace(tzinfo=self.zone, fold=0).astimezone(UTC)

    def _take(self, reminder: Reminder, now: datetime) -> bool:
        """Whether to show ``reminder`` now: never shown, or snoozed until now or before."""
        until = self._snoozed.get(reminder.occasion)
        if until is not None:
            if now < until:
                return False
            del self._snoozed[reminder.occasion]
            return True
        if reminder.occasion in self._shown:
            return False
        self._shown.add(reminder.occasion)
        return True


def _occasion(kind: Kind, entry: Attendance) -> str:
    """The entry's occasion: its user and start, which stay when it gets TimeTrack's id."""
    return f"{kind.value}:{entry.user.casefold()}:{entry.start.isoformat()}"
