"""The outbox: every change is written here, committed, before it is sent to TimeTrack.

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
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.domain.timestamps import format_timestamp, parse_timestamp
from timeclock.store.codec import (
    attendance_from_json,
    attendance_json,
    change_from_json,
    change_json,
    draft_from_json,
    draft_json,
)
from timeclock.store.locks import FileLock
from timeclock.store.paths import data_dir
from timeclock.store.private import private_database

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
CREATE TABLE IF NOT EXISTS created (
    base_url TEXT NOT NULL,
    ref TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (base_url, ref)
);
CREATE TABLE IF NOT EXISTS recent (
    base_url TEXT NOT NULL,
    user_name TEXT NOT NULL,
    entries TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (base_url, user_name)
);
CREATE TABLE IF NOT EXISTS sync_state (
    base_url TEXT PRIMARY KEY,
    last_success TEXT NOT NULL
);
"""

LOCAL_PREFIX = "local:"


class OutboxError(TimeClockError):
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


def local_ref() -> str:
    """A new reference for an entry that exists only here so far."""
    return LOCAL_PREFIX + uuid.uuid4().hex


def server_ref(entry_id: int) -> str:
    """The reference of an entry the server knows by ``entry_id``."""
    return f"id:{int(entry_id)}"


def is_local(ref: str) -> bool:
    """Whether ``ref`` names an entry not yet created on the server."""
    return ref.startswith(LOCAL_PREFIX)


def entry_id_of(ref: str) -> int | None:
    """The server id in a server reference, else None."""
    return int(ref[3:]) if ref.startswith("id:") else None


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
    """The outbox of this desk, in ``outbox.sqlite3`` of the data folder (or ``path``).

    It also keeps the user's recent entries as last seen on the server, so that the state
    of a shift can be shown, and stamped on, while the server cannot be reached.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else str(data_dir() / "outbox.sqlite3")
        self._lock = threading.Lock()
        # An in-memory outbox belongs to one process: its lock files are its own, under a
        # fresh name in the temporary folder (a shared name would join unrelated outboxes).
        lock_base = self.path if self.path != ":memory:" else _memory_lock_base()
        self._delivery_lock = FileLock(lock_base + ".lock")
        self._stamp_lock = FileLock(lock_base + ".stamp.lock")
        self._memory = (
            sqlite3.connect(":memory:", check_same_thread=False)
            if self.path == ":memory:"
            else None
        )
        with self._transaction() as connection:
            connection.executescript(_SCHEMA)
            self.schema_version = _migrate(connection)

    def close(self) -> None:
        """Release an in-memory database."""
        if self._memory is not None:
            self._memory.close()

    # -- adding -------------------------------------------------------------------------

    def add_create(self, base_url: str, draft: AttendanceDraft) -> tuple[int, str]:
        """Queue a create; returns its sequence number and the new entry's local reference."""
        ref = local_ref()
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
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT seq, kind, ref, payload, queued_at, attempts, stuck, problem, base"
                " FROM outbox WHERE base_url = ? ORDER BY seq",
                (base_url,),
            ).fetchall()
        return [_item(row) for row in rows]

    def count(self, base_url: str) -> int:
        """How many changes wait."""
        with self._transaction() as connection:
            (count,) = connection.execute(
                "SELECT COUNT(*) FROM outbox WHERE base_url = ?", (base_url,)
            ).fetchone()
        return int(count)

    def server_id(self, base_url: str, ref: str) -> int | None:
        """The server id of the entry ``ref``, once it is known."""
        direct = entry_id_of(ref)
        if direct is not None:
            return direct
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT entry_id FROM created WHERE base_url = ? AND ref = ?", (base_url, ref)
            ).fetchone()
        return None if row is None else int(row[0])

    def created_ref(self, base_url: str, seq: int) -> str | None:
        """The reference of the entry the delivered create ``seq`` made, if it made one."""
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT ref FROM created WHERE base_url = ? AND seq = ?", (base_url, seq)
            ).fetchone()
        return None if row is None else str(row[0])

    def known_ids(self, base_url: str) -> set[int]:
        """The server ids this desk already took for its changes: the entries its creates
        made, and those its waiting changes are about. A lost create is never one of them."""
        with self._transaction() as connection:
            made = connection.execute(
                "SELECT entry_id FROM created WHERE base_url = ?", (base_url,)
            ).fetchall()
            refs = connection.execute(
                "SELECT ref FROM outbox WHERE base_url = ?", (base_url,)
            ).fetchall()
        known = {int(entry_id) for (entry_id,) in made}
        known.update(entry_id for (ref,) in refs if (entry_id := entry_id_of(ref)) is not None)
        return known

    def created_by(self, base_url: str, entry_id: int) -> int | None:
        """The sequence number of the queued create that made server entry ``entry_id``."""
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT seq FROM created WHERE base_url = ? AND entry_id = ?", (base_url, entry_id)
            ).fetchone()
        return None if row is None else int(row[0])

    def remember_recent(
        self, base_url: str, user: str, entries: list[Attendance], *, fetched_at: datetime
    ) -> None:
        """Keep the user's recent entries as last seen on the server, for offline use."""
        payload = json.dumps([attendance_json(entry) for entry in entries])
        with self._transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO recent VALUES (?, ?, ?, ?)",
                (base_url, user, payload, format_timestamp(fetched_at)),
            )

    def recall_recent(self, base_url: str, user: str) -> tuple[list[Attendance], datetime] | None:
        """The recent entries last seen on the server, and when, if ever."""
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT entries, fetched_at FROM recent WHERE base_url = ? AND user_name = ?",
                (base_url, user),
            ).fetchone()
        if row is None:
            return None
        return [attendance_from_json(value) for value in json.loads(row[0])], parse_timestamp(
            row[1]
        )

    def last_success(self, base_url: str) -> datetime | None:
        """When a delivery to ``base_url`` last went through."""
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT last_success FROM sync_state WHERE base_url = ?", (base_url,)
            ).fetchone()
        return None if row is None else parse_timestamp(row[0])

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
        with self._transaction() as connection:
            connection.execute("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?", (seq,))

    def undo_attempt(self, seq: int) -> None:
        """Take back :meth:`begin_attempt`: the request never left (no connection was made)."""
        with self._transaction() as connection:
            connection.execute(
                "UPDATE outbox SET attempts = MAX(attempts - 1, 0) WHERE seq = ?", (seq,)
            )

    def note_problem(self, seq: int, problem: str) -> None:
        """Remember why the last try failed (the item stays queued)."""
        with self._transaction() as connection:
            connection.execute("UPDATE outbox SET problem = ? WHERE seq = ?", (problem, seq))

    def delivered(self, base_url: str, seq: int, *, created_id: int | None = None) -> None:
        """The server has the change: drop the item (and note a create's server id).

        The entries last seen on the server get the change too, in the same transaction:
        once the item is gone, they are all this desk knows of it, and a stamp that went
        out must still show when the next look at the server fails.
        """
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT kind, ref, payload FROM outbox WHERE seq = ?", (seq,)
            ).fetchone()
            if row is not None:
                kind, ref, payload = Kind(row[0]), row[1], json.loads(row[2])
                if created_id is not None:
                    connection.execute(
                        "INSERT OR REPLACE INTO created VALUES (?, ?, ?, ?)",
                        (base_url, ref, created_id, seq),
                    )
                _apply_to_recent(connection, base_url, kind, ref, payload, created_id=created_id)
            connection.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
            connection.execute(
                "INSERT OR REPLACE INTO sync_state VALUES (?, ?)",
                (base_url, format_timestamp(datetime.now(UTC))),
            )

    def mark_stuck(self, seq: int, problem: str, hold: Hold = Hold.REFUSED) -> None:
        """Retrying cannot get the item through: hold it for a person, saying why."""
        with self._transaction() as connection:
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
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE outbox SET payload = ?, base = ?, stuck = 0, problem = ''"
                " WHERE seq = ? AND kind = ?",
                (json.dumps(payload), _base_json(base), seq, kind.value),
            )
        return cursor.rowcount == 1

    def item(self, seq: int) -> OutboxItem | None:
        """The waiting item ``seq``, if it still waits."""
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT seq, kind, ref, payload, queued_at, attempts, stuck, problem, base"
                " FROM outbox WHERE seq = ?",
                (seq,),
            ).fetchone()
        return None if row is None else _item(row)

    def release(self, seq: int) -> None:
        """Let a stuck item be tried again (after the person fixed what was wrong)."""
        with self._transaction() as connection:
            connection.execute("UPDATE outbox SET stuck = 0, problem = '' WHERE seq = ?", (seq,))

    def discard(self, seq: int) -> None:
        """Drop an item the person chose not to send."""
        with self._transaction() as connection:
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
        with self._transaction() as connection:
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
        return cursor.lastrowid

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._memory or self._open()
            try:
                with connection:  # commit on success, roll back on error
                    yield connection
            except sqlite3.Error as error:
                raise OutboxError(f"the outbox {self.path} failed: {error}") from None
            finally:
                if self._memory is None:
                    connection.close()

    def _open(self) -> sqlite3.Connection:
        try:
            private_database(Path(self.path))  # 0600, as SQLite's -wal and -shm then are
            connection = sqlite3.connect(self.path, timeout=10)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=FULL")
            except sqlite3.Error:
                connection.close()
                raise
        except (OSError, sqlite3.Error) as error:
            raise OutboxError(f"cannot open the outbox {self.path}: {error}") from None
        return connection


def _apply_to_recent(
    connection: sqlite3.Connection,
    base_url: str,
    kind: Kind,
    ref: str,
    payload: dict[str, Any],
    *,
    created_id: int | None,
) -> None:
    """Bring the entries last seen on the server up to date with a delivered change."""
    if kind == Kind.CREATE:
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
        found = connection.execute(
            "SELECT entry_id FROM created WHERE base_url = ? AND ref = ?", (base_url, ref)
        ).fetchone()
        if found is None:
            return
        entry_id = int(found[0])
    change = change_from_json(payload) if kind == Kind.UPDATE else None
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


# The outbox file's schema, in SQLite's ``user_version``: 0 for files written before it was
# kept, 1 since items carry the entry as seen (``base``), 2 since the version is kept.
SCHEMA_VERSION = 2


def _migrate(connection: sqlite3.Connection) -> int:
    """Bring an outbox written by an earlier TimeClock up to this schema, keeping its items.

    A file of a newer TimeClock is left at its version: what this one can read of it is
    used, and rows it cannot read are held as unreadable (never rewritten). Returns the
    file's version.
    """
    (version,) = connection.execute("PRAGMA user_version").fetchone()
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


def _memory_lock_base() -> str:
    return str(Path(tempfile.gettempdir()) / f"timeclock-memory-outbox-{uuid.uuid4().hex}")


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
