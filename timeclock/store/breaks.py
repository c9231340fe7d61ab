"""The break log of the open entry, kept on this desk between runs (SQLite).

TimeTrack has no running breaks; the break minutes travel with the stamp-out. Until then
the breaks live here, so that ``timeclock break start`` and ``timeclock break end`` may be
two runs of the program, and a restart in the middle of a break continues it.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timeclock.domain.shift import BreakLog
from timeclock.store.database import Database, DatabaseError
from timeclock.store.paths import data_dir

# Milliseconds are counted in integers: a float's ``* 1000`` can land a hair below a whole
# millisecond, and ``int()`` would then lose that millisecond.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS break_log (
    base_url TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    taken_ms INTEGER NOT NULL,
    running_since_ms INTEGER,
    user_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (base_url, entry_id)
)
"""


class BreakStoreError(DatabaseError):
    """The local state database cannot be used; the text says which file and why."""


class BreakStore:
    """Break logs by API base URL and entry id, in ``state.sqlite3`` of the data folder."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else str(data_dir() / "state.sqlite3")
        self._database = Database(
            self.path,
            _prepare,
            describe="the local state file",
            error=BreakStoreError,
            full_sync=False,
        )

    def load(self, base_url: str, entry_id: int) -> BreakLog | None:
        """The break log of an entry, if this desk has one."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT taken_ms, running_since_ms FROM break_log"
                " WHERE base_url = ? AND entry_id = ?",
                (base_url, entry_id),
            ).fetchone()
        if row is None:
            return None
        taken_ms, running_since_ms = row
        running_since = (
            None if running_since_ms is None else _EPOCH + running_since_ms * _MILLISECOND
        )
        return BreakLog(entry_id, taken_ms * _MILLISECOND, running_since)

    def save(self, base_url: str, log: BreakLog, *, user: str) -> None:
        """Keep ``log`` as the break log of its entry, the open entry of ``user`` (and
        forget that user's older entries' logs; on a shared desk, the others' stay)."""
        running = (
            None if log.running_since is None else (log.running_since - _EPOCH) // _MILLISECOND
        )
        owner = user.casefold()
        with self._database.transaction() as connection:
            connection.execute(
                "DELETE FROM break_log WHERE base_url = ? AND (user_name = ? OR entry_id = ?)",
                (base_url, owner, log.entry_id),
            )
            connection.execute(
                "INSERT INTO break_log (base_url, entry_id, taken_ms, running_since_ms, user_name)"
                " VALUES (?, ?, ?, ?, ?)",
                (base_url, log.entry_id, log.taken // _MILLISECOND, running, owner),
            )

    def clear(self, base_url: str, entry_id: int) -> None:
        """Forget the break log of an entry (after stamping out)."""
        with self._database.transaction() as connection:
            connection.execute(
                "DELETE FROM break_log WHERE base_url = ? AND entry_id = ?", (base_url, entry_id)
            )

    def close(self) -> None:
        """Close this thread's connection (an in-memory store for good)."""
        self._database.close()


def _prepare(connection: sqlite3.Connection) -> None:
    connection.execute(_SCHEMA)
    _add_user_column(connection)


def _add_user_column(connection: sqlite3.Connection) -> None:
    """A state file of an earlier TimeClock: its logs belong to no known user (kept as '')."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(break_log)")}
    if "user_name" not in columns:
        try:
            connection.execute(
                "ALTER TABLE break_log ADD COLUMN user_name TEXT NOT NULL DEFAULT ''"
            )
        except sqlite3.OperationalError as error:  # another process added it just now
            if "duplicate column" not in str(error):
                raise
