"""Delivering the outbox to TimeTrack: in order, exactly once, never dropping a change.

One pass goes through the queued changes oldest first:

- A create that was sent before (its answer lost, or the program killed meanwhile) is
  first looked for on the server by its content (:mod:`timeclock.domain.matching`: user
  in any case, instants to the second, never an entry this desk already took for another
  change) and adopted if there; only otherwise is it sent again. That is what makes a
  lost answer no duplicate. When two entries fit, the create is held for a person.
- An update or delete of an entry created while offline waits for that entry's server id.
- An update made in a dialog carries the entry as the person saw it (its *base*). It is
  sent only if the server still holds the entry so: otherwise it is held as a conflict for
  the person to decide (:mod:`timeclock.domain.conflicts`), never sent over a change made
  elsewhere. An entry already holding what the update wants counts as updated: that is
  this desk's own earlier send whose answer was lost.
- Updates are idempotent by their content; a delete of an entry already gone is done.
- A failure that retrying may cure (no network, 5xx, 429, a garbled answer) ends the pass:
  the changes behind it keep their order. A refusal retrying cannot cure (400, 404 on an
  update) holds that item for a person and the pass goes on with the rest. 401/403 pause
  the whole outbox: the credentials must be fixed first; nothing is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import (
    AuthenticationError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    TimeTrackError,
    ValidationError,
)
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.conflicts import Conflict, differences, find_conflict
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.domain.matching import AmbiguousMatchError, find_made, second_bounds
from timeclock.store.outbox import Hold, Kind, Outbox, OutboxItem

_Answer = TypeVar("_Answer")

# What became of each change, in the log file: so that "not yet sent" can be explained
# afterwards (no entry's notes, only sequence numbers, references and reasons).
log = logging.getLogger(__name__)

CONFLICT_PROBLEM = "the entry was changed or deleted on TimeTrack since this edit began"
ORPHAN_PROBLEM = (
    "the new entry this change is about was discarded before it reached TimeTrack, "
    "so there is nothing to change; discard this change too"
)


# How long an entry read from TimeTrack right before its edit was queued stands for
# TimeTrack's current version in that edit's conflict check (see JustRead).
JUST_READ_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class JustRead:
    """An entry as TimeTrack answered a read of it, and when the read began
    (``time.monotonic()``).

    A command that reads an entry, queues an edit of it and delivers at once would
    otherwise read it twice. Given to a :class:`Deliverer`, the read is the conflict check
    of the first change of that entry in the pass, if the change was made from exactly
    this version (nothing waiting was applied over it) and the read is at most
    :data:`JUST_READ_SECONDS` old; otherwise the entry is read again, as always.
    """

    entry: Attendance
    at: float

    @property
    def fresh(self) -> bool:
        """Young enough to stand for TimeTrack's current version."""
        return time.monotonic() - self.at <= JUST_READ_SECONDS


class _OrphanedError(Exception):
    """A change of an entry made here whose create is gone: it can never be sent."""


class _ConflictFoundError(Exception):
    def __init__(self, conflict: Conflict) -> None:
        super().__init__(CONFLICT_PROBLEM)
        self.conflict = conflict


@dataclass
class SyncReport:
    """What one delivery pass did and why it stopped."""

    delivered: int = 0
    waiting: int = 0  # still queued after the pass (stuck ones included)
    stuck: list[OutboxItem] = field(default_factory=list)  # held, as they stand after it
    failure: TimeTrackError | None = None  # what ended the pass early, if anything
    retry_after: float | None = None  # the server's wish, with a 429
    busy_elsewhere: bool = False  # another delivery was running; this one sent nothing
    # By sequence number, for the items this pass dealt with:
    stored: dict[int, Attendance] = field(default_factory=dict)  # as the server holds it now
    refused: dict[int, TimeTrackError] = field(default_factory=dict)  # held: the refusal
    conflicts: dict[int, Conflict] = field(default_factory=dict)  # held: the conflict
    unsendable: set[int] = field(default_factory=set)  # held: ambiguous, or orphaned

    @property
    def paused_for_credentials(self) -> bool:
        """The key or secret was refused: nothing more goes out until they are fixed."""
        return isinstance(self.failure, AuthenticationError)

    @property
    def newly_held(self) -> list[OutboxItem]:
        """The items this pass held (refused, in conflict, ambiguous or orphaned); not
        those held before."""
        held_now = self.refused.keys() | self.conflicts.keys() | self.unsendable
        return [item for item in self.stuck if item.seq in held_now]

    @property
    def complete(self) -> bool:
        """Everything went out."""
        return self.waiting == 0


@dataclass(frozen=True, slots=True)
class Discarded:
    """What discarding a waiting change did.

    A create whose send had begun may have reached TimeTrack (its answer lost): it is
    looked up first. ``on_server`` is the entry it had made (then nothing was discarded on
    TimeTrack: the change was done already); ``unsure`` says why that could not be found
    out (then the entry may or may not be on TimeTrack).
    """

    item: OutboxItem
    on_server: Attendance | None = None
    unsure: TimeTrackError | AmbiguousMatchError | None = None


class DeliveryBusyError(TimeClockError):
    """Another program on this desk is delivering; the change may be on its way."""

    kind = ErrorKind.BUSY

    def __init__(self) -> None:
        super().__init__(
            "another TimeClock on this computer is sending changes right now; try again in a moment"
        )


class Deliverer:
    """Delivers one desk's outbox for one account through ``client``."""

    def __init__(
        self,
        client: TimeTrackClient,
        outbox: Outbox,
        *,
        just_read: Mapping[int, JustRead] | None = None,
    ) -> None:
        """``just_read``: entries (by server id) read from TimeTrack just before their
        changes were queued (see :class:`JustRead`)."""
        self.client = client
        self.outbox = outbox
        self._just_read = dict(just_read or {})

    def deliver(self, wait: float = 0.0) -> SyncReport:
        """One pass over the outbox (see the module's description).

        When another delivery runs at this moment (another process, another thread), this
        one waits up to ``wait`` seconds for it to end and then makes its own pass (the
        other may have begun before the newest change was queued). Past that it sends
        nothing and says so (``busy_elsewhere``).
        """
        with self.outbox.delivering(wait) as allowed:
            if not allowed:
                log.info("another delivery on this computer is running; this one sent nothing")
                return SyncReport(
                    waiting=self.outbox.count(self.client.base_url), busy_elsewhere=True
                )
            report = self._pass()
        for held in report.newly_held:
            log.warning("held #%d (%s of %s): %s", held.seq, held.kind, held.ref, held.problem)
        if report.failure is not None:
            log.warning("delivery stopped, %d waiting: %s", report.waiting, report.failure)
        log.info("delivery pass: %d sent, %d waiting", report.delivered, report.waiting)
        return report

    def discard(self, seq: int, wait: float = 10.0) -> Discarded | None:
        """Take the waiting change ``seq`` off the outbox (None if it no longer waits).

        Done under the delivery lock, so no delivery is sending it meanwhile; raises
        :class:`DeliveryBusyError` when another one keeps the lock past ``wait`` seconds.
        """
        with self.outbox.delivering(wait) as allowed:
            if not allowed:
                raise DeliveryBusyError
            item = self.outbox.item(seq)
            if item is None:
                return None
            if item.kind is Kind.CREATE and item.draft is not None and item.attempts > 0:
                try:
                    made = self.find_created(item.draft, item.seq)
                except (TimeTrackError, AmbiguousMatchError) as error:
                    self.outbox.discard(seq)
                    log.info("discarded #%d; it may have reached TimeTrack: %s", seq, error)
                    return Discarded(item, unsure=error)
                if made is not None:  # it is on TimeTrack: recorded as done, not dropped
                    self.outbox.delivered(self.client.base_url, seq, created_id=made.id)
                    log.info("#%d was on TimeTrack already as entry %d", seq, made.id)
                    return Discarded(item, on_server=made)
            self.outbox.discard(seq)
            log.info("discarded #%d (%s of %s)", seq, item.kind, item.ref)
            return Discarded(item)

    def _pass(self) -> SyncReport:
        report = SyncReport()
        base_url = self.client.base_url
        items = self.outbox.items(base_url)
        # The entries made here whose create still waits (or cannot be read): a change of
        # one waits for it; a change of any other local entry can never be sent.
        creating = {item.ref for item in items if item.kind in (Kind.CREATE, Kind.UNREADABLE)}
        for item in items:
            if item.stuck:
                report.stuck.append(item)
                continue
            try:
                stored = self._deliver(item, creating)
                if stored is None:
                    continue  # waits for an earlier create
            except (ValidationError, NotFoundError) as refusal:
                self.outbox.mark_stuck(item.seq, str(refusal))
                report.stuck.append(replace(item, hold=Hold.REFUSED, problem=str(refusal)))
                report.refused[item.seq] = refusal
                continue
            except AmbiguousMatchError as ambiguous:
                self.outbox.mark_stuck(item.seq, str(ambiguous), Hold.AMBIGUOUS)
                report.stuck.append(replace(item, hold=Hold.AMBIGUOUS, problem=str(ambiguous)))
                report.unsendable.add(item.seq)
                continue
            except _OrphanedError:
                self.outbox.mark_stuck(item.seq, ORPHAN_PROBLEM, Hold.ORPHANED)
                report.stuck.append(replace(item, hold=Hold.ORPHANED, problem=ORPHAN_PROBLEM))
                report.unsendable.add(item.seq)
                continue
            except _ConflictFoundError as conflicted:
                self.outbox.mark_stuck(item.seq, CONFLICT_PROBLEM, Hold.CONFLICT)
                report.stuck.append(replace(item, hold=Hold.CONFLICT, problem=CONFLICT_PROBLEM))
                report.conflicts[item.seq] = conflicted.conflict
                continue
            except TimeTrackError as failure:
                self.outbox.note_problem(item.seq, str(failure))
                report.failure = failure
                if isinstance(failure, RateLimitedError):
                    report.retry_after = failure.retry_after
                break
            report.delivered += 1
            log.info("delivered #%d (%s of %s)", item.seq, item.kind, item.ref)
            if isinstance(stored, Attendance):
                report.stored[item.seq] = stored
        report.waiting = self.outbox.count(base_url)
        return report

    def _deliver(self, item: OutboxItem, creating: set[str]) -> Attendance | bool | None:
        """Send one item: the entry as the server now holds it (True for a delete), or
        None when the item must wait for an earlier create (one of ``creating``)."""
        base_url = self.client.base_url
        if item.kind == Kind.CREATE:
            assert item.draft is not None
            return self._create(item, item.draft)
        entry_id = self.outbox.server_id(base_url, item.ref)
        if entry_id is None:
            if item.ref not in creating:
                raise _OrphanedError
            return None
        # A read made before the pass is good for the first change of its entry only.
        read = self._just_read.pop(entry_id, None)
        if item.kind == Kind.UPDATE:
            assert item.change is not None
            return self._update(item, entry_id, item.change, read)
        with contextlib.suppress(NotFoundError):  # already gone: what the delete wanted
            self._sending(item, lambda: self.client.delete_attendance(entry_id))
        self.outbox.delivered(base_url, item.seq)
        return True

    def _create(self, item: OutboxItem, draft: AttendanceDraft) -> Attendance:
        base_url = self.client.base_url
        if item.attempts > 0:
            existing = self.find_created(draft, item.seq)
            if existing is not None:
                self.outbox.delivered(base_url, item.seq, created_id=existing.id)
                return existing
        created = self._sending(item, lambda: self.client.create_attendance(draft))
        self.outbox.delivered(base_url, item.seq, created_id=created.id)
        return created

    def _update(
        self,
        item: OutboxItem,
        entry_id: int,
        change: AttendanceChange,
        read: JustRead | None = None,
    ) -> Attendance:
        if item.base is not None:
            current = self._current(entry_id, item.base, read)
            if current is not None and not differences(change.applied_to(item.base), current):
                self.outbox.delivered(self.client.base_url, item.seq)
                return current  # already so: an earlier send's answer was lost
            conflict = find_conflict(item.base, current, change)
            if conflict is not None:
                raise _ConflictFoundError(conflict)
        try:
            updated = self._sending(item, lambda: self.client.update_attendance(entry_id, change))
        except NotFoundError:
            if item.base is None:
                raise
            # Deleted between the read and the write: as much a conflict as before it.
            raise _ConflictFoundError(Conflict(item.base, None, change)) from None
        self.outbox.delivered(self.client.base_url, item.seq)
        return updated

    def _current(self, entry_id: int, base: Attendance, read: JustRead | None) -> Attendance | None:
        """TimeTrack's current version of the entry an edit made from ``base`` is about
        (None if it is gone): the read just made, if it still stands for it, else a read."""
        if read is not None and read.entry == base and read.fresh:
            return read.entry
        try:
            return self.client.get_attendance(entry_id)
        except NotFoundError:
            return None

    def _sending(self, item: OutboxItem, request: Callable[[], _Answer]) -> _Answer:
        """Send ``item`` by ``request``, counted as an attempt committed before it leaves.

        No connection at all (``unreachable``) means the request never left this computer:
        the attempt is taken back, so an entry made offline still counts as never sent
        (and a later correction or deletion of it can simply change or drop its create).
        """
        self.outbox.begin_attempt(item.seq)
        try:
            return request()
        except NetworkError as error:
            if error.reason == "unreachable":
                self.outbox.undo_attempt(item.seq)
            raise

    def find_created(self, draft: AttendanceDraft, seq: int) -> Attendance | None:
        """The entry an earlier send of ``draft`` created, if the server has it.

        Asked for by the second ``draft`` starts in (a server may keep whole seconds);
        entries this desk already took for other changes are no candidates, and two
        fitting ones raise :class:`~timeclock.domain.matching.AmbiguousMatchError`.
        """
        since, until = second_bounds(draft.start)
        candidates = self.client.list_attendances(user=draft.user, since=since, until=until)
        known = self.outbox.known_ids(self.client.base_url, before=seq)
        return find_made(draft, candidates, known=known)
