"""Locks across processes, and the folders they are kept in."""

from __future__ import annotations

import stat
import tempfile
import threading
from pathlib import Path

import pytest

from timeclock.store.locks import FileLock
from timeclock.store.outbox import Outbox


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_in_memory_outbox_leaves_the_temporary_folder_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    shared.chmod(0o1777)  # as /tmp is: tightening it would lock everyone else out
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    outbox = Outbox(":memory:")

    with outbox.delivering() as delivering, outbox.stamping(1.0) as stamping:
        assert delivering and stamping

    assert _mode(shared) == 0o1777
    assert list(shared.iterdir()) == []


def test_a_lock_in_an_existing_folder_keeps_the_folders_mode(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    lock = FileLock(folder / "x.lock")

    with lock.held() as allowed:
        assert allowed

    assert _mode(folder) == 0o755
    assert _mode(folder / "x.lock") == 0o600


def test_a_new_folder_for_a_lock_is_private(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "new" / "x.lock")

    with lock.held() as allowed:
        assert allowed

    assert _mode(tmp_path / "new") == 0o700


def test_a_lock_held_by_another_thread_is_not_had_until_it_is_let_go(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "x.lock")
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with lock.held() as allowed:
            assert allowed
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(5)
    with lock.held(0.1) as allowed:
        assert not allowed
    release.set()
    thread.join(5)
    with lock.held(1.0) as allowed:
        assert allowed
