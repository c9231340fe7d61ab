"""The outbox keeps every change on disk, in order, until it was delivered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.domain.attendance import AttendanceChange, AttendanceDraft, Location
from timeclock.store.outbox import (
    Kind,
    Outbox,
    OutboxError,
    entry_id_of,
    is_local,
    server_ref,
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
    assert outbox.last_success(BASE) is not None


def test_stuck_items_stay_until_released_or_discarded(outbox: Outbox) -> None:
    seq = outbox.add_update(BASE, server_ref(3), AttendanceChange(notes="x"))
    outbox.mark_stuck(seq, "Entry 3 no longer exists")
    (item,) = outbox.items(BASE)
    assert item.stuck and item.problem == "Entry 3 no longer exists"
    outbox.release(seq)
    assert not outbox.items(BASE)[0].stuck
    outbox.discard(seq)
    assert outbox.items(BASE) == []


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
