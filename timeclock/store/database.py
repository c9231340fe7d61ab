"""One SQLite database file of this desk: a connection per thread, transactions, privacy.

Opening SQLite is not free (a file, WAL set-up, privacy checks), and a command used to
open a connection for every single call. A :class:`Database` keeps one connection per
thread instead (SQLite connections must not be shared across threads without care) and
hands out transactions on it. An in-memory database (``":memory:"``) lives as long as its
connection, so it has exactly one, shared by all threads under a lock.

A thread closes its own connections: :meth:`Database.close` the one to that database,
:func:`close_thread_connections` all it opened, as a worker thread does when its work is
done (the window's task runner does so when its thread stops). A connection left to the
garbage collector when its thread's local storage goes is closed too, but late, and Python
3.13 warns of it; :func:`open_connections` counts the connections not closed yet.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.store.private import private_database

# How long a write waits for another program's transaction on the same file.
BUSY_TIMEOUT_SECONDS = 10.0

log = logging.getLogger(__name__)

# The databases the calling thread opened a connection to (see close_thread_connections).
_opened_here = threading.local()
# Connections opened to database files and not closed yet, in all threads.
_open_count = 0
_open_count_lock = threading.Lock()


def close_thread_connections() -> int:
    """Close every connection the calling thread opened to a database file; how many.

    For a worker thread whose work is done: the databases stay usable (a later call in
    this thread opens a new connection), and no other thread's connection is touched.
    """
    databases: list[weakref.ref[Database]] = getattr(_opened_here, "databases", [])
    _opened_here.databases = []
    closed = 0
    for reference in databases:
        database = reference()
        if database is not None and database._close_thread_connection():
            closed += 1
    return closed


def open_connections() -> int:
    """How many connections to database files are open now, in all threads (one that was
    left to the garbage collector counts as open: it was never closed)."""
    return _open_count


def _count_open(change: int) -> None:
    global _open_count  # noqa: PLW0603 - one count for the process, changed under its lock
    with _open_count_lock:
        _open_count += change


class DatabaseError(TimeClockError):
    """The file cannot be used; the text says which file and why."""

    kind = ErrorKind.LOCAL


class Database:
    """The SQLite database at ``path`` (or ``":memory:"``), made private and set up with
    ``prepare(connection)`` (its schema and migrations) on first use.

    ``describe`` names the file in errors ("the outbox", "the local state file").
    ``error`` is the :class:`DatabaseError` subclass its callers expect.
    """

    def __init__(
        self,
        path: str,
        prepare: Callable[[sqlite3.Connection], None],
        *,
        describe: str,
        error: type[DatabaseError] = DatabaseError,
        full_sync: bool = True,
    ) -> None:
        self.path = path
        self._describe = describe
        self._error = error
        self._full_sync = full_sync
        self._local = threading.local()
        self._memory_lock = threading.RLock()
        self._memory = (
            sqlite3.connect(":memory:", check_same_thread=False) if path == ":memory:" else None
        )
        with self.transaction() as connection:
            prepare(connection)

    @property
    def in_memory(self) -> bool:
        """Whether the database lives in memory (one program's own)."""
        return self._memory is not None

    def close(self) -> None:
        """Close this thread's connection (and an in-memory database for good)."""
        if self._memory is not None:
            self._memory.close()
            return
        self._close_thread_connection()

    def _close_thread_connection(self) -> bool:
        """Close the calling thread's connection; whether it had one."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            return False
        self._local.connection = None
        _count_open(-1)
        try:
            connection.close()
        except sqlite3.Error as error:  # closed anyway as far as this thread is concerned
            log.debug("closing %s %s: %s", self._describe, self.path, error)
        return True

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        if self._memory is not None:
            with self._memory_lock:
                yield from self._run(self._memory)
            return
        yield from self._run(self._connection())

    def _run(self, connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        try:
            with connection:  # commit on success, roll back on error
                yield connection
        except sqlite3.Error as error:
            raise self._error(f"{self._describe} {self.path} failed: {error}") from None

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._open()
            self._local.connection = connection
            _count_open(+1)
            if not hasattr(_opened_here, "databases"):
                _opened_here.databases = []
            _opened_here.databases.append(weakref.ref(self))
        return connection

    def _open(self) -> sqlite3.Connection:
        try:
            private_database(Path(self.path))  # 0600, as SQLite's -wal and -shm then are
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                _write_ahead(connection)
                if self._full_sync:
                    connection.execute("PRAGMA synchronous=FULL")
            except sqlite3.Error:
                connection.close()  # not left to the garbage collector: it holds the file
                raise
        except (OSError, sqlite3.Error) as error:
            raise self._error(f"cannot open {self._describe} {self.path}: {error}") from None
        return connection


def _write_ahead(connection: sqlite3.Connection) -> None:
    """Switch to write-ahead logging, waiting as long as for any lock.

    Switching needs the file to itself, and SQLite does not wait for that on its own: a
    program opening a file that another one is just creating or migrating would fail.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)
