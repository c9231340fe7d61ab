"""Which views of the outbox are out of date, because another program changed it.

The window shows what waits on this computer in two views: the status (the clock, the
footer's count, the problem bar) and the list (rows marked *not yet sent*). Each is
computed by a worker from the outbox as it was at that moment. Another program on this
desk (a ``timeclock sync`` in a terminal) may deliver, discard or queue changes at any
time; a view computed before is then untrue until it is computed again.

:class:`OutboxViews` remembers the outbox's fingerprint
(:class:`~timeclock.store.outbox_watch.OutboxWatch`) as each view began to be computed,
and tells which views are older than the outbox now. So a view is computed again exactly
when the outbox changed after it was read, by whichever program, and never merely
because it was looked at: this window's own change, made before its status is computed,
costs no second computation of the status.
"""

from __future__ import annotations

import enum
import threading

from timeclock.store.outbox_watch import OutboxWatch


class View(enum.Enum):
    """A view of what waits in the outbox."""

    STATUS = "status"  # where the user stands, how many changes wait and are held
    LIST = "list"  # the entries, with the rows not yet on TimeTrack marked


class OutboxViews:
    """The fingerprints the views were computed at; thread-safe (views are computed in a
    worker, the window looks for outdated ones in its own thread)."""

    def __init__(self, watch: OutboxWatch) -> None:
        self._watch = watch
        self._lock = threading.Lock()
        self._seen: dict[View, str] = {}

    def computing(self, view: View) -> None:
        """``view`` is computed now, from the outbox as it is now; call it before reading."""
        with self._lock:
            fingerprint = self._watch.fingerprint()
            if fingerprint is not None:
                self._seen[view] = fingerprint

    def outdated(self) -> set[View]:
        """The views computed before the outbox last changed (never those not computed
        yet). They count as computed again from now on: ask for each once."""
        with self._lock:
            fingerprint = self._watch.fingerprint()
            if fingerprint is None:
                return set()
            stale = {view for view, seen in self._seen.items() if seen != fingerprint}
            for view in stale:
                self._seen[view] = fingerprint
            return stale

    def close(self) -> None:
        """Let go of the outbox file."""
        self._watch.close()
