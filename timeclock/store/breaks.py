"""The break log of the open entry, kept on this desk between runs (SQLite).

TimeTrack has no running breaks; the break minutes travel with the stamp-out. Until then
the breaks live here, so that ``timeclock break start`` and ``timeclock break end`` may be
two runs of the program, and a restart in the middle of a break continues it.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timeclock.domain.refs import server_ref
from timeclock.domain.shift import BreakLog
from timeclock.store.database import Database, DatabaseError
from timeclock.store.paths import OUTBOX_FILE, STATE_FILE, data_dir

# Milliseconds are counted in integers: a float's ``* 1000`` can land a hair below a whole
# millisecond, and ``int()`` would then lose that millisecond.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)

# The state file's schema, in SQLite's ``user_version``: 0 for files whose break logs were
# keyed by entry id (``break_log``; negative for an entry not yet sent), 1 since they are
# keyed by the entry's reference (``breaks``).
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS breaks (
    base_url TEXT NOT NULL,
    entry_ref TEXT NOT NULL,
    taken_ms INTEGER NOT NULL,
    running_since_ms INTEGER,
    user_name TEXT NOT NULL,
    PRIMARY KEY (base_url, entry_ref)
)
"""

log = logging.getLogger(__name__)


class BreakStoreError(DatabaseError):
    """The local state database cannot be used; the text says which file and why."""


class BreakStore:
    """Break logs by API base URL and entry reference, in ``state.sqlite3`` of the data
    folder."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else str(data_dir() / STATE_FILE)
        self._database = Database(
            self.path,
            _prepare,
            describe="the local state file",
            error=BreakStoreError,
            full_sync=False,
        )

    def load(self, base_url: str, entry: str) -> BreakLog | None:
        """The break log of the entry ``entry`` (its reference), if this desk has one."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT taken_ms, running_since_ms FROM breaks"
                " WHERE base_url = ? AND entry_ref = ?",
                (base_url, entry),
            ).fetchone()
        if row is None:
            return None
        taken_ms, running_since_ms = row
        running_since = (
            None if running_since_ms is None else _EPOCH + running_since_ms * _MILLISECOND
        )
        return BreakLog(entry, taken_ms * _MILLISECOND, running_since)

    def save(self, base_url: str, log: BreakLog, *, user: str) -> None:
        """Keep ``log`` as the break log of its entry, the open entry of ``user`` (and
        forget that user's older entries' logs; on a shared desk, the others' stay)."""
        running = (
            None if log.running_since is None else (log.running_since - _EPOCH) // _MILLISECOND
        )
        owner = user.casefold()
        with self._database.transaction() as connection:
            connection.execute(
                "DELETE FROM breaks WHERE base_url = ? AND (user_name = ? OR entry_ref = ?)",
                (base_url, owner, log.entry),
            )
            connection.execute(
                "INSERT INTO breaks (base_url, entry_ref, taken_ms, running_since_ms, user_name)"
                " VALUES (?, ?, ?, ?, ?)",
                (base_url, log.entry, log.taken // _MILLISECOND, running, owner),
            )

    def clear(self, base_url: str, entry: str) -> None:
        """Forget the break log of an entry (after stamping out)."""
        with self._database.transaction() as connection:
            connection.execute(
                "DELETE FROM breaks WHERE base_url = ? AND entry_ref = ?", (base_url, entry)
            )

    def close(self) -> None:
        """Close this thread's connection (an in-memory store for good)."""
        self._database.close()


def _prepare(connection: sqlite3.Connection) -> None:
    if _version(connection) >= SCHEMA_VERSION:
        return  # a newer TimeClock's file: what this one knows of it is still there
    connection.execute("BEGIN IMMEDIATE")  # one process migrates; the others then see it
    if _version(connection) >= SCHEMA_VERSION:
        return
    connection.execute(_SCHEMA)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "break_log" in tables:
        _move_logs_by_id(connection)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _move_logs_by_id(connection: sqlite3.Connection) -> None:
    """Key the logs of a state file of schema 0 by entry reference.

    A positive id is the server's. A negative one was the sequence number of the entry's
    create in the outbox file next to this one, which knows the create's reference; a log
    whose create is found nowhere belonged to an entry that no longer exists here.
    """
    columns = {row[1] for row in connection.execute("PRAGMA table_info(break_log)")}
    user = "user_name" if "user_name" in columns else "''"  # older still: no user kept
    rows = connection.execute(
        f"SELECT base_url, entry_id, taken_ms, running_since_ms, {user} FROM break_log"  # noqa: S608
    ).fetchall()
    creates = _create_refs(connection) if any(row[1] < 0 for row in rows) else {}
    for base_url, entry_id, taken_ms, running_since_ms, user_name in rows:
        ref = server_ref(entry_id) if entry_id > 0 else creates.get(-entry_id)
        if ref is None:
            log.warning("break log of entry %s dropped: its create is gone", entry_id)
            continue
        connection.execute(
            "INSERT OR REPLACE INTO breaks VALUES (?, ?, ?, ?, ?)",
            (base_url, ref, taken_ms, running_since_ms, user_name),
        )
    connection.execute("DROP TABLE break_log")


def _create_refs(connection: sqlite3.Connection) -> dict[int, str]:
    """The entry references of the creates in the outbox file next to this state file, by
    sequence number (waiting ones and delivered ones alike)."""
    databases = connection.execute("PRAGMA database_list").fetchall()
    main = next((str(path) for _, name, path in databases if name == "main"), "")
    if not main:
        return {}  # in memory: no outbox beside it
    outbox = Path(main).with_name(OUTBOX_FILE)
    if not outbox.exists():
        return {}
    refs: dict[int, str] = {}
    try:
        with closing(sqlite3.connect(f"{outbox.as_uri()}?mode=ro", uri=True)) as other:
            for query in (
                "SELECT seq, ref FROM created",
                "SELECT seq, ref FROM outbox WHERE kind = 'create'",
            ):
                refs.update((int(seq), str(ref)) for seq, ref in other.execute(query))
    except sqlite3.Error as error:
        log.warning("cannot read %s to move break logs: %s", outbox, error)
    return refs
