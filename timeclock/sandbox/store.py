"""The sandbox's attendance table in SQLite.

One connection guarded by a lock: the server's event loop thread and test code in other
threads use the same store. Times are stored as integer milliseconds since the epoch (UTC),
the wire's precision, so ordering and range filters are plain integer comparisons.
Deleting only sets a flag: a deleted entry must still answer "exists but deleted" (15020).
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Self

from timeclock.sandbox.records import Attendance, AttendancePatch, NewAttendance

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)
_MAX_SQLITE_INTEGER = 2**63 - 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attendances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_name TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    notes TEXT NOT NULL,
    manual INTEGER NOT NULL,
    break_minutes INTEGER NOT NULL,
    latitude_start REAL,
    longitude_start REAL,
    latitude_end REAL,
    longitude_end REAL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS attendances_by_start ON attendances (deleted, start_ms, id);
CREATE INDEX IF NOT EXISTS attendances_by_user
    ON attendances (user_name, deleted, start_ms, id);
"""
_SELECT = (
    "SELECT id, deleted, user_name, start_ms, end_ms, notes, manual, break_minutes,"
    " latitude_start, longitude_start, latitude_end, longitude_end FROM attendances"
)
_INSERT = (
    "INSERT INTO attendances (user_name, start_ms, end_ms, notes, manual, break_minutes,"
    " latitude_start, longitude_start, latitude_end, longitude_end)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE attendances SET start_ms = ?, end_ms = ?, notes = ?, manual = ?,"
    " break_minutes = ?, latitude_start = ?, longitude_start = ?, latitude_end = ?,"
    " longitude_end = ? WHERE id = ?"
)

Row = tuple[Any, ...]
_LOWER = "timeclock_lower"  # str.lower as an SQL function


def _lower(text: str | None) -> str | None:
    return None if text is None else text.lower()


class EntryNotFoundError(LookupError):
    """No entry with this id was ever stored."""


class EntryDeletedError(LookupError):
    """The entry exists but was deleted."""


class AttendanceStore:
    """Attendances in an SQLite file (WAL mode) or in memory (``":memory:"``)."""

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(path, check_same_thread=False)
        # An in-memory database has no other connection that could change it.
        self._shared = os.fspath(path) != ":memory:"
        # SQLite's own lower() and NOCASE fold ASCII only; user names may be "Jörg".
        self._connection.create_function(_LOWER, 1, _lower, deterministic=True)
        try:
            if os.fspath(path) != ":memory:":
                self._connection.execute("PRAGMA journal_mode = WAL")
                self._connection.execute("PRAGMA busy_timeout = 5000")
            with self._connection:
                self._connection.executescript(_SCHEMA)
        except BaseException:
            self._connection.close()
            raise

    @property
    def version(self) -> tuple[int, int]:
        """A token that changes whenever what the store holds may have changed.

        It counts the rows this store's connection has written and, for a file, SQLite's
        ``data_version`` (which changes when another connection commits). Read it *before*
        a query, and what the query answered may be kept under it: a write in between only
        makes the kept answer newer than its token, never older.
        """
        with self._lock:
            changes = self._connection.total_changes
            if not self._shared:
                return changes, 0
            (others,) = self._connection.execute("PRAGMA data_version").fetchone()
        return changes, others

    def create(self, entry: NewAttendance) -> Attendance:
        with self._lock, self._connection:
            cursor = self._connection.execute(_INSERT, _values(entry))
        assert cursor.lastrowid is not None
        return Attendance(id=cursor.lastrowid, **_fields_of(entry))

    def insert_many(self, entries: Iterable[NewAttendance]) -> int:
        """Insert many entries in one transaction (test set-up, demo data); returns the count."""
        rows = [_values(entry) for entry in entries]
        with self._lock, self._connection:
            self._connection.executemany(_INSERT, rows)
        return len(rows)

    def get(self, entry_id: int) -> Attendance:
        """The live entry; raises EntryNotFoundError or EntryDeletedError."""
        with self._lock:
            return _live(self._fetch(entry_id), entry_id)

    def find(self, entry_id: int) -> Attendance | None:
        """The entry whether deleted or not, or None (for tests)."""
        with self._lock:
            row = self._fetch(entry_id)
        return None if row is None else record_of(row)

    def update(self, entry_id: int, patch: AttendancePatch) -> Attendance:
        """Merge ``patch`` into the live entry; raises TimeRangeError if to < from after it."""
        with self._lock, self._connection:
            updated = patch.apply_to(_live(self._fetch(entry_id), entry_id))
            self._connection.execute(_UPDATE, (*_values(updated)[1:], entry_id))
        return updated

    def delete(self, entry_id: int) -> None:
        """Soft-delete the live entry; raises EntryNotFoundError or EntryDeletedError."""
        with self._lock, self._connection:
            _live(self._fetch(entry_id), entry_id)
            self._connection.execute("UPDATE attendances SET deleted = 1 WHERE id = ?", (entry_id,))

    def query(
        self,
        *,
        user: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
        ignore_user_case: bool = False,
    ) -> list[Attendance]:
        """Live entries whose start lies in [start, end], ordered by start then id.

        With ``ignore_user_case`` the user filter matches names in any case (``HansM`` finds
        ``hansm``), as a server that folds user names does.
        """
        rows = self.query_rows(
            user=user,
            start=start,
            end=end,
            limit=limit,
            offset=offset,
            ignore_user_case=ignore_user_case,
        )
        return [record_of(row) for row in rows]

    def query_rows(
        self,
        *,
        user: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
        ignore_user_case: bool = False,
    ) -> list[Row]:
        """:meth:`query`'s entries as the stored rows (see :func:`record_of`): the list
        endpoint serialises a row once and then reuses it while the row stays the same."""
        if offset > _MAX_SQLITE_INTEGER:
            return []
        clauses = ["deleted = 0"]
        params: list[object] = []
        if user is not None and ignore_user_case:
            clauses.append(f"{_LOWER}(user_name) = ?")
            params.append(_lower(user))
        elif user is not None:
            clauses.append("user_name = ?")
            params.append(user)
        if start is not None:
            clauses.append("start_ms >= ?")
            params.append(_to_ms(start))
        if end is not None:
            clauses.append("start_ms <= ?")
            params.append(_to_ms(end))
        sql = f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY start_ms, id LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        with self._lock:
            rows: list[Row] = self._connection.execute(sql, params).fetchall()
        return rows

    def all(self, *, include_deleted: bool = False) -> list[Attendance]:
        """Every entry in id order; deleted ones only when asked (for tests)."""
        sql = _SELECT + " WHERE deleted = 0 OR ? ORDER BY id"
        with self._lock:
            rows = self._connection.execute(sql, (include_deleted,)).fetchall()
        return [record_of(row) for row in rows]

    def count(self, *, include_deleted: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM attendances WHERE deleted = 0 OR ?"
        with self._lock:
            (number,) = self._connection.execute(sql, (include_deleted,)).fetchone()
        return int(number)

    def reset(self) -> None:
        """Remove every entry and restart the ids at 1."""
        with self._lock, self._connection:
            self._connection.execute("DELETE FROM attendances")
            self._connection.execute("DELETE FROM sqlite_sequence WHERE name = 'attendances'")

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _fetch(self, entry_id: int) -> Row | None:
        if not 1 <= entry_id <= _MAX_SQLITE_INTEGER:
            return None
        row: Row | None = self._connection.execute(
            f"{_SELECT} WHERE id = ?", (entry_id,)
        ).fetchone()
        return row


def _live(row: Row | None, entry_id: int) -> Attendance:
    if row is None:
        raise EntryNotFoundError(entry_id)
    record = record_of(row)
    if record.deleted:
        raise EntryDeletedError(entry_id)
    return record


def _values(entry: NewAttendance) -> tuple[object, ...]:
    return (
        entry.user,
        _to_ms(entry.start),
        _to_ms(entry.end),
        entry.notes,
        int(entry.manual),
        entry.break_minutes,
        entry.latitude_start,
        entry.longitude_start,
        entry.latitude_end,
        entry.longitude_end,
    )


def _fields_of(entry: NewAttendance) -> dict[str, Any]:
    return {field.name: getattr(entry, field.name) for field in dataclasses.fields(NewAttendance)}


def record_of(row: Row) -> Attendance:
    """The entry of a stored row (as :meth:`AttendanceStore.query_rows` returns them)."""
    (entry_id, deleted, user, start_ms, end_ms, notes, manual, break_minutes, *coordinates) = row
    lat_start, lon_start, lat_end, lon_end = coordinates
    return Attendance(
        id=entry_id,
        deleted=bool(deleted),
        user=user,
        start=_from_ms(start_ms),
        end=_from_ms(end_ms),
        notes=notes,
        manual=bool(manual),
        break_minutes=break_minutes,
        latitude_start=lat_start,
        longitude_start=lon_start,
        latitude_end=lat_end,
        longitude_end=lon_end,
    )


def _to_ms(moment: datetime) -> int:
    return (moment - _EPOCH) // _MILLISECOND


def _from_ms(value: int) -> datetime:
    return _EPOCH + value * _MILLISECOND
