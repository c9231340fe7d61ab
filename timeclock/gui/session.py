"""The window's connection to TimeTrack: every request goes through here, off the GUI thread.

A :class:`ClockSession` owns the client for one account and user, and a
:class:`~timeclock.gui.tasks.TaskRunner` whose thread does all network and disk work.
Results come back as signals in the GUI thread; failures come back already worded for
people (:mod:`timeclock.gui.messages`), and also move the connection state.
"""

from __future__ import annotations

import enum
import itertools
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import MalformedResponseError, ServerError
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.backoff import Backoff
from timeclock.domain.corrections import Correction
from timeclock.domain.errors import TimeClockError
from timeclock.domain.gc_pause import FREEZE_FROM, collection_paused
from timeclock.domain.matching import same_instant, same_user
from timeclock.domain.timestamps import utc_now
from timeclock.gui.messages import explain, queued_message
from timeclock.gui.tasks import Failure, TaskRunner, describe
from timeclock.services.account import Account
from timeclock.services.changes import Listing, Outcome, Sent
from timeclock.services.desk import Desk, OutboxItem
from timeclock.services.directory import DirectoryService, DirectoryUnavailable, EmployeeDirectory
from timeclock.services.outbox_views import OutboxViews, View
from timeclock.services.stamping import Status
from timeclock.services.sync import DeliveryBusyError, Discarded, SyncReport
from timeclock.store.outbox_watch import OutboxWatch

if TYPE_CHECKING:  # the reports load with the export only
    from timeclock.services.report import MonthReport

Clock = Callable[[], datetime]

log = logging.getLogger(__name__)

# How often the window looks whether another program on this desk (a `timeclock sync`, a
# `timeclock stamp` in a terminal) changed the outbox; a look that finds nothing new costs
# one SQLite pragma.
OUTBOX_LOOK_MILLISECONDS = 1000
OUTBOX_WATCH_TIMER = "outboxWatch"  # that timer's object name
# How long a discard waits for a delivery on this desk (this window's or another
# program's) to end: the change must not be taken away while it is being sent.
DISCARD_WAIT_SECONDS = 5.0


class ConnectionState(enum.Enum):
    """How the window stands with the server."""

    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"  # the server cannot be reached
    REJECTED = "rejected"  # the key or secret was refused
    ERROR = "error"  # the server answered with an error


class ClockSession(QObject):
    """Stamping, breaks and entries of one user, run in a worker thread."""

    status_changed = Signal(object)  # Status
    entries_loaded = Signal(object)  # Listing, for the latest load_entries only
    entry_saved = Signal(object, bool)  # Attendance created or changed; not yet on TimeTrack
    changes_delivered = Signal()  # what waits here changed (went out, here or elsewhere): reload
    entry_deleted = Signal(str)  # the entry's reference (Attendance.ref)
    state_changed = Signal(object)  # ConnectionState
    problem = Signal(str, object)  # a message for people, and a retry callable or None
    notice = Signal(str)  # news for people that is no problem (a change saved here)
    change_held = Signal(object)  # OutboxItem a delivery held for a person to decide
    credentials_rejected = Signal()
    busy_changed = Signal(bool)
    outbox_changed = Signal(int, int, object)  # waiting, of them held, last delivery
    directory_loaded = Signal(object)  # EmployeeDirectory or DirectoryUnavailable

    def __init__(
        self,
        account: Account,
        desk: Desk | None = None,
        *,
        backoff: Backoff = Backoff(),  # noqa: B008 - immutable
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self._clock = clock
        self._client = TimeTrackClient(account.base_url, account.credentials)
        self._own_desk = desk is None  # tests: a desk in memory
        self._desk = desk if desk is not None else Desk(in_memory=True)
        self._time_clock = self._desk.clock(self._client, account.user)
        # Changes of other users' entries need a reason; all are journalled on this desk.
        self._changes = self._desk.changes(self._client, author=account.user, clock=clock)
        self._directory = DirectoryService(self._client)
        self._directory_asked = False
        self._backoff = backoff
        self._failed_deliveries = 0
        # Stamps wait in the outbox while TimeTrack cannot be reached; this timer tries
        # again, after longer pauses the longer the trouble lasts.
        self._delivery_timer = QTimer(self)
        self._delivery_timer.setSingleShot(True)
        self._delivery_timer.timeout.connect(self.deliver)
        self._runner = TaskRunner(self)
        self._runner.busy_changed.connect(self.busy_changed)
        # Other programs on this desk share the outbox file: what they deliver, discard or
        # queue must show here too, not only after this window's next own request.
        self._views = OutboxViews(OutboxWatch(self._desk.outbox_path, account.base_url))
        # The looks read the outbox file: off the GUI thread, and in a thread of their own
        # so that a slow request of the session's worker does not hold them up.
        self._watch_runner = TaskRunner(self, name="timeclock-outbox-watch")
        self._watch_timer = QTimer(self)
        self._watch_timer.setObjectName(OUTBOX_WATCH_TIMER)
        self._watch_timer.setInterval(OUTBOX_LOOK_MILLISECONDS)
        self._watch_timer.timeout.connect(self._look_at_outbox)
        if self._desk.outbox_path != ":memory:":
            self._watch_timer.start()
        self._loads = itertools.count(1)
        self._latest_load = 0
        self._lists_shown = 0  # lists from TimeTrack (or kept, offline) shown so far
        self.status: Status | None = None
        self.state = ConnectionState.CONNECTING

    @property
    def user(self) -> str:
        """The user who stamps at this desk."""
        return self.account.user

    def now(self) -> datetime:
        """The session's clock (tests set it)."""
        return self._clock()

    def close(self) -> None:
        """Stop the worker thread and close the connection; nothing runs afterwards."""
        self._delivery_timer.stop()
        self._watch_timer.stop()
        self._client.stop()  # a request under way ends now: closing waits for no server
        self._runner.shutdown()
        self._watch_runner.shutdown()
        self._views.close()
        self._client.close()
        if self._own_desk:
            self._desk.close()

    # -- the employee directory ----------------------------------------------------------

    @property
    def directory(self) -> EmployeeDirectory | DirectoryUnavailable | None:
        """The account's employee directory as loaded (None: not yet, or it failed)."""
        return self._directory.answer

    def load_directory(self) -> None:
        """Read the account's employees once (:attr:`directory_loaded` follows); later
        calls do nothing, unless the read failed (then it is asked again). A failure
        shows no message: the names are a help, and the list's own requests say what
        is wrong with the connection."""
        if self._directory_asked:
            return
        self._directory_asked = True

        def failed(failure: Failure) -> None:
            log.info("the employee directory could not be read: %s", failure.message)
            self._directory_asked = False  # the next look asks again

        self._runner.run(self._directory.load, self.directory_loaded.emit, failed)

    # -- stamping -----------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Ask the server where the user stands."""
        now = self.now()
        self._run(lambda: self._status(now), self._status_arrived, self.refresh_status)

    def stamp(self) -> None:
        """Stamp in, or out when stamped in (as far as the last known status says)."""
        now = self.now()
        stamped_in = self.status is not None and self.status.shift.stamped_in
        action = self._time_clock.stamp_out if stamped_in else self._time_clock.stamp_in

        def work() -> tuple[Attendance, bool, Status, SyncReport]:
            entry = action(now)  # queued, safe on disk, before any sending
            try:
                report = self._time_clock.deliver()
            except TimeClockError as trouble:  # queued already: the stamp is safe, not failed
                log.warning("delivering after a stamp failed: %s", trouble)
                report = SyncReport()
            # What this desk knows now: the status read for the stamp plus the stamp, not
            # another request (see TimeClock.status_after).
            status = self._status_after(report, now)
            # As it shows now: with TimeTrack's id once the stamp went out.
            shown = next(
                (
                    e
                    for e in status.recent
                    if same_user(e.user, entry.user) and same_instant(e.start, entry.start)
                ),
                entry,
            )
            waiting = shown.ref in self._changes.waiting_among([shown])
            return shown, waiting, status, report

        # The window disabled its buttons for this stamp: a new status enables them again.
        self._run(work, self._stamped, after_failure=self.refresh_status)

    def toggle_break(self) -> None:
        """Start a break, or end the running one."""
        now = self.now()
        on_break = self.status is not None and self.status.shift.on_break
        action = self._time_clock.end_break if on_break else self._time_clock.start_break

        def work() -> Status:
            action(now)
            return self._status(now)

        self._run(work, self._status_arrived, after_failure=self.refresh_status)

    def record_break(self, spans: list[tuple[datetime, datetime]]) -> None:
        """Add breaks that are over already (a locked screen the person called a break),
        each from start to end, to the break log as the break button does."""
        now = self.now()

        def work() -> Status:
            for start, end in spans:
                self._time_clock.record_break(start, end)
            return self._status(now)

        self._run(work, self._status_arrived, after_failure=self.refresh_status)

    def deliver(self) -> None:
        """Send what waits in the outbox now (the timer calls this after a failure)."""
        self._delivery_timer.stop()
        self._runner.run(self._time_clock.deliver, self._delivered, self._note_failure)

    def load_outbox(self, on_done: Callable[[list[OutboxItem]], None]) -> None:
        """The changes waiting on this computer, for the outbox dialog."""
        self._runner.run(self._changes.waiting, on_done, self._note_failure)

    def release_change(self, seq: int) -> None:
        """Let a held change be sent again, and try at once."""
        changes = self._changes
        self._runner.run(lambda: changes.retry(seq), lambda _: self.deliver(), self._note_failure)

    def discard_change(
        self,
        seq: int,
        on_done: Callable[[Discarded | None], None] | None = None,
        on_busy: Callable[[str], None] | None = None,
    ) -> None:
        """Take a waiting change off the outbox, through the delivery service.

        A create whose send had begun may have reached TimeTrack with its answer lost: it
        is looked for there first, and ``on_done`` learns what became of the change
        (:class:`~timeclock.services.sync.Discarded`: made on TimeTrack already, maybe
        made, or dropped; None when it no longer waited). ``on_busy`` gets the message
        when another delivery kept the outbox too long.

        After :meth:`close` (a dialog cancelled as the window closes) the change stays in
        the outbox, where the next start shows it: nothing is lost by closing.
        """
        if self._runner.is_shut_down:
            return
        deliverer = self._desk.deliverer(self._client)

        def work() -> Discarded | DeliveryBusyError | None:
            try:
                return deliverer.discard(seq, wait=DISCARD_WAIT_SECONDS)
            except DeliveryBusyError as busy:
                return busy

        def done(result: Discarded | DeliveryBusyError | None) -> None:
            if isinstance(result, DeliveryBusyError):
                if on_busy is not None:
                    on_busy(explain(result))
                return
            self.refresh_status()
            self.changes_delivered.emit()  # its row goes, or shows TimeTrack's entry
            if on_done is not None:
                on_done(result)

        self._runner.run(work, done, self._note_failure)

    def load_held_entry(
        self, item: OutboxItem, on_done: Callable[[Attendance | None], None]
    ) -> None:
        """The entry a held update is about, as TimeTrack has it now (None: it is gone)."""
        self._run(lambda: self._changes.held_entry(item), on_done)

    def _look_at_outbox(self) -> None:
        """Look (in the watch thread) whether another program changed the outbox; a look
        still under way is not doubled."""
        if not self._watch_runner.busy:
            self._watch_runner.run(self._views.outdated, self._outdated, _ignore_failure)

    def _outdated(self, outdated: set[View]) -> None:
        """Compute again what was shown before another program changed the outbox."""
        if View.STATUS in outdated:
            self.refresh_status()  # the clock, the footer, the problem bar
        if View.LIST in outdated:
            self.changes_delivered.emit()  # the list: rows no longer (or now) waiting

    def _status(self, now: datetime) -> Status:
        """Where the user stands (in the worker), noted as computed from the outbox now."""
        self._views.computing(View.STATUS)
        return self._time_clock.status(now)

    def _status_after(self, report: SyncReport, now: datetime) -> Status:
        """Where the user stands after a delivery pass (in the worker), as :meth:`_status`."""
        self._views.computing(View.STATUS)
        return self._time_clock.status_after(report, now)

    def _delivered(
        self, report: SyncReport, own: int | None = None, *, own_delivered: bool = False
    ) -> None:
        """After a delivery pass; ``own`` is the change a dialog sent and shows itself."""
        if report.delivered > int(own_delivered):
            # Changes made earlier went out: their rows now have TimeTrack's ids.
            self.changes_delivered.emit()
        if report.complete:
            self._failed_deliveries = 0
            # Entries made offline now have their server ids; what went out is known here
            # (TimeClock.status_after), so an edit saved costs no third request.
            now = self.now()
            self._run(
                lambda: self._status_after(report, now), self._status_arrived, self.refresh_status
            )
            return
        if report.failure is not None:
            self._note_failure(describe(report.failure))
            if not report.paused_for_credentials:
                self._retry_delivery(report.retry_after)
        elif report.busy_elsewhere:
            self._retry_delivery()  # another TimeClock is sending; look again shortly
        self._announce_held(report, own)
        self.refresh_status()

    def _announce_held(self, report: SyncReport, own: int | None = None) -> None:
        for held in report.newly_held:
            if held.seq != own:  # a dialog shows its own
                self.change_held.emit(held)

    def _retry_delivery(self, retry_after: float | None = None) -> None:
        delay = self._backoff.delay(self._failed_deliveries, retry_after)
        self._failed_deliveries += 1
        self._delivery_timer.start(int(delay * 1000))

    # -- entries ------------------------------------------------------------------------

    @property
    def lists_shown(self) -> int:
        """How many lists :meth:`load_entries` delivered (from TimeTrack, or kept while
        offline); a kept list shown at the start does not count."""
        return self._lists_shown

    def show_kept_entries(self, user: str, since: datetime, until: datetime) -> None:
        """Show the list of ``user`` that this desk kept (the last one TimeTrack answered,
        with what waits here applied) while :meth:`load_entries` asks: a window shows
        its list at once. Call it first: it is read before the requests queued after it,
        and dropped if a list from TimeTrack is shown by then."""
        shown = self._lists_shown

        def arrived(kept: Listing | None) -> None:
            if kept is not None and shown == self._lists_shown:
                self.entries_loaded.emit(kept)

        self._runner.run(
            lambda: self._changes.kept_listing(user, since, until), arrived, _ignore_failure
        )

    def load_entries(self, user: str | None, since: datetime, until: datetime) -> None:
        """Load entries starting in ``[since, until)`` of ``user`` (None: everyone's), with
        the changes still waiting here applied (a :class:`Listing`).

        Only the answer to the latest call is delivered; an older one arriving late is
        dropped, so the list always shows what was asked for last.
        """
        token = next(self._loads)
        self._latest_load = token

        def arrived(listing: Listing) -> None:
            if token == self._latest_load:
                self._lists_shown += 1
                self.entries_loaded.emit(listing)

        def work() -> Listing:
            self._views.computing(View.LIST)
            # A list makes many objects and no cycles: no collection walks them while they
            # are made (see domain.gc_pause). A long one is frozen after, or the next
            # collections would walk it (stalling the window each time); a short one is
            # not, as freezing keeps whatever cycles other threads dropped meanwhile.
            with collection_paused() as pause:
                listing = self._changes.listing(user, since, until)
                pause.freeze = len(listing.entries) >= FREEZE_FROM
            return listing

        self._run(
            work,
            arrived,
            lambda: self.load_entries(user, since, until),
            offline_in=lambda listing: listing.offline,
        )

    def create_entry(
        self,
        draft: AttendanceDraft,
        on_sent: Callable[[Sent], None],
        on_failed: Callable[[str], None],
        *,
        revising: int | None = None,
        reason: str = "",
    ) -> None:
        """Create an entry through the outbox; ``on_sent`` learns what became of it.

        ``revising`` puts the draft into that held create instead of queueing a new one;
        a ``reason`` (none is needed) is kept in the journal (an undone deletion says so).
        """
        self._send(
            lambda: self._changes.create(draft, revising=revising, reason=reason),
            on_sent,
            on_failed,
        )

    def update_entry(
        self,
        entry: Attendance,
        change: AttendanceChange,
        on_sent: Callable[[Sent], None],
        on_failed: Callable[[str], None],
        *,
        revising: int | None = None,
        reason: str = "",
    ) -> None:
        """Change ``entry`` (as the person saw it) through the outbox; another user's entry
        needs a ``reason`` (it goes into this desk's correction journal).

        The delivery sends the change only if TimeTrack still holds the entry as it was
        seen; if someone else changed or deleted it meanwhile, nothing is sent and the
        :class:`Sent` carries the :class:`~timeclock.domain.conflicts.Conflict`. The list
        learns the server's version at once (:attr:`entry_saved`, or :attr:`entry_deleted`
        for a gone entry).
        """
        self._send(
            lambda: self._changes.update(entry, change, revising=revising, reason=reason),
            on_sent,
            on_failed,
        )

    def delete_entry(
        self,
        entry: Attendance,
        on_sent: Callable[[Sent], None],
        on_failed: Callable[[str], None],
        *,
        reason: str = "",
    ) -> None:
        """Delete an entry through the outbox; the row goes once TimeTrack confirmed, or at
        once (marked nowhere, counted in the footer) while TimeTrack cannot be reached.
        Another user's entry needs a ``reason``, as for :meth:`update_entry`."""
        self._send(
            lambda: self._changes.delete(entry, reason=reason),
            on_sent,
            on_failed,
            deleting=entry.ref,
        )

    def load_journal(self, entry: Attendance, on_done: Callable[[list[Correction]], None]) -> None:
        """The correction journal of ``entry`` on this desk, oldest first (read in the
        worker: two files)."""
        self._run(lambda: self._changes.journal_of(entry), on_done)

    def with_corrections(self, report: MonthReport) -> MonthReport:
        """``report`` with this desk's corrections of its entries. For a worker thread (an
        export's): it reads two local files."""
        from timeclock.services.report_journal import with_corrections  # noqa: PLC0415

        changes = self._changes
        return with_corrections(report, changes.journal, changes.outbox, changes.base_url)

    def _send(
        self,
        work: Callable[[], Sent],
        on_sent: Callable[[Sent], None],
        on_failed: Callable[[str], None],
        *,
        deleting: str | None = None,
    ) -> None:
        def done(sent: Sent) -> None:
            if sent.outcome in (Outcome.DELIVERED, Outcome.QUEUED):
                queued = sent.outcome is Outcome.QUEUED
                if deleting is not None:
                    self.entry_deleted.emit(deleting)
                elif sent.entry is not None:
                    self.entry_saved.emit(sent.entry, queued)
                if queued:
                    self.notice.emit(queued_message(deleting is not None))
            elif sent.conflict is not None:
                if sent.conflict.current is None:
                    self.entry_deleted.emit(sent.conflict.base.ref)
                else:
                    self.entry_saved.emit(sent.conflict.current, False)
            self._delivered(sent.report, own=sent.seq, own_delivered=sent.on_server)
            on_sent(sent)

        def failed(failure: Failure) -> None:
            self._note_failure(failure)
            on_failed(explain(failure.error))

        self._runner.run(work, done, failed)

    # -- plumbing -----------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        retry: Callable[[], None] | None = None,
        *,
        after_failure: Callable[[], None] | None = None,
        offline_in: Callable[[Any], TimeClockError | None] | None = None,
    ) -> None:
        """Run ``work`` in the worker. ``offline_in`` tells of a result that was made
        from this desk's data because TimeTrack could not be reached (why, or None)."""

        def done(result: Any) -> None:
            offline = None if offline_in is None else offline_in(result)
            if offline is None:
                self._set_state(ConnectionState.ONLINE)
            else:
                self._note_failure(describe(offline))
            on_done(result)

        def failed(failure: Failure) -> None:
            self._note_failure(failure)
            self.problem.emit(explain(failure.error), retry)
            if after_failure is not None:
                after_failure()

        self._runner.run(work, done, failed)

    def _stamped(self, result: tuple[Attendance, bool, Status, SyncReport]) -> None:
        entry, waiting, status, report = result
        self.entry_saved.emit(entry, waiting)
        self._status_arrived(status)
        self._announce_held(report)
        if waiting and status.offline is None:
            # TimeTrack answered the status but the stamp did not go out (it failed, or
            # something here failed after it was saved): it is safe here all the same.
            self.notice.emit(queued_message(deletion=False))
        if report.delivered > int(report.complete):  # more than this stamp went out:
            self.changes_delivered.emit()  # the list learns TimeTrack's ids of them

    def _status_arrived(self, status: Status) -> None:
        self.status = status
        if status.offline is not None:
            self._note_failure(describe(status.offline))
            self.problem.emit(explain(status.offline), self.refresh_status)
        self.status_changed.emit(status)
        self.outbox_changed.emit(status.waiting, status.held, status.last_delivery)
        # Held changes wait for a person, not for the server: no retries for them alone.
        if status.waiting > status.held and not self._delivery_timer.isActive():
            self._retry_delivery()

    def _note_failure(self, failure: Failure) -> None:
        if failure.kind == "auth":
            self._set_state(ConnectionState.REJECTED)
            self.credentials_rejected.emit()
        elif failure.kind == "network":
            self._set_state(ConnectionState.OFFLINE)
        elif failure.is_bug or isinstance(failure.error, ServerError | MalformedResponseError):
            self._set_state(ConnectionState.ERROR)
        if failure.is_bug:
            # A bug, not a server's answer: the crash dialog (sys.excepthook) offers details.
            error = failure.error
            sys.excepthook(type(error), error, error.__traceback__)

    def _set_state(self, state: ConnectionState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


def _ignore_failure(_failure: Failure) -> None:
    """A look at the outbox that failed: the next one, a second later, tries again."""
