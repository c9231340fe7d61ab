"""The delete confirmation against the live sandbox: it deletes on Delete, after the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from starlette.middleware import Middleware

from tests.api.faults import Canned, CannedResponses, Rule
from tests.api.faults import FaultPlan as CannedPlan
from tests.conftest import credentials_of
from tests.gui.helpers import emissions, outbox_items
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceDraft
from timeclock.gui.delete_dialog import DeleteDialog
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.services.account import Account

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2020, 10, 5, 6, 2, tzinfo=UTC)  # Monday 08:02 in Berlin
WAIT = 5000


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    """A real session for hansm on the sandbox; its worker stops after the test."""
    clock_session = ClockSession(Account(server.base_url, "hansm", credentials_of(server)))
    yield clock_session
    clock_session.close()


@pytest.fixture
def entry(server: SandboxServer) -> Attendance:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        return client.create_attendance(
            AttendanceDraft(
                user="hansm",
                start=START,
                end=START + timedelta(hours=8, minutes=30),
                break_minutes=30,
                notes="Messe Stand 4",
            )
        )


def opened(qtbot: QtBot, session: ClockSession, entry: Attendance) -> DeleteDialog:
    dialog = DeleteDialog(session, BERLIN, entry)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def shown_texts(dialog: DeleteDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_the_question_shows_the_entry(
    qtbot: QtBot, session: ClockSession, entry: Attendance
) -> None:
    dialog = opened(qtbot, session, entry)
    texts = shown_texts(dialog)
    assert "08:02 \N{EN DASH} 16:32" in texts
    assert {"0:30 h", "8:00 h", "hansm", "Messe Stand 4", "manual"} <= set(texts)
    assert any("2020" in text and "5" in text for text in texts)  # the date, in the locale
    assert dialog.cancel_button.isDefault()
    assert not dialog.delete_button.isDefault()


def test_cancel_and_enter_delete_nothing(
    qtbot: QtBot, session: ClockSession, entry: Attendance, server: SandboxServer
) -> None:
    dialog = opened(qtbot, session, entry)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Cancel is the default
    dialog = opened(qtbot, session, entry)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        dialog.cancel_button.click()
    assert not server.store.find(entry.id).deleted


def test_delete_removes_the_entry_once_the_server_confirmed(
    qtbot: QtBot, session: ClockSession, entry: Attendance, server: SandboxServer
) -> None:
    dialog = opened(qtbot, session, entry)
    with qtbot.waitSignal(dialog.deleted, timeout=WAIT) as blocker:
        dialog.delete_button.click()
        assert dialog.message.text() == "Deleting…"
        assert not dialog.delete_button.isEnabled()
        assert dialog.isVisible()  # until the server answered
    assert blocker.args == [entry.ref]
    assert not dialog.isVisible()
    assert server.store.find(entry.id).deleted


def test_an_entry_deleted_elsewhere_meanwhile_counts_as_deleted(
    qtbot: QtBot, session: ClockSession, entry: Attendance, server: SandboxServer
) -> None:
    dialog = opened(qtbot, session, entry)
    server.store.delete(entry.id)  # gone already, from another desk: what Delete wanted
    with qtbot.waitSignal(dialog.deleted, timeout=WAIT) as blocker:
        dialog.delete_button.click()
    assert blocker.args == [entry.ref]
    assert not dialog.isVisible()


def test_a_delete_while_timetrack_cannot_be_reached_waits_and_goes_out_later(
    qtbot: QtBot, session: ClockSession, entry: Attendance, server: SandboxServer
) -> None:
    dialog = opened(qtbot, session, entry)
    notices = emissions(session.notice)
    server.faults = FaultPlan(script=["cut"], methods=["DELETE"])
    with qtbot.waitSignal(dialog.deleted, timeout=WAIT):
        dialog.delete_button.click()
    assert not dialog.isVisible()
    assert notices == [
        ("Deleted on this computer. TimeTrack will delete the entry as soon as it can be reached.",)
    ]
    assert not server.store.find(entry.id).deleted
    server.faults = None
    wait_for_outbox(qtbot, session, count=1)
    session.deliver()
    wait_for_outbox(qtbot, session, count=0)
    assert server.store.find(entry.id).deleted


def test_a_refused_delete_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    plan = CannedPlan(Rule(Canned.error(400, "Bad Request", "locked period"), method="DELETE"))
    server = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    session = ClockSession(Account(server.base_url, "hansm", credentials_of(server)))
    try:
        with TimeTrackClient(server.base_url, credentials_of(server)) as client:
            entry = client.create_attendance(AttendanceDraft(user="hansm", start=START, end=START))
        dialog = opened(qtbot, session, entry)
        deleted: list[str] = []
        dialog.deleted.connect(deleted.append)
        dialog.delete_button.click()
        qtbot.waitUntil(dialog.delete_button.isEnabled, timeout=WAIT)
        assert dialog.isVisible()
        assert dialog.message.text().startswith("TimeTrack refused the data.")
        assert "locked period" in dialog.message.text()
        assert deleted == []
        assert not server.store.find(entry.id).deleted
        wait_for_outbox(qtbot, session, count=0)  # nothing to fix in a delete: not held
        dialog.reject()
    finally:
        session.close()


def wait_for_outbox(qtbot: QtBot, session: ClockSession, *, count: int) -> None:
    qtbot.waitUntil(lambda: len(outbox_items(qtbot, session)) == count, timeout=WAIT)
