"""Requests per command (issue #9), counted where they arrive: at the sandbox.

``stamp in`` and ``stamp out`` are one read (where the user stands) and one write; ``edit``
one read (the entry, which is also the conflict check) and one write. Counted against
every way the vendor's documents allow a server to keep data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.api.faults import Recorded, instrumented_server
from tests.cli.conftest import Result, Run
from timeclock.sandbox import FaultPlan, SandboxServer
from timeclock.sandbox.quirks import ServerQuirks

MORNING = datetime(2026, 3, 10, 7, 0, 0, 123456, tzinfo=UTC)
QUIRKS = {
    "plain": ServerQuirks(),
    "whole-seconds": ServerQuirks(whole_seconds=True),
    "folded-case": ServerQuirks(fold_user_case=True),
    "both": ServerQuirks(whole_seconds=True, fold_user_case=True),
}


@pytest.fixture(params=list(QUIRKS), ids=list(QUIRKS))
def recorded(
    request: pytest.FixtureRequest,
    make_server: Callable[..., SandboxServer],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[SandboxServer, list[Recorded]]:
    """A sandbox whose requests are recorded; ``timeclock`` points at it as ``HansM``."""
    server, log = instrumented_server(make_server, quirks=QUIRKS[request.param])
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", "HansM")
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return server, log


def _requests(log: list[Recorded], command: Callable[[], None]) -> list[str]:
    log.clear()
    command()
    return [f"{r.method} {r.path.rsplit('/api/v2/ext', 1)[1]}" for r in log]


def test_stamp_in_stamp_out_and_edit_are_one_read_and_one_write_each(
    recorded: tuple[SandboxServer, list[Recorded]],
    run: Run,
    clock: Callable[[datetime], None],
) -> None:
    server, log = recorded

    def command(at: datetime, *args: str) -> Callable[[], None]:
        def go() -> None:
            clock(at)
            result = run(*args)
            assert result.status == 0, result.err

        return go

    stamp_in = _requests(log, command(MORNING, "stamp", "in"))
    stamp_out = _requests(log, command(MORNING + timedelta(hours=8), "stamp", "out"))
    edit = _requests(log, command(MORNING + timedelta(hours=9), "edit", "1", "--break", "30"))

    assert stamp_in == ["GET /attendances", "POST /attendances"]
    assert stamp_out == ["GET /attendances", "PUT /attendances/1"]
    assert edit == ["GET /attendances/1", "PUT /attendances/1"]
    [entry] = server.store.all()
    assert (entry.end - entry.start, entry.break_minutes) == (timedelta(hours=8), 30)


def test_an_edit_over_a_change_still_waiting_is_checked_with_a_read_of_its_own(
    recorded: tuple[SandboxServer, list[Recorded]],
    run: Run,
    clock: Callable[[datetime], None],
) -> None:
    """The command's read stands for TimeTrack's version only where the edit was made
    from it: over a change that still waits, the edit goes out after that change and is
    checked against what TimeTrack holds then."""
    server, log = recorded
    clock(MORNING)
    assert run("add", "--from", "2026-03-10 08:00", "--to", "2026-03-10 16:00").status == 0
    server.faults = FaultPlan({"503": 1.0})
    assert run("edit", "1", "--notes", "first").status == 0  # waits: TimeTrack fails
    server.faults = FaultPlan()

    requests = _requests(log, lambda: _ok(run("edit", "1", "--break", "15")))

    assert requests == [
        "GET /attendances/1",  # the command's read: the waiting change applies over it
        "PUT /attendances/1",  # the waiting change
        "GET /attendances/1",  # the edit's own check, against TimeTrack after that change
        "PUT /attendances/1",
    ]
    stored = server.store.get(1)
    assert (stored.notes, stored.break_minutes) == ("first", 15)


def _ok(result: Result) -> None:
    assert result.status == 0, result.err
