"""When a delivery to an account last went through (shown as "last sent HH:MM")."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS sync_state (
    base_url TEXT PRIMARY KEY,
    last_success TEXT NOT NULL
);
"""


class SyncState:
    """The time of the last delivery per API base URL."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def last_success(self, base_url: str) -> datetime | None:
        """When a delivery to ``base_url`` last went through."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT last_success FROM sync_state WHERE base_url = ?", (base_url,)
            ).fetchone()
        if row is None:
            return None
        try:
            return parse_timestamp(row[0])
        except ValueError:  # damaged: as good as never
            return None


def record_success(connection: sqlite3.Connection, base_url: str) -> None:
    """A delivery to ``base_url`` went through now (within a caller's transaction)."""
    connection.execute(
        "INSERT OR REPLACE INTO sync_state VALUES (?, ?)",
        (base_url, format_timestamp(datetime.now(UTC))),
    )
