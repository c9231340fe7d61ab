"""A database file of this desk keeps one connection per thread, not one per call."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from timeclock.domain.attendance import AttendanceDraft
from timeclock.store import database
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox

BASE = "https://acme.timetrackenterprise.com/api/v2/ext"
NOW = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths SQLite was asked to open, in order."""
    paths: list[str] = []
    real = sqlite3.connect

    def counting(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        paths.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", counting)
    return paths


def test_many_calls_in_one_thread_share_one_connection(tmp_path: Path, opened: list[str]) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    draft = AttendanceDraft(user="hansm", start=NOW, end=NOW, manual=False)
    for _ in range(10):
        seq, _ref = outbox.add_create(BASE, draft)
        outbox.items(BASE)
        outbox.begin_attempt(seq)
        outbox.delivered(BASE, seq, created_id=seq)
    assert outbox.sync_state.last_success(BASE) is not None

    assert opened == [str(tmp_path / "outbox.sqlite3")]


def test_each_thread_gets_its_own_connection(tmp_path: Path, opened: list[str]) -> None:
    store = BreakStore(tmp_path / "state.sqlite3")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                store.load(BASE, 1)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(opened) == 4  # the creating thread's, and one for each worker


def test_an_in_memory_outbox_is_one_database_for_every_thread(opened: list[str]) -> None:
    outbox = Outbox(":memory:")
    draft = AttendanceDraft(user="hansm", start=NOW, end=NOW, manual=False)
    thread = threading.Thread(target=lambda: outbox.add_create(BASE, draft))
    thread.start()
    thread.join()

    assert len(outbox.items(BASE)) == 1
    assert opened == [":memory:"]


def test_a_thread_closes_the_connections_it_opened_and_no_others(tmp_path: Path) -> None:
    database.close_thread_connections()  # what earlier tests left open in this thread
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    other = database.Database(
        str(tmp_path / "other.sqlite3"), lambda _connection: None, describe="a file"
    )
    memory = Outbox(":memory:")
    before = database.open_connections()  # this thread's, opened to set the files up
    seen: list[int] = []

    def work() -> None:
        outbox.items(BASE)
        outbox.items(BASE)
        with other.transaction() as connection:
            connection.execute("SELECT 1")
        memory.items(BASE)
        seen.append(database.open_connections())
        seen.append(database.close_thread_connections())
        seen.append(database.open_connections())
        seen.append(database.close_thread_connections())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()

    # One connection per file for the thread (none for the one in memory), all closed.
    assert seen == [before + 2, 2, before, 0]
    # The other thread's connections, and the database in memory, are still usable.
    assert outbox.items(BASE) == []
    assert memory.items(BASE) == []
    assert database.close_thread_connections() == 2
    assert database.open_connections() == before - 2
    assert outbox.items(BASE) == []  # usable again, with a new connection
    assert database.open_connections() == before - 1
    outbox.close()
    memory.close()
    assert database.open_connections() == before - 2
