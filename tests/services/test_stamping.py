"""Stamping in and out and taking breaks, against a live sandbox over HTTP.

Every action finds the open entry on the server again, so the tests look at both sides:
what :class:`TimeClock` answers and what the server stored (``server.store``). The break
log lives in a :class:`BreakStore` file, as between two runs of ``timeclock``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeclock.api.client import TimeTrackClient
from timeclock.domain.refs import server_ref
from timeclock.domain.shift import BreakLog, StampError
from timeclock.sandbox import Attendance as StoredEntry
from timeclock.sandbox import AttendancePatch, NewAttendance, SandboxServer
from timeclock.services.stamping import CLOCK_SKEW_ALLOWANCE, OPEN_ENTRY_LOOKBACK, TimeClock
from timeclock.store.breaks import BreakStore

USER = "hansm"
NOW = datetime(2024, 3, 14, 7, 30, tzinfo=UTC)


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    """This desk's break log file."""
    return tmp_path / "desk" / "state.sqlite3"


@pytest.fixture
def clock(client: TimeTrackClient, state_file: Path) -> TimeClock:
    """The time clock of ``hansm`` against the sandbox."""
    return TimeClock(client, USER, BreakStore(state_file))


def stored(server: SandboxServer, *entries: NewAttendance) -> list[StoredEntry]:
    """Put entries straight into the server, as another desk or the web app would."""
    return [server.store.create(entry) for entry in entries]


def open_entry(start: datetime, user: str = USER, break_minutes: int = 0) -> NewAttendance:
    """An entry as stamping in leaves it: ``from = to``, not manual."""
    return NewAttendance(user=user, start=start, end=start, break_minutes=break_minutes)


def closed_entry(start: datetime, user: str = USER) -> NewAttendance:
    """A finished day of 8 hours with a half-hour break."""
    return NewAttendance(user=user, start=start, end=start + timedelta(hours=8), break_minutes=30)


def test_the_lookback_is_31_days() -> None:
    assert timedelta(days=31) == OPEN_ENTRY_LOOKBACK


def test_stamp_in_creates_an_open_entry_on_the_server(
    clock: TimeClock, server: SandboxServer
) -> None:
    entry = clock.stamp_in(NOW)

    assert entry.is_open
    assert (entry.user, entry.start, entry.end, entry.manual) == (USER, NOW, NOW, False)
    [record] = server.store.all()
    assert record.id == entry.id
    assert (record.user, record.start, record.end) == (USER, NOW, NOW)
    assert (record.manual, record.break_minutes) == (False, 0)


def test_before_stamping_in_the_status_is_not_stamped_in(clock: TimeClock) -> None:
    status = clock.status(NOW)

    assert not status.shift.stamped_in
    assert status.shift.entry is None
    assert status.recent == []


def test_status_finds_the_open_entry_among_the_recent_entries(
    clock: TimeClock, server: SandboxServer
) -> None:
    yesterday, last_week = stored(
        server,
        closed_entry(NOW - timedelta(days=1)),
        closed_entry(NOW - timedelta(days=7)),
    )
    stored(server, closed_entry(NOW - timedelta(days=1), user="ivan"))
    stored(server, closed_entry(NOW - OPEN_ENTRY_LOOKBACK - timedelta(days=1)))
    opened = clock.stamp_in(NOW)

    status = clock.status(NOW + timedelta(hours=2))

    assert status.shift.stamped_in
    assert status.shift.entry == opened
    assert status.shift.breaks is None
    assert [entry.id for entry in status.recent] == [last_week.id, yesterday.id, opened.id]
    assert {entry.user for entry in status.recent} == {USER}
    assert clock.shift(NOW + timedelta(hours=2)) == status.shift


def test_an_open_entry_20_days_old_is_found_and_can_be_stamped_out(
    clock: TimeClock, server: SandboxServer
) -> None:
    [forgotten] = stored(server, open_entry(NOW - timedelta(days=20)))

    shift = clock.shift(NOW)
    with pytest.raises(StampError, match="already stamped in"):
        clock.stamp_in(NOW)
    closed = clock.stamp_out(NOW)

    assert shift.entry is not None and shift.entry.id == forgotten.id
    assert closed.id == forgotten.id
    assert server.store.get(forgotten.id).end == NOW
    assert server.store.count() == 1


def test_an_open_entry_40_days_old_is_past_the_31_day_lookback_and_not_found(
    clock: TimeClock, server: SandboxServer
) -> None:
    """Documented limit: older open entries are left open, and stamping in starts anew."""
    [ancient] = stored(server, open_entry(NOW - timedelta(days=40)))

    assert not clock.shift(NOW).stamped_in
    entry = clock.stamp_in(NOW)

    assert entry.id != ancient.id
    assert [record.id for record in server.store.all()] == [ancient.id, entry.id]
    assert server.store.get(ancient.id).end == ancient.start


def test_an_open_entry_from_a_desk_whose_clock_runs_ahead_is_found(
    clock: TimeClock, server: SandboxServer
) -> None:
    [ahead] = stored(server, open_entry(NOW + CLOCK_SKEW_ALLOWANCE - timedelta(minutes=1)))

    entry = clock.shift(NOW).entry

    assert entry is not None and entry.id == ahead.id


def test_the_latest_of_several_open_entries_is_the_shift(
    clock: TimeClock, server: SandboxServer
) -> None:
    _, latest = stored(
        server, open_entry(NOW - timedelta(days=2)), open_entry(NOW - timedelta(hours=1))
    )

    entry = clock.shift(NOW).entry

    assert entry is not None and entry.id == latest.id


def test_stamping_in_twice_is_refused_and_creates_nothing(
    clock: TimeClock, server: SandboxServer
) -> None:
    clock.stamp_in(NOW)

    with pytest.raises(StampError, match="already stamped in"):
        clock.stamp_in(NOW + timedelta(minutes=5))

    assert server.store.count() == 1


def test_stamping_out_when_not_stamped_in_is_refused(
    clock: TimeClock, server: SandboxServer
) -> None:
    [done] = stored(server, closed_entry(NOW - timedelta(hours=9)))

    with pytest.raises(StampError, match="not stamped in"):
        clock.stamp_out(NOW)

    assert server.store.all() == [done]


def test_breaks_need_an_open_entry_and_a_running_break_to_end(clock: TimeClock) -> None:
    with pytest.raises(StampError, match="not stamped in"):
        clock.start_break(NOW)
    clock.stamp_in(NOW)
    with pytest.raises(StampError, match="no break is running"):
        clock.end_break(NOW + timedelta(hours=1))
    clock.start_break(NOW + timedelta(hours=1))
    with pytest.raises(StampError, match="already running"):
        clock.start_break(NOW + timedelta(hours=2))


def test_a_break_started_in_one_run_ends_in_the_next(
    clock: TimeClock, client: TimeTrackClient, state_file: Path
) -> None:
    entry = clock.stamp_in(NOW)
    started = clock.start_break(NOW + timedelta(hours=3))

    second_run = TimeClock(client, USER, BreakStore(state_file))
    on_break = second_run.shift(NOW + timedelta(hours=3, minutes=10))
    ended = second_run.end_break(NOW + timedelta(hours=3, minutes=15))
    third_run = TimeClock(client, USER, BreakStore(state_file))
    after = third_run.shift(NOW + timedelta(hours=4))

    assert started == BreakLog(entry.ref, timedelta(), NOW + timedelta(hours=3))
    assert on_break.on_break
    assert on_break.breaks == started
    assert ended == BreakLog(entry.ref, timedelta(minutes=15))
    assert not after.on_break
    assert after.breaks == ended
    assert after.break_time(NOW + timedelta(hours=4)) == timedelta(minutes=15)
    assert BreakStore(state_file).load(client.base_url, entry.ref) == ended


def test_breaks_add_up_over_the_shift(clock: TimeClock, state_file: Path) -> None:
    entry = clock.stamp_in(NOW)
    for start, minutes in ((timedelta(hours=2), 10), (timedelta(hours=5), 25)):
        clock.start_break(NOW + start)
        clock.end_break(NOW + start + timedelta(minutes=minutes))

    log = BreakStore(state_file).load(clock.client.base_url, entry.ref)

    assert log == BreakLog(entry.ref, timedelta(minutes=35))


@pytest.mark.parametrize(
    ("local_break", "expected"),
    [
        (timedelta(minutes=14, seconds=40), 10 + 15),
        (timedelta(minutes=14, seconds=29), 10 + 14),
        (timedelta(minutes=14, seconds=30), 10 + 15),
        (timedelta(seconds=20), 10 + 0),
    ],
    ids=["rounds-up", "rounds-down", "half-rounds-up", "under-half-a-minute"],
)
def test_stamp_out_sends_the_servers_break_plus_the_local_breaks_rounded(
    local_break: timedelta,
    expected: int,
    clock: TimeClock,
    server: SandboxServer,
    state_file: Path,
) -> None:
    # Ten minutes of break are on the server already (typed in on another desk).
    [entry] = stored(server, open_entry(NOW, break_minutes=10))
    clock.start_break(NOW + timedelta(hours=4))
    clock.end_break(NOW + timedelta(hours=4) + local_break)
    end = NOW + timedelta(hours=8, minutes=30)

    closed = clock.stamp_out(end)

    record = server.store.get(entry.id)
    assert (record.end, record.break_minutes) == (end, expected)
    assert (closed.end, closed.break_minutes) == (end, expected)
    assert closed.worked_minutes == 8 * 60 + 30 - expected
    assert BreakStore(state_file).load(clock.client.base_url, server_ref(entry.id)) is None
    assert not clock.shift(end).stamped_in


def test_stamp_out_during_a_break_ends_the_break_then(
    clock: TimeClock, server: SandboxServer, state_file: Path
) -> None:
    entry = clock.stamp_in(NOW)
    clock.start_break(NOW + timedelta(hours=7))

    clock.stamp_out(NOW + timedelta(hours=7, minutes=20))

    assert server.store.get(entry.id).break_minutes == 20
    assert server.store.get(entry.id).end == NOW + timedelta(hours=7, minutes=20)
    assert BreakStore(state_file).load(clock.client.base_url, entry.ref) is None


def test_stamp_out_without_breaks_keeps_the_servers_break(
    clock: TimeClock, server: SandboxServer
) -> None:
    [entry] = stored(server, open_entry(NOW, break_minutes=30))

    clock.stamp_out(NOW + timedelta(hours=9))

    assert server.store.get(entry.id).break_minutes == 30


def test_after_stamping_out_the_next_stamp_in_starts_a_fresh_break_log(
    clock: TimeClock, server: SandboxServer
) -> None:
    clock.stamp_in(NOW)
    clock.start_break(NOW + timedelta(hours=1))
    clock.end_break(NOW + timedelta(hours=1, minutes=30))
    clock.stamp_out(NOW + timedelta(hours=4))

    second = clock.stamp_in(NOW + timedelta(hours=5))
    shift = clock.shift(NOW + timedelta(hours=6))

    assert shift.entry == second
    assert shift.breaks is None
    assert shift.break_time(NOW + timedelta(hours=6)) == timedelta()
    assert [record.break_minutes for record in server.store.all()] == [30, 0]


def test_an_entry_stamped_out_on_another_desk_is_no_longer_the_shift(
    clock: TimeClock, server: SandboxServer
) -> None:
    entry = clock.stamp_in(NOW)
    clock.start_break(NOW + timedelta(hours=1))
    server.store.update(entry.id, AttendancePatch(end=NOW + timedelta(hours=2)))

    assert not clock.shift(NOW + timedelta(hours=3)).stamped_in
    with pytest.raises(StampError, match="not stamped in"):
        clock.stamp_out(NOW + timedelta(hours=3))


def test_two_users_do_not_see_each_others_open_entries(
    client: TimeTrackClient, server: SandboxServer, state_file: Path
) -> None:
    anna = TimeClock(client, "anna", BreakStore(state_file))
    ben = TimeClock(client, "ben", BreakStore(state_file))

    annas = anna.stamp_in(NOW)
    ben_before = ben.status(NOW + timedelta(minutes=1))
    bens = ben.stamp_in(NOW + timedelta(minutes=2))
    anna.stamp_out(NOW + timedelta(hours=8))

    assert not ben_before.shift.stamped_in
    assert ben_before.recent == []
    assert ben.shift(NOW + timedelta(hours=8)).entry == bens
    assert not anna.shift(NOW + timedelta(hours=8)).stamped_in
    assert {record.user: record.end for record in server.store.all()} == {
        "anna": NOW + timedelta(hours=8),
        "ben": bens.start,
    }
    assert annas.user == "anna"
