"""Noticing what other programs do to the outbox: a `timeclock sync` in a terminal, say.

The window shows the changes that wait on this computer (rows marked *not yet sent*, the
footer's count, a problem bar). Another program on this desk may deliver, discard or hold
them meanwhile, and the window must not go on showing what is no longer true. An
:class:`OutboxWatch` keeps one read connection to the outbox file and answers, cheaply
enough to be asked every second, for a fingerprint of the changes waiting for one account:
a view computed at one fingerprint is out of date once the fingerprint differs
(:mod:`timeclock.services.outbox_views`).

SQLite's ``PRAGMA data_version`` on a kept connection changes whenever another connection
committed, so most looks read no table at all. Because the window's own reads also commit
(the entries last seen are kept for offline use), a changed ``data_version`` only leads to
a look at the waiting changes themselves: their sequence numbers, holds and contents (not
their attempts or last failures, which change nothing the window shows), the last sequence
number ever given and the time of the last delivery. The last two only grow, so a change
queued and delivered (or discarded) between two looks is noticed too. A look that meets a
busy database has no fingerprint; the next one has.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

# A look never waits for another program's write: the next look comes soon enough.
_BUSY_TIMEOUT_SECONDS = 0.05
_NOTHING_WAITS = hashlib.sha256().hexdigest()  # the fingerprint of no rows


class OutboxWatch:
    """Reads a fingerprint of the changes waiting for ``base_url`` in the outbox at
    ``path``: equal fingerprints, the same changes. Safe to use from several threads.

    An outbox in memory (``":memory:"``) belongs to one program, which knows what it did:
    its watch has no fingerprint.
    """

    def __init__(self, path: str, base_url: str) -> None:
        self.path = path
        self.base_url = base_url
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._fingerprint: str | None = None

    def fingerprint(self) -> str | None:
        """The fingerprint of what waits now; None when it cannot be read at the moment
        (the database is busy) or the outbox is in memory."""
        if self.path == ":memory:":
            return None
        with self._lock:
            return self._look()

    def close(self) -> None:
        """Let go of the file."""
        with self._lock:
            self._drop_connection()

    def _look(self) -> str | None:
        """The fingerprint of the waiting changes now; None when it cannot be read now."""
        if not Path(self.path).exists():  # never created by a look
            self._drop_connection()
            return _NOTHING_WAITS
        try:
            if self._connection is None:
                # It only reads. (Not in read-only mode: a reader of a WAL file that no
                # other program has open must be able to set up its shared memory file.)
                self._connection = sqlite3.connect(
                    self.path,
                    timeout=_BUSY_TIMEOUT_SECONDS,
                    check_same_thread=False,  # one thread at a time, under the lock
                )
            (data_version,) = self._connection.execute("PRAGMA data_version").fetchone()
            if data_version == self._data_version:
                return self._fingerprint
            fingerprint = self._read_fingerprint(self._connection)
        except sqlite3.Error:
            self._drop_connection()  # busy, or the file was replaced: try again later
            return None
        self._data_version, self._fingerprint = data_version, fingerprint
        return fingerprint

    def _read_fingerprint(self, connection: sqlite3.Connection) -> str:
        digest = hashlib.sha256()
        # Two counters that only grow: the last sequence number ever given (a change
        # queued and gone again between two looks), and the last delivery's time.
        counters = connection.execute(
            "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'outbox'),"
            " (SELECT last_success FROM sync_state WHERE base_url = ?)",
            (self.base_url,),
        ).fetchone()
        digest.update(repr(counters).encode())
        rows = connection.execute(
            "SELECT seq, stuck, payload, COALESCE(base, '') FROM outbox"
            " WHERE base_url = ? ORDER BY seq",
            (self.base_url,),
        )
        for row in rows:
            digest.update(repr(row).encode())
        return digest.hexdigest()

    def _drop_connection(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._data_version = self._fingerprint = None
