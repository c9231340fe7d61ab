"""An edit whose answer was lost, against a server that keeps whole seconds.

Found by the soak in the whole-seconds mode (tests/soak): the edit is checked against the
entry as read, and on the retry the server already holds it, but to the second only. That
is the edit itself, not another desk's change, so it must count as delivered, not be held
as a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import FaultPlan, SandboxServer
from timeclock.sandbox.quirks import ServerQuirks


def test_an_edit_with_a_fraction_of_a_second_is_not_its_own_conflict(
    make_server: Callable[..., SandboxServer], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = make_server(quirks=ServerQuirks(whole_seconds=True))
    for name, value in {
        "TIMECLOCK_URL": server.base_url,
        "TIMECLOCK_USER": "hansm",
        "TIMECLOCK_API_KEY": server.api_key,
        "TIMECLOCK_API_SECRET": server.api_secret,
        "TZ": "UTC",
    }.items():
        monkeypatch.setenv(name, value)
    added = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T16:00")
    assert added.status == 0, added.err

    server.faults = FaultPlan(script=["commit-then-cut"], methods=["PUT"])
    edited = run("edit", "1", "--to", "2026-03-10T16:30:00.500")
    assert edited.status == 0, edited.err
    assert "not yet on TimeTrack" in edited.out  # stored, but the answer was lost
    server.faults = FaultPlan()

    synced = run("sync")
    assert synced.status == 0, synced.out + synced.err
    assert "held" not in synced.out
    (entry,) = server.store.all()
    assert entry.end == datetime(2026, 3, 10, 16, 30, tzinfo=UTC)
    assert run("outbox").out.strip().startswith("Nothing")
