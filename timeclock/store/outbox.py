"""The outbox: every change is written here, committed, before it is sent to TimeTrack.

(References to entries are in :mod:`timeclock.domain.refs`; the map of created entries, the
entries last seen and the last delivery time in modules of their own beside this one.)

A stamp made while the network is gone, or in the moment the program is killed, must not
be lost. So creates, updates and deletes are first stored in SQLite (WAL, synchronous
FULL: committed means on disk) and only then delivered, in order, by
:mod:`timeclock.services.sync`. An entry created while offline has no server id yet; it is
known by a local reference (``local:<uuid>``) until its create went through, and later
changes of it wait for that id.
"""

from __future__ import annotations

import enum
import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.errors import ErrorKind
from timeclock.domain.refs import entry_id_of, local_ref, server_ref
from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store import created, recent, seen, sync_state
from timeclock.store.codec import (
    attendance_from_json,
    attendance_json,
    change_from_json,
    change_json,
    draft_from_json,
    draft_json,
)
from timeclock.store.created import CreatedEntries
from timeclock.store.database import Database, DatabaseError
from timeclock.store.locks import FileLock
from timeclock.store.paths import OUTBOX_FILE, data_dir
from timeclock.store.recent import RecentEntries
from timeclock.store.seen import SeenEntries
from timeclock.store.sync_state import SyncState

log = logging.getLogger(__name__)

__all__ = [  # the references are the queue's words too: its callers get them here
    "UNREADABLE_PROBLEM",
    "Hold",
    "Kind",
    "Outbox",
    "OutboxError",
    "OutboxItem",
    "entry_id_of",
    "server_ref",
]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    base_url TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    payload TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    stuck INTEGER NOT NULL DEFAULT 0,
    problem TEXT NOT NULL DEFAULT '',
    base TEXT
);
"""


class OutboxError(DatabaseError):
    """The outbox database cannot be used; the text says which file and why."""

    kind = ErrorKind.LOCAL


class Hold(enum.IntEnum):
    """Why an item waits for a person instead of being sent (stored in ``stuck``)."""

    NONE = 0  # not held: sent with the next delivery
    REFUSED = 1  # the server refused it (400, or 404 on an update)
    CONFLICT = 2  # the entry changed or went on the server since the edit began
    AMBIGUOUS = 3  # a lost create: more than one entry on the server fits it
    UNREADABLE = 4  # written by a newer TimeClock (or damaged): this one cannot read it
    ORPHANED = 5  # a change of an entry whose create was discarded: it exists nowhere


class Kind(enum.StrEnum):
    """What an outbox item does on the server."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    UNREADABLE = "unreadable"  # a row this version cannot read; it can only be discarded


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One change waiting to be delivered."""

    seq: int
    kind: Kind
    ref: str  # the entry: ``id:<server id>`` or ``local:<uuid>``
    draft: AttendanceDraft | None  # for creates
    change: AttendanceChange | None  # for updates
    queued_at: datetime
    attempts: int  # sends that may have reached the server (a create may be stored then)
    hold: Hold  # why it waits for a person, if it does
    problem: str  # why it is held, or the last failure
    # The entry as the person saw it: an update is checked against it before it is sent
    # (a conflict if TimeTrack's differs); a delete keeps it only to be described.
    base: Attendance | None = None

    @property
    def stuck(self) -> bool:
        """Held for a person: refused, or in conflict with a change made elsewhere."""
        return self.hold is not Hold.NONE


class Outbox:
    """The queue of changes of this desk, in ``outbox.sqlite3`` of the data folder (or
    ``path``).

    The same file keeps what a delivery needs beside the queue, each in a module of its
    own: which server entry each create made (:attr:`created`), the entries last seen on
    the server, for offline use (:attr:`recent` for stamps, :attr:`seen` for lists), and
    when a delivery last went through (:attr:`sync_state`). A delivered change leaves the
    queue and updates those in one transaction.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else str(data_dir() / OUTBOX_FILE)
        # An in-memory outbox belongs to one process: its locks are for its threads only.
        in_memory = self.path == ":memory:"
        self._delivery_lock = FileLock(None if in_memory else self.path + ".lock")
        self._stamp_lock = FileLock(None if in_memory else self.path + ".stamp.lock")
        self._database = Database(
            self.path, self._prepare, describe="the outbox", error=OutboxError
        )
        self.created = CreatedEntries(self._database)
        self.recent = RecentEntries(self._database)
        self.seen = SeenEntries(self._database)
        self.sync_state = SyncState(self._database)

    def _prepare(self, connection: sqlite3.Connection) -> None:
        connection.executescript(
            _SCHEMA + created.SCHEMA + recent.SCHEMA + seen.SCHEMA + sync_state.SCHEMA
        )
        self.schema_version = _migrate(connection)

    def close(self) -> None:
        """Close this thread's connection (an in-memory outbox for good)."""
        self._database.close()

    def server_id(self, base_url: str, ref: str) -> int | None:
        """The server id of the entry ``ref``, once it is known (see :attr:`created`)."""
        return self.created.server_id(base_url, ref)

    # -- adding -------------------------------------------------------------------------

    def add_create(
        self, base_url: str, draft: AttendanceDraft, *, ref: str | None = None
    ) -> tuple[int, str]:
        """Queue a create; returns its sequence number and the new entry's local reference
        (``ref``, a new :func:`~timeclock.domain.refs.local_ref` the caller already noted
        elsewhere, or one made here)."""
        ref = ref if ref is not None else local_ref()
        return self._add(base_url, Kind.CREATE, ref, draft_json(draft)), ref

    def add_update(
        self,
        base_url: str,
        ref: str,
        change: AttendanceChange,
        *,
        base: Attendance | None = None,
    ) -> int:
        """Queue an update of the entry ``ref`` (a server or a local reference).

        With ``base`` (the entry as the person saw it) the delivery first checks that the
        server still holds it so, and holds the update as a conflict if not.
        """
        return self._add(base_url, Kind.UPDATE, ref, change_json(change), base)

    def add_delete(self, base_url: str, ref: str, *, base: Attendance | None = None) -> int:
        """Queue a delete of the entry ``ref`` (``base``: the entry as shown, to describe it)."""
        return self._add(base_url, Kind.DELETE, ref, {}, base)

    # -- reading ------------------------------------------------------------------------

    def items(self, base_url: str) -> list[OutboxItem]:
        """Everything waiting for ``base_url``, oldest first, stuck items included."""
        with self._database.transaction() as connection:
            rows = connection.execute(
                "SELECT seq, kind, ref, payload, queued_at, attempts, stuck, problem, base"
                " FROM outbox WHERE base_url = ? ORDER BY seq",
                (base_url,),
            ).fetchall()
        return [_item(row) for row in rows]

    def count(self, base_url: str) -> int:
        """How many changes wait."""
        with self._database.transaction() as connection:
            (count,) = connection.execute(
                "SELECT COUNT(*) FROM outbox WHERE base_url = ?", (base_url,)
            ).fetchone()
        return int(count)

    def known_ids(self, base_url: str, *, before: int | None = None) -> set[int]:
        """The server ids this desk already took for its changes: the entries its creates
        made, and those its waiting changes queued before change ``before`` are about (all
        of them without it). A lost create is never one of them.

        A change queued *after* a create may well be about the entry that create made (its
        answer lost, the entry seen in a list and corrected): that entry is still the
        create's to recognise.
        """
        with self._database.transaction() as connection:
            known = self.created.ids(connection, base_url)
            refs = connection.execute(
                "SELECT ref FROM outbox WHERE base_url = ? AND seq < ?",
                (base_url, before if before is not None else 2**63 - 1),
            ).fetchall()
        known.update(entry_id for (ref,) in refs if (entry_id := entry_id_of(ref)) is not None)
        return known

    # -- delivering ---------------------------------------------------------------------

    @contextmanager
    def delivering(self, wait: float = 0.0) -> Iterator[bool]:
        """Hold the right to deliver; yields False when another process or thread has it
        (for longer than ``wait`` seconds).

        Two deliveries at once (the window's retry timer and a ``timeclock sync``, say)
        could both send the same create before either recorded it: one lock file next to
        the outbox lets only one of them go.
        """
        with self._delivery_lock.held(wait) as allowed:
            yield allowed

    @contextmanager
    def stamping(self, wait: float) -> Iterator[bool]:
        """Hold the right to decide a stamp (read where the user stands, queue the stamp);
        False when another program on this desk kept it for longer than ``wait`` seconds.

        Two ``stamp in`` at the same moment would otherwise both see no open entry and
        both queue one.
        """
        with self._stamp_lock.held(wait) as allowed:
            yield allowed

    def begin_attempt(self, seq: int) -> None:
        """Count a send as begun, committed *before* the request leaves.

        A create whose answer never came (or whose program was killed meanwhile) is then
        known to have been sent, so the next try first looks for it on the server.
        """
        with self._database.transaction() as connection:
            connection.execute("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?", (seq,))

    def undo_attempt(self, seq: int) -> None:
        """Take back :meth:`begin_attempt`: the request never left (no connection was made)."""
        with self._database.transaction() as connection:
            connection.execute(
                "UPDATE outbox SET attempts = MAX(attempts - 1, 0) WHERE seq = ?", (seq,)
            )

    def note_problem(self, seq: int, problem: str) -> None:
        """Remember why the last try failed (the item stays queued)."""
        with self._database.transaction() as connection:
            connection.execute("UPDATE outbox SET problem = ? WHERE seq = ?", (problem, seq))

    def delivered(self, base_url: str, seq: int, *, created_id: int | None = None) -> None:
        """The server has the change: drop the item (and note a create's server id).

        The entries last seen on the server get the change too, in the same transaction:
        once the item is gone, they are all this desk knows of it, and a stamp that went
        out must still show when the next look at the server fails.
        """
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT kind, ref, payload FROM outbox WHERE seq = ?", (seq,)
            ).fetchone()
            if row is not None:
                kind, ref, payload = row[0], row[1], json.loads(row[2])
                if created_id is not None:
                    created.record(connection, base_url, ref, created_id, seq)
                recent.apply_delivered(
                    connection, base_url, kind, ref, payload, created_id=created_id
                )
                entry_id = created_id if kind == "create" else entry_id_of(ref)
                if entry_id is None and kind != "create":
                    entry_id = created.lookup(connection, base_url, ref)
                if entry_id is not None:
                    seen.apply_delivered(connection, base_url, kind, entry_id, payload)
            connection.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
            sync_state.record_success(connection, base_url)

    def mark_stuck(self, seq: int, problem: str, hold: Hold = Hold.REFUSED) -> None:
        """Retrying cannot get the item through: hold it for a person, saying why."""
        with self._database.transaction() as connection:
            connection.execute(
                "UPDATE outbox SET stuck = ?, problem = ? WHERE seq = ?", (hold, problem, seq)
            )

    def revise(
        self,
        seq: int,
        *,
        draft: AttendanceDraft | None = None,
        change: AttendanceChange | None = None,
        base: Attendance | None = None,
    ) -> bool:
        """Put what a person fixed into a waiting create (``draft``) or update (``change``,
        checked against ``base``), and let it go again.

        The item keeps its place and its reference, so the changes queued behind it (the
        edits of an entry whose create is fixed, say) still follow it. False when the item
        is no longer waiting or is of the other kind.
        """
        kind, payload = (Kind.CREATE, draft_json(draft)) if draft is not None else (None, None)
        if change is not None:
            kind, payload = Kind.UPDATE, change_json(change)
        if kind is None or payload is None:
            raise ValueError("revise needs a draft or a change")
        with self._database.transaction() as connection:
            cursor = connection.execute(
                "UPDATE outbox SET payload = ?, base = ?, stuck = 0, problem = ''"
                " WHERE seq = ? AND kind = ?",
                (json.dumps(payload), _base_json(base), seq, kind.value),
            )
        return cursor.rowcount == 1

    def item(self, seq: int) -> OutboxItem | None:
        """The waiting item ``seq``, if it still waits."""
        with self._database.transaction() as connection:
            row = connection.execute(
                "SELECT seq, kind, ref, payload, queued_at, attempts, stuck, problem, base"
                " FROM outbox WHERE seq = ?",
                (seq,),
            ).fetchone()
        return None if row is None else _item(row)

    def release(self, seq: int) -> None:
        """Let a stuck item be tried again (after the person fixed what was wrong)."""
        with self._database.transaction() as connection:
            connection.execute("UPDATE outbox SET stuck = 0, problem = '' WHERE seq = ?", (seq,))

    def discard(self, seq: int) -> None:
        """Drop an item the person chose not to send."""
        with self._database.transaction() as connection:
            connection.execute("DELETE FROM outbox WHERE seq = ?", (seq,))

    # -- plumbing -----------------------------------------------------------------------

    def _add(
        self,
        base_url: str,
        kind: Kind,
        ref: str,
        payload: dict[str, Any],
        base: Attendance | None = None,
    ) -> int:
        with self._database.transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO outbox (base_url, kind, ref, payload, queued_at, base)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    base_url,
                    kind.value,
                    ref,
                    json.dumps(payload),
                    format_timestamp(datetime.now(UTC)),
                    _base_json(base),
                ),
            )
        assert cursor.lastrowid is not None
        log.info("queued #%d: %s of %s", cursor.lastrowid, kind.value, ref)
        return cursor.lastrowid


# The outbox file's schema, in SQLite's ``user_version``: 0 for files written before it was
# kept, 1 since items carry the entry as seen (``base``), 2 since the version is kept.
SCHEMA_VERSION = 2


def _migrate(connection: sqlite3.Connection) -> int:
    """Bring an outbox written by an earlier TimeClock up to this schema, keeping its items.

    A file of a newer TimeClock is left at its version: what this one can read of it is
    used, and rows it cannot read are held as unreadable (never rewritten). Returns the
    file's version.
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        return int(version)
    _add_missing_columns(connection)
    if version < SCHEMA_VERSION:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _add_missing_columns(connection: sqlite3.Connection) -> None:
    """Add the columns an outbox of schema 0 lacks (``base``)."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(outbox)")}
    if "base" not in columns:
        try:
            connection.execute("ALTER TABLE outbox ADD COLUMN base TEXT")
        except sqlite3.OperationalError as error:  # another process added it just now
            if "duplicate column" not in str(error):
                raise


def _hold(stored: int) -> Hold:
    try:
        return Hold(stored)
    except ValueError:  # written by a later TimeClock: held, for a reason not known here
        return Hold.REFUSED


def _base_json(base: Attendance | None) -> str | None:
    return None if base is None else json.dumps(attendance_json(base))


UNREADABLE_PROBLEM = "unreadable (written by a newer TimeClock?)"


def _item(row: tuple[Any, ...]) -> OutboxItem:
    """The item of an outbox row; a row this version cannot read is held as unreadable.

    Such a row (a kind from a newer TimeClock, a missing field, an odd timestamp) must not
    stop the other changes, the status or the window: it is listed, held, and can be
    discarded; its bytes stay as they are for a TimeClock that can read them.
    """
    seq, kind, ref, payload, queued_at, attempts, stuck, problem, base = row
    try:
        data = json.loads(payload)
        draft = change = None
        if kind == Kind.CREATE:
            draft = draft_from_json(data)
        elif kind == Kind.UPDATE:
            change = change_from_json(data)
        return OutboxItem(
            seq=int(seq),
            kind=Kind(kind),
            ref=str(ref),
            draft=draft,
            change=change,
            queued_at=parse_timestamp(queued_at),
            attempts=int(attempts),
            hold=_hold(stuck),
            problem=str(problem),
            base=None if base is None else attendance_from_json(json.loads(base)),
        )
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return OutboxItem(
            seq=int(seq),
            kind=Kind.UNREADABLE,
            ref=str(ref),
            draft=None,
            change=None,
            queued_at=_readable_time(queued_at),
            attempts=0,
            hold=Hold.UNREADABLE,
            problem=UNREADABLE_PROBLEM,
        )


def _readable_time(text: object) -> datetime:
    try:
        return parse_timestamp(str(text))
    except (ValueError, OverflowError):
        return datetime.fromtimestamp(0, UTC)
