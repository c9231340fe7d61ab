"""Delivering the outbox against the sandbox: order, exactly once, nothing dropped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.middleware import Middleware

from tests.api.faults import Canned, CannedResponses, EmptyAnswers, FaultPlan, Rule, unused_port
from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import MalformedResponseError, NetworkError, ServerError
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.faults import FaultPlan as SandboxFaults
from timeclock.services.sync import Deliverer
from timeclock.store.outbox import Hold, Outbox, server_ref

MORNING = datetime(2026, 3, 10, 7, 0, 0, 250_000, tzinfo=UTC)
EVENING = MORNING + timedelta(hours=8, minutes=30)


def stamp_in(user: str = "hansm", at: datetime = MORNING) -> AttendanceDraft:
    return AttendanceDraft(user=user, start=at, end=at, manual=False)


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


@pytest.fixture
def connect() -> Iterator[Callable[[SandboxServer], TimeTrackClient]]:
    clients: list[TimeTrackClient] = []

    def make(server: SandboxServer) -> TimeTrackClient:
        client = TimeTrackClient(server.base_url, credentials_of(server))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def test_a_day_stamped_offline_goes_out_in_order(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    base = server.base_url
    _, ref = outbox.add_create(base, stamp_in())
    outbox.add_update(base, ref, AttendanceChange(end=EVENING, break_minutes=30))
    report = Deliverer(connect(server), outbox).deliver()
    assert (report.delivered, report.waiting, report.failure) == (2, 0, None)
    (entry,) = server.store.all()
    assert (entry.start, entry.end, entry.break_minutes, entry.manual) == (
        MORNING,
        EVENING,
        30,
        False,
    )
    assert outbox.server_id(base, ref) == entry.id
    assert outbox.sync_state.last_success(base) is not None


def test_a_create_whose_answer_was_lost_is_adopted_not_doubled(
    make_server: Callable[..., SandboxServer],
    outbox: Outbox,
    connect: Callable[[SandboxServer], TimeTrackClient],
) -> None:
    """The server stores the create, the answer never arrives; the next pass finds it."""
    server = make_server(middleware=[Middleware(EmptyAnswers, method="POST", status=201)])
    base = server.base_url
    _, ref = outbox.add_create(base, stamp_in())
    outbox.add_update(base, ref, AttendanceChange(end=EVENING))
    deliverer = Deliverer(connect(server), outbox)

    first = deliverer.deliver()
    assert isinstance(first.failure, MalformedResponseError)
    assert len(server.store.all()) == 1  # stored, though we never heard
    assert outbox.count(base) == 2  # nothing dropped, nothing sent out of order

    second = deliverer.deliver()
    assert second.complete
    (entry,) = server.store.all()  # still exactly one
    assert entry.end == EVENING  # and the update found it through the adopted id
    assert outbox.server_id(base, ref) == entry.id


def test_a_create_that_never_arrived_is_sent_again(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    """An earlier attempt that did not reach the server: the look-up finds nothing."""
    base = server.base_url
    seq, _ = outbox.add_create(base, stamp_in())
    outbox.begin_attempt(seq)  # as if killed after counting the attempt, before sending
    assert Deliverer(connect(server), outbox).deliver().complete
    assert len(server.store.all()) == 1


def test_a_server_that_cannot_be_reached_keeps_everything(outbox: Outbox, tmp_path: Path) -> None:
    down = f"http://127.0.0.1:{unused_port()}/api/v2/ext"
    outbox.add_create(down, stamp_in())
    outbox.add_delete(down, server_ref(3))
    with TimeTrackClient(down, Credentials("key", "secret")) as client:
        report = Deliverer(client, outbox).deliver()
    assert isinstance(report.failure, NetworkError)
    assert report.waiting == 2
    (first, second) = outbox.items(down)
    assert "Cannot reach" in first.problem
    assert first.attempts == 0  # no connection was made: the create never left, for sure
    assert second.attempts == 0  # behind the failure: not even tried


def test_a_server_error_stops_the_pass_and_keeps_the_order(
    make_server: Callable[..., SandboxServer],
    outbox: Outbox,
    connect: Callable[[SandboxServer], TimeTrackClient],
) -> None:
    plan = FaultPlan(Rule(Canned.error(503, "Service Unavailable"), method="POST"))
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    kept = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    base = server.base_url
    outbox.add_create(base, stamp_in(at=MORNING + timedelta(days=1)))
    outbox.add_update(base, server_ref(kept.id), AttendanceChange(notes="danach"))
    report = Deliverer(connect(server), outbox).deliver()
    assert isinstance(report.failure, ServerError)
    assert server.store.get(kept.id).notes == ""  # the later update waited its turn
    plan.clear()
    assert Deliverer(connect(server), outbox).deliver().complete
    assert server.store.get(kept.id).notes == "danach"


def test_rate_limiting_reports_the_servers_wish(
    make_server: Callable[..., SandboxServer],
    outbox: Outbox,
    connect: Callable[[SandboxServer], TimeTrackClient],
) -> None:
    plan = FaultPlan(Rule(Canned.json({}, status=429, headers=[("Retry-After", "7")])))
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    outbox.add_create(server.base_url, stamp_in())
    report = Deliverer(connect(server), outbox).deliver()
    assert report.retry_after == 7
    assert report.waiting == 1


def test_a_refused_item_is_held_and_the_rest_still_goes_out(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    base = server.base_url
    backwards = AttendanceDraft(user="hansm", start=EVENING, end=MORNING, manual=True)
    outbox.add_create(base, backwards)
    outbox.add_create(base, stamp_in(at=MORNING + timedelta(days=1)))
    report = Deliverer(connect(server), outbox).deliver()
    assert report.delivered == 1
    (held,) = report.stuck
    assert held.draft == backwards
    assert len(server.store.all()) == 1
    (still,) = outbox.items(base)
    assert still.stuck and "refused" in still.problem


def test_an_edit_of_an_entry_deleted_meanwhile_is_held_and_a_delete_is_done(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    gone = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    server.store.delete(gone.id)
    base = server.base_url
    outbox.add_update(base, server_ref(gone.id), AttendanceChange(notes="zu spät"))
    outbox.add_delete(base, server_ref(gone.id))
    report = Deliverer(connect(server), outbox).deliver()
    assert report.delivered == 1  # the delete: the entry is gone, as it wanted
    (held,) = outbox.items(base)
    assert held.stuck and f"Entry {gone.id}" in held.problem


def test_an_edit_of_an_entry_created_offline_waits_while_its_create_is_held(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    base = server.base_url
    _, ref = outbox.add_create(
        base, AttendanceDraft(user="hansm", start=EVENING, end=MORNING, manual=True)
    )
    outbox.add_update(base, ref, AttendanceChange(notes="x"))
    report = Deliverer(connect(server), outbox).deliver()
    assert report.delivered == 0
    assert [item.stuck for item in outbox.items(base)] == [True, False]


def test_rejected_credentials_pause_everything(server: SandboxServer, outbox: Outbox) -> None:
    base = server.base_url
    outbox.add_create(base, stamp_in())
    outbox.add_create(base, stamp_in(at=EVENING))
    with TimeTrackClient(base, Credentials(server.api_key, "regenerated")) as client:
        report = Deliverer(client, outbox).deliver()
    assert report.paused_for_credentials
    assert report.waiting == 2
    assert server.store.all() == []


def test_only_one_delivery_runs_at_a_time_across_processes(
    server: SandboxServer, tmp_path: Path, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    """The window's retry and a `timeclock sync` must not both send the same create."""
    path = tmp_path / "shared-outbox.sqlite3"
    window_outbox, cli_outbox = Outbox(path), Outbox(path)  # two openers, as two processes
    window_outbox.add_create(server.base_url, stamp_in())
    with window_outbox.delivering() as window_delivers:
        assert window_delivers
        report = Deliverer(connect(server), cli_outbox).deliver()
        assert report.busy_elsewhere and report.waiting == 1 and report.delivered == 0
        assert server.store.all() == []
    report = Deliverer(connect(server), cli_outbox).deliver()
    assert report.complete and not report.busy_elsewhere
    assert len(server.store.all()) == 1


def test_an_edit_goes_out_when_the_entry_is_as_the_person_saw_it(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    entry = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    seen = connect(server).get_attendance(entry.id)
    seq = outbox.add_update(
        server.base_url, server_ref(entry.id), AttendanceChange(notes="korrigiert"), base=seen
    )
    report = Deliverer(connect(server), outbox).deliver()
    assert report.complete and report.conflicts == {}
    assert report.stored[seq].notes == "korrigiert"
    assert server.store.get(entry.id).notes == "korrigiert"


def test_an_edit_of_an_entry_changed_elsewhere_is_held_as_a_conflict(
    server: SandboxServer, outbox: Outbox, connect: Callable[[SandboxServer], TimeTrackClient]
) -> None:
    client = connect(server)
    entry = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    seen = client.get_attendance(entry.id)
    client.update_attendance(entry.id, AttendanceChange(break_minutes=45))  # another desk
    base = server.base_url
    seq = outbox.add_update(base, server_ref(entry.id), AttendanceChange(notes="meins"), base=seen)
    outbox.add_create(base, stamp_in(at=MORNING + timedelta(days=1)))
    report = Deliverer(client, outbox).deliver()
    assert report.delivered == 1  # the rest still goes out
    conflict = report.conflicts[seq]
    assert conflict.base == seen and conflict.current is not None
    assert conflict.current.break_minutes == 45
    assert server.store.get(entry.id).notes == ""  # nothing sent over the other change
    (held,) = outbox.items(base)
    assert held.hold is Hold.CONFLICT and held.seq == seq
    # Deleted meanwhile: a conflict too, with no current version.
    server.store.delete(entry.id)
    outbox.revise(seq, change=AttendanceChange(notes="meins"), base=conflict.current)
    again = Deliverer(client, outbox).deliver()
    assert again.conflicts[seq].current is None


def test_an_edit_whose_answer_was_lost_is_not_taken_for_a_conflict(
    make_server: Callable[..., SandboxServer],
    outbox: Outbox,
    connect: Callable[[SandboxServer], TimeTrackClient],
) -> None:
    """The server stored the update, the answer never came: the next pass finds it done."""
    server = make_server(faults=SandboxFaults(script=["commit-then-cut"], methods=["PUT"]))
    client = connect(server)
    entry = server.store.create(NewAttendance(user="hansm", start=MORNING, end=EVENING))
    seen = client.get_attendance(entry.id)
    outbox.add_update(
        server.base_url, server_ref(entry.id), AttendanceChange(break_minutes=30), base=seen
    )
    first = Deliverer(client, outbox).deliver()
    assert isinstance(first.failure, NetworkError)
    assert server.store.get(entry.id).break_minutes == 30  # stored, answer lost
    second = Deliverer(client, outbox).deliver()
    assert second.complete and second.conflicts == {}
