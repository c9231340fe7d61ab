"""Writes from the command line survive a server that cannot be reached: queued, exit 0."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.conftest import USER, Run
from tests.office import KEY, SECRET, Office
from timeclock.sandbox import AttendanceStore, NewAttendance

MORNING = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    with AttendanceStore() as store:
        office = Office(store)
        monkeypatch.setenv("TIMECLOCK_URL", f"http://127.0.0.1:{office.port}")
        monkeypatch.setenv("TIMECLOCK_USER", USER)
        monkeypatch.setenv("TIMECLOCK_API_KEY", KEY)
        monkeypatch.setenv("TIMECLOCK_API_SECRET", SECRET)
        monkeypatch.setenv("TZ", "Europe/Berlin")
        yield office
        office.down()


def test_a_day_stamped_without_network_is_kept_and_sent_by_sync(
    office: Office, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    stamped = run("stamp", "in")
    assert stamped.status == 0, stamped.err
    assert stamped.out.startswith(
        "Stamped in at 08:00; saved on this computer, not yet on TimeTrack: Cannot reach"
    )
    assert "1 change waiting; 'timeclock sync' sends them." in stamped.out
    clock(MORNING + timedelta(hours=4))
    assert run("break", "start").status == 0
    clock(MORNING + timedelta(hours=4, minutes=30))
    assert run("break", "end").status == 0
    clock(MORNING + timedelta(hours=8, minutes=30))
    status = run("status")
    assert status.status == 0
    assert status.out.startswith("Offline (Cannot reach TimeTrack")
    assert "Stamped in since 08:00: worked 8:00 h, break 0:30 h." in status.out
    assert run("stamp", "out").status == 0
    waiting = run("outbox")
    assert waiting.out.count("\n#") + waiting.out.startswith("#") == 2
    assert "2 changes waiting. Last delivery: never." in waiting.out

    refused = run("sync")
    assert refused.status == 1
    assert "2 changes still waiting: Cannot reach" in refused.out
    assert office.store.all() == []

    office.up()
    sent = run("sync")
    assert sent.status == 0, sent.out + sent.err
    assert sent.out == "All changes are on TimeTrack (2 sent now).\n"
    (entry,) = office.store.all()
    assert (entry.start, entry.end, entry.break_minutes, entry.manual) == (
        MORNING,
        MORNING + timedelta(hours=8, minutes=30),
        30,
        False,
    )
    assert run("outbox").out.startswith("Nothing waits. Last delivery: ")


def test_sync_waits_for_the_server_to_come_back(
    office: Office, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    run("add", "--from", "2026-03-09T08:00", "--to", "2026-03-09T16:00")
    office.up()
    assert run("sync", "--wait", "5").status == 0
    assert len(office.store.all()) == 1


def test_an_edit_refused_by_the_server_is_held_and_can_be_discarded(
    office: Office, run: Run, clock: Callable[[datetime], None]
) -> None:
    entry = office.store.create(
        NewAttendance(user=USER, start=MORNING, end=MORNING + timedelta(hours=8))
    )
    clock(MORNING + timedelta(days=1))
    queued = run("edit", str(entry.id), "--notes", "Nachtrag")  # offline: queued
    assert queued.status == 0
    office.up()
    office.store.delete(entry.id)  # meanwhile, someone deleted it
    held = run("sync")
    assert held.status == 1
    assert "1 change still waiting, 1 of them held (see 'timeclock outbox')" in held.out
    listing = run("outbox").out
    assert f"change entry {entry.id} (notes)" in listing
    assert f"HELD: Entry {entry.id} was not found on TimeTrack" in listing
    seq = listing.split(" ", 1)[0].lstrip("#")
    assert run("outbox", "discard", seq).status == 0
    assert run("outbox").out.startswith("Nothing waits.")


def test_a_change_refused_at_once_says_so_and_exits_1(
    office: Office, run: Run, clock: Callable[[datetime], None]
) -> None:
    office.up()
    clock(MORNING)
    result = run("edit", "999", "--notes", "x")
    assert result.status == 1
    assert result.err.startswith("timeclock: error: Entry 999 was not found")
    assert run("outbox").out.startswith("Nothing waits.")  # nothing queued for it


def test_a_list_seen_before_is_shown_offline_and_says_so(
    office: Office, run: Run, clock: Callable[[datetime], None]
) -> None:
    office.up()
    office.store.create(
        NewAttendance(user=USER, start=MORNING, end=MORNING + timedelta(hours=8), notes="Lager")
    )
    clock(MORNING + timedelta(hours=9))
    online = run("list", "--range", "this-week")
    assert online.status == 0 and "Lager" in online.out and online.err == ""

    office.down()
    clock(MORNING + timedelta(hours=10))
    offline = run("list", "--range", "this-week")
    assert offline.status == 0, offline.err
    assert "Lager" in offline.out
    assert offline.err.startswith("timeclock: TimeTrack cannot be reached (Cannot reach")
    assert offline.err.endswith("last seen on 2026-03-10 at 17:00\n")
