"""The entry and delete dialogs ask why another employee's entry is corrected: a reason
field shown only then, checked as one types, in German too, and kept in the journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceDraft
from timeclock.domain.corrections import Action, Correction
from timeclock.gui import i18n
from timeclock.gui.delete_dialog import DeleteDialog
from timeclock.gui.entry_dialog import EntryDialog
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2020, 10, 5, 6, 0, tzinfo=UTC)  # Monday 08:00 in Berlin
WAIT = 5000
NEEDED = "Give a reason: this entry belongs to another employee."


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    """The manager hansm's session on the sandbox."""
    clock_session = ClockSession(Account(server.base_url, "hansm", credentials_of(server)))
    yield clock_session
    clock_session.close()


def made(server: SandboxServer, user: str) -> Attendance:
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        return client.create_attendance(
            AttendanceDraft(
                user=user, start=START, end=START + timedelta(hours=8), break_minutes=30
            )
        )


def journal_of(qtbot: QtBot, session: ClockSession, entry: Attendance) -> list[Correction]:
    lines: list[list[Correction]] = []
    session.load_journal(entry, lines.append)
    qtbot.waitUntil(lambda: bool(lines), timeout=WAIT)
    return lines[0]


def row_label(dialog: QApplication | object, field: object) -> QLabel:
    (label,) = [label for label in dialog.findChildren(QLabel) if label.buddy() is field]  # type: ignore[attr-defined]
    return label


def test_editing_another_employees_entry_asks_why_before_it_saves(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = made(server, "anna")
    dialog = EntryDialog(session, BERLIN, entry=entry)
    qtbot.addWidget(dialog)
    dialog.open()

    assert dialog.reason_edit.isVisible()
    assert dialog.reason_edit.accessibleName() == "Reason for the correction"
    assert row_label(dialog, dialog.reason_edit).text() == "&Reason:"
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == NEEDED  # said inline, not in a pop-up
    dialog.break_spin.setValue(45)
    assert not dialog.save_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "Pause nachgetragen")
    assert dialog.save_button.isEnabled() and not dialog.message.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()

    assert server.store.get(entry.id).break_minutes == 45
    (line,) = journal_of(qtbot, session, entry)
    assert (line.action, line.author, line.owner) == (Action.UPDATE, "hansm", "anna")
    assert line.reason == "Pause nachgetragen"


def test_ones_own_entry_and_a_new_one_ask_no_reason(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    own = EntryDialog(session, BERLIN, entry=made(server, "HansM"))  # the same user, any case
    new = EntryDialog(session, BERLIN, user="anna")
    for dialog in (own, new):
        qtbot.addWidget(dialog)
        dialog.open()
        assert not dialog.reason_edit.isVisible()
        assert not dialog.reason_needed
        assert dialog.save_button.isEnabled(), dialog.message.text()


def test_deleting_another_employees_entry_asks_why(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = made(server, "anna")
    dialog = DeleteDialog(session, BERLIN, entry)
    qtbot.addWidget(dialog)
    dialog.open()

    assert dialog.reason_edit.isVisible() and dialog.focusWidget() is dialog.reason_edit
    assert dialog.reason_edit.accessibleName() == "Reason for the deletion"
    assert not dialog.delete_button.isEnabled()
    assert dialog.message.text() == NEEDED
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.delete_button.isEnabled()  # blanks are no reason

    qtbot.keyClicks(dialog.reason_edit, "doppelt erfasst")
    assert dialog.delete_button.isEnabled() and not dialog.message.isVisible()
    with qtbot.waitSignal(dialog.deleted, timeout=WAIT):
        dialog.delete_button.click()

    assert server.store.find(entry.id).deleted
    (line,) = journal_of(qtbot, session, entry)
    assert (line.action, line.reason, line.before) == (Action.DELETE, "doppelt erfasst", entry)


def test_deleting_ones_own_entry_asks_no_reason(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    dialog = DeleteDialog(session, BERLIN, made(server, "hansm"))
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.reason_edit.isVisible()
    assert dialog.delete_button.isEnabled() and dialog.focusWidget() is dialog.cancel_button


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translators = i18n.install_translators(qapp, "de")
    yield
    i18n.remove_translators(qapp, translators)
    QLocale.setDefault(before)


@pytest.mark.usefixtures("german")
def test_the_reason_field_speaks_german(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = made(server, "anna")
    edit = EntryDialog(session, BERLIN, entry=entry)
    delete = DeleteDialog(session, BERLIN, entry)
    for dialog in (edit, delete):
        qtbot.addWidget(dialog)
        dialog.open()
        assert row_label(dialog, dialog.reason_edit).text() == "&Grund:"
        assert dialog.message.text() == (
            "Bitte einen Grund angeben: Der Eintrag gehört einer anderen Person."
        )
    assert edit.reason_edit.accessibleName() == "Grund der Korrektur"
    assert delete.reason_edit.accessibleName() == "Grund des Löschens"
