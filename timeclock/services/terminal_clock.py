"""The shared terminal's requests: where an employee stands, and their stamps.

Each employee's stamps take the same path as the window's and the command line's: a
:class:`~timeclock.services.stamping.TimeClock` of the desk, for that employee's user name,
queued in the outbox first and then sent. These calls block (requests): the window runs
them in a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo

from timeclock.api.client import TimeTrackClient
from timeclock.domain.errors import TimeClockError
from timeclock.domain.localtime import local_date
from timeclock.domain.matching import whole_second
from timeclock.domain.timestamps import utc_now
from timeclock.domain.totals import worked_on
from timeclock.services.desk import Desk
from timeclock.services.directory import DirectoryService, DirectoryUnavailable
from timeclock.services.stamping import Status
from timeclock.services.sync import SyncReport
from timeclock.services.terminal import Action, People, Stamped, Standing

log = logging.getLogger(__name__)


class TerminalClock:
    """Looks up and stamps for any employee of one account, through ``desk``."""

    def __init__(
        self,
        desk: Desk,
        client: TimeTrackClient,
        zone: tzinfo,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.desk = desk
        self.client = client
        self.zone = zone
        self.clock = clock

    def people(self) -> People:
        """TimeTrack's employees, or none when the key may not read ``users`` (then
        user names are typed). Network errors propagate."""
        answer = DirectoryService(self.client).load()
        return People(None if isinstance(answer, DirectoryUnavailable) else answer)

    def standing(self, user: str) -> Standing:
        """Where ``user`` stands now (TimeTrack's entries and what waits here)."""
        shift = self.desk.clock(self.client, user).status(self.clock()).shift
        since = shift.entry.start if shift.entry is not None else None
        return Standing(shift.stamped_in, shift.on_break, since)

    def stamp(self, user: str, action: Action) -> Stamped:
        """Make ``action`` for ``user`` now: queued, then sent if TimeTrack answers."""
        now = whole_second(self.clock())
        clock = self.desk.clock(self.client, user)
        at = now
        if action is Action.IN:
            at = clock.stamp_in(now).start
        elif action is Action.OUT:
            at = clock.stamp_out(now).end
        elif action is Action.BREAK_START:
            clock.start_break(now)
        else:
            clock.end_break(now)
        try:
            report = clock.deliver()
        except TimeClockError as trouble:  # queued already: the stamp is safe, not failed
            log.warning("delivering after a terminal stamp failed: %s", trouble)
            report = SyncReport()
        status: Status = clock.status_after(report, now)
        worked = worked_on(local_date(now, self.zone), status.recent, status.shift, now, self.zone)
        return Stamped(action, at, worked, waiting=bool(clock.changes_waiting()))

    def deliver(self) -> SyncReport:
        """Send whatever still waits in the outbox for this account (any employee's)."""
        return self.desk.deliverer(self.client).deliver()
