"""The stamping rules: stamping in and out, and breaks in between.

TimeTrack has no notion of a running shift. The project's convention (see the README)
is that stamping in creates an entry with ``from = to = now`` and ``manual = false``, and
stamping out sets ``to`` and the break minutes. Breaks are timed on the desk that takes
them and sent with the stamp-out, so this module also models the break bookkeeping that
must survive between runs of the program.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft, time_order
from timeclock.domain.errors import TimeClockError
from timeclock.domain.matching import same_user

# The shortest entry a stamp out makes: one second (``to`` = ``from`` means "open").
SHORTEST_SHIFT = timedelta(seconds=1)


class StampProblem(enum.Enum):
    """Why a stamp does not fit the current state; ``value`` is the English sentence."""

    ALREADY_IN = "already stamped in"
    NOT_IN = "not stamped in"
    ON_BREAK = "a break is already running"
    NOT_ON_BREAK = "no break is running"


class StampError(TimeClockError, ValueError):
    """A stamp that does not fit the current state (stamping out when not stamped in...)."""

    def __init__(self, problem: StampProblem, since: datetime | None = None) -> None:
        text = problem.value + (f" since {since.isoformat()}" if since is not None else "")
        super().__init__(text)
        self.problem = problem
        self.since = since


@dataclass(frozen=True, slots=True)
class BreakLog:
    """Breaks taken during one open entry, kept locally until stamping out.

    ``entry`` is the open entry's reference (:attr:`Attendance.ref`); ``taken`` is the
    total of finished breaks; ``running_since`` is set while on a break.
    """

    entry: str
    taken: timedelta = timedelta()
    running_since: datetime | None = None

    @property
    def on_break(self) -> bool:
        """Whether a break is running now."""
        return self.running_since is not None

    def total(self, now: datetime) -> timedelta:
        """All break time so far, the running break counted up to ``now``."""
        running = now - self.running_since if self.running_since is not None else timedelta()
        return self.taken + max(timedelta(), running)

    def started(self, now: datetime) -> BreakLog:
        """This log with a break starting at ``now``."""
        if self.on_break:
            raise StampError(StampProblem.ON_BREAK)
        return replace(self, running_since=now)

    def ended(self, now: datetime) -> BreakLog:
        """This log with the running break ended at ``now``."""
        if self.running_since is None:
            raise StampError(StampProblem.NOT_ON_BREAK)
        return BreakLog(self.entry, self.total(now), None)


@dataclass(frozen=True, slots=True)
class Shift:
    """Where an employee stands: the open entry, if any, and its breaks."""

    entry: Attendance | None
    breaks: BreakLog | None = None

    @property
    def stamped_in(self) -> bool:
        """Whether the employee is stamped in."""
        return self.entry is not None

    @property
    def on_break(self) -> bool:
        """Whether the employee is stamped in and on a break."""
        return self.breaks is not None and self.breaks.on_break

    def break_time(self, now: datetime) -> timedelta:
        """Break time of this shift so far: what the server has plus what this desk timed."""
        if self.entry is None:
            return timedelta()
        local = self.breaks.total(now) if self.breaks is not None else timedelta()
        return timedelta(minutes=self.entry.break_minutes) + local

    def worked_time(self, now: datetime) -> timedelta:
        """Time worked in this shift so far, breaks excluded."""
        if self.entry is None:
            return timedelta()
        return max(timedelta(), now - self.entry.start - self.break_time(now))

    def worked_in(self, entry: Attendance, now: datetime) -> timedelta:
        """Time worked in ``entry``; for this shift's open entry with the desk's breaks."""
        if self.entry is not None and entry.ref == self.entry.ref:
            return self.worked_time(now)
        return entry.worked_until(now)

    def break_in(self, entry: Attendance, now: datetime) -> timedelta:
        """Break time of ``entry``; for this shift's open entry with the desk's breaks."""
        if self.entry is not None and entry.ref == self.entry.ref:
            return self.break_time(now)
        return timedelta(minutes=entry.break_minutes)

    def stamp_in(self, user: str, now: datetime) -> AttendanceDraft:
        """The open entry to create when stamping in at ``now``."""
        if self.entry is not None:
            raise StampError(StampProblem.ALREADY_IN, self.entry.start)
        return AttendanceDraft(user=user, start=now, end=now, manual=False)

    def stamp_out(self, now: datetime) -> AttendanceChange:
        """The update that closes the open entry at ``now``, a running break ended too."""
        if self.entry is None:
            raise StampError(StampProblem.NOT_IN)
        # Never at the start itself: an entry whose end is its start reads as still open.
        end = max(now, self.entry.start + SHORTEST_SHIFT)
        return AttendanceChange(end=end, break_minutes=rounded_minutes(self.break_time(end)))

    def start_break(self, now: datetime) -> BreakLog:
        """The break log once a break starts at ``now``."""
        if self.entry is None:
            raise StampError(StampProblem.NOT_IN)
        return (self.breaks or BreakLog(self.entry.ref)).started(now)

    def end_break(self, now: datetime) -> BreakLog:
        """The break log once the running break ends at ``now``."""
        if self.entry is None or self.breaks is None:
            raise StampError(StampProblem.NOT_ON_BREAK)
        return self.breaks.ended(now)


def open_entries(entries: Iterable[Attendance], user: str) -> list[Attendance]:
    """The user's open entries, oldest first (more than one: stamped in at two desks)."""
    return sorted(
        (entry for entry in entries if same_user(entry.user, user) and entry.is_open),
        key=time_order,
    )


def find_open_entry(entries: Iterable[Attendance], user: str) -> Attendance | None:
    """The user's most recent open entry, if any: the shift a restart must continue."""
    candidates = open_entries(entries, user)
    return candidates[-1] if candidates else None


def rounded_minutes(span: timedelta) -> int:
    """A duration in whole minutes, half a minute rounding up."""
    return int((span.total_seconds() + 30) // 60)
