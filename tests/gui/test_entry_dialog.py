"""The new/edit entry dialog against the live sandbox: validation, create, edit, refusal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from starlette.middleware import Middleware

from tests.api.faults import Canned, CannedResponses, Rule
from tests.api.faults import FaultPlan as CannedPlan
from tests.conftest import credentials_of
from tests.gui.helpers import emissions, outbox_items
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft, Location
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.services.account import Account

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2021, 3, 29, 12, 0, tzinfo=UTC)  # a Monday
WAIT = 5000


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    """A real session for hansm on the sandbox; its worker stops after the test."""
    clock_session = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: NOW,
    )
    yield clock_session
    clock_session.close()


@pytest.fixture
def client(server: SandboxServer) -> Iterator[TimeTrackClient]:
    with TimeTrackClient(server.base_url, credentials_of(server)) as connected:
        yield connected


def opened(qtbot: QtBot, dialog: EntryDialog) -> EntryDialog:
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def set_times(
    dialog: EntryDialog, start: datetime | None = None, end: datetime | None = None
) -> None:
    if start is not None:
        dialog.start_edit.setDateTime(wall_qdatetime(start))
    if end is not None:
        dialog.end_edit.setDateTime(wall_qdatetime(end))


def test_a_new_entry_starts_as_a_usual_day(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN))
    assert dialog.windowTitle() == "New entry"
    assert dialog.user_edit.text() == "hansm"
    assert not dialog.user_edit.isReadOnly()
    assert dialog.start_edit.dateTime() == wall_qdatetime(datetime(2021, 3, 29, 8, 0))
    assert dialog.end_edit.dateTime() == wall_qdatetime(datetime(2021, 3, 29, 16, 0))
    assert dialog.break_spin.value() == 30
    assert dialog.save_button.isEnabled()
    assert dialog.message.isHidden()
    assert dialog.worked_label.text() == "7:30 h"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: set_times(d, end=datetime(2021, 3, 28, 7, 0)), "The end lies before the start."),
        (
            lambda d: d.break_spin.setValue(480),
            "The break must be shorter than the time from start to end.",
        ),
        (lambda d: d.user_edit.clear(), "Enter the user name."),
        (
            lambda d: set_times(d, start=datetime(2021, 3, 28, 2, 30)),
            "From: This time does not exist on the local clock",
        ),
        (
            lambda d: set_times(d, end=datetime(2021, 3, 28, 2, 30)),
            "To: This time does not exist on the local clock",
        ),
    ],
    ids=["end-before-start", "break-too-long", "no-user", "start-in-gap", "end-in-gap"],
)
def test_a_problem_keeps_save_disabled_and_says_why(
    qtbot: QtBot, session: ClockSession, change, reason: str
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, day=date(2021, 3, 28)))
    change(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.message.isVisible()
    assert dialog.message.text().startswith(reason)
    dialog.save_button.click()  # a disabled button does nothing; neither does _save
    assert dialog.isVisible()


def test_fixing_the_problem_enables_save_again(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, day=date(2021, 3, 28)))
    set_times(dialog, start=datetime(2021, 3, 28, 2, 30))
    assert not dialog.save_button.isEnabled()
    set_times(dialog, start=datetime(2021, 3, 28, 3, 30))
    assert dialog.save_button.isEnabled()
    assert dialog.message.isHidden()


def test_save_creates_a_manual_entry_on_the_server(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, user="ivan", day=date(2021, 3, 28)))
    set_times(dialog, start=datetime(2021, 3, 28, 1, 30), end=datetime(2021, 3, 28, 9, 0))
    dialog.break_spin.setValue(45)
    dialog.notes_edit.setPlainText("Inventur\nLager 2")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        dialog.save_button.click()
        assert dialog.message.text() == "Saving…"
        assert not dialog.form.isEnabled()
    entry: Attendance = blocker.args[0]
    assert not dialog.isVisible()
    stored = server.store.get(entry.id)
    assert stored.user == "ivan"
    assert stored.manual is True
    # 01:30 CET and 09:00 CEST: the span crosses the spring gap.
    assert stored.start == datetime(2021, 3, 28, 0, 30, tzinfo=UTC)
    assert stored.end == datetime(2021, 3, 28, 7, 0, tzinfo=UTC)
    assert (stored.break_minutes, stored.notes) == (45, "Inventur\nLager 2")


def test_enter_in_the_notes_makes_a_new_line(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN))
    dialog.notes_edit.setFocus()
    qtbot.keyClicks(dialog.notes_edit, "one")
    qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.notes_edit, "two")
    assert dialog.isVisible()
    assert dialog.notes_edit.toPlainText() == "one\ntwo"


def test_escape_cancels(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN))
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        qtbot.keyClick(dialog.start_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# -- editing --------------------------------------------------------------------------------

# 02:30:15.123 on the second run through the repeated hour of 2021-10-31 in Berlin (CET).
REPEATED = datetime(2021, 10, 31, 1, 30, 15, 123000, tzinfo=UTC)


def existing(client: TimeTrackClient, **fields: object) -> Attendance:
    values: dict[str, object] = {
        "user": "hansm",
        "start": REPEATED,
        "end": REPEATED + timedelta(hours=6),
        "break_minutes": 30,
        "notes": "Frühschicht",
        "manual": False,
        "start_location": Location(52.520008, 13.404954),
    }
    values.update(fields)
    return client.create_attendance(AttendanceDraft(**values))  # type: ignore[arg-type]


def test_edit_shows_the_entry_read_only_where_it_cannot_change(
    qtbot: QtBot, session: ClockSession, client: TimeTrackClient
) -> None:
    entry = existing(client)
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    assert dialog.windowTitle() == "Edit entry"
    assert dialog.user_edit.isReadOnly()
    assert dialog.start_edit.dateTime() == wall_qdatetime(datetime(2021, 10, 31, 2, 30))
    assert dialog.source_label.text() == "time clock"
    assert "52.5200, 13.4050" in dialog.location_label.text()
    assert dialog.save_button.isEnabled()


def test_an_open_entry_opens_at_its_end_a_closed_one_at_its_start(
    qtbot: QtBot, session: ClockSession, client: TimeTrackClient
) -> None:
    closed = existing(client)
    start = datetime(2021, 10, 29, 7, 0, tzinfo=UTC)
    still_open = client.create_attendance(
        AttendanceDraft(user="hansm", start=start, end=start, manual=False)
    )
    assert still_open.is_open

    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=still_open))
    assert dialog.focusWidget() is dialog.end_edit  # opened to be closed: set its end
    other = opened(qtbot, EntryDialog(session, BERLIN, entry=closed))
    assert other.focusWidget() is other.start_edit


def test_edit_sends_only_what_changed(
    qtbot: QtBot,
    session: ClockSession,
    client: TimeTrackClient,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = existing(client)
    sent: list[AttendanceChange] = []
    update = session.update_entry
    monkeypatch.setattr(
        session,
        "update_entry",
        lambda base, change, *a, **k: (sent.append(change), update(base, change, *a, **k)),
    )
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    dialog.break_spin.setValue(45)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        dialog.save_button.click()
    assert sent == [AttendanceChange(break_minutes=45)]
    assert blocker.args[0].break_minutes == 45
    stored = server.store.get(entry.id)
    # The start in the repeated hour stays the very instant it was, milliseconds included.
    assert (stored.start, stored.end, stored.notes) == (entry.start, entry.end, entry.notes)
    assert (stored.break_minutes, stored.manual) == (45, False)


def test_a_changed_time_is_sent_in_utc(
    qtbot: QtBot, session: ClockSession, client: TimeTrackClient, server: SandboxServer
) -> None:
    entry = existing(client)
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    set_times(dialog, end=datetime(2021, 10, 31, 9, 15))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    stored = server.store.get(entry.id)
    assert stored.end == datetime(2021, 10, 31, 8, 15, tzinfo=UTC)
    assert stored.start == entry.start


def test_an_edit_without_changes_just_closes(
    qtbot: QtBot, session: ClockSession, client: TimeTrackClient, server: SandboxServer
) -> None:
    entry = existing(client)
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save_button.click()
    assert saved == []
    assert server.store.get(entry.id).notes == entry.notes


def test_a_change_timetrack_cannot_take_now_waits_and_the_dialog_closes(
    qtbot: QtBot, session: ClockSession, client: TimeTrackClient, server: SandboxServer
) -> None:
    entry = existing(client)
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    dialog.break_spin.setValue(60)
    dialog.notes_edit.setPlainText("Spätschicht")
    notices = emissions(session.notice)
    server.faults = FaultPlan(script=["500"], methods=["PUT"])  # the update itself fails
    try:
        with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
            dialog.save_button.click()
    finally:
        server.faults = None
    assert not dialog.isVisible()
    assert (blocker.args[0].break_minutes, blocker.args[0].notes) == (60, "Spätschicht")
    assert notices[0][0].startswith("Saved on this computer.")
    assert server.store.get(entry.id).break_minutes == 30  # not yet
    (waiting,) = outbox_items(qtbot, session)
    assert waiting.change == AttendanceChange(break_minutes=60, notes="Spätschicht")
    assert not waiting.stuck
    session.deliver()
    qtbot.waitUntil(lambda: server.store.get(entry.id).break_minutes == 60, timeout=WAIT)
    assert server.store.get(entry.id).notes == "Spätschicht"


def test_a_refusal_is_shown_in_the_dialog_and_the_next_save_revises_it(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    plan = CannedPlan(Rule(Canned.error(400, "Bad Request", "period is closed"), method="PUT"))
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    with (
        session_on(server) as session,
        TimeTrackClient(server.base_url, credentials_of(server)) as client,
    ):
        entry = existing(client)
        dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
        dialog.break_spin.setValue(60)
        dialog.notes_edit.setPlainText("Spätschicht")
        dialog.save_button.click()
        qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT)
        assert dialog.isVisible()
        assert dialog.message.text().startswith("TimeTrack refused the data.")
        assert "period is closed" in dialog.message.text()
        assert (dialog.break_spin.value(), dialog.notes_edit.toPlainText()) == (60, "Spätschicht")
        assert dialog.save_button.isEnabled()
        (held,) = outbox_items(qtbot, session)  # safe on disk meanwhile
        assert held.stuck and held.change == AttendanceChange(break_minutes=60, notes="Spätschicht")

        plan.clear()  # the period was opened again
        dialog.notes_edit.setPlainText("Spätschicht, korrigiert")
        with qtbot.waitSignal(dialog.saved, timeout=WAIT):
            dialog.save_button.click()
        stored = server.store.get(entry.id)
        assert (stored.break_minutes, stored.notes) == (60, "Spätschicht, korrigiert")
        assert outbox_items(qtbot, session) == []


def test_cancel_after_a_refusal_takes_the_change_back(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    plan = CannedPlan(Rule(Canned.error(400, "Bad Request", "no such user"), method="POST"))
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    with session_on(server) as session:
        dialog = opened(qtbot, EntryDialog(session, BERLIN))
        dialog.save_button.click()
        qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT)
        assert "no such user" in dialog.message.text()
        assert len(outbox_items(qtbot, session)) == 1
        dialog.reject()
        qtbot.waitUntil(lambda: outbox_items(qtbot, session) == [], timeout=WAIT)
        assert server.store.all() == []


@contextmanager
def session_on(server: SandboxServer) -> Iterator[ClockSession]:
    clock_session = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: NOW,
    )
    try:
        yield clock_session
    finally:
        clock_session.close()


# -- the keyboard (#11) -------------------------------------------------------------------


def test_a_whole_date_typed_over_the_end_moves_it_to_that_day(
    qtbot: QtBot, session: ClockSession
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, day=date(2021, 3, 22)))
    dialog.activateWindow()
    dialog.end_edit.setFocus()
    qtbot.waitUntil(dialog.end_edit.hasFocus)
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed = dialog.end_edit.displayFormat()
    text = wall_qdatetime(datetime(2021, 3, 23, 17, 0)).toString(typed)
    qtbot.keyClicks(dialog.end_edit, text)
    assert dialog.end_edit.dateTime() == wall_qdatetime(datetime(2021, 3, 23, 17, 0))
    assert dialog.worked_label.text().startswith("32:30 h")  # 08:00 on the 22nd to 17:00


def test_ctrl_return_saves_from_the_notes(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, day=date(2021, 3, 22)))
    dialog.activateWindow()
    dialog.notes_edit.setFocus()
    qtbot.waitUntil(dialog.notes_edit.hasFocus)
    qtbot.keyClicks(dialog.notes_edit, "Inventur")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [entry.notes for entry in server.store.all()] == ["Inventur"]


def test_tab_visits_each_date_once(qtbot: QtBot, session: ClockSession) -> None:
    dialog = opened(qtbot, EntryDialog(session, BERLIN, day=date(2021, 3, 22)))
    dialog.activateWindow()
    dialog.user_edit.setFocus()
    qtbot.waitUntil(dialog.user_edit.hasFocus)
    visited = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        visited.append(dialog.focusWidget())
    assert visited[:3] == [dialog.start_edit, dialog.end_edit, dialog.break_spin]


def test_the_user_of_an_entry_shows_as_text_not_as_a_field(
    qtbot: QtBot, session: ClockSession
) -> None:
    entry = Attendance(5, "hansm", NOW - timedelta(hours=4), NOW, 0, "", manual=True)
    dialog = opened(qtbot, EntryDialog(session, BERLIN, entry=entry))
    assert dialog.user_edit.isReadOnly()
    assert not dialog.user_edit.hasFrame()
    assert not dialog.user_edit.focusPolicy() & Qt.FocusPolicy.TabFocus
    new = opened(qtbot, EntryDialog(session, BERLIN))
    assert new.user_edit.hasFrame() and new.user_edit.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_new_entry_and_an_edit_remember_their_sizes_apart(
    qtbot: QtBot, session: ClockSession, tmp_path: Path
) -> None:
    state = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    entry = Attendance(5, "hansm", NOW - timedelta(hours=4), NOW, 0, "", manual=True)
    new = opened(qtbot, EntryDialog(session, BERLIN, window_state=state))
    new.resize(new.width() + 200, new.height() + 150)
    new_size = new.size()
    new.reject()
    edit = opened(qtbot, EntryDialog(session, BERLIN, entry=entry, window_state=state))
    assert edit.size() != new_size
    edit.resize(edit.width() + 40, edit.height() + 40)
    edit_size = edit.size()
    edit.reject()
    again = opened(qtbot, EntryDialog(session, BERLIN, window_state=state))
    assert again.size() == new_size
    again.reject()
    edit_again = opened(qtbot, EntryDialog(session, BERLIN, entry=entry, window_state=state))
    assert edit_again.size() == edit_size
    edit_again.reject()
