"""Stamping through the outbox: a stamp is safe the moment it is made, network or not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.office import KEY, SECRET, Office
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import NetworkError
from timeclock.sandbox import AttendanceStore
from timeclock.services.stamping import TimeClock
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def office() -> Iterator[Office]:
    with AttendanceStore() as store:
        office = Office(store)
        yield office
        office.down()


@pytest.fixture
def clock(office: Office, tmp_path: Path) -> Iterator[TimeClock]:
    with TimeTrackClient(office.base_url, Credentials(KEY, SECRET)) as client:
        yield TimeClock(
            client,
            "hansm",
            BreakStore(tmp_path / "state.sqlite3"),
            Outbox(tmp_path / "outbox.sqlite3"),
        )


def test_a_whole_shift_offline_reaches_the_server_when_it_is_back(
    office: Office, clock: TimeClock
) -> None:
    offline = clock.status(MORNING)
    assert isinstance(offline.offline, NetworkError)
    assert not offline.shift.stamped_in

    entry = clock.stamp_in(MORNING)
    assert entry.id is None and entry.local_ref is not None  # shown at once, not yet sent
    status = clock.status(MORNING + timedelta(hours=1))
    assert status.shift.stamped_in and status.waiting == 1
    clock.start_break(MORNING + timedelta(hours=4))
    clock.end_break(MORNING + timedelta(hours=4, minutes=30))
    clock.stamp_out(MORNING + timedelta(hours=8, minutes=30))
    assert not clock.status(MORNING + timedelta(hours=9)).shift.stamped_in
    assert office.store.all() == []

    office.up()
    report = clock.deliver()
    assert report.complete and report.delivered == 2
    (stored,) = office.store.all()
    assert (stored.start, stored.end, stored.break_minutes, stored.manual) == (
        MORNING,
        MORNING + timedelta(hours=8, minutes=30),
        30,
        False,
    )


def test_stamped_in_online_and_out_offline(office: Office, clock: TimeClock) -> None:
    office.up()
    clock.stamp_in(MORNING)
    assert clock.deliver().complete
    clock.status(MORNING + timedelta(minutes=5))  # seen online: remembered for later
    office.down()

    status = clock.status(MORNING + timedelta(hours=8))
    assert status.offline is not None
    assert status.shift.stamped_in and status.shift.entry is not None
    assert status.shift.entry.id is not None  # the server's entry, as last seen
    clock.stamp_out(MORNING + timedelta(hours=8))
    assert not clock.deliver().complete

    office.up()
    assert clock.deliver().complete
    (stored,) = office.store.all()
    assert stored.end == MORNING + timedelta(hours=8)


def test_a_break_started_on_an_entry_not_yet_delivered_follows_it(
    office: Office, clock: TimeClock
) -> None:
    clock.stamp_in(MORNING)
    clock.start_break(MORNING + timedelta(hours=3))
    office.up()
    assert clock.deliver().complete
    status = clock.status(MORNING + timedelta(hours=3, minutes=20))
    assert status.shift.entry is not None and status.shift.entry.id is not None
    assert status.shift.on_break  # the running break moved to the server's id
    assert status.shift.break_time(MORNING + timedelta(hours=3, minutes=20)) == timedelta(
        minutes=20
    )


def test_refusals_still_come_first(office: Office, clock: TimeClock) -> None:
    """The outbox does not make a second stamp-in possible."""
    clock.stamp_in(MORNING)
    with pytest.raises(ValueError, match="already stamped in"):
        clock.stamp_in(MORNING + timedelta(minutes=1))
