"""Entries created, corrected and deleted by a person: through the outbox, then at once out.

Every change is queued in the :class:`~timeclock.store.outbox.Outbox` first (on disk before
anything is sent) and then one delivery pass runs. :class:`Sent` says what became of that
change: on TimeTrack now, waiting (the server cannot be reached), refused, or held as a
conflict with a change made elsewhere. A refused or conflicting change stays held in the
outbox, so nothing a person typed is lost; the caller decides whether to keep it there
(the outbox dialog's "Fix") or to withdraw it (a dialog still open with the values).

The list of entries comes through here too: the server's entries with what still waits
applied (:func:`~timeclock.services.local_view.overlay`), each marked if it is not yet on
TimeTrack as shown.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import AuthenticationError, NotFoundError, TimeTrackError
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.conflicts import Conflict
from timeclock.domain.corrections import Action, Correction, check_reason
from timeclock.domain.foreground import paced
from timeclock.domain.matching import same_user
from timeclock.domain.refs import local_ref, server_ref
from timeclock.domain.timestamps import utc_now
from timeclock.services.journal import corrections_of
from timeclock.services.local_view import lost_create, overlay, pending_entry, ref_of
from timeclock.services.stamping import server_unavailable
from timeclock.services.sync import Deliverer, Discarded, JustRead, SyncReport
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import Kind, Outbox, OutboxItem

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    """What became of a change after its delivery pass."""

    DELIVERED = "delivered"  # TimeTrack has it
    QUEUED = "queued"  # safe on this computer; sent once TimeTrack can be reached
    REFUSED = "refused"  # TimeTrack refused it (held in the outbox)
    CONFLICT = "conflict"  # the entry changed or went elsewhere meanwhile (held)


@dataclass(frozen=True, slots=True)
class Sent:
    """One change, queued as item ``seq``, and what its delivery pass made of it.

    ``entry`` is the entry as it shows now: the server's version once delivered, the
    intended one while it waits (a create's under its local reference), None for a delete.
    """

    seq: int
    outcome: Outcome
    entry: Attendance | None
    report: SyncReport
    refusal: TimeTrackError | None = None
    conflict: Conflict | None = None
    trouble: Exception | None = None  # a failure here after it was queued (it waits)

    @property
    def on_server(self) -> bool:
        """TimeTrack has the change."""
        return self.outcome is Outcome.DELIVERED


@dataclass(frozen=True, slots=True)
class Listing:
    """Entries as this desk sees them, and which of them show changes not yet sent.

    ``seen_at`` is set when the entries are those this desk last saw in a list of the user
    (read then), with the waiting changes applied: ``offline`` says why TimeTrack could
    not be asked, or is None for the list shown while TimeTrack is asked.
    """

    entries: list[Attendance]
    waiting: frozenset[str]  # refs of the entries with a change that still waits
    offline: TimeTrackError | None = None
    seen_at: datetime | None = None


class EntryChanges:
    """Creates, updates and deletes of one account's entries, queued and then delivered.

    With a ``journal`` every change is written there (who, when, which entry, before,
    after, why) before it is queued: a change whose line cannot be written is not made.
    ``author`` is the user of this desk's account: changing or deleting another user's
    entry then needs a ``reason`` (:func:`~timeclock.domain.corrections.check_reason`).
    """

    def __init__(
        self,
        client: TimeTrackClient,
        outbox: Outbox,
        *,
        delivery_wait: float = 0.0,
        journal: CorrectionJournal | None = None,
        author: str | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.client = client
        self.outbox = outbox
        # How long a change waits for another delivery on this desk (the window's timer
        # retries by itself; a command has no later chance and waits a little).
        self.delivery_wait = delivery_wait
        self.journal = journal
        self.author = author
        self.clock = clock  # when a change is made, for the journal

    @property
    def base_url(self) -> str:
        """The API the changes go to."""
        return self.client.base_url

    def create(
        self, draft: AttendanceDraft, *, revising: int | None = None, reason: str = ""
    ) -> Sent:
        """Create an entry; ``revising`` puts ``draft`` into that held create instead.

        A new entry needs no reason, for anyone; one given is kept in the journal."""
        reason = check_reason(draft.user, draft.user, reason)  # its length only
        made: list[str] = []  # the new entry's reference, once queued

        def queue() -> int:
            held = None if revising is None else self.outbox.item(revising)
            if held is not None and held.kind is Kind.CREATE:
                self._note(Action.CREATE, held.ref, draft.user, reason, after=draft)
                if self.outbox.revise(held.seq, draft=draft):
                    made.append(held.ref)
                    return held.seq
            ref = local_ref()
            self._note(Action.CREATE, ref, draft.user, reason, after=draft)
            seq, ref = self.outbox.add_create(self.base_url, draft, ref=ref)
            made.append(ref)
            return seq

        return self._send(queue, lambda _seq: pending_entry(made[0], draft))

    def update(
        self,
        entry: Attendance,
        change: AttendanceChange,
        *,
        revising: int | None = None,
        read: JustRead | None = None,
        reason: str = "",
    ) -> Sent:
        """Change ``entry``, as shown to the person; sent only if TimeTrack still has it so.

        An entry created on this desk and not yet on TimeTrack has no other version to
        compare with: its update just follows its create. ``read`` is TimeTrack's version
        of the entry as read just now (a command reads it to check and show the change):
        where ``entry`` is that version, the delivery that follows compares with that read
        instead of reading the entry again (see :class:`~timeclock.services.sync.JustRead`).

        Another user's entry needs a ``reason`` (:class:`~timeclock.domain.corrections.
        ReasonError` without one, before anything is queued).
        """
        reason = self._reason(entry.user, reason)
        base = None if entry.local_ref is not None else entry

        def queue() -> int:
            ref = entry.ref if revising is not None else ref_of(entry, self.outbox, self.base_url)
            after = change.applied_to(entry)
            self._note(Action.UPDATE, ref, entry.user, reason, before=entry, after=after)
            if revising is not None and self.outbox.revise(revising, change=change, base=base):
                return revising
            folded = self._fold_into_create(
                entry, lambda create: AttendanceDraft.of(change.applied_to(create))
            )
            if folded is not None:
                return folded
            ref = ref_of(entry, self.outbox, self.base_url)
            return self.outbox.add_update(self.base_url, ref, change, base=base)

        just_read = None if read is None or read.entry.id is None else {read.entry.id: read}
        return self._send(queue, lambda _seq: change.applied_to(entry), just_read)

    def update_unread(self, entry_id: int, change: AttendanceChange, *, reason: str = "") -> Sent:
        """Change the server's entry ``entry_id`` that could not be read just now (offline):
        nothing to check it against, so it is sent as it is once TimeTrack answers.

        Whose entry it is cannot be known here, so no reason is demanded; the journal
        keeps the change's fields and the reason given, if any."""
        ref = server_ref(entry_id)
        reason = check_reason("", "", reason)  # its length only

        def queue() -> int:
            self._note(Action.UPDATE, ref, "", reason, change=change)
            return self.outbox.add_update(self.base_url, ref, change)

        return self._send(queue, _nothing)

    def delete_unread(self, entry_id: int, *, reason: str = "") -> Sent:
        """Delete the server's entry ``entry_id`` that could not be read just now (whose
        it is cannot be known: as for :meth:`update_unread`)."""
        ref = server_ref(entry_id)
        reason = check_reason("", "", reason)

        def queue() -> int:
            self._note(Action.DELETE, ref, "", reason)
            return self.outbox.add_delete(self.base_url, ref)

        return self._send(queue, _nothing)

    def delete(self, entry: Attendance, *, reason: str = "") -> Sent:
        """Delete ``entry`` (once its create went out, for an entry made on this desk);
        another user's entry needs a ``reason``, as for :meth:`update`."""
        reason = self._reason(entry.user, reason)

        def queue() -> int:
            ref = ref_of(entry, self.outbox, self.base_url)
            self._note(Action.DELETE, ref, entry.user, reason, before=entry)
            folded = self._fold_into_create(entry, None)
            if folded is not None:
                return folded
            ref = ref_of(entry, self.outbox, self.base_url)
            base = None if entry.local_ref is not None else entry  # as for an update
            return self.outbox.add_delete(self.base_url, ref, base=base)

        return self._send(queue, lambda _seq: None)

    def _fold_into_create(
        self, entry: Attendance, redraft: Callable[[Attendance], AttendanceDraft] | None
    ) -> int | None:
        """Change (``redraft``) or drop (None) an entry made here that was never sent.

        Its create is then revised or discarded instead of being followed by an update or
        a delete: TimeTrack never sees a version nobody wanted. Only while no send of the
        create has begun (a begun one may be stored already), no other change of the entry
        waits behind it (it would apply on top), and no delivery runs (it could be sending
        the create right now); otherwise None, and the change is queued as usual. Returns
        the create's sequence number, which the outcome is then about.
        """
        ref = entry.local_ref
        if ref is None:
            return None
        with self.outbox.delivering() as allowed:
            if not allowed:
                return None
            items = [item for item in self.outbox.items(self.base_url) if item.ref == ref]
            create = next((item for item in items if item.kind is Kind.CREATE), None)
            if create is None or create.draft is None or create.attempts or len(items) > 1:
                return None
            if redraft is None:
                self.outbox.discard(create.seq)
            else:
                shown = create.draft.as_entry(local_ref=ref)
                self.outbox.revise(create.seq, draft=redraft(shown))
            return create.seq

    def held_entry(self, item: OutboxItem) -> Attendance | None:
        """The entry a held update is about, as TimeTrack has it now; None when it is gone."""
        entry_id = self.outbox.server_id(self.base_url, item.ref)
        if entry_id is None:
            return None
        try:
            return self.client.get_attendance(entry_id)
        except NotFoundError:
            return None

    def deliver(self, just_read: dict[int, JustRead] | None = None) -> SyncReport:
        """One delivery pass over everything that waits (``just_read``: entries read from
        TimeTrack just now, see :class:`~timeclock.services.sync.JustRead`)."""
        deliverer = Deliverer(self.client, self.outbox, just_read=just_read)
        return deliverer.deliver(self.delivery_wait)

    def waiting(self) -> list[OutboxItem]:
        """Every change saved here and not yet on TimeTrack, oldest first (held included)."""
        return self.outbox.items(self.base_url)

    def retry(self, seq: int) -> bool:
        """Let a held change go out with the next delivery; False if it no longer waits."""
        if self.outbox.item(seq) is None:
            return False
        self.outbox.release(seq)
        return True

    def discard(self, seq: int) -> Discarded | None:
        """Take a waiting change back (see :meth:`Deliverer.discard`)."""
        return Deliverer(self.client, self.outbox).discard(seq, self.delivery_wait)

    def last_delivery(self) -> datetime | None:
        """When a change last reached TimeTrack from this desk."""
        return self.outbox.sync_state.last_success(self.base_url)

    def listing(self, user: str | None, since: datetime, until: datetime) -> Listing:
        """The entries starting in ``[since, until)`` of ``user`` (None: everyone's), as the
        server has them with the waiting changes applied.

        A list of one user that TimeTrack answered is kept on this desk; when TimeTrack
        cannot be reached, the one kept is shown instead (marked ``offline``), so a
        restart without a network still shows what was seen. Without one kept, the
        error is raised as it came.
        """
        offline: TimeTrackError | None = None
        seen_at: datetime | None = None
        try:
            entries = self.client.list_attendances(user=user, since=since, until=until)
        except TimeTrackError as error:
            kept = None
            # Not for a rejected key: that needs a person now, not the list of before.
            if (
                user is not None
                and server_unavailable(error)
                and not isinstance(error, AuthenticationError)
            ):
                kept = self.outbox.seen.recall(self.base_url, user, since, until)
            if kept is None:
                raise
            (entries, seen_at), offline = kept, error
        else:
            if user is not None:
                self.outbox.seen.remember(
                    self.base_url, user, since, until, entries, fetched_at=self.clock()
                )
        return self._shown(entries, user, since, until, offline=offline, seen_at=seen_at)

    def kept_listing(self, user: str, since: datetime, until: datetime) -> Listing | None:
        """The list of ``user`` as this desk last saw it, with the waiting changes applied,
        without asking TimeTrack (None if none was kept): what a window shows at once,
        while it asks."""
        kept = self.outbox.seen.recall(self.base_url, user, since, until)
        if kept is None:
            return None
        entries, seen_at = kept
        return self._shown(entries, user, since, until, seen_at=seen_at)

    def _shown(
        self,
        entries: list[Attendance],
        user: str | None,
        since: datetime,
        until: datetime,
        *,
        offline: TimeTrackError | None = None,
        seen_at: datetime | None = None,
    ) -> Listing:
        """``entries`` (of ``user`` in ``[since, until)``) with the waiting changes."""
        items = [item for item in self.outbox.items(self.base_url) if not item.stuck]
        shown = [
            entry
            for entry in paced(overlay(entries, items, self.outbox, self.base_url))
            if (user is None or same_user(entry.user, user)) and since <= entry.start < until
        ]
        return Listing(shown, self.waiting_among(shown, items), offline, seen_at)

    def as_shown(self, entry: Attendance) -> Attendance:
        """The server's ``entry`` with the changes that wait for it applied: what this desk
        shows, so what a new change of it starts from (and is checked against).

        An edit that starts from the server's version while an earlier edit of the entry
        still waits would find, once that earlier one went out, the entry "changed since"
        and be held as a conflict with its own desk. An entry made by a create of this desk
        whose answer was lost shows as that create (with its local reference), so a change of it
        follows the create instead of naming the server's id, which would keep the create
        from recognising its entry and send it again. Where a waiting delete removes the
        entry from view, the server's version is kept: the delivery then decides.
        """
        items = [item for item in self.outbox.items(self.base_url) if not item.stuck]
        shown = {each.ref: each for each in overlay([entry], items, self.outbox, self.base_url)}
        if entry.ref in shown:
            return shown[entry.ref]
        for item in items:
            if item.kind is not Kind.CREATE or item.ref not in shown or not item.attempts:
                continue  # not a create that may have made this entry
            taken = self.outbox.known_ids(self.base_url, before=item.seq)
            if lost_create(item, [entry], taken) is not None:
                return shown[item.ref]
        return entry

    def waiting_among(
        self, entries: list[Attendance], items: list[OutboxItem] | None = None
    ) -> frozenset[str]:
        """The references (:attr:`Attendance.ref`) of those ``entries`` that show a change
        not yet on TimeTrack (one held for a person does not count: the entry shows as
        TimeTrack has it)."""
        if items is None:
            items = self.outbox.items(self.base_url)
        waiting_refs = {self._known_ref(item) for item in items if not item.stuck}
        return frozenset(
            entry.ref
            for entry in paced(entries)
            # With nothing waiting, no reference is written out for each of a long list.
            if entry.local_ref is not None or (waiting_refs and entry.ref in waiting_refs)
        )

    def journal_of(self, entry: Attendance) -> list[Correction]:
        """The journal of one entry as this desk shows it (by its server id, and by the
        local reference it had while its create waited), oldest first; empty without a
        journal. For a worker thread: it reads two files."""
        if self.journal is None:
            return []
        return corrections_of(
            self.journal, self.outbox, self.base_url, entry_id=entry.id, local=entry.local_ref
        )

    def _reason(self, owner: str, reason: str) -> str:
        """The reason for a change of ``owner``'s entry, checked (see ``author``)."""
        author = owner if self.author is None else self.author
        return check_reason(author, owner, reason)

    def _note(
        self,
        action: Action,
        ref: str,
        owner: str,
        reason: str,
        *,
        before: Attendance | None = None,
        after: Attendance | AttendanceDraft | None = None,
        change: AttendanceChange | None = None,
    ) -> None:
        """Write the change's line into the journal (before it is queued)."""
        if self.journal is None:
            return
        if isinstance(after, AttendanceDraft):
            after = pending_entry(ref, after)
        self.journal.record(
            self.base_url,
            author=self.author or "",
            action=action,
            ref=ref,
            owner=owner,
            before=before,
            after=after,
            change=change,
            reason=reason,
            at=self.clock(),
        )

    def _known_ref(self, item: OutboxItem) -> str:
        known = self.outbox.server_id(self.base_url, item.ref)
        return item.ref if known is None else server_ref(known)

    def _send(
        self,
        queue: Callable[[], int],
        intended: Callable[[int], Attendance | None],
        just_read: dict[int, JustRead] | None = None,
    ) -> Sent:
        seq = queue()
        try:
            report = self.deliver(just_read)
        except Exception as error:  # noqa: BLE001 - queued already: the change is safe
            log.warning("delivery after queuing change %s failed: %s", seq, error)
            return Sent(seq, Outcome.QUEUED, intended(seq), SyncReport(), trouble=error)
        if seq in report.conflicts:
            conflict = report.conflicts[seq]
            return Sent(seq, Outcome.CONFLICT, None, report, conflict=conflict)
        if seq in report.refused:
            return Sent(seq, Outcome.REFUSED, None, report, refusal=report.refused[seq])
        waiting = self.outbox.item(seq)
        if waiting is None:
            return Sent(seq, Outcome.DELIVERED, report.stored.get(seq), report)
        return Sent(seq, Outcome.QUEUED, intended(seq), report)


def _nothing(_seq: int) -> None:
    return None
