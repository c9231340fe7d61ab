"""Requests per action, counted where they arrive: at the sandbox (issue #9).

Stamp in and stamp out are one write plus one read (where the user stands, read under the
stamp lock with the outbox first); an edit saved is one read (the conflict check against
TimeTrack's current version) plus one write; the status after a stamp costs no request.
Each runs against every way the vendor's documents allow a server to keep data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.api.faults import Recorded, instrumented_server
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import AttendanceChange
from timeclock.sandbox import AttendancePatch, FaultPlan, NewAttendance, SandboxServer
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.services.changes import EntryChanges, Outcome
from timeclock.services.desk import Desk
from timeclock.services.stamping import Status, TimeClock
from timeclock.services.sync import JUST_READ_SECONDS, JustRead

MORNING = datetime(2026, 3, 10, 7, 0, 0, 123456, tzinfo=UTC)
QUIRKS = {
    "plain": ServerQuirks(),
    "whole-seconds": ServerQuirks(whole_seconds=True),
    "folded-case": ServerQuirks(fold_user_case=True),
    "both": ServerQuirks(whole_seconds=True, fold_user_case=True),
}


class Counted:
    """A sandbox whose requests are recorded, and a desk with its services against it."""

    def __init__(self, server: SandboxServer, log: list[Recorded], desk: Desk) -> None:
        self.server = server
        self.log = log
        self.client = TimeTrackClient(server.base_url, credentials_of(server))
        self.clock: TimeClock = desk.clock(self.client, "HansM")
        self.changes: EntryChanges = desk.changes(self.client)

    def requests(self, action: Callable[[], object]) -> list[str]:
        """``METHOD path`` of each request ``action`` made."""
        self.log.clear()
        action()
        return [f"{r.method} {r.path.rsplit('/api/v2/ext', 1)[1]}" for r in self.log]


@pytest.fixture(params=list(QUIRKS), ids=list(QUIRKS))
def counted(
    request: pytest.FixtureRequest, make_server: Callable[..., SandboxServer], tmp_path: Path
) -> Iterator[Counted]:
    server, log = instrumented_server(make_server, quirks=QUIRKS[request.param])
    with Desk(in_memory=True) as desk:
        counted = Counted(server, log, desk)
        yield counted
        counted.client.close()


def _stamp(clock: TimeClock, direction: str, now: datetime) -> None:
    """Stamp as the window does: decide and queue, deliver, then the status to show."""
    action = clock.stamp_in if direction == "in" else clock.stamp_out
    action(now)
    report = clock.deliver()
    assert report.complete
    status = clock.status_after(report, now)
    assert status.shift.stamped_in == (direction == "in")
    assert status.waiting == 0


def test_stamp_in_and_stamp_out_are_one_read_and_one_write(counted: Counted) -> None:
    clock = counted.clock

    stamp_in = counted.requests(lambda: _stamp(clock, "in", MORNING))
    stamp_out = counted.requests(lambda: _stamp(clock, "out", MORNING + timedelta(hours=8)))

    assert stamp_in == ["GET /attendances", "POST /attendances"]
    assert stamp_out == ["GET /attendances", "PUT /attendances/1"]
    [entry] = counted.server.store.all()
    assert entry.end - entry.start == timedelta(hours=8)


def test_the_status_after_a_stamp_shows_the_server_s_entry_without_asking_it(
    counted: Counted,
) -> None:
    clock = counted.clock
    counted.requests(lambda: clock.status(MORNING))
    clock.stamp_in(MORNING)
    report = clock.deliver()

    log: list[str] = []
    status = clock.status_after(report, MORNING)
    log += counted.requests(lambda: None)

    assert log == []
    assert status.shift.entry is not None and status.shift.entry.id == 1
    assert status.shift.entry.local_ref is None  # TimeTrack's id, no longer the local one
    assert [entry.id for entry in status.recent] == [1]


def test_after_an_offline_status_the_status_after_asks_the_server_again(
    counted: Counted,
) -> None:
    clock, server = counted.clock, counted.server
    server.faults = FaultPlan({"503": 1.0})  # TimeTrack fails: decided from this desk
    clock.stamp_in(MORNING)
    assert clock.status(MORNING).offline is not None
    server.faults = FaultPlan()
    # Meanwhile another desk stamped in: only the server knows.
    server.store.create(NewAttendance(user="HansM", start=MORNING, end=MORNING))

    report = clock.deliver()
    statuses: list[Status] = []
    requests = counted.requests(lambda: statuses.append(clock.status_after(report, MORNING)))

    assert requests == ["GET /attendances"]
    assert statuses[0].offline is None
    assert len(statuses[0].recent) == 2  # this desk's stamp and the other desk's


def test_a_stamp_whose_write_failed_asks_where_the_user_stands_again(counted: Counted) -> None:
    """TimeTrack may answer reads while it fails a write: the status says which it is."""
    clock = counted.clock
    counted.server.faults = FaultPlan({"503": 1.0}, methods=["POST"])
    statuses: list[Status] = []

    def stamp() -> None:
        clock.stamp_in(MORNING)
        report = clock.deliver()
        assert report.failure is not None
        statuses.append(clock.status_after(report, MORNING))

    assert counted.requests(stamp) == ["GET /attendances", "POST /attendances", "GET /attendances"]
    assert statuses[0].offline is None  # TimeTrack answered: not offline, the stamp waits
    assert statuses[0].shift.stamped_in and statuses[0].waiting == 1


def test_an_edit_saved_is_one_read_and_one_write(counted: Counted) -> None:
    stored = counted.server.store.create(
        NewAttendance(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8))
    )
    client, changes = counted.client, counted.changes
    change = AttendanceChange(notes="fixed", break_minutes=30)

    def save() -> None:
        began = time.monotonic()
        read = JustRead(client.get_attendance(stored.id), began)
        sent = changes.update(changes.as_shown(read.entry), change, read=read)
        assert sent.outcome is Outcome.DELIVERED

    assert counted.requests(save) == ["GET /attendances/1", "PUT /attendances/1"]
    assert counted.server.store.get(1).notes == "fixed"


def test_an_edit_from_an_earlier_read_is_checked_with_a_read_of_its_own(
    counted: Counted,
) -> None:
    """The window's dialog shows an entry read when the list was loaded: its save reads
    the entry again (one read, one write), and a change made meanwhile is a conflict."""
    counted.server.store.create(
        NewAttendance(user="HansM", start=MORNING, end=MORNING + timedelta(hours=8))
    )
    [shown] = counted.client.list_attendances(user="HansM")
    changes = counted.changes

    first = counted.requests(lambda: changes.update(shown, AttendanceChange(notes="one")))
    second = counted.requests(lambda: changes.update(shown, AttendanceChange(notes="two")))

    assert first == ["GET /attendances/1", "PUT /attendances/1"]
    assert second == ["GET /attendances/1"]  # TimeTrack has "one" now: held, not sent
    assert counted.server.store.get(1).notes == "one"
    assert [item.hold.name for item in changes.waiting()] == ["CONFLICT"]


def test_a_read_that_is_too_old_or_of_another_version_is_read_again(counted: Counted) -> None:
    stored = counted.server.store.create(
        NewAttendance(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8))
    )
    client, changes = counted.client, counted.changes
    entry = client.get_attendance(stored.id)
    stale = JustRead(entry, time.monotonic() - JUST_READ_SECONDS - 1)
    # Changed elsewhere after this desk's read: only a read now can tell.
    counted.server.store.update(1, AttendancePatch(notes="elsewhere"))

    mine = AttendanceChange(notes="mine")
    old = counted.requests(lambda: changes.update(entry, mine, read=stale))

    assert old == ["GET /attendances/1"]  # the read showed the change made elsewhere
    assert counted.server.store.get(1).notes == "elsewhere"
    [held] = changes.waiting()
    assert held.hold.name == "CONFLICT"
