"""The outbox keeps every change on disk, in order, until it was delivered."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.domain.attendance import AttendanceChange, AttendanceDraft, Location
from timeclock.domain.refs import entry_id_of, is_local, server_ref
from timeclock.store.outbox import (
    Hold,
    Kind,
    Outbox,
    OutboxError,
)

BASE = "https://testkonto.timetrackenterprise.com/api/v2/ext"
START = datetime(2026, 3, 10, 7, 0, 0, 123_000, tzinfo=UTC)


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


def draft(**fields: object) -> AttendanceDraft:
    values: dict[str, object] = {"user": "hansm", "start": START, "end": START, "manual": False}
    values.update(fields)
    return AttendanceDraft(**values)  # type: ignore[arg-type]


def test_changes_come_back_in_order_with_everything_they_carry(outbox: Outbox) -> None:
    located = draft(
        end=START + timedelta(hours=8),
        break_minutes=30,
        notes="Messe, Stand 4",
        manual=True,
        start_location=Location(52.52, 13.405),
        end_location=Location(48.137, 11.575),
    )
    _, ref = outbox.add_create(BASE, located)
    outbox.add_update(BASE, ref, AttendanceChange(end=START + timedelta(hours=9), notes=""))
    outbox.add_delete(BASE, server_ref(17))
    items = outbox.items(BASE)
    assert [item.kind for item in items] == [Kind.CREATE, Kind.UPDATE, Kind.DELETE]
    assert items[0].draft == located
    assert items[1].ref == ref
    assert items[1].change == AttendanceChange(end=START + timedelta(hours=9), notes="")
    assert items[2].ref == "id:17"
    assert all(item.attempts == 0 and not item.stuck for item in items)
    assert outbox.count(BASE) == 3
    assert outbox.items("https://other.example.com/api/v2/ext") == []


def test_a_restart_finds_everything_that_was_queued(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    first = Outbox(path)
    first.add_create(BASE, draft())
    first.begin_attempt(first.items(BASE)[0].seq)
    again = Outbox(path)  # as after kill -9: a new process opens the same file
    (item,) = again.items(BASE)
    assert item.draft == draft()
    assert item.attempts == 1


def test_a_created_entry_is_known_by_its_server_id_afterwards(outbox: Outbox) -> None:
    seq, ref = outbox.add_create(BASE, draft())
    assert is_local(ref)
    assert outbox.server_id(BASE, ref) is None
    outbox.delivered(BASE, seq, created_id=4711)
    assert outbox.server_id(BASE, ref) == 4711
    assert outbox.server_id(BASE, server_ref(5)) == 5
    assert outbox.count(BASE) == 0
    assert outbox.sync_state.last_success(BASE) is not None


def test_stuck_items_stay_until_released_or_discarded(outbox: Outbox) -> None:
    seq = outbox.add_update(BASE, server_ref(3), AttendanceChange(notes="x"))
    outbox.mark_stuck(seq, "Entry 3 no longer exists")
    (item,) = outbox.items(BASE)
    assert item.stuck and item.problem == "Entry 3 no longer exists"
    outbox.release(seq)
    assert not outbox.items(BASE)[0].stuck
    outbox.discard(seq)
    assert outbox.items(BASE) == []


def test_an_edit_keeps_the_entry_it_started_from(outbox: Outbox) -> None:
    base = draft(end=START + timedelta(hours=8), notes="vorher").as_entry(3)
    seq = outbox.add_update(BASE, server_ref(3), AttendanceChange(notes="nachher"), base=base)
    item = outbox.item(seq)
    assert item is not None and item.base == base
    assert outbox.items(BASE)[0].base == base
    assert outbox.item(seq + 1) is None


def test_a_conflict_is_held_as_such(outbox: Outbox) -> None:
    seq = outbox.add_update(BASE, server_ref(3), AttendanceChange(notes="x"))
    outbox.mark_stuck(seq, "changed meanwhile", Hold.CONFLICT)
    (item,) = outbox.items(BASE)
    assert item.hold is Hold.CONFLICT and item.stuck


def test_a_revised_item_keeps_its_place_and_reference_and_goes_again(outbox: Outbox) -> None:
    seq, ref = outbox.add_create(BASE, draft(notes="falsch"))
    later = outbox.add_update(BASE, ref, AttendanceChange(notes="danach"))
    outbox.begin_attempt(seq)
    outbox.mark_stuck(seq, "400: end before start")
    assert outbox.revise(seq, draft=draft(notes="richtig"))
    first, second = outbox.items(BASE)
    assert (first.seq, first.ref, first.draft) == (seq, ref, draft(notes="richtig"))
    assert not first.stuck and first.problem == ""
    assert first.attempts == 1  # a send began once: the delivery still looks first
    assert second.seq == later
    base = draft(notes="danach").as_entry(9)
    assert outbox.revise(later, change=AttendanceChange(notes="neu"), base=base)
    assert outbox.items(BASE)[1].change == AttendanceChange(notes="neu")
    assert outbox.items(BASE)[1].base == base
    # Only the same kind, and only while it waits.
    assert not outbox.revise(seq, change=AttendanceChange(notes="x"))
    outbox.discard(later)
    assert not outbox.revise(later, change=AttendanceChange(notes="x"))
    with pytest.raises(ValueError, match="draft or a change"):
        outbox.revise(seq)


def test_an_outbox_of_an_earlier_version_is_taken_over_with_its_items(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, base_url TEXT NOT NULL, kind TEXT NOT NULL,
            ref TEXT NOT NULL, payload TEXT NOT NULL, queued_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, stuck INTEGER NOT NULL DEFAULT 0,
            problem TEXT NOT NULL DEFAULT '');
        INSERT INTO outbox (base_url, kind, ref, payload, queued_at, stuck, problem)
        VALUES ('BASE', 'delete', 'id:5', '{}', '2026-03-10T07:00:00.000Z', 1, '404');""".replace(
            "BASE", BASE
        )
    )
    old.commit()
    old.close()
    outbox = Outbox(path)
    (item,) = outbox.items(BASE)
    assert (item.kind, item.ref, item.hold, item.base) == (Kind.DELETE, "id:5", Hold.REFUSED, None)
    outbox.add_update(BASE, "id:5", AttendanceChange(notes="x"), base=draft().as_entry(5))
    assert Outbox(path).items(BASE)[1].base == draft().as_entry(5)


def test_references() -> None:
    assert entry_id_of("id:42") == 42
    assert entry_id_of("local:abc") is None
    assert not is_local(server_ref(1))


def test_an_unusable_file_is_an_outbox_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutboxError, match="cannot open the outbox"):
        Outbox(blocker / "outbox.sqlite3")


def test_nothing_secret_is_stored(outbox: Outbox, tmp_path: Path) -> None:
    """The outbox holds entries and server addresses, never the key or secret."""
    outbox.add_create(BASE, draft(notes="Nachtrag"))
    raw = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert b"Nachtrag" in raw  # it is the file the outbox writes
    assert b"secret" not in raw.lower()
