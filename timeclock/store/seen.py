"""The entries a list last showed of each user: what the window shows while offline.

:mod:`timeclock.store.recent` keeps the few days a stamp needs; a person who starts the
window offline expects the week or month they looked at before. So every list of one
user that TimeTrack answered is kept here, row by row, replacing what was kept for that
user and range; a list read offline is taken from here (the waiting changes are applied
on top, as for a list from the server). Delivered changes are applied here in the
transaction that takes them off the outbox, like the recent entries, so a stamp that went
out still shows in an offline list.

Lists of all users are not kept: they can hold 100,000 entries, and writing them would
slow every manager's list for the rare offline start (and put everyone's entries on each
desk that ever looked).

User names are kept case-folded (:func:`~timeclock.domain.matching.same_user`); starts
as the vendor's fixed-width UTC text, which sorts as time does.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from timeclock.domain.attendance import Attendance
from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store.codec import (
    attendance_from_json,
    attendance_json,
    change_from_json,
    draft_from_json,
)
from timeclock.store.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    base_url TEXT NOT NULL,
    id INTEGER NOT NULL,
    user_key TEXT NOT NULL,
    start TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (base_url, id)
);
CREATE INDEX IF NOT EXISTS seen_by_user ON seen (base_url, user_key, start);
CREATE TABLE IF NOT EXISTS seen_lists (
    base_url TEXT NOT NULL,
    user_key TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_lists_by_user ON seen_lists (base_url, user_key);
"""

# What went wrong reading a kept row: as good as not kept.
_UNREADABLE = (ValueError, KeyError, TypeError, AttributeError, OverflowError)


class SeenEntries:
    """The entries each user's lists last showed, per account."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def remember(
        self,
        base_url: str,
        user: str,
        since: datetime,
        until: datetime,
        entries: list[Attendance],
        *,
        fetched_at: datetime,
    ) -> None:
        """Keep ``entries``, TimeTrack's answer for ``user`` in ``[since, until)``, in place
        of what was kept for that range (an entry gone from the answer is gone here)."""
        key, low, high = user.casefold(), format_timestamp(since), format_timestamp(until)
        rows = [
            (base_url, entry.id, key, format_timestamp(entry.start), _text(entry))
            for entry in entries
        ]
        with self._database.transaction() as connection:
            connection.execute(
                "DELETE FROM seen WHERE base_url = ? AND user_key = ? AND start >= ? AND start < ?",
                (base_url, key, low, high),
            )
            connection.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)", rows)
            connection.execute(
                "INSERT INTO seen_lists VALUES (?, ?, ?, ?, ?)",
                (base_url, key, low, high, format_timestamp(fetched_at)),
            )
            _forget_covered_lists(connection, base_url, key, low, high)

    def recall(
        self, base_url: str, user: str, since: datetime, until: datetime
    ) -> tuple[list[Attendance], datetime] | None:
        """The kept entries of ``user`` starting in ``[since, until)``, and when the oldest
        list they come from was read; None when no list of this user that overlaps the
        range was ever kept (nothing is known of it, which is not the same as no entries)."""
        key, low, high = user.casefold(), format_timestamp(since), format_timestamp(until)
        with self._database.transaction() as connection:
            fetched = connection.execute(
                "SELECT MIN(fetched_at) FROM seen_lists WHERE base_url = ? AND user_key = ? "
                "AND since < ? AND until > ?",
                (base_url, key, high, low),
            ).fetchone()[0]
            if fetched is None:
                return None
            rows = connection.execute(
                "SELECT entry FROM seen WHERE base_url = ? AND user_key = ? AND start >= ? "
                "AND start < ? ORDER BY start",
                (base_url, key, low, high),
            ).fetchall()
        entries = []
        for (text,) in rows:
            try:
                entries.append(attendance_from_json(json.loads(text)))
            except _UNREADABLE:
                continue  # one unreadable row costs that row, not the list
        return entries, parse_timestamp(fetched)


def apply_delivered(
    connection: sqlite3.Connection,
    base_url: str,
    kind: str,
    entry_id: int,
    payload: dict[str, Any],
) -> None:
    """Bring the kept lists up to date with a delivered change (``kind`` create, update or
    delete, its outbox ``payload``) of the server's entry ``entry_id``, within the
    caller's transaction.

    A created entry is kept only where a list of its user was kept (it would show in no
    list otherwise); a changed entry keeps its place under its user.
    """
    if kind == "delete":
        connection.execute("DELETE FROM seen WHERE base_url = ? AND id = ?", (base_url, entry_id))
        return
    if kind == "create":
        entry = draft_from_json(payload).as_entry(entry_id, worked_minutes=None)
        listed = connection.execute(
            "SELECT 1 FROM seen_lists WHERE base_url = ? AND user_key = ? LIMIT 1",
            (base_url, entry.user.casefold()),
        ).fetchone()
        if listed is None:
            return
    else:
        row = connection.execute(
            "SELECT entry FROM seen WHERE base_url = ? AND id = ?", (base_url, entry_id)
        ).fetchone()
        if row is None:
            return
        try:
            entry = change_from_json(payload).applied_to(attendance_from_json(json.loads(row[0])))
        except _UNREADABLE:
            connection.execute(
                "DELETE FROM seen WHERE base_url = ? AND id = ?", (base_url, entry_id)
            )
            return
    connection.execute(
        "INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?, ?)",
        (base_url, entry_id, entry.user.casefold(), format_timestamp(entry.start), _text(entry)),
    )


def _forget_covered_lists(
    connection: sqlite3.Connection, base_url: str, key: str, low: str, high: str
) -> None:
    """Drop the records of older lists that the one just kept covers, so the table of
    lists stays as small as the ranges a person looked at."""
    connection.execute(
        "DELETE FROM seen_lists WHERE base_url = ? AND user_key = ? AND since >= ? "
        "AND until <= ? AND rowid <> last_insert_rowid()",
        (base_url, key, low, high),
    )


def _text(entry: Attendance) -> str:
    return json.dumps(attendance_json(entry))
