"""Stamping in and out and taking breaks for one user, against the server.

The server is the truth about the open entry, so every action first finds it again
(another desk may have stamped in or out meanwhile); the break log of the open entry is
kept on this desk (:mod:`timeclock.store.breaks`).

With an :class:`~timeclock.store.outbox.Outbox`, stamps are queued there first and sent by
:meth:`TimeClock.deliver`; while the server cannot be reached, the state comes from the
entries last seen on it plus what still waits, so stamping goes on offline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import (
    AuthenticationError,
    MalformedResponseError,
    NetworkError,
    TimeTrackError,
)
from timeclock.domain.attendance import Attendance
from timeclock.domain.corrections import Action
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.domain.matching import whole_second
from timeclock.domain.refs import local_ref
from timeclock.domain.shift import BreakLog, Shift, find_open_entry, open_entries
from timeclock.services.local_view import overlay, pending_entry, ref_of
from timeclock.services.sync import Deliverer, SyncReport
from timeclock.store.breaks import BreakStore, BreakStoreError
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import Outbox, OutboxItem

# How far back an open entry is looked for: a shift someone forgot to stamp out of last
# week must still be found and closed, not left open under a new one.
OPEN_ENTRY_LOOKBACK = timedelta(days=31)
# Another desk's clock may run a little ahead of this one.
CLOCK_SKEW_ALLOWANCE = timedelta(hours=12)
# How long a stamp waits for another program on this desk that is deciding one right now.
STAMP_LOCK_WAIT_SECONDS = 30.0


class StampBusyError(TimeClockError):
    """Another TimeClock on this computer kept deciding a stamp for too long."""

    kind = ErrorKind.BUSY

    def __init__(self) -> None:
        super().__init__(
            "another TimeClock on this computer is stamping right now; nothing was stamped, "
            "try again in a moment"
        )


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
    # Open entries of the user besides the shift's own (stamped in at two desks at once):
    # each needs a person to close or delete it.
    also_open: tuple[Attendance, ...] = ()


class TimeClock:
    """The time clock of one user."""

    def __init__(
        self,
        client: TimeTrackClient,
        user: str,
        breaks: BreakStore,
        outbox: Outbox | None = None,
        *,
        journal: CorrectionJournal | None = None,
    ) -> None:
        self.client = client
        self.user = user
        self.breaks = breaks
        self.outbox = outbox
        # Stamps are changes of entries too: journalled (before they are queued) like a
        # correction, by the user, of their own entry.
        self.journal = journal
        # Whether the last look at the server (status) got an answer: only then is what
        # this desk knows after a delivery as good as asking again (status_after).
        self._seen_online = False

    @property
    def base_url(self) -> str:
        """The API this clock stamps at."""
        return self.client.base_url

    def status(self, now: datetime) -> Status:
        """Where the user stands now, as the server and this desk's break log say.

        What waits in the outbox is read *before* the server is asked: a change delivered
        in between then shows twice at worst (as sent and as waiting), never not at all,
        so a stamp decided on this status cannot miss a stamp another program just made.
        """
        items = self.outbox.items(self.base_url) if self.outbox is not None else []
        try:
            entries = self.client.list_attendances(
                user=self.user,
                since=now - OPEN_ENTRY_LOOKBACK,
                until=now + CLOCK_SKEW_ALLOWANCE,
            )
        except TimeTrackError as error:
            if self.outbox is None or not server_unavailable(error):
                raise
            self._seen_online = False
            return self._known(items, offline=error)
        self._seen_online = True
        if self.outbox is not None:
            self.outbox.recent.remember(self.base_url, self.user, entries, fetched_at=now)
        return self._shown(entries, items)

    def status_after(self, report: SyncReport, now: datetime) -> Status:
        """Where the user stands after a delivery pass of this desk (``report``), such as
        the one right after a stamp: without asking the server again where that can be
        helped (a stamp is then one read and one write).

        The entries last seen on the server get every delivered change in the same
        transaction that takes it off the outbox, so what this desk knows is the server's
        state as last read plus its own changes since. That is used when the last look at
        the server (:meth:`status`) got an answer and the pass met no failure; otherwise
        the server is asked again (it may answer reads while it fails a write, and after
        an offline status it may be back).
        """
        if self.outbox is not None and report.failure is None and self._seen_online:
            return self._known(self.outbox.items(self.base_url))
        return self.status(now)

    def _known(self, items: list[OutboxItem], offline: TimeTrackError | None = None) -> Status:
        """The status from the entries last seen on the server and what waits (``items``)."""
        assert self.outbox is not None
        remembered = self.outbox.recent.recall(self.base_url, self.user)
        return self._shown([] if remembered is None else remembered[0], items, offline)

    def _shown(
        self,
        entries: list[Attendance],
        items: list[OutboxItem],
        offline: TimeTrackError | None = None,
    ) -> Status:
        """The status of the server's ``entries`` with the waiting ``items`` applied."""
        waiting, held, last_delivery = 0, 0, None
        if self.outbox is not None:
            waiting, held = len(items), sum(item.stuck for item in items)
            last_delivery = self.outbox.sync_state.last_success(self.base_url)
            entries = overlay(entries, items, self.outbox, self.base_url)
        entry = find_open_entry(entries, self.user)
        shift = Shift(None) if entry is None else Shift(entry, self._break_log(entry))
        also_open = tuple(e for e in open_entries(entries, self.user) if e != entry)
        return Status(shift, entries, offline, waiting, last_delivery, held, also_open)

    def changes_waiting(self) -> list[OutboxItem]:
        """The changes saved on this desk and not yet on TimeTrack, oldest first."""
        return [] if self.outbox is None else self.outbox.items(self.base_url)

    def deliver(self, wait: float = 0.0) -> SyncReport:
        """Send what waits in the outbox (one pass; see :mod:`timeclock.services.sync`),
        waiting up to ``wait`` seconds for another delivery on this desk to end first."""
        if self.outbox is None:
            return SyncReport()
        return Deliverer(self.client, self.outbox).deliver(wait)

    def _break_log(self, entry: Attendance) -> BreakLog | None:
        log = self.breaks.load(self.base_url, entry.ref)
        if log is not None or self.outbox is None or entry.id is None:
            return log
        # Stamped in offline: the breaks were logged under the local reference until now.
        local = self.outbox.created.ref_of_entry(self.base_url, entry.id)
        earlier = None if local is None else self.breaks.load(self.base_url, local)
        if earlier is None:
            return None
        moved = replace(earlier, entry=entry.ref)
        self.breaks.save(self.base_url, moved, user=self.user)
        return moved

    def shift(self, now: datetime) -> Shift:
        """The user's shift now (see :meth:`status`)."""
        return self.status(now).shift

    def stamp_in(self, now: datetime) -> Attendance:
        """Create the open entry; refused when already stamped in.

        The stamp is taken at the whole second (what every server keeps), and decided
        under this desk's stamp lock: where the user stands is read and the stamp queued
        while no other program here can do the same. With an outbox the entry is queued
        (and shown with its local reference until delivered).
        """
        now = whole_second(now)
        with self._deciding():
            draft = self.shift(now).stamp_in(self.user, now)
            if self.outbox is None:
                return self.client.create_attendance(draft)
            ref = local_ref()
            entry = pending_entry(ref, draft)
            self._note(Action.CREATE, ref, None, entry, now)
            self.outbox.add_create(self.base_url, draft, ref=ref)
        return entry

    def stamp_out(self, now: datetime) -> Attendance:
        """Close the open entry with the breaks taken; refused when not stamped in.

        ``to`` always lies at least a second after ``from``: an entry closed at its start
        would read as still open. Where this desk's clock is behind the stamp in (another
        desk's runs ahead), the entry is closed that second after its start; the returned
        entry's end then lies after ``now``, which callers can tell the person.
        """
        now = whole_second(now)
        with self._deciding():
            shift = self.shift(now)
            change = shift.stamp_out(now)
            assert shift.entry is not None  # stamp_out refused otherwise
            if self.outbox is None:
                assert shift.entry.id is not None  # only an outbox holds entries not yet sent
                closed = self.client.update_attendance(shift.entry.id, change)
            else:
                ref = ref_of(shift.entry, self.outbox, self.base_url)
                closed = change.applied_to(shift.entry)
                self._note(Action.UPDATE, ref, shift.entry, closed, now)
                self.outbox.add_update(self.base_url, ref, change)
        # Queued: what follows is housekeeping, and must not make the stamp look failed.
        with contextlib.suppress(BreakStoreError):
            self.breaks.clear(self.base_url, shift.entry.ref)
        return closed

    def start_break(self, now: datetime) -> BreakLog:
        """Start a break; refused when not stamped in or already on a break."""
        with self._deciding():
            log = self.shift(now).start_break(now)
            self.breaks.save(self.base_url, log, user=self.user)
        return log

    def end_break(self, now: datetime) -> BreakLog:
        """End the running break; refused when none is running."""
        with self._deciding():
            log = self.shift(now).end_break(now)
            self.breaks.save(self.base_url, log, user=self.user)
        return log

    def record_break(self, start: datetime, end: datetime) -> BreakLog:
        """Add a break from ``start`` to ``end`` that is over already (a locked screen the
        person called a break), as the break button would have logged it; time before the
        open entry's start does not count. Refused like :meth:`start_break` when not
        stamped in or on a break (a running break counts that time already)."""
        with self._deciding():
            shift = self.shift(end)
            begin = start if shift.entry is None else max(start, shift.entry.start)
            log = shift.start_break(min(begin, end)).ended(end)
            self.breaks.save(self.base_url, log, user=self.user)
        return log

    def _note(
        self,
        action: Action,
        ref: str,
        before: Attendance | None,
        after: Attendance,
        now: datetime,
    ) -> None:
        """Journal a stamp of the user's own entry at ``now`` (no reason needed)."""
        if self.journal is not None:
            self.journal.record(
                self.base_url,
                author=self.user,
                action=action,
                ref=ref,
                owner=after.user,
                before=before,
                after=after,
                at=now,
            )

    @contextmanager
    def _deciding(self) -> Iterator[None]:
        """Hold this desk's stamp lock (where there is an outbox to share with others)."""
        if self.outbox is None:
            yield
            return
        with self.outbox.stamping(STAMP_LOCK_WAIT_SECONDS) as allowed:
            if not allowed:
                raise StampBusyError
            yield


def server_unavailable(error: TimeTrackError) -> bool:
    """Whether the state can be taken from this desk instead: the server cannot be reached,
    fails, sent a garbled answer (a cut line, a proxy's page), refuses the key (it may have
    been regenerated) or shows a certificate this computer does not trust. The outbox keeps
    a change through all of these until they are fixed; a stamp must not be refused for
    them."""
    return (
        error.retryable
        or isinstance(error, MalformedResponseError | AuthenticationError)
        or (isinstance(error, NetworkError) and error.reason == "untrusted")
    )
