"""Which server entry each create of this desk made: a local reference's server id.

Kept after the create left the outbox, so that changes queued behind it (made while the
entry showed with its local reference) find the entry, and so that a lost create is never
taken for an entry this desk already made.
"""

from __future__ import annotations

import sqlite3

from timeclock.domain.refs import entry_id_of
from timeclock.store.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS created (
    base_url TEXT NOT NULL,
    ref TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (base_url, ref)
);
"""


class CreatedEntries:
    """The map from this desk's creates (by reference and by sequence number) to server ids."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def server_id(self, base_url: str, ref: str) -> int | None:
        """The server id of the entry ``ref``, once it is known."""
        direct = entry_id_of(ref)
        if direct is not None:
            return direct
        with self._database.transaction() as connection:
            return lookup(connection, base_url, ref)

    def ref_of_entry(self, base_url: str, entry_id: int) -> str | None:
        """The local reference of the create of this desk that made server entry
        ``entry_id``, if one did."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT ref FROM created WHERE base_url = ? AND entry_id = ?", (base_url, entry_id)
            ).fetchone()
        return None if row is None else str(row[0])

    def ids(self, connection: sqlite3.Connection, base_url: str) -> set[int]:
        """Every server id this desk's creates made (within a caller's transaction)."""
        rows = connection.execute(
            "SELECT entry_id FROM created WHERE base_url = ?", (base_url,)
        ).fetchall()
        return {int(entry_id) for (entry_id,) in rows}


def record(
    connection: sqlite3.Connection, base_url: str, ref: str, entry_id: int, seq: int
) -> None:
    """Note that create ``seq`` of entry ``ref`` made server entry ``entry_id``."""
    connection.execute(
        "INSERT OR REPLACE INTO created VALUES (?, ?, ?, ?)", (base_url, ref, entry_id, seq)
    )


def lookup(connection: sqlite3.Connection, base_url: str, ref: str) -> int | None:
    """The server id a create of ``ref`` made, within a caller's transaction."""
    row = connection.execute(
        "SELECT entry_id FROM created WHERE base_url = ? AND ref = ?", (base_url, ref)
    ).fetchone()
    return None if row is None else int(row[0])
