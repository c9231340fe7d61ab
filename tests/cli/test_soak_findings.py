"""What the soak and kill -9 runs (tests/soak) found, replayed through ``timeclock``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import FaultPlan, SandboxServer
from timeclock.sandbox.quirks import ServerQuirks


@pytest.fixture(autouse=True)
def faults_cleared(shared_server: SandboxServer) -> Iterator[None]:
    """The shared sandbox leaves each test with no faults for the next one."""
    yield
    shared_server.faults = FaultPlan()


def test_an_edit_with_a_fraction_of_a_second_is_not_its_own_conflict(
    make_server: Callable[..., SandboxServer], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the soak in the whole-seconds mode: the edit is checked against the entry
    as read, and on the retry the server already holds it, but to the second only. That is
    the edit itself, not another desk's change: delivered, not held as a conflict."""
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


def test_an_edit_made_while_an_earlier_one_waits_is_not_its_conflict(
    connected: SandboxServer, run: Run
) -> None:
    """Found by the kill -9 run: an edit queued by a command that was killed (or could
    not send it), then another edit of the same entry. The second starts from the entry
    as this desk shows it, with the first applied; so when both go out in order, the
    second finds what it expects and is no conflict."""
    added = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T16:00")
    assert added.status == 0, added.err

    connected.faults = FaultPlan({"503": 1.0}, methods=["PUT"], retry_after=0)
    first = run("edit", "1", "--notes", "first")
    assert first.status == 0, first.err
    assert "not yet on TimeTrack" in first.out
    connected.faults = FaultPlan(script=["cut"], methods=["PUT"])  # the first is cut again
    second = run("edit", "1", "--notes", "second", "--break", "15")
    assert second.status == 0, second.out + second.err
    connected.faults = FaultPlan()

    synced = run("sync")
    assert synced.status == 0, synced.out + synced.err
    (entry,) = connected.store.all()
    assert (entry.notes, entry.break_minutes) == ("second", 15)


@pytest.mark.parametrize("command", [["edit", "1", "--notes", "seen"], ["delete", "1", "--yes"]])
def test_a_change_of_an_entry_whose_create_answer_was_lost_does_not_double_it(
    connected: SandboxServer, run: Run, command: list[str]
) -> None:
    """Found by the kill -9 run: ``add`` reached TimeTrack but its answer was lost; the
    person sees the entry (#1) there and changes or deletes it by its id before the add's
    retry. The add must still recognise #1 as its own (not send it again), and the change
    must reach that one entry."""
    connected.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    added = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T16:00")
    assert added.status == 0, added.err
    assert "not yet on TimeTrack" in added.out
    connected.faults = FaultPlan()
    assert len(connected.store.all()) == 1  # stored as #1, the desk does not know it yet

    changed = run(*command)
    assert changed.status == 0, changed.out + changed.err
    synced = run("sync")
    assert synced.status == 0, synced.out + synced.err
    stored = connected.store.all(include_deleted=True)
    assert len(stored) == 1, f"sent twice: {stored}"
    (entry,) = stored
    assert entry.deleted if command[0] == "delete" else entry.notes == "seen"
