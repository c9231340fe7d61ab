"""The SQLite store on its own: the direct access that test code relies on."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.sandbox import (
    AttendancePatch,
    AttendanceStore,
    EntryDeletedError,
    EntryNotFoundError,
    NewAttendance,
)
from timeclock.sandbox.records import TimeRangeError

MakeEntries = Callable[..., list[NewAttendance]]
START = datetime(2020, 10, 1, 8, 0, 0, 123000, tzinfo=UTC)


@pytest.fixture
def store() -> Iterator[AttendanceStore]:
    with AttendanceStore() as opened:
        yield opened


def test_create_and_get_round_trip_every_field(store: AttendanceStore) -> None:
    new = NewAttendance(
        user="annak",
        start=START,
        end=START + timedelta(hours=8, seconds=30),
        notes="Nachtrag vergessen",
        manual=True,
        break_minutes=45,
        latitude_start=52.52,
        longitude_start=13.405,
        latitude_end=-33.9,
        longitude_end=-70.0,
    )

    created = store.create(new)

    assert created.id == 1
    assert store.get(1) == created
    assert created.worked_minutes == 8 * 60 - 45
    assert not created.deleted


def test_times_are_kept_to_the_millisecond(store: AttendanceStore) -> None:
    start = datetime(2020, 10, 1, 8, 0, 0, 123999, tzinfo=UTC)

    store.create(NewAttendance(user="ivan", start=start, end=start))

    assert store.get(1).start == datetime(2020, 10, 1, 8, 0, 0, 123000, tzinfo=UTC)


def test_bulk_insert_count_and_reset(store: AttendanceStore, make_entries: MakeEntries) -> None:
    assert store.insert_many(make_entries(2500)) == 2500
    assert store.count() == 2500

    store.reset()

    assert store.count(include_deleted=True) == 0
    assert store.create(make_entries(1)[0]).id == 1  # ids start again


def test_deleted_entries_are_kept_but_hidden(
    store: AttendanceStore, make_entries: MakeEntries
) -> None:
    store.insert_many(make_entries(3))

    store.delete(2)

    assert [entry.id for entry in store.all()] == [1, 3]
    assert [(entry.id, entry.deleted) for entry in store.all(include_deleted=True)] == [
        (1, False),
        (2, True),
        (3, False),
    ]
    assert [entry.id for entry in store.query()] == [1, 3]
    assert (store.count(), store.count(include_deleted=True)) == (2, 3)
    found = store.find(2)
    assert found is not None and found.deleted
    with pytest.raises(EntryDeletedError):
        store.get(2)
    with pytest.raises(EntryDeletedError):
        store.delete(2)
    with pytest.raises(EntryDeletedError):
        store.update(2, AttendancePatch(notes="x"))


@pytest.mark.parametrize("entry_id", [0, -1, 4, 2**70])
def test_unknown_ids_are_not_found(
    store: AttendanceStore, make_entries: MakeEntries, entry_id: int
) -> None:
    store.insert_many(make_entries(3))

    assert store.find(entry_id) is None
    with pytest.raises(EntryNotFoundError):
        store.get(entry_id)
    with pytest.raises(EntryNotFoundError):
        store.update(entry_id, AttendancePatch())
    with pytest.raises(EntryNotFoundError):
        store.delete(entry_id)


def test_update_checks_the_merged_range(store: AttendanceStore, make_entries: MakeEntries) -> None:
    (entry,) = make_entries(1)
    created = store.create(entry)

    with pytest.raises(TimeRangeError):
        store.update(1, AttendancePatch(end=entry.start - timedelta(seconds=1)))

    assert store.get(1) == created
    moved = store.update(1, AttendancePatch(start=entry.start + timedelta(hours=1), notes="spät"))
    assert (moved.start, moved.notes, moved.end) == (
        entry.start + timedelta(hours=1),
        "spät",
        entry.end,
    )
    assert store.get(1) == moved


def test_query_filters_and_pages(store: AttendanceStore, make_entries: MakeEntries) -> None:
    store.insert_many(make_entries(10, user="ivan") + make_entries(10, user="lenab"))
    second = START.replace(microsecond=0) + timedelta(hours=2)

    found = store.query(user="lenab", start=second, limit=3, offset=3)

    assert [entry.id for entry in found] == [16, 17, 18]


def test_the_store_is_safe_across_threads(
    store: AttendanceStore, make_entries: MakeEntries
) -> None:
    def work() -> None:
        for entry in make_entries(50):
            store.create(entry)
            store.query(limit=5)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(entry.id for entry in store.all()) == list(range(1, 201))


def test_a_file_store_uses_wal_and_persists(tmp_path: Path, make_entries: MakeEntries) -> None:
    path = tmp_path / "sandbox.db"
    with AttendanceStore(path) as first:
        first.insert_many(make_entries(2))
        first.delete(1)

    with AttendanceStore(str(path)) as second:
        assert [(entry.id, entry.deleted) for entry in second.all(include_deleted=True)] == [
            (1, True),
            (2, False),
        ]
        assert second.create(make_entries(1)[0]).id == 3
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()


def test_an_entry_cannot_end_before_it_starts() -> None:
    with pytest.raises(TimeRangeError):
        NewAttendance(user="ivan", start=START, end=START - timedelta(milliseconds=1))


def test_the_version_changes_with_every_write_and_only_then(
    store: AttendanceStore, make_entries: MakeEntries
) -> None:
    seen = [store.version]
    store.insert_many(make_entries(3))
    seen.append(store.version)
    created = store.create(make_entries(1)[0])
    seen.append(store.version)
    store.update(created.id, AttendancePatch(notes="changed"))
    seen.append(store.version)
    store.delete(created.id)
    seen.append(store.version)
    store.reset()
    seen.append(store.version)

    assert len(set(seen)) == len(seen)
    store.query(limit=2)
    store.all(include_deleted=True)
    store.count()
    assert store.version == seen[-1]


def test_a_file_stores_version_sees_another_connections_commit(
    tmp_path: Path, make_entries: MakeEntries
) -> None:
    path = tmp_path / "shared.db"
    with AttendanceStore(path) as serving, AttendanceStore(path) as other:
        before = serving.version
        other.insert_many(make_entries(1))

        assert serving.version != before
        assert len(serving.query()) == 1
