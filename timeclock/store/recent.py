"""The entries last seen on the server, per user: what a desk knows while it is offline.

A stamp must be possible, and the status shown, while TimeTrack cannot be reached. So the
recent entries of each user are kept as last seen, and every delivered change is applied
to them in the same transaction that takes it off the outbox: once a change is gone from
the outbox, this is all the desk knows of it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from timeclock.domain.attendance import Attendance
from timeclock.domain.refs import entry_id_of
from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store.codec import (
    attendance_from_json,
    attendance_json,
    change_from_json,
    draft_from_json,
    draft_json,
)
from timeclock.store.created import lookup
from timeclock.store.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS recent (
    base_url TEXT NOT NULL,
    user_name TEXT NOT NULL,
    entries TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (base_url, user_name)
);
"""


class RecentEntries:
    """The recent entries of each user of each account, as last seen on the server."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def remember(
        self, base_url: str, user: str, entries: list[Attendance], *, fetched_at: datetime
    ) -> None:
        """Keep the user's recent entries as last seen on the server, for offline use."""
        payload = json.dumps([attendance_json(entry) for entry in entries])
        with self._database.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO recent VALUES (?, ?, ?, ?)",
                (base_url, user, payload, format_timestamp(fetched_at)),
            )

    def recall(self, base_url: str, user: str) -> tuple[list[Attendance], datetime] | None:
        """The recent entries last seen on the server, and when; None if never (or if
        what was kept cannot be read: as good as never seen)."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT entries, fetched_at FROM recent WHERE base_url = ? AND user_name = ?",
                (base_url, user),
            ).fetchone()
        if row is None:
            return None
        try:
            entries = [attendance_from_json(value) for value in json.loads(row[0])]
            return entries, parse_timestamp(row[1])
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            return None


def apply_delivered(
    connection: sqlite3.Connection,
    base_url: str,
    kind: str,
    ref: str,
    payload: dict[str, Any],
    *,
    created_id: int | None,
) -> None:
    """Bring the entries last seen on the server up to date with a delivered change
    (``kind`` create, update or delete), within the caller's transaction."""
    if kind == "create":
        if created_id is None:
            return
        draft = draft_from_json(payload)
        row = connection.execute(
            "SELECT entries FROM recent WHERE base_url = ? AND user_name = ?",
            (base_url, draft.user),
        ).fetchone()
        entries = [] if row is None else json.loads(row[0])
        if all(entry["id"] != created_id for entry in entries):
            entries.append({**draft_json(draft), "id": created_id, "worked_minutes": None})
            connection.execute(
                "INSERT OR REPLACE INTO recent VALUES (?, ?, ?, COALESCE("
                "(SELECT fetched_at FROM recent WHERE base_url = ? AND user_name = ?), ?))",
                (
                    base_url,
                    draft.user,
                    json.dumps(entries),
                    base_url,
                    draft.user,
                    format_timestamp(datetime.now(UTC)),
                ),
            )
        return
    entry_id = entry_id_of(ref)
    if entry_id is None:
        entry_id = lookup(connection, base_url, ref)
        if entry_id is None:
            return
    change = change_from_json(payload) if kind == "update" else None
    rows = connection.execute(
        "SELECT user_name, entries FROM recent WHERE base_url = ?", (base_url,)
    ).fetchall()
    for user, text in rows:
        entries = [attendance_from_json(value) for value in json.loads(text)]
        if all(entry.id != entry_id for entry in entries):
            continue
        if change is None:  # deleted
            entries = [entry for entry in entries if entry.id != entry_id]
        else:
            entries = [change.applied_to(e) if e.id == entry_id else e for e in entries]
        connection.execute(
            "UPDATE recent SET entries = ? WHERE base_url = ? AND user_name = ?",
            (json.dumps([attendance_json(entry) for entry in entries]), base_url, user),
        )
