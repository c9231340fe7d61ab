"""Stamping in and out and taking breaks for one user, against the server.

The server is the truth about the open entry, so every action first finds it again
(another desk may have stamped in or out meanwhile); the break log of the open entry is
kept on this desk (:mod:`timeclock.store.breaks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import BreakLog, Shift, find_open_entry
from timeclock.store.breaks import BreakStore

# How far back an open entry is looked for: a shift someone forgot to stamp out of last
# week must still be found and closed, not left open under a new one.
OPEN_ENTRY_LOOKBACK = timedelta(days=31)
# Another desk's clock may run a little ahead of this one.
CLOCK_SKEW_ALLOWANCE = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Status:
    """The shift now, and the recent entries it was found among (for today's total)."""

    shift: Shift
    recent: list[Attendance]


class TimeClock:
    """The time clock of one user."""

    def __init__(self, client: TimeTrackClient, user: str, breaks: BreakStore) -> None:
        self.client = client
        self.user = user
        self.breaks = breaks

    def status(self, now: datetime) -> Status:
        """Where the user stands now, as the server and this desk's break log say."""
        entries = self.client.list_attendances(
            user=self.user,
            since=now - OPEN_ENTRY_LOOKBACK,
            until=now + CLOCK_SKEW_ALLOWANCE,
        )
        entry = find_open_entry(entries, self.user)
        if entry is None:
            return Status(Shift(None), entries)
        return Status(Shift(entry, self.breaks.load(self.client.base_url, entry.id)), entries)

    def shift(self, now: datetime) -> Shift:
        """The user's shift now (see :meth:`status`)."""
        return self.status(now).shift

    def stamp_in(self, now: datetime) -> Attendance:
        """Create the open entry; refused when already stamped in."""
        draft = self.shift(now).stamp_in(self.user, now)
        return self.client.create_attendance(draft)

    def stamp_out(self, now: datetime) -> Attendance:
        """Close the open entry with the breaks taken; refused when not stamped in."""
        shift = self.shift(now)
        change = shift.stamp_out(now)
        assert shift.entry is not None  # stamp_out refused otherwise
        closed = self.client.update_attendance(shift.entry.id, change)
        self.breaks.clear(self.client.base_url, shift.entry.id)
        return closed

    def start_break(self, now: datetime) -> BreakLog:
        """Start a break; refused when not stamped in or already on a break."""
        log = self.shift(now).start_break(now)
        self.breaks.save(self.client.base_url, log)
        return log

    def end_break(self, now: datetime) -> BreakLog:
        """End the running break; refused when none is running."""
        log = self.shift(now).end_break(now)
        self.breaks.save(self.client.base_url, log)
        return log
