"""SQLite connections per command (issue #9), counted where they are opened
(``sqlite3.connect``): each file of the data folder once, one connection per thread for
the whole command, not one per call."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Result, Run
from timeclock.sandbox import SandboxServer

MORNING = datetime(2026, 3, 10, 7, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The files ``sqlite3.connect`` opens from now on (by name), and how often."""
    opened: Counter[str] = Counter()
    connect = sqlite3.connect

    def counting(database: str | Path, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened[Path(database).name] += 1
        return connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", counting)
    return opened


@pytest.mark.parametrize(
    "args",
    [("stamp", "in"), ("status",), ("stamp", "out"), ("list",), ("edit", "1", "--notes", "x")],
    ids=" ".join,
)
def test_a_command_opens_each_data_file_once(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    connects: Counter[str],
    args: tuple[str, ...],
) -> None:
    clock(MORNING)  # the files exist, an entry to edit too (and to stamp out of)
    ready = ("add", "--from", "2026-03-09 08:00", "--to", "2026-03-09 16:00")
    _ok(run(*ready) if args == ("stamp", "in") else run("stamp", "in"))
    clock(MORNING + timedelta(hours=1))
    connects.clear()

    result = run(*args)

    assert result.status == 0, result.err
    # A change is journalled (its file opened once too); a look changes nothing.
    changes = args[0] in ("stamp", "edit")
    journal = {"journal.sqlite3": 1} if changes else {}
    assert connects == {"outbox.sqlite3": 1, "state.sqlite3": 1, **journal}


def _ok(result: Result) -> None:
    assert result.status == 0, result.err
