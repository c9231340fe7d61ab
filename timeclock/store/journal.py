"""The correction journal of this desk: every create, change and delete made from it (SQLite).

A line is written before its change is queued in the outbox (see
:mod:`timeclock.services.changes`), so no change leaves this desk without its trace. The
file is private to the user like every file of the data folder, and append-only: the
program has no call that changes or removes a line, and triggers refuse SQL that would.
Its schema version is SQLite's ``user_version``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.corrections import Action, Correction
from timeclock.domain.errors import ErrorKind
from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store.codec import (
    attendance_json,
    change_from_json,
    change_json,
    draft_from_json,
)
from timeclock.store.database import Database, DatabaseError
from timeclock.store.paths import JOURNAL_FILE, data_dir

log = logging.getLogger(__name__)

# The journal file's schema, in SQLite's ``user_version``: 1 is the first.
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    base_url TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    ref TEXT NOT NULL,
    owner TEXT NOT NULL,
    before TEXT,
    after TEXT,
    change TEXT,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS journal_ref ON journal (base_url, ref);
CREATE INDEX IF NOT EXISTS journal_time ON journal (base_url, recorded_at);
CREATE TRIGGER IF NOT EXISTS journal_keeps_lines BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the correction journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS journal_keeps_all_lines BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the correction journal is append-only'); END;
"""

_COLUMNS = "seq, recorded_at, author, action, ref, owner, before, after, change, reason"


class JournalError(DatabaseError):
    """The correction journal cannot be used; the text says which file and why."""

    kind = ErrorKind.LOCAL


class CorrectionJournal:
    """The journal in ``journal.sqlite3`` of the data folder (or ``path``, ``":memory:"``).

    The file is opened when first used: a command that changes nothing (``status``,
    ``list``) does not open it at all.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else str(data_dir() / JOURNAL_FILE)
        self.schema_version = SCHEMA_VERSION
        self._opened: Database | None = None
        self._opening = threading.Lock()

    @property
    def _database(self) -> Database:
        with self._opening:
            if self._opened is None:
                self._opened = Database(
                    self.path, self._prepare, describe="the correction journal", error=JournalError
                )
            return self._opened

    def _prepare(self, connection: sqlite3.Connection) -> None:
        connection.executescript(_SCHEMA)
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version < SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            version = SCHEMA_VERSION
        self.schema_version = version  # a newer TimeClock's file is read as far as known

    def close(self) -> None:
        """Close this thread's connection (an in-memory journal for good)."""
        if self._opened is not None:
            self._opened.close()

    def record(
        self,
        base_url: str,
        *,
        author: str,
        action: Action,
        ref: str,
        owner: str,
        before: Attendance | None = None,
        after: Attendance | None = None,
        change: AttendanceChange | None = None,
        reason: str = "",
        at: datetime | None = None,
    ) -> int:
        """Append one correction; returns its line number. Committed (on disk) on return."""
        moment = (at or datetime.now(UTC)).astimezone(UTC)
        with self._database.transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO journal (base_url, recorded_at, author, action, ref, owner,"
                " before, after, change, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    base_url,
                    format_timestamp(moment),
                    author,
                    action.value,
                    ref,
                    owner,
                    _entry_text(before),
                    _entry_text(after),
                    None if change is None else json.dumps(change_json(change)),
                    reason,
                ),
            )
        assert cursor.lastrowid is not None
        log.info("journal #%d: %s of %s by %s", cursor.lastrowid, action.value, ref, author)
        return cursor.lastrowid

    def corrections(
        self,
        base_url: str,
        *,
        refs: Collection[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Correction]:
        """The lines for ``base_url``, oldest first: of the entries ``refs`` only, if given,
        and recorded in ``[since, until)`` where those are given."""
        query = f"SELECT {_COLUMNS} FROM journal WHERE base_url = ?"  # noqa: S608 - constants
        values: list[Any] = [base_url]
        if refs is not None:
            wanted = sorted(set(refs))
            if not wanted:
                return []
            query += f" AND ref IN ({', '.join('?' * len(wanted))})"
            values.extend(wanted)
        if since is not None:
            query += " AND recorded_at >= ?"
            values.append(format_timestamp(since.astimezone(UTC)))
        if until is not None:
            query += " AND recorded_at < ?"
            values.append(format_timestamp(until.astimezone(UTC)))
        with self._database.transaction() as connection:
            rows = connection.execute(query + " ORDER BY seq", values).fetchall()
        return [_correction(row) for row in rows]


def _entry_text(entry: Attendance | None) -> str | None:
    if entry is None:
        return None
    return json.dumps({**attendance_json(entry), "local_ref": entry.local_ref})


def _entry(text: str | None) -> Attendance | None:
    """An entry read back; None for none, or for one this version cannot read."""
    if text is None:
        return None
    try:
        data = json.loads(text)
        return draft_from_json(data).as_entry(
            data.get("id"),
            local_ref=data.get("local_ref"),
            worked_minutes=data.get("worked_minutes"),
        )
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None


def _change(text: str | None) -> AttendanceChange | None:
    if text is None:
        return None
    try:
        return change_from_json(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None


def _action(text: str) -> Action:
    try:
        return Action(text)
    except ValueError:  # written by a later TimeClock: shown as a change
        return Action.UPDATE


def _correction(row: tuple[Any, ...]) -> Correction:
    seq, recorded_at, author, action, ref, owner, before, after, change, reason = row
    return Correction(
        seq=int(seq),
        recorded_at=parse_timestamp(recorded_at),
        author=str(author),
        action=_action(str(action)),
        ref=str(ref),
        owner=str(owner),
        before=_entry(before),
        after=_entry(after),
        change=_change(change),
        reason=str(reason),
    )
