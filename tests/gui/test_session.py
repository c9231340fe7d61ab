"""The window's session against the live sandbox: stamping, breaks, loads, and failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from starlette.middleware import Middleware

from tests.api.faults import Canned, CannedResponses, FaultPlan, Rule, unused_port
from tests.gui.helpers import (
    WAIT,
    Sessions,
    SettableClock,
    account_of,
    emissions,
    outbox_items,
    seed,
    utc,
    wait_idle,
)
from timeclock.api.client import TimeTrackClient
from timeclock.api.credentials import Credentials
from timeclock.api.errors import NetworkError, ServerError, ValidationError
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.refs import server_ref
from timeclock.gui.session import OUTBOX_WATCH_TIMER, ClockSession, ConnectionState
from timeclock.sandbox import SandboxServer
from timeclock.services.changes import Outcome, Sent
from timeclock.services.stamping import Status
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Hold, Outbox

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def session(server: SandboxServer, sessions: Sessions, clock: SettableClock) -> ClockSession:
    return sessions.open(account_of(server), clock)


def status_after(qtbot: QtBot, session: ClockSession, action: Callable[[], None]) -> Status:
    with qtbot.waitSignal(session.status_changed, timeout=WAIT) as blocker:
        action()
    status = blocker.args[0]
    assert isinstance(status, Status)
    assert session.status is status
    return status


def test_refresh_reports_where_the_user_stands(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))  # yesterday, closed
    seed(server, utc(2026, 3, 10, 6, 0), user="ivan", manual=False)  # someone else is in
    assert session.status is None
    status = status_after(qtbot, session, session.refresh_status)
    assert not status.shift.stamped_in
    assert [entry.user for entry in status.recent] == ["hansm"]


def test_stamp_in_break_and_stamp_out_round_trip(
    qtbot: QtBot, session: ClockSession, server: SandboxServer, clock: SettableClock
) -> None:
    status_after(qtbot, session, session.refresh_status)
    saved = emissions(session.entry_saved)

    status = status_after(qtbot, session, session.stamp)
    (stored,) = server.store.all()
    assert (stored.user, stored.manual) == ("hansm", False)
    assert stored.start == stored.end == MORNING  # the open entry: from == to
    assert status.shift.stamped_in
    assert status.shift.entry is not None and status.shift.entry.id == stored.id
    assert [(e.id, e.is_open) for (e, _waiting) in saved] == [(stored.id, True)]

    clock.advance(hours=2)
    status = status_after(qtbot, session, session.toggle_break)
    assert status.shift.on_break
    assert status.shift.breaks is not None
    assert status.shift.breaks.running_since == MORNING + timedelta(hours=2)
    clock.advance(minutes=15)
    status = status_after(qtbot, session, session.toggle_break)
    assert not status.shift.on_break
    assert status.shift.break_time(clock()) == timedelta(minutes=15)
    assert server.store.get(stored.id).end == MORNING  # breaks stay on this desk till out

    clock.advance(hours=6)
    status = status_after(qtbot, session, session.stamp)
    closed = server.store.get(stored.id)
    assert closed.end == MORNING + timedelta(hours=8, minutes=15)
    assert closed.break_minutes == 15
    assert closed.manual is False
    assert not status.shift.stamped_in
    assert saved[-1][0].end == closed.end
    assert server.store.count() == 1


def test_a_restart_finds_the_open_entry_and_the_running_break(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock, tmp_path: Path
) -> None:
    state_file = tmp_path / "state.sqlite3"
    first_breaks = BreakStore(state_file)
    first = sessions.open(account_of(server), clock, first_breaks)
    status_after(qtbot, first, first.refresh_status)
    status_after(qtbot, first, first.stamp)
    clock.advance(hours=3)
    status_after(qtbot, first, first.toggle_break)
    first.close()  # the program ends in the middle of the break

    clock.advance(minutes=20)
    second = sessions.open(account_of(server), clock, BreakStore(state_file))
    status = status_after(qtbot, second, second.refresh_status)
    (stored,) = server.store.all()
    assert status.shift.entry is not None and status.shift.entry.id == stored.id
    assert status.shift.on_break
    assert status.shift.breaks is not None
    assert status.shift.breaks.running_since == MORNING + timedelta(hours=3)

    status = status_after(qtbot, second, second.toggle_break)  # back from the break
    assert not status.shift.on_break
    status_after(qtbot, second, second.stamp)
    assert server.store.get(stored.id).break_minutes == 20


def test_only_the_latest_of_two_quick_loads_is_delivered(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    february = seed(server, utc(2026, 2, 10, 7, 0), utc(2026, 2, 10, 15, 0))
    march = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    loaded = emissions(session.entries_loaded)
    session.load_entries("hansm", utc(2026, 2, 1), utc(2026, 3, 1))
    session.load_entries("hansm", utc(2026, 3, 1), utc(2026, 4, 1))
    wait_idle(qtbot, session)
    assert len(loaded) == 1
    assert [entry.id for entry in loaded[0][0].entries] == [march]
    assert february != march


def test_loading_everyones_entries(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    mine = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    theirs = seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    with qtbot.waitSignal(session.entries_loaded, timeout=WAIT) as blocker:
        session.load_entries(None, utc(2026, 3, 1), utc(2026, 4, 1))
    assert [entry.id for entry in blocker.args[0].entries] == [mine, theirs]
    with qtbot.waitSignal(session.entries_loaded, timeout=WAIT) as blocker:
        session.load_entries("ivan", utc(2026, 3, 1), utc(2026, 4, 1))
    assert [entry.id for entry in blocker.args[0].entries] == [theirs]


def test_the_first_answer_puts_the_session_online(qtbot: QtBot, session: ClockSession) -> None:
    assert session.state is ConnectionState.CONNECTING
    states = emissions(session.state_changed)
    status_after(qtbot, session, session.refresh_status)
    status_after(qtbot, session, session.refresh_status)
    assert states == [(ConnectionState.ONLINE,)]  # told once, not on every answer
    assert session.state is ConnectionState.ONLINE


def test_a_server_that_is_down_makes_the_session_offline_with_a_message(
    qtbot: QtBot, sessions: Sessions, clock: SettableClock
) -> None:
    port = unused_port()
    session = sessions.open(account_of(f"http://127.0.0.1:{port}/api/v2/ext"), clock)
    statuses = emissions(session.status_changed)
    with qtbot.waitSignal(session.problem, timeout=WAIT) as blocker:
        session.refresh_status()
    message, retry = blocker.args
    assert message == "Cannot reach TimeTrack at 127.0.0.1; check the network connection."
    assert callable(retry)
    assert session.state is ConnectionState.OFFLINE
    # What this desk knows stands in: nothing stamped here yet, nothing waiting.
    ((status,),) = statuses
    assert isinstance(status.offline, NetworkError)
    assert not status.shift.stamped_in and status.waiting == 0


def test_a_wrong_secret_makes_the_session_rejected_and_asks_for_credentials(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    wrong = Credentials(server.api_key, "not-the-secret")
    session = sessions.open(account_of(server.base_url, credentials=wrong), clock)
    problems = emissions(session.problem)
    with qtbot.waitSignal(session.credentials_rejected, timeout=WAIT):
        session.refresh_status()
    wait_idle(qtbot, session)
    assert session.state is ConnectionState.REJECTED
    assert len(problems) == 1
    assert problems[0][0].startswith("TimeTrack rejected the API key or secret (HTTP 401).")
    assert server.store.count() == 0


def test_a_server_error_is_reported_and_the_session_works_once_it_is_gone(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    plan = FaultPlan(Rule(Canned.error(500, "Internal Server Error", "database is on fire")))
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    session = sessions.open(account_of(faulty), clock)
    with qtbot.waitSignal(session.problem, timeout=WAIT) as blocker:
        session.refresh_status()
    message, retry = blocker.args
    assert message.startswith("TimeTrack had a problem (HTTP 500). Try again later.")
    assert "database is on fire" in message
    assert session.state is ConnectionState.ERROR
    assert session.status is not None and isinstance(session.status.offline, ServerError)

    plan.clear()
    with qtbot.waitSignal(session.state_changed, timeout=WAIT) as online:
        status = status_after(qtbot, session, retry)
    assert online.args == [ConnectionState.ONLINE]
    assert not status.shift.stamped_in
    status_after(qtbot, session, session.stamp)
    assert [(e.start == e.end, e.manual) for e in faulty.store.all()] == [(True, False)]


def test_a_refused_stamp_says_why_and_leaves_the_state_alone(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    status_after(qtbot, session, session.refresh_status)
    seed(server, utc(2026, 3, 10, 6, 30), manual=False)  # stamped in at another desk meanwhile
    problems = emissions(session.problem)
    # The last known status says "out", so this stamps in; the status is asked for again.
    status = status_after(qtbot, session, session.stamp)
    assert problems == [("You are already clocked in.", None)]
    assert session.state is ConnectionState.ONLINE
    assert server.store.count() == 1
    assert status.shift.stamped_in  # so the next stamp is the right one: out
    status_after(qtbot, session, session.stamp)
    (closed,) = server.store.all()
    assert closed.end == MORNING


def test_a_stamp_the_server_fails_asks_for_the_status_again(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    plan = FaultPlan()
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    session = sessions.open(account_of(faulty), clock)
    status_after(qtbot, session, session.refresh_status)
    plan.set(Rule(Canned.error(503, "Service Unavailable"), method="POST"))
    problems = emissions(session.problem)
    notices = emissions(session.notice)
    status = status_after(qtbot, session, session.stamp)
    assert problems == []
    assert notices == [
        ("Saved on this computer. TimeTrack gets the change as soon as it can be reached.",)
    ]
    assert status.shift.stamped_in and status.waiting == 1  # safe here, shown at once
    assert faulty.store.count() == 0
    assert session.state is ConnectionState.ONLINE  # the status read after it went through
    plan.clear()
    with qtbot.waitSignal(session.changes_delivered, timeout=WAIT):
        session.deliver()
    assert faulty.store.count() == 1


def test_entry_changes_go_through_the_outbox_and_announce_the_entry(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry_id = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0), notes="old")
    entry = server_entry(session, entry_id)
    saved = emissions(session.entry_saved)
    deleted = emissions(session.entry_deleted)
    sent: list[Sent] = []
    failed: list[str] = []

    session.update_entry(entry, AttendanceChange(notes="new"), sent.append, failed.append)
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=WAIT)
    assert sent[0].outcome is Outcome.DELIVERED
    assert sent[0].entry is not None and sent[0].entry.notes == "new"
    assert saved == [(sent[0].entry, False)]
    assert server.store.get(entry_id).notes == "new"

    session.delete_entry(sent[0].entry, sent.append, failed.append)
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=WAIT)
    assert sent[1].outcome is Outcome.DELIVERED
    assert deleted == [(server_ref(entry_id),)]
    assert server.store.count() == 0

    # Already gone: what the delete wanted, so done (and announced again for the list).
    session.delete_entry(entry, sent.append, failed.append)
    qtbot.waitUntil(lambda: len(sent) == 3, timeout=WAIT)
    assert sent[2].outcome is Outcome.DELIVERED
    assert failed == []
    assert len(saved) == 1


def test_an_edit_the_server_refuses_is_held_until_revised_or_withdrawn(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = server_entry(session, seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0)))
    sent: list[Sent] = []
    backwards = AttendanceChange(end=utc(2026, 3, 2, 6, 0))
    session.update_entry(entry, backwards, sent.append, pytest.fail)
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=WAIT)
    assert sent[0].outcome is Outcome.REFUSED
    assert isinstance(sent[0].refusal, ValidationError)
    held = outbox_items(qtbot, session)
    assert [(item.seq, item.stuck) for item in held] == [(sent[0].seq, True)]

    session.update_entry(
        entry, AttendanceChange(notes="fixed"), sent.append, pytest.fail, revising=sent[0].seq
    )
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=WAIT)
    assert (sent[1].outcome, sent[1].seq) == (Outcome.DELIVERED, sent[0].seq)
    assert server.store.get(entry.id).notes == "fixed"
    assert outbox_items(qtbot, session) == []

    session.update_entry(entry, backwards, sent.append, pytest.fail)
    qtbot.waitUntil(lambda: len(sent) == 3, timeout=WAIT)
    session.discard_change(sent[2].seq)
    qtbot.waitUntil(lambda: outbox_items(qtbot, session) == [], timeout=WAIT)


def server_entry(session: ClockSession, entry_id: int) -> Attendance:
    with TimeTrackClient(session.account.base_url, session.account.credentials) as client:
        return client.get_attendance(entry_id)


def test_nothing_runs_after_close(qtbot: QtBot, session: ClockSession) -> None:
    session.close()
    with pytest.raises(RuntimeError, match="shut down"):
        session.refresh_status()
    session.close()  # closing twice is harmless


def test_a_change_held_by_a_later_delivery_is_announced_once_and_not_retried(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
    tmp_path: Path,
) -> None:
    plan = FaultPlan(Rule(Canned.error(400, "Bad Request", "locked period"), method="POST"))
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    session = sessions.open(account_of(faulty), clock, outbox=outbox)
    draft = AttendanceDraft(user="hansm", start=MORNING, end=MORNING, manual=False)
    outbox.add_create(faulty.base_url, draft)  # by `timeclock stamp in`, say
    held = emissions(session.change_held)
    waiting = emissions(session.outbox_changed)
    status_after(qtbot, session, session.deliver)
    assert [(item.draft, item.hold) for (item,) in held] == [(draft, Hold.REFUSED)]
    assert "locked period" in held[0][0].problem
    assert waiting[-1][:2] == (1, 1)  # one waiting, and that one held
    # Held changes wait for a person, not for the server: no retry timer for them alone.
    retries = [t for t in session.findChildren(QTimer) if t.objectName() != OUTBOX_WATCH_TIMER]
    assert not [timer for timer in retries if timer.isActive()]
    status_after(qtbot, session, session.deliver)
    assert len(held) == 1  # announced when it was held, not on every pass


def test_a_stamp_that_went_out_is_not_marked_waiting_beside_a_held_change(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    session = sessions.open(account_of(server), clock, outbox=outbox)
    backwards = AttendanceDraft(user="hansm", start=MORNING, end=MORNING - timedelta(hours=1))
    outbox.add_create(server.base_url, backwards)  # TimeTrack refuses it: held
    status_after(qtbot, session, session.deliver)
    saved = emissions(session.entry_saved)
    status = status_after(qtbot, session, session.stamp)
    (stored,) = server.store.all()
    assert status.held == 1 and status.shift.stamped_in
    assert saved == [(status.shift.entry, False)]
    assert status.shift.entry is not None and status.shift.entry.id == stored.id
