"""Stamping in and out and taking breaks for one user, against the server.

The server is the truth about the open entry, so every action first finds it again
(another desk may have stamped in or out meanwhile); the break log of the open entry is
kept on this desk (:mod:`timeclock.store.breaks`).

With an :class:`~timeclock.store.outbox.Outbox`, stamps are queued there first and sent by
:meth:`TimeClock.deliver`; while the server cannot be reached, the state comes from the
entries last seen on it plus what still waits, so stamping goes on offline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import MalformedResponseError, TimeTrackError
from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import BreakLog, Shift, find_open_entry
from timeclock.services.local_view import overlay, pending_entry, ref_of
from timeclock.services.sync import Deliverer, SyncReport
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox

# How far back an open entry is looked for: a shift someone forgot to stamp out of last
# week must still be found and closed, not left open under a new one.
OPEN_ENTRY_LOOKBACK = timedelta(days=31)
# Another desk's clock may run a little ahead of this one.
CLOCK_SKEW_ALLOWANCE = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Status:
    """The shift now, and the recent entries it was found among (for today's total).

    ``offline`` is why the server could not be asked (the state is then what this desk
    last saw, plus what waits in the outbox); ``waiting`` counts the changes not sent yet,
    ``held`` those of them that wait for a person (refused, or in conflict).
    """

    shift: Shift
    recent: list[Attendance]
    offline: TimeTrackError | None = None
    waiting: int = 0
    last_delivery: datetime | None = None  # when the outbox last got a change through
    held: int = 0  # of the waiting changes, those held for a person to decide


class TimeClock:
    """The time clock of one user."""

    def __init__(
        self,
        client: TimeTrackClient,
        user: str,
        breaks: BreakStore,
        outbox: Outbox | None = None,
    ) -> None:
        self.client = client
        self.user = user
        self.breaks = breaks
        self.outbox = outbox

    @property
    def base_url(self) -> str:
        """The API this clock stamps at."""
        return self.client.base_url

    def status(self, now: datetime) -> Status:
        """Where the user stands now, as the server and this desk's break log say."""
        offline: TimeTrackError | None = None
        try:
            entries = self.client.list_attendances(
                user=self.user,
                since=now - OPEN_ENTRY_LOOKBACK,
                until=now + CLOCK_SKEW_ALLOWANCE,
            )
        except TimeTrackError as error:
            if self.outbox is None or not server_unavailable(error):
                raise
            offline = error
            remembered = self.outbox.recall_recent(self.base_url, self.user)
            entries = remembered[0] if remembered is not None else []
        else:
            if self.outbox is not None:
                self.outbox.remember_recent(self.base_url, self.user, entries, fetched_at=now)
        waiting, held, last_delivery = 0, 0, None
        if self.outbox is not None:
            items = self.outbox.items(self.base_url)
            waiting, held = len(items), sum(item.stuck for item in items)
            last_delivery = self.outbox.last_success(self.base_url)
            entries = overlay(entries, items, self.outbox, self.base_url)
        entry = find_open_entry(entries, self.user)
        shift = Shift(None) if entry is None else Shift(entry, self._break_log(entry))
        return Status(shift, entries, offline, waiting, last_delivery, held)

    def deliver(self) -> SyncReport:
        """Send what waits in the outbox (one pass; see :mod:`timeclock.services.sync`)."""
        if self.outbox is None:
            return SyncReport()
        return Deliverer(self.client, self.outbox).deliver()

    def _break_log(self, entry: Attendance) -> BreakLog | None:
        log = self.breaks.load(self.base_url, entry.id)
        if log is not None or self.outbox is None or entry.id < 0:
            return log
        # Stamped in offline: the breaks were logged under the local id until now.
        seq = self.outbox.created_by(self.base_url, entry.id)
        earlier = None if seq is None else self.breaks.load(self.base_url, -seq)
        if earlier is None:
            return None
        moved = replace(earlier, entry_id=entry.id)
        self.breaks.save(self.base_url, moved)
        return moved

    def shift(self, now: datetime) -> Shift:
        """The user's shift now (see :meth:`status`)."""
        return self.status(now).shift

    def stamp_in(self, now: datetime) -> Attendance:
        """Create the open entry; refused when already stamped in.

        With an outbox the entry is queued (and shown with a local id until delivered).
        """
        draft = self.shift(now).stamp_in(self.user, now)
        if self.outbox is None:
            return self.client.create_attendance(draft)
        seq, _ = self.outbox.add_create(self.base_url, draft)
        return pending_entry(seq, draft)

    def stamp_out(self, now: datetime) -> Attendance:
        """Close the open entry with the breaks taken; refused when not stamped in."""
        shift = self.shift(now)
        change = shift.stamp_out(now)
        assert shift.entry is not None  # stamp_out refused otherwise
        if self.outbox is None:
            closed = self.client.update_attendance(shift.entry.id, change)
        else:
            ref = ref_of(shift.entry, self.outbox, self.base_url)
            self.outbox.add_update(self.base_url, ref, change)
            closed = change.applied_to(shift.entry)
        self.breaks.clear(self.base_url, shift.entry.id)
        return closed

    def start_break(self, now: datetime) -> BreakLog:
        """Start a break; refused when not stamped in or already on a break."""
        log = self.shift(now).start_break(now)
        self.breaks.save(self.base_url, log)
        return log

    def end_break(self, now: datetime) -> BreakLog:
        """End the running break; refused when none is running."""
        log = self.shift(now).end_break(now)
        self.breaks.save(self.base_url, log)
        return log


def server_unavailable(error: TimeTrackError) -> bool:
    """Whether the state can be taken from this desk instead: the server cannot be reached,
    fails, or sent a garbled answer (a cut line, a proxy's page). The outbox's delivery
    treats these alike and tries again; a stamp must not be refused for them."""
    return error.retryable or isinstance(error, MalformedResponseError)
