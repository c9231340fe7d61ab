"""The hostile tester's findings of issue 8, each replayed through ``timeclock`` against the
sandbox over HTTP, in every way the vendor's documents allow a server to keep data.

``quirks`` runs each test against a server that keeps what it is sent, one that keeps
whole seconds, one that folds user names to lower case, and one that does both.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from timeclock.sandbox import AttendancePatch, FaultPlan, NewAttendance, SandboxServer
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.services import sync
from timeclock.store.outbox import Outbox, OutboxError
from timeclock.store.paths import data_dir

# 08:00:00.123456 in Berlin: a moment with a fraction of a second, as real clocks have.
MORNING = datetime(2026, 3, 10, 7, 0, 0, 123456, tzinfo=UTC)

QUIRKS = {
    "plain": ServerQuirks(),
    "whole-seconds": ServerQuirks(whole_seconds=True),
    "folded-case": ServerQuirks(fold_user_case=True),
    "both": ServerQuirks(whole_seconds=True, fold_user_case=True),
}


@pytest.fixture(autouse=True)
def faults_cleared(shared_server: SandboxServer) -> Iterator[None]:
    """The shared sandbox leaves each test with no faults for the next one."""
    yield
    shared_server.faults = FaultPlan()


@pytest.fixture(params=list(QUIRKS), ids=list(QUIRKS))
def quirky(
    request: pytest.FixtureRequest,
    make_server: Callable[..., SandboxServer],
    monkeypatch: pytest.MonkeyPatch,
) -> SandboxServer:
    """A sandbox with one way of keeping data; ``timeclock`` points at it as ``HansM``."""
    server = make_server(quirks=QUIRKS[request.param])
    monkeypatch.setenv("TIMECLOCK_URL", server.base_url)
    monkeypatch.setenv("TIMECLOCK_USER", "HansM")  # the service may store it as "hansm"
    monkeypatch.setenv("TIMECLOCK_API_KEY", server.api_key)
    monkeypatch.setenv("TIMECLOCK_API_SECRET", server.api_secret)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    return server


def _outbox_path() -> Path:
    return data_dir() / "outbox.sqlite3"


def _waiting() -> int:
    outbox = Outbox(_outbox_path())
    try:
        return len(outbox.items(_base_url()))
    finally:
        outbox.close()


def _base_url() -> str:
    return os.environ["TIMECLOCK_URL"]


def _add_with_its_answer_lost(
    server: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    """``timeclock add`` of 10 March 08:00-10:00, which TimeTrack stores and whose answer
    is lost on the way back."""
    clock(MORNING + timedelta(days=1))
    server.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    added = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T10:00")
    assert added.status == 0, added.err
    assert "not yet on TimeTrack" in added.out


# -- 1. a server that keeps whole seconds, 2. names in another case ----------------------------


def test_a_lost_stamp_in_answer_is_found_again_not_sent_twice(
    quirky: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    quirky.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    clock(MORNING)
    stamped = run("stamp", "in")
    assert stamped.status == 0, stamped.err
    assert "saved on this computer, not yet on TimeTrack" in stamped.out

    synced = run("sync")
    assert synced.status == 0, synced.out + synced.err
    (entry,) = quirky.store.all()
    assert entry.start == MORNING.replace(microsecond=0)  # stamped at the whole second

    status = run("status")
    assert "Stamped in since 09:00" not in status.out
    assert "Stamped in since 08:00" in status.out
    clock(MORNING + timedelta(hours=8))
    out = run("stamp", "out")
    assert out.status == 0, out.err
    (closed,) = quirky.store.all()
    assert closed.end == MORNING.replace(microsecond=0) + timedelta(hours=8)
    clock(MORNING + timedelta(hours=9))
    again = run("stamp", "in")  # not "already stamped in"
    assert again.status == 0, again.err
    assert len(quirky.store.all()) == 2


def test_status_list_and_stamp_out_see_the_users_entries_in_any_case(
    quirky: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING)
    assert run("stamp", "in").status == 0
    clock(MORNING + timedelta(hours=1))
    status = run("status")
    assert "Stamped in since 08:00" in status.out, status.out
    listed = run("list", "--from", "2026-03-10", "--to", "2026-03-10")
    assert "08:00" in listed.out, listed.out
    refused = run("stamp", "in")
    assert refused.status == 1
    assert "already stamped in" in refused.err
    assert run("stamp", "out").status == 0
    (entry,) = quirky.store.all()
    assert entry.end == MORNING.replace(microsecond=0) + timedelta(hours=1)
    assert "Not stamped in" in run("status").out


# -- 3. a lost create is never matched to a different entry ------------------------------------


def test_a_lost_create_is_not_taken_for_an_entry_with_the_same_start(
    quirky: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING + timedelta(days=1))
    first = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T10:00")
    assert first.status == 0, first.err
    quirky.faults = FaultPlan(script=["cut"], methods=["POST"])  # cut before it is stored
    second = run(
        "add",
        "--from",
        "2026-03-10T08:00",
        "--to",
        "2026-03-10T16:30",
        "--break",
        "30",
        "--notes",
        "second",
    )
    assert second.status == 0, second.err
    assert "not yet on TimeTrack" in second.out
    assert len(quirky.store.all()) == 1

    synced = run("sync")
    assert synced.status == 0, synced.out + synced.err
    entries = sorted(quirky.store.all(), key=lambda entry: entry.end)
    assert [(e.end.hour, e.break_minutes, e.notes) for e in entries] == [
        (9, 0, ""),
        (15, 30, "second"),
    ]


def test_two_entries_that_fit_a_lost_create_hold_it_for_a_person(
    quirky: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    _add_with_its_answer_lost(quirky, run, clock)
    # Someone types the very same entry elsewhere before this desk looks again.
    (made,) = quirky.store.all()
    quirky.store.create(NewAttendance(user=made.user, start=made.start, end=made.end, manual=True))

    synced = run("sync")
    assert synced.status == 1
    assert "1 of them held" in synced.out
    shown = run("outbox")
    assert "HELD: TimeTrack has 2 entries that fit this change (#1, #2)" in shown.out
    assert len(quirky.store.all()) == 2  # nothing sent a third time


# -- 5. breaks of one user leave another's alone ------------------------------------------------


def test_breaks_of_two_users_on_one_desk_are_kept_apart(
    quirky: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock(MORNING)
    assert run("stamp", "in").status == 0
    clock(MORNING + timedelta(hours=2))
    assert run("break", "start").status == 0
    monkeypatch.setenv("TIMECLOCK_USER", "erikam")
    assert run("stamp", "in").status == 0
    clock(MORNING + timedelta(hours=2, minutes=10))
    assert run("break", "start").status == 0, "erika's own break"
    monkeypatch.setenv("TIMECLOCK_USER", "HansM")
    clock(MORNING + timedelta(hours=2, minutes=30))
    ended = run("break", "end")
    assert ended.status == 0, ended.err
    assert "breaks so far: 0:30 h" in ended.out
    monkeypatch.setenv("TIMECLOCK_USER", "erikam")
    clock(MORNING + timedelta(hours=2, minutes=25))
    assert "breaks so far: 0:15 h" in run("break", "end").out


# -- 6. a stamp out on a desk whose clock is behind --------------------------------------------


def test_a_stamp_out_behind_the_stamp_in_still_closes_the_entry(
    quirky: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING + timedelta(seconds=90))  # desk A runs 90 s ahead
    assert run("stamp", "in").status == 0
    clock(MORNING)  # desk B
    out = run("stamp", "out")
    assert out.status == 0, out.err
    assert "this computer's clock is 90 s behind the stamp in" in out.out
    (entry,) = quirky.store.all()
    assert entry.end - entry.start == timedelta(seconds=1)
    assert "Not stamped in" in run("status").out


# -- 9. an outbox row this version cannot read ------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "payload", "queued_at"),
    [
        ("teleport", "{}", "2026-03-10T07:00:00Z"),  # a kind of a newer TimeClock
        ("create", '{"user": "hansm"}', "2026-03-10T07:00:00Z"),  # a missing field
        ("update", '{"end": "yesterday"}', "2026-03-10T07:00:00Z"),  # an odd timestamp
        ("delete", "{}", "sometime"),  # an odd queue time
    ],
    ids=["new-kind", "missing-field", "odd-timestamp", "odd-queue-time"],
)
def test_an_unreadable_outbox_row_blocks_nothing_and_can_be_discarded(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    kind: str,
    payload: str,
    queued_at: str,
) -> None:
    clock(MORNING)
    assert run("outbox").status == 0  # makes the file
    with sqlite3.connect(_outbox_path()) as connection:
        connection.execute(
            "INSERT INTO outbox (base_url, kind, ref, payload, queued_at) VALUES (?, ?, ?, ?, ?)",
            (connected.base_url, kind, "id:7", payload, queued_at),
        )
    connection.close()

    assert run("status").status == 0
    stamped = run("stamp", "in")
    assert stamped.status == 0, stamped.err
    assert len(connected.store.all()) == 1
    listed = run("outbox")
    assert "HELD: unreadable (written by a newer TimeClock?)" in listed.out
    assert run("sync").status == 1  # it still waits, held
    discarded = run("outbox", "discard", "1")
    assert discarded.status == 0, discarded.err
    assert run("sync").status == 0
    assert run("outbox").out.startswith("Nothing waits.")


# -- 12. discarding a create whose answer was lost ----------------------------------------------


def test_discarding_a_create_that_reached_timetrack_says_so(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    _add_with_its_answer_lost(connected, run, clock)
    (stored,) = connected.store.all()

    discarded = run("outbox", "discard", "1")

    assert discarded.status == 0, discarded.err
    assert f"had already reached TimeTrack as entry #{stored.id}" in discarded.out
    assert f"'timeclock delete {stored.id}'" in discarded.out
    assert "TimeTrack will not get it" not in discarded.out
    assert run("outbox").out.startswith("Nothing waits.")


def test_discarding_a_create_sent_before_while_offline_warns(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    _add_with_its_answer_lost(connected, run, clock)
    connected.faults = FaultPlan({"503": 1.0})

    discarded = run("outbox", "discard", "1")

    assert discarded.status == 0, discarded.err
    assert "may already have reached TimeTrack" in discarded.out
    assert "check 'timeclock list' before adding it again" in discarded.out


# -- 13. a failure after the change was queued -------------------------------------------------


def test_a_failure_after_queuing_says_the_stamp_is_saved(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock(MORNING)
    assert run("stamp", "in").status == 0

    def broken(self: object, wait: float = 0.0) -> object:
        raise OutboxError("the outbox /x failed: disk I/O error")

    working = sync.Deliverer.deliver
    monkeypatch.setattr(sync.Deliverer, "deliver", broken)
    clock(MORNING + timedelta(hours=8))
    out = run("stamp", "out")
    assert out.status == 0, out.err
    assert "Stamped out at 16:00" in out.out
    assert "saved on this computer, not yet sent (the outbox /x failed" in out.out
    monkeypatch.setattr(sync.Deliverer, "deliver", working)
    assert run("sync").status == 0
    (entry,) = connected.store.all()
    assert entry.end - entry.start == timedelta(hours=8)


# -- 14. another delivery running right now ----------------------------------------------------


@pytest.fixture
def delivery_elsewhere() -> Iterator[Callable[[float], threading.Thread]]:
    """Hold this desk's delivery lock for a while in another thread (as another process
    delivering would)."""
    threads: list[threading.Thread] = []

    def hold(seconds: float) -> threading.Thread:
        started = threading.Event()

        def holding() -> None:
            outbox = Outbox(_outbox_path())
            with outbox.delivering() as allowed:
                assert allowed
                started.set()
                threading.Event().wait(seconds)

        thread = threading.Thread(target=holding)
        thread.start()
        started.wait(5)
        threads.append(thread)
        return thread

    yield hold
    for thread in threads:
        thread.join(10)


def test_a_change_waits_for_another_delivery_and_then_goes_out(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    delivery_elsewhere: Callable[[float], threading.Thread],
) -> None:
    clock(MORNING + timedelta(days=1))
    assert run("outbox").status == 0
    delivery_elsewhere(1.0)
    added = run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T10:00")
    assert added.status == 0, added.err
    assert "another TimeClock is sending it now" not in added.out
    assert "(entry #1)." in added.out
    assert len(connected.store.all()) == 1


# -- 16. a refused key: the stamp is queued, as the README says --------------------------------


def test_a_stamp_with_a_refused_key_is_queued_and_sent_once_fixed(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TIMECLOCK_API_SECRET", "regenerated-meanwhile")
    clock(MORNING)
    stamped = run("stamp", "in")
    assert stamped.status == 0, stamped.err
    assert "saved on this computer, not yet on TimeTrack: TimeTrack rejected" in stamped.out
    assert connected.store.all() == []
    monkeypatch.setenv("TIMECLOCK_API_SECRET", connected.api_secret)
    assert run("sync").status == 0
    assert len(connected.store.all()) == 1


# -- 17. a stamp out whose stamp in was discarded -----------------------------------------------


def test_a_stamp_out_whose_stamp_in_was_discarded_is_held_with_the_reason(
    connected: SandboxServer,
    run: Run,
    clock: Callable[[datetime], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connected.faults = FaultPlan({"503": 1.0})
    clock(MORNING)
    assert run("stamp", "in").status == 0
    clock(MORNING + timedelta(hours=8))
    assert run("stamp", "out").status == 0
    assert run("outbox", "discard", "1").status == 0
    connected.faults = FaultPlan()

    synced = run("sync")

    assert synced.status == 1
    assert "1 of them held" in synced.out
    listed = run("outbox")
    assert "was discarded before it reached TimeTrack" in listed.out
    assert run("outbox", "discard", "2").status == 0
    assert run("sync").status == 0
    assert connected.store.all() == []


# -- one write path: the command line's edit is checked like the window's ----------------------


def test_an_edit_queued_offline_is_held_when_the_entry_changed_elsewhere(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING + timedelta(days=1))
    made = connected.store.create(
        NewAttendance(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8), manual=True)
    )
    connected.faults = FaultPlan({"503": 1.0}, methods=["PUT"])
    edited = run("edit", str(made.id), "--notes", "mine")
    assert edited.status == 0, edited.err
    assert f"(entry #{made.id}); saved on this computer, not yet on TimeTrack" in edited.out
    connected.faults = FaultPlan()
    connected.store.update(made.id, AttendancePatch(break_minutes=45))  # a manager, meanwhile

    synced = run("sync")

    assert synced.status == 1
    assert "1 of them held" in synced.out
    assert "HELD: the entry was changed or deleted on TimeTrack" in run("outbox").out
    (stored,) = connected.store.all()
    assert (stored.notes, stored.break_minutes) == ("", 45)  # not overwritten


def test_an_edit_that_meets_no_change_elsewhere_goes_out(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING + timedelta(days=1))
    made = connected.store.create(
        NewAttendance(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8), manual=True)
    )
    edited = run("edit", str(made.id), "--notes", "mine")
    assert edited.status == 0, edited.err
    assert edited.out.endswith(f"(entry #{made.id}).\n")
    (stored,) = connected.store.all()
    assert stored.notes == "mine"


def test_list_shows_what_waits_on_this_computer_like_the_window(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    clock(MORNING + timedelta(days=1))
    assert run("add", "--from", "2026-03-10T08:00", "--to", "2026-03-10T10:00").status == 0
    connected.faults = FaultPlan({"503": 1.0}, methods=["POST", "PUT"])
    assert run("add", "--from", "2026-03-10T11:00", "--to", "2026-03-10T12:00").status == 0
    assert run("edit", "1", "--notes", "later").status == 0

    listed = run("list", "--from", "2026-03-10", "--to", "2026-03-10")

    rows = [line for line in listed.out.splitlines() if "2026-03-10" in line]
    assert len(rows) == 2, listed.out
    assert rows[0].startswith("1* ") and "later" in rows[0]
    assert rows[1].startswith("*  ")  # not on TimeTrack yet: no id
    assert "* saved on this computer, not yet on TimeTrack" in listed.out
    assert "worked 3:00 h" in listed.out
    as_json = run("list", "--from", "2026-03-10", "--to", "2026-03-10", "--format", "json")
    assert as_json.out.count('"id"') == 1  # scripts get TimeTrack's data only


def test_an_offline_edit_of_the_entry_a_lost_create_made_does_not_double_it(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    _add_with_its_answer_lost(connected, run, clock)
    (made,) = connected.store.all()  # on TimeTrack as #1; this desk does not know that
    connected.faults = FaultPlan({"503": 1.0})  # offline: the edit cannot read #1 first
    edited = run("edit", str(made.id), "--notes", "typed from the id the manager gave")
    assert edited.status == 0, edited.err
    connected.faults = FaultPlan()

    synced = run("sync")

    assert synced.status == 0, synced.out
    (entry,) = connected.store.all()
    assert entry.notes == "typed from the id the manager gave"


def test_the_log_file_tells_what_became_of_a_change(
    connected: SandboxServer, run: Run, clock: Callable[[datetime], None]
) -> None:
    """So that "not yet sent" can be explained afterwards."""
    connected.faults = FaultPlan({"503": 1.0}, methods=["POST"])
    clock(MORNING)
    assert run("stamp", "in").status == 0
    connected.faults = FaultPlan()
    assert run("sync").status == 0

    logged = (data_dir() / "timeclock.log").read_text()
    assert "queued #1: create of local:" in logged
    assert "delivery stopped, 1 waiting: TimeTrack had a server error (HTTP 503)" in logged
    assert "delivered #1 (create of local:" in logged
