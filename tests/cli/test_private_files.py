"""What TimeClock keeps on this machine is readable by this user only (0700 folders, 0600 files).

The tests set the usual umask 022, under which files are made 0644 unless the program takes
care, and look at every folder and file the commands leave behind.
"""

from __future__ import annotations

import io
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import SandboxServer
from timeclock.store.paths import config_dir, data_dir

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(folder: Path) -> dict[str, str]:
    """The permission bits of ``folder`` and of everything in it, by path (octal)."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def private(folder: Path) -> dict[str, str]:
    """What ``modes`` should be: every folder 0700 and every file 0600."""
    return {name: oct(0o700 if (folder / name).is_dir() else 0o600) for name in modes(folder)}


def test_a_day_of_stamping_leaves_only_private_files(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    assert run("stamp", "in").status == 0
    assert run("break", "start").status == 0
    clock(MORNING + timedelta(minutes=30))
    assert run("break", "end").status == 0
    assert run("sync").status == 0

    files = modes(data_dir())
    assert {"outbox.sqlite3", "state.sqlite3", "outbox.sqlite3.lock"} <= set(files)
    assert files == private(data_dir())


def test_files_and_folders_an_earlier_version_left_readable_are_made_private(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TIMECLOCK_USER")  # the user name comes from the settings file
    data_dir().mkdir(mode=0o755)
    for name in ("outbox.sqlite3", "state.sqlite3"):
        sqlite3.connect(data_dir() / name).close()
        (data_dir() / name).chmod(0o644)
    (data_dir() / "outbox.sqlite3.lock").touch(0o644)
    config_dir().mkdir(mode=0o755)
    (config_dir() / "settings.json").write_text('{"version": 1, "user": "hansm"}\n')
    (config_dir() / "settings.json").chmod(0o644)
    assert modes(data_dir())["."] == oct(0o755)

    clock(MORNING)
    assert run("stamp", "in").status == 0
    assert run("break", "start").status == 0
    assert run("sync").status == 0

    assert modes(data_dir()) == private(data_dir())
    assert modes(config_dir()) == private(config_dir())
    assert len(modes(config_dir())) == 2


def test_login_makes_a_private_config_folder(
    server: SandboxServer, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{server.api_key}\n{server.api_secret}\n"))
    result = run("login", "--url", server.base_url, "--user", "hansm")
    assert result.status == 0, result.err

    assert set(modes(config_dir())) == {".", "settings.json"}
    assert modes(config_dir()) == private(config_dir())
