"""``timeclock status``, ``stamp in|out`` and ``break start|end`` against the sandbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tests.cli.conftest import USER, Run
from timeclock.sandbox import NewAttendance, SandboxServer

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


def test_a_whole_day_of_stamping_reaches_the_server(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    assert run("status").out.startswith("Not stamped in.")

    stamped = run("stamp", "in")
    assert stamped.status == 0, stamped.err
    assert "Stamped in at 08:00" in stamped.out
    (entry,) = connected.store.all()
    assert (entry.user, entry.start, entry.end, entry.manual) == (USER, MORNING, MORNING, False)

    clock(MORNING + timedelta(hours=4))
    assert run("break", "start").status == 0
    clock(MORNING + timedelta(hours=4, minutes=20))
    status = run("status")
    assert "worked 4:00 h, break 0:20 h" in status.out
    assert "On a break since 12:00" in status.out
    assert run("break", "end").status == 0
    clock(MORNING + timedelta(hours=5))
    assert run("break", "start").status == 0
    clock(MORNING + timedelta(hours=5, minutes=10))
    assert run("break", "end").status == 0

    clock(MORNING + timedelta(hours=8, minutes=30))
    out = run("stamp", "out")
    assert out.status == 0, out.err
    assert "Stamped out at 16:30: worked 8:00 h, break 0:30 h" in out.out
    (closed,) = connected.store.all()
    assert closed.end == MORNING + timedelta(hours=8, minutes=30)
    assert closed.break_minutes == 30
    assert closed.worked_minutes == 8 * 60
    assert closed.manual is False
    assert run("status").out.startswith("Not stamped in.\nToday: worked 8:00 h.")


def test_stamping_out_during_a_break_ends_the_break(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    run("stamp", "in")
    clock(MORNING + timedelta(hours=6))
    run("break", "start")
    clock(MORNING + timedelta(hours=6, minutes=45))
    assert run("stamp", "out").status == 0
    (closed,) = connected.store.all()
    assert closed.break_minutes == 45


def test_a_restart_finds_the_open_entry_stamped_on_another_desk(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    yesterday_evening = MORNING - timedelta(hours=12)
    connected.store.create(
        NewAttendance(user=USER, start=yesterday_evening, end=yesterday_evening, manual=False)
    )
    clock(MORNING)
    status = run("status")
    assert "Stamped in since Mon 2026-03-09 20:00: worked 12:00 h" in status.out
    assert run("stamp", "in").status == 1  # still in: not a second open entry
    assert run("stamp", "out").status == 0
    (closed,) = connected.store.all()
    assert closed.end == MORNING


def test_someone_elses_open_entry_is_not_mine(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    connected.store.create(NewAttendance(user="ivan", start=MORNING, end=MORNING, manual=False))
    clock(MORNING + timedelta(hours=1))
    assert run("status").out.startswith("Not stamped in.")


def test_a_manual_entry_with_equal_times_is_not_an_open_shift(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    connected.store.create(NewAttendance(user=USER, start=MORNING, end=MORNING, manual=True))
    clock(MORNING + timedelta(hours=1))
    assert run("status").out.startswith("Not stamped in.")


def test_stamps_that_do_not_fit_the_state_are_refused_with_one_line(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    for args, message in [
        (("stamp", "out"), "not stamped in"),
        (("break", "start"), "not stamped in"),
        (("break", "end"), "no break is running"),
    ]:
        result = run(*args)
        assert result.status == 1
        assert result.err == f"timeclock: error: {message}\n"
    run("stamp", "in")
    refused = run("stamp", "in")
    assert refused.status == 1
    assert refused.err.startswith("timeclock: error: already stamped in since")
    assert run("break", "start").status == 0
    assert run("break", "start").err == "timeclock: error: a break is already running\n"
    assert len(connected.store.all()) == 1
