"""Private folders and files: made 0700/0600 under any umask, older open ones tightened."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeclock.store.private import private_database, private_dir, private_file


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """No umask at all: whatever the code does not restrict would be world-writable."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_folder_and_its_missing_parents_exist_and_the_folder_is_private(
    tmp_path: Path,
) -> None:
    folder = private_dir(tmp_path / "a" / "b")
    assert folder.is_dir()
    assert mode(folder) == 0o700


def test_an_open_folder_is_tightened_and_one_that_is_missing_is_not_made(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir(mode=0o755)
    private_dir(tmp_path / "old", create=False)
    assert mode(tmp_path / "old") == 0o700
    private_dir(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()


def test_a_new_file_is_private_from_the_start_and_keeps_its_content_when_tightened(
    tmp_path: Path,
) -> None:
    assert mode(private_file(tmp_path / "new", create=True)) == 0o600
    (tmp_path / "old").write_text("kept")
    (tmp_path / "old").chmod(0o664)
    private_file(tmp_path / "old", create=True)
    assert (mode(tmp_path / "old"), (tmp_path / "old").read_text()) == (0o600, "kept")
    private_file(tmp_path / "missing")
    assert not (tmp_path / "missing").exists()


def test_a_database_its_folder_and_its_wal_and_shm_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "state.sqlite3"
    connection = sqlite3.connect(private_database(path))
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    companions = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    assert all(companion.exists() for companion in companions)
    assert [mode(p) for p in (path.parent, path, *companions)] == [0o700, 0o600, 0o600, 0o600]
    connection.close()


def test_companions_left_open_by_an_earlier_version_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    for name in ("outbox.sqlite3", "outbox.sqlite3-wal", "outbox.sqlite3-shm"):
        (tmp_path / name).touch(0o644)
    private_database(path)
    assert {mode(p) for p in tmp_path.iterdir()} == {0o600}


def test_preparing_a_database_in_use_keeps_its_locks(tmp_path: Path) -> None:
    """SQLite locks a database with POSIX locks, which any close() of the file by the same
    process drops. Opening a second connection (which prepares the file first) must not
    let another process write while the first connection holds its write lock: with
    kill -9 that corrupted outboxes ("database disk image is malformed")."""
    path = private_database(tmp_path / "data" / "outbox.sqlite3")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # the write lock
    holder.execute("INSERT INTO t VALUES (1)")
    try:
        private_database(path)  # as a second connection of this process does first

        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0);"
                "c.execute('BEGIN IMMEDIATE'); print('wrote')",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert "database is locked" in other.stderr, other.stdout + other.stderr
