"""The break log of the open entry in SQLite, kept between runs of the program.

Logs are keyed by API base URL and entry reference; a new :class:`BreakStore` on the same file
sees what an earlier one saved, which is how a break started in one run ends in the next.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from timeclock.domain.attendance import AttendanceDraft
from timeclock.domain.shift import BreakLog
from timeclock.store.breaks import BreakStore, BreakStoreError
from timeclock.store.outbox import Outbox
from timeclock.store.paths import OUTBOX_FILE, STATE_FILE

BASE_URL = "https://testkonto.timetrackenterprise.com/api/v2/ext"
OTHER_URL = "http://127.0.0.1:8080/api/v2/ext"
NOW = datetime(2024, 3, 14, 9, 41, 7, 123000, tzinfo=UTC)


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    """Where the stores of a test keep their logs (the folder does not exist yet)."""
    return tmp_path / "state" / "breaks.sqlite3"


@pytest.fixture
def memory_store() -> Iterator[BreakStore]:
    """An in-memory store, closed after the test."""
    store = BreakStore(":memory:")
    yield store
    store.close()


def test_an_unknown_entry_has_no_log(state_file: Path) -> None:
    assert BreakStore(state_file).load(BASE_URL, "id:1") is None


def test_a_saved_log_survives_a_new_store_on_the_same_file(state_file: Path) -> None:
    log = BreakLog("id:7", timedelta(minutes=12, seconds=5), NOW)

    BreakStore(state_file).save(BASE_URL, log, user="hansm")

    assert state_file.is_file()
    assert BreakStore(state_file).load(BASE_URL, "id:7") == log


def test_a_log_without_a_running_break_round_trips(state_file: Path) -> None:
    log = BreakLog("id:3", timedelta(minutes=45))
    store = BreakStore(state_file)

    store.save(BASE_URL, log, user="hansm")

    loaded = store.load(BASE_URL, "id:3")
    assert loaded == log
    assert loaded is not None and not loaded.on_break


@pytest.mark.parametrize(
    ("taken", "running_since"),
    [
        (timedelta(milliseconds=1001), datetime(2004, 10, 15, 18, 52, 13, 718000, tzinfo=UTC)),
        (timedelta(milliseconds=2002), datetime(2004, 6, 11, 5, 21, 23, 74000, tzinfo=UTC)),
        (timedelta(minutes=14, milliseconds=1023), datetime(2004, 9, 18, 3, 46, 13, 985000, UTC)),
    ],
)
def test_milliseconds_are_kept_exactly(
    taken: timedelta, running_since: datetime, state_file: Path
) -> None:
    """Values where a float's ``* 1000`` lands just below the whole millisecond."""
    log = BreakLog("id:1", taken, running_since)
    store = BreakStore(state_file)

    store.save(BASE_URL, log, user="hansm")

    assert store.load(BASE_URL, "id:1") == log


def test_loaded_times_are_aware_utc(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(
        BASE_URL,
        BreakLog("id:1", timedelta(), NOW.astimezone(timezone(timedelta(hours=2)))),
        user="hansm",
    )

    loaded = store.load(BASE_URL, "id:1")

    assert loaded is not None and loaded.running_since is not None
    assert loaded.running_since.utcoffset() == timedelta()
    assert loaded.running_since == NOW


def test_saving_replaces_the_log_of_the_same_entry(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:7", timedelta(), NOW), user="hansm")

    ended = BreakLog("id:7", timedelta(minutes=20))
    store.save(BASE_URL, ended, user="hansm")

    assert store.load(BASE_URL, "id:7") == ended


def test_saving_forgets_older_entries_of_the_same_base_url(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:7", timedelta(minutes=5)), user="hansm")

    store.save(BASE_URL, BreakLog("id:8", timedelta(minutes=1)), user="hansm")

    assert store.load(BASE_URL, "id:7") is None
    assert store.load(BASE_URL, "id:8") == BreakLog("id:8", timedelta(minutes=1))


def test_logs_of_other_base_urls_are_kept(state_file: Path) -> None:
    store = BreakStore(state_file)
    mine, theirs = (
        BreakLog("id:7", timedelta(minutes=5)),
        BreakLog("id:7", timedelta(minutes=9), NOW),
    )
    store.save(OTHER_URL, theirs, user="hansm")

    store.save(BASE_URL, mine, user="hansm")
    store.save(BASE_URL, BreakLog("id:8"), user="hansm")

    assert store.load(OTHER_URL, "id:7") == theirs
    assert store.load(BASE_URL, "id:7") is None


def test_clear_forgets_only_that_entry(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:7", timedelta(minutes=5)), user="hansm")
    store.save(OTHER_URL, BreakLog("id:7", timedelta(minutes=9)), user="hansm")

    store.clear(BASE_URL, "id:7")

    assert store.load(BASE_URL, "id:7") is None
    assert BreakStore(state_file).load(BASE_URL, "id:7") is None
    assert store.load(OTHER_URL, "id:7") == BreakLog("id:7", timedelta(minutes=9))


def test_clearing_an_unknown_entry_does_nothing(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:7", timedelta(minutes=5)), user="hansm")

    store.clear(BASE_URL, "id:8")

    assert store.load(BASE_URL, "id:7") == BreakLog("id:7", timedelta(minutes=5))


def test_without_a_path_the_store_lives_in_the_data_folder(tmp_path: Path) -> None:
    store = BreakStore()
    store.save(BASE_URL, BreakLog("id:1", timedelta(minutes=2)), user="hansm")

    assert Path(store.path) == tmp_path / "data" / "state.sqlite3"
    assert Path(store.path).is_file()
    assert BreakStore().load(BASE_URL, "id:1") == BreakLog("id:1", timedelta(minutes=2))


def test_an_in_memory_store_keeps_logs_while_it_is_open(
    memory_store: BreakStore, tmp_path: Path
) -> None:
    log = BreakLog("id:4", timedelta(minutes=3), NOW)

    memory_store.save(BASE_URL, log, user="hansm")

    assert memory_store.load(BASE_URL, "id:4") == log
    assert not (tmp_path / ":memory:").exists()
    assert not (tmp_path / "data").exists()


def test_in_memory_stores_do_not_share_logs(memory_store: BreakStore) -> None:
    memory_store.save(BASE_URL, BreakLog("id:4", timedelta(minutes=3)), user="hansm")
    other = BreakStore(":memory:")
    try:
        assert other.load(BASE_URL, "id:4") is None
    finally:
        other.close()


def test_a_file_where_the_folder_should_be_is_a_break_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    path = blocker / "state.sqlite3"

    with pytest.raises(BreakStoreError, match="cannot open the local state file") as caught:
        BreakStore(path)

    assert str(path) in str(caught.value)


def test_a_folder_where_the_file_should_be_is_a_break_store_error(state_file: Path) -> None:
    state_file.mkdir(parents=True)

    with pytest.raises(BreakStoreError, match=str(state_file)):
        BreakStore(state_file)


def test_a_file_that_is_not_a_database_is_a_break_store_error_and_is_let_go(
    state_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state_file.parent.mkdir(parents=True)
    state_file.write_bytes(b"this is not an SQLite database, just text " * 100)
    opened: list[sqlite3.Connection] = []
    connect: Callable[..., sqlite3.Connection] = sqlite3.connect

    def recording_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(sqlite3, "connect", recording_connect)

    with pytest.raises(BreakStoreError, match="not a database"):
        BreakStore(state_file)

    assert opened, "the store never opened the file"
    for connection in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("SELECT 1")


def test_a_store_that_breaks_later_raises_a_break_store_error(state_file: Path) -> None:
    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:1"), user="hansm")
    with sqlite3.connect(state_file) as connection:
        connection.execute("DROP TABLE breaks")
    connection.close()

    with pytest.raises(BreakStoreError, match=r"the local state file .* failed: no such table"):
        store.load(BASE_URL, "id:1")


def test_an_in_memory_store_made_in_one_thread_works_in_another() -> None:
    """The window makes the store in the GUI thread and uses it in its worker thread."""
    store = BreakStore(":memory:")
    log = BreakLog("id:7", timedelta(minutes=5), datetime(2026, 1, 5, 12, 0, tzinfo=UTC))
    failures: list[BaseException] = []

    def use() -> None:
        try:
            store.save("https://x.example.com/api/v2/ext", log, user="hansm")
        except BaseException as error:  # noqa: BLE001 - reported to the test thread
            failures.append(error)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join(timeout=10)
    assert failures == []
    assert store.load("https://x.example.com/api/v2/ext", "id:7") == log
    store.close()


def test_a_users_log_leaves_the_other_users_logs_on_a_shared_desk(state_file: Path) -> None:
    store = BreakStore(state_file)
    hans = BreakLog("id:7", timedelta(minutes=5), NOW)
    store.save(BASE_URL, hans, user="hansm")

    store.save(BASE_URL, BreakLog("id:8", timedelta(), NOW), user="erikam")
    store.save(BASE_URL, BreakLog("id:9"), user="ERIKAM")  # the same user in another case

    assert store.load(BASE_URL, "id:7") == hans
    assert store.load(BASE_URL, "id:8") is None
    assert store.load(BASE_URL, "id:9") == BreakLog("id:9")


def test_a_state_file_of_an_earlier_version_keeps_its_log(state_file: Path) -> None:
    state_file.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(state_file) as connection:
        connection.execute(
            "CREATE TABLE break_log (base_url TEXT NOT NULL, entry_id INTEGER NOT NULL,"
            " taken_ms INTEGER NOT NULL, running_since_ms INTEGER,"
            " PRIMARY KEY (base_url, entry_id))"
        )
        connection.execute("INSERT INTO break_log VALUES (?, 7, 300000, NULL)", (BASE_URL,))
    connection.close()

    store = BreakStore(state_file)
    store.save(BASE_URL, BreakLog("id:8"), user="erikam")

    assert store.load(BASE_URL, "id:7") == BreakLog("id:7", timedelta(minutes=5))
    assert store.load(BASE_URL, "id:8") == BreakLog("id:8")


def _write_schema_0_logs(state_file: Path, rows: list[tuple[int, int, str]]) -> None:
    """A state file as TimeClock wrote it before logs were keyed by entry reference: by
    entry id, negative (minus the create's outbox number) for an entry not yet sent."""
    with sqlite3.connect(state_file) as connection:
        connection.execute(
            "CREATE TABLE break_log (base_url TEXT NOT NULL, entry_id INTEGER NOT NULL,"
            " taken_ms INTEGER NOT NULL, running_since_ms INTEGER,"
            " user_name TEXT NOT NULL DEFAULT '', PRIMARY KEY (base_url, entry_id))"
        )
        connection.executemany(
            "INSERT INTO break_log VALUES (?, ?, ?, NULL, ?)",
            [(BASE_URL, *row) for row in rows],
        )
    connection.close()


def test_logs_of_entries_not_yet_sent_move_to_their_creates_references(
    tmp_path: Path,
) -> None:
    """The negative ids of schema 0 named outbox items: the outbox beside the state file
    (as in the data folder) knows the references of those creates, waiting or delivered."""
    outbox = Outbox(tmp_path / OUTBOX_FILE)
    start = NOW.replace(microsecond=0)
    draft = AttendanceDraft(user="hansm", start=start, end=start, manual=False)
    waiting_seq, waiting_ref = outbox.add_create(BASE_URL, draft)
    sent_seq, sent_ref = outbox.add_create(BASE_URL, replace(draft, user="erikam"))
    outbox.delivered(BASE_URL, sent_seq, created_id=55)
    gone_seq, _ = outbox.add_create(BASE_URL, replace(draft, user="paulk"))
    outbox.discard(gone_seq)
    outbox.close()
    state_file = tmp_path / STATE_FILE
    _write_schema_0_logs(
        state_file,
        [
            (3, 60_000, "annal"),
            (-waiting_seq, 120_000, "hansm"),
            (-sent_seq, 180_000, "erikam"),
            (-gone_seq, 240_000, "paulk"),
        ],
    )

    store = BreakStore(state_file)

    assert store.load(BASE_URL, "id:3") == BreakLog("id:3", timedelta(minutes=1))
    assert store.load(BASE_URL, waiting_ref) == BreakLog(waiting_ref, timedelta(minutes=2))
    assert store.load(BASE_URL, sent_ref) == BreakLog(sent_ref, timedelta(minutes=3))
    with sqlite3.connect(state_file) as connection:
        rows = connection.execute("SELECT entry_ref, user_name FROM breaks").fetchall()
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.close()
    assert sorted(rows) == sorted(
        [("id:3", "annal"), (waiting_ref, "hansm"), (sent_ref, "erikam")]
    ), "the log of a discarded create belongs to no entry: dropped"
    assert "break_log" not in tables
    assert version == 1


def test_a_schema_0_log_of_an_unsent_entry_without_an_outbox_beside_it_is_dropped(
    state_file: Path,
) -> None:
    state_file.parent.mkdir(parents=True)
    _write_schema_0_logs(state_file, [(-4, 60_000, "hansm"), (9, 60_000, "erikam")])

    store = BreakStore(state_file)

    assert store.load(BASE_URL, "id:9") == BreakLog("id:9", timedelta(minutes=1))
    assert store.load(BASE_URL, "id:-4") is None


def test_two_stores_opening_a_schema_0_file_at_once_move_each_log_once(
    state_file: Path,
) -> None:
    state_file.parent.mkdir(parents=True)
    _write_schema_0_logs(state_file, [(9, 60_000, "erikam")])
    stores: list[BreakStore] = []
    failures: list[BaseException] = []

    def open_store() -> None:
        try:
            stores.append(BreakStore(state_file))
        except BaseException as error:  # noqa: BLE001 - reported to the test thread
            failures.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)

    assert failures == []
    for store in stores:
        assert store.load(BASE_URL, "id:9") == BreakLog("id:9", timedelta(minutes=1))
