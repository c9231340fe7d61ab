"""A break recorded afterwards (a locked screen the person called a break), against a live
sandbox: it goes into the break log like the break button's and out with the stamp-out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.api.client import TimeTrackClient
from timeclock.domain.shift import StampError
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.services.stamping import TimeClock
from timeclock.store.breaks import BreakStore

USER = "hansm"
NOW = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)


@pytest.fixture
def clock(client: TimeTrackClient, tmp_path: Path) -> TimeClock:
    return TimeClock(client, USER, BreakStore(tmp_path / "state.sqlite3"))


def at(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


def test_a_recorded_break_counts_and_goes_out_with_the_stamp_out(
    clock: TimeClock, server: SandboxServer
) -> None:
    clock.stamp_in(NOW)

    log = clock.record_break(at(5), at(5.5))
    shift = clock.shift(at(6))
    closed = clock.stamp_out(at(8))

    assert log.taken == timedelta(minutes=30) and not log.on_break
    assert shift.break_time(at(6)) == timedelta(minutes=30)
    assert closed.id is not None
    assert server.store.get(closed.id).break_minutes == 30


def test_recorded_breaks_add_to_the_break_buttons(clock: TimeClock, server: SandboxServer) -> None:
    clock.stamp_in(NOW)
    clock.start_break(at(2))
    clock.end_break(at(2.25))

    clock.record_break(at(5), at(5.5))
    closed = clock.stamp_out(at(8))

    assert closed.id is not None
    assert server.store.get(closed.id).break_minutes == 45


def test_time_before_the_entry_started_is_not_a_break(
    clock: TimeClock, server: SandboxServer
) -> None:
    """Locked before stamping in at another desk: only the time since then counts."""
    server.store.create(NewAttendance(user=USER, start=at(1), end=at(1), manual=False))

    log = clock.record_break(NOW, at(1.5))

    assert log.taken == timedelta(minutes=30)


def test_a_break_is_not_recorded_when_not_stamped_in(clock: TimeClock) -> None:
    with pytest.raises(StampError, match="not stamped in"):
        clock.record_break(NOW, at(0.5))


def test_a_break_is_not_recorded_during_a_running_break(clock: TimeClock) -> None:
    clock.stamp_in(NOW)
    clock.start_break(at(1))

    with pytest.raises(StampError, match="already running"):
        clock.record_break(at(2), at(2.5))
    assert clock.shift(at(3)).breaks is not None
    assert clock.shift(at(3)).break_time(at(3)) == timedelta(hours=2)
