"""What this desk keeps on disk: the outbox of changes and the break logs, opened once.

The command line and the window open a :class:`Desk` and get the services from it
(:class:`~timeclock.services.stamping.TimeClock`, :class:`~timeclock.services.changes.
EntryChanges`, :class:`~timeclock.services.sync.Deliverer`); they never write to the
outbox themselves (an import-linter contract keeps them from importing it), so every
change takes the one write path. The words for waiting changes (:class:`OutboxItem`,
:class:`Hold`, :class:`Kind`) are re-exported here for them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from timeclock.api.client import TimeTrackClient
from timeclock.domain.timestamps import utc_now
from timeclock.services.changes import EntryChanges
from timeclock.services.stamping import TimeClock
from timeclock.services.sync import Deliverer
from timeclock.store.breaks import BreakStore
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import UNREADABLE_PROBLEM, Hold, Kind, Outbox, OutboxItem, entry_id_of
from timeclock.store.paths import JOURNAL_FILE, OUTBOX_FILE, STATE_FILE

__all__ = [
    "UNREADABLE_PROBLEM",
    "Desk",
    "Hold",
    "Kind",
    "OutboxItem",
    "entry_id_of",
]


class Desk:
    """The outbox and the break logs of this desk (the data folder's files), of the demo
    (its own folder), or of a throwaway desk in memory (tests)."""

    def __init__(
        self,
        *,
        in_memory: bool = False,
        folder: Path | None = None,
        outbox: Outbox | None = None,
        breaks: BreakStore | None = None,
        journal: CorrectionJournal | None = None,
    ) -> None:
        """Open the data folder's files (or ones in memory, or in ``folder``: the demo's);
        ``outbox``, ``breaks`` and ``journal`` take files opened elsewhere instead (tests)."""

        def where(name: str) -> Path | str | None:
            if in_memory:
                return ":memory:"
            return None if folder is None else folder / name

        self.outbox = outbox if outbox is not None else Outbox(where(OUTBOX_FILE))
        try:
            self.breaks = breaks if breaks is not None else BreakStore(where(STATE_FILE))
        except BaseException:
            self.outbox.close()
            raise
        try:
            # The correction journal: every change made from this desk (see EntryChanges).
            self.journal = (
                journal if journal is not None else CorrectionJournal(where(JOURNAL_FILE))
            )
        except BaseException:
            self.breaks.close()
            self.outbox.close()
            raise

    @property
    def outbox_path(self) -> str:
        """The outbox file (``":memory:"`` for a desk in memory)."""
        return self.outbox.path

    def clock(self, client: TimeTrackClient, user: str) -> TimeClock:
        """The time clock of ``user`` at ``client``'s account."""
        return TimeClock(client, user, self.breaks, self.outbox, journal=self.journal)

    def changes(
        self,
        client: TimeTrackClient,
        *,
        author: str | None = None,
        delivery_wait: float = 0.0,
        clock: Callable[[], datetime] = utc_now,
    ) -> EntryChanges:
        """Entries created, corrected and deleted at ``client``'s account by ``author`` (the
        account's user: another user's entries then need a reason), journalled here with
        the time ``clock`` tells."""
        return EntryChanges(
            client,
            self.outbox,
            delivery_wait=delivery_wait,
            journal=self.journal,
            author=author,
            clock=clock,
        )

    def deliverer(self, client: TimeTrackClient) -> Deliverer:
        """Delivery of what waits for ``client``'s account."""
        return Deliverer(client, self.outbox)

    def close(self) -> None:
        """Close this thread's files (a desk in memory for good)."""
        self.journal.close()
        self.breaks.close()
        self.outbox.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
