"""One SQLite database file of this desk: a connection per thread, transactions, privacy.

Opening SQLite is not free (a file, WAL set-up, privacy checks), and a command used to
open a connection for every single call. A :class:`Database` keeps one connection per
thread instead (SQLite connections must not be shared across threads without care) and
hands out transactions on it. An in-memory database (``":memory:"``) lives as long as its
connection, so it has exactly one, shared by all threads under a lock.

A connection of a thread that ended is closed when its thread's local storage goes (the
garbage collector), or by :meth:`Database.close` for the calling thread's.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.store.private import private_database

# How long a write waits for another program's transaction on the same file.
BUSY_TIMEOUT_SECONDS = 10.0


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
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

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
        return connection

    def _open(self) -> sqlite3.Connection:
        try:
            private_database(Path(self.path))  # 0600, as SQLite's -wal and -shm then are
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                if self._full_sync:
                    connection.execute("PRAGMA synchronous=FULL")
            except sqlite3.Error:
                connection.close()  # not left to the garbage collector: it holds the file
                raise
        except (OSError, sqlite3.Error) as error:
            raise self._error(f"cannot open {self._describe} {self.path}: {error}") from None
        return connection
