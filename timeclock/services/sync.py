"""Delivering the outbox to TimeTrack: in order, exactly once, never dropping a change.

One pass goes through the queued changes oldest first:

- A create that was sent before (its answer lost, or the program killed meanwhile) is
  first looked for on the server (same user, exactly the same ``from``) and adopted if
  there; only otherwise is it sent again. That is what makes a lost answer no duplicate.
- An update or delete of an entry created while offline waits for that entry's server id.
- Updates are idempotent by their content; a delete of an entry already gone is done.
- A failure that retrying may cure (no network, 5xx, 429, a garbled answer) ends the pass:
  the changes behind it keep their order. A refusal retrying cannot cure (400, 404 on an
  update) holds that item for a person and the pass goes on with the rest. 401/403 pause
  the whole outbox: the credentials must be fixed first; nothing is dropped.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import timedelta

from timeclock.api.client import TimeTrackClient
from timeclock.api.errors import (
    AuthenticationError,
    NotFoundError,
    RateLimitedError,
    TimeTrackError,
    ValidationError,
)
from timeclock.domain.attendance import Attendance, AttendanceDraft
from timeclock.store.outbox import Kind, Outbox, OutboxItem


@dataclass
class SyncReport:
    """What one delivery pass did and why it stopped."""

    delivered: int = 0
    waiting: int = 0  # still queued after the pass (stuck ones included)
    stuck: list[OutboxItem] = field(default_factory=list)
    failure: TimeTrackError | None = None  # what ended the pass early, if anything
    retry_after: float | None = None  # the server's wish, with a 429
    busy_elsewhere: bool = False  # another delivery was running; this one sent nothing

    @property
    def paused_for_credentials(self) -> bool:
        """The key or secret was refused: nothing more goes out until they are fixed."""
        return isinstance(self.failure, AuthenticationError)

    @property
    def complete(self) -> bool:
        """Everything went out."""
        return self.waiting == 0


class Deliverer:
    """Delivers one desk's outbox for one account through ``client``."""

    def __init__(self, client: TimeTrackClient, outbox: Outbox) -> None:
        self.client = client
        self.outbox = outbox

    def deliver(self) -> SyncReport:
        """One pass over the outbox (see the module's description).

        When another delivery runs at this moment (another process, another thread), this
        one sends nothing and says so: the other one delivers.
        """
        with self.outbox.delivering() as allowed:
            if not allowed:
                return SyncReport(
                    waiting=self.outbox.count(self.client.base_url), busy_elsewhere=True
                )
            return self._pass()

    def _pass(self) -> SyncReport:
        report = SyncReport()
        base_url = self.client.base_url
        for item in self.outbox.items(base_url):
            if item.stuck:
                report.stuck.append(item)
                continue
            try:
                if not self._deliver(item):
                    continue  # waits for an earlier create
            except (ValidationError, NotFoundError) as refusal:
                self.outbox.mark_stuck(item.seq, str(refusal))
                report.stuck.append(item)
                continue
            except TimeTrackError as failure:
                self.outbox.note_problem(item.seq, str(failure))
                report.failure = failure
                if isinstance(failure, RateLimitedError):
                    report.retry_after = failure.retry_after
                break
            report.delivered += 1
        report.waiting = self.outbox.count(base_url)
        return report

    def _deliver(self, item: OutboxItem) -> bool:
        """Send one item; False when it must wait for an earlier create."""
        base_url = self.client.base_url
        if item.kind == Kind.CREATE:
            assert item.draft is not None
            self._create(item, item.draft)
            return True
        entry_id = self.outbox.server_id(base_url, item.ref)
        if entry_id is None:
            return False
        self.outbox.begin_attempt(item.seq)
        if item.kind == Kind.UPDATE:
            assert item.change is not None
            self.client.update_attendance(entry_id, item.change)
        else:
            with contextlib.suppress(NotFoundError):  # already gone: what the delete wanted
                self.client.delete_attendance(entry_id)
        self.outbox.delivered(base_url, item.seq)
        return True

    def _create(self, item: OutboxItem, draft: AttendanceDraft) -> None:
        base_url = self.client.base_url
        if item.attempts > 0:
            existing = self.find_created(draft)
            if existing is not None:
                self.outbox.delivered(base_url, item.seq, created_id=existing.id)
                return
        self.outbox.begin_attempt(item.seq)
        created = self.client.create_attendance(draft)
        self.outbox.delivered(base_url, item.seq, created_id=created.id)

    def find_created(self, draft: AttendanceDraft) -> Attendance | None:
        """The entry an earlier send of ``draft`` created, if the server has it."""
        candidates = self.client.list_attendances(
            user=draft.user,
            since=draft.start,
            until=draft.start + timedelta(milliseconds=1),
        )
        return next(
            (
                entry
                for entry in candidates
                if entry.start == draft.start and entry.user == draft.user
            ),
            None,
        )
