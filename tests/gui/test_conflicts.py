"""Two desks editing one entry, against the live sandbox: nothing is overwritten unseen.

Another desk is played by the test changing or deleting the entry in ``server.store``
between opening the edit dialog and pressing Save (or, with a recording server, just as
the client's re-read or update arrives). The person then sees both versions in a
:class:`ConflictDialog` and chooses; each choice is checked against what the server holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.api.faults import Recorded, instrumented_server
from tests.conftest import credentials_of
from tests.gui.helpers import (
    BERLIN,
    WAIT,
    Sessions,
    SettableClock,
    account_of,
    emissions,
    seed,
)
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft, Location
from timeclock.domain.conflicts import Conflict, EntryField
from timeclock.domain.refs import server_ref
from timeclock.gui.conflict_dialog import Column, ConflictDialog, Highlight, Resolution
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.session import ClockSession
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.records import AttendancePatch
from timeclock.services.account import Account

NOW = datetime(2021, 3, 29, 12, 0, tzinfo=UTC)
START = datetime(2021, 3, 29, 6, 0, tzinfo=UTC)  # 08:00 in Berlin
END = START + timedelta(hours=8)  # 16:00


def session_on(server: SandboxServer) -> ClockSession:
    return ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: NOW,
    )


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    """A real session for hansm on the sandbox; its worker stops after the test."""
    clock_session = session_on(server)
    yield clock_session
    clock_session.close()


def create(server: SandboxServer, **fields: object) -> Attendance:
    values: dict[str, object] = {
        "user": "hansm",
        "start": START,
        "end": END,
        "break_minutes": 30,
        "notes": "Frühschicht",
        "manual": False,
    }
    values.update(fields)
    with TimeTrackClient(server.base_url, credentials_of(server)) as client:
        return client.create_attendance(AttendanceDraft(**values))  # type: ignore[arg-type]


def edit(qtbot: QtBot, session: ClockSession, entry: Attendance) -> EntryDialog:
    dialog = EntryDialog(session, BERLIN, entry=entry)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def someone_else(server: SandboxServer, entry: Attendance, **patch: object) -> None:
    """Another desk changes the entry on TimeTrack."""
    server.store.update(entry.id, AttendancePatch(**patch))  # type: ignore[arg-type]


def save_into_conflict(qtbot: QtBot, dialog: EntryDialog) -> ConflictDialog:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.conflict_dialog is not None, timeout=WAIT)
    conflict_dialog = dialog.conflict_dialog
    assert conflict_dialog is not None
    qtbot.waitUntil(conflict_dialog.isVisible, timeout=WAIT)
    return conflict_dialog


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    assert button is not None
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored(server: SandboxServer, entry: Attendance) -> tuple[object, ...]:
    found = server.store.get(entry.id)
    return (found.start, found.end, found.break_minutes, found.notes, found.manual)


# -- no conflict ------------------------------------------------------------------------------


def test_an_unchanged_entry_is_saved_as_before(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    dialog.break_spin.setValue(45)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        dialog.save_button.click()
    assert dialog.conflict_dialog is None
    assert blocker.args[0].break_minutes == 45
    assert stored(server, entry) == (START, END, 45, "Frühschicht", False)


def test_the_re_read_and_the_update_go_out_together_at_save(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    recording, log = instrumented_server(make_server)
    session = session_on(recording)
    try:
        entry = create(recording)
        dialog = edit(qtbot, session, entry)
        dialog.notes_edit.setPlainText("Inventur")
        log.clear()
        with qtbot.waitSignal(dialog.saved, timeout=WAIT):
            dialog.save_button.click()
    finally:
        session.close()
    path = f"/api/v2/ext/attendances/{entry.id}"
    writes = [request for request in log if request.path == path]  # not the status's list
    assert [(request.method, request.path) for request in writes] == [
        ("GET", path),
        ("PUT", path),
    ]
    assert writes[1].json() == {"notes": "Inventur"}


# -- changed meanwhile ------------------------------------------------------------------------


def test_a_change_meanwhile_is_shown_and_nothing_is_sent(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    listed = emissions(session.entry_saved)
    someone_else(server, entry, end=END + timedelta(hours=1), notes="Lager 2")
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)

    assert stored(server, entry) == (START, END + timedelta(hours=1), 30, "Lager 2", False)
    assert dialog.isVisible()
    assert not dialog.form.isEnabled()
    assert dialog.message.text() == "Not saved: someone else changed this entry meanwhile."
    # The list learns TimeTrack's version at once, whatever the person chooses.
    assert [args[0].notes for args in listed] == ["Lager 2"]

    assert conflict_dialog.windowTitle() == "Entry changed on TimeTrack"
    assert conflict_dialog.isModal()
    cells = conflict_dialog.cells
    assert cells[EntryField.END, Column.OPENED].text().endswith("16:00")
    assert cells[EntryField.END, Column.NOW].text().endswith("17:00")
    assert cells[EntryField.END, Column.YOURS].text().endswith("17:00")  # theirs, kept
    assert cells[EntryField.BREAK, Column.NOW].text() == "30 min"
    assert cells[EntryField.BREAK, Column.YOURS].text() == "45 min"
    highlighted = {
        key: cell.property("highlight") for key, cell in cells.items() if cell.property("highlight")
    }
    assert highlighted == {
        (EntryField.END, Column.NOW): Highlight.THEIRS.value,
        (EntryField.NOTES, Column.NOW): Highlight.THEIRS.value,
        (EntryField.BREAK, Column.YOURS): Highlight.MINE.value,
    }
    assert cells[EntryField.NOTES, Column.NOW].accessibleDescription() == "changed on TimeTrack"
    assert cells[EntryField.BREAK, Column.YOURS].accessibleDescription() == "changed by you"
    assert cells[EntryField.BREAK, Column.NOW].accessibleName() == (
        "Break, As it is on TimeTrack now"
    )
    assert "the fields you changed (Break)" in conflict_dialog.note.text()
    assert conflict_dialog.back_button is not None and conflict_dialog.back_button.isDefault()
    assert conflict_dialog.create_button is None


def test_keep_mine_puts_only_the_person_s_fields_onto_the_current_version(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    someone_else(server, entry, end=END + timedelta(hours=1), notes="Lager 2")
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    with (
        qtbot.waitSignal(conflict_dialog.chosen, timeout=WAIT) as choice,
        qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker,
    ):
        click(qtbot, conflict_dialog.keep_button)
    assert choice.args == [Resolution.KEEP_MINE]
    assert not dialog.isVisible()
    # Their end and notes stay; the person's break goes on top.
    assert stored(server, entry) == (START, END + timedelta(hours=1), 45, "Lager 2", False)
    assert blocker.args[0].break_minutes == 45


def test_keep_mine_is_checked_again_and_a_third_change_is_a_new_conflict(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    someone_else(server, entry, notes="Lager 2")
    dialog.break_spin.setValue(45)
    first = save_into_conflict(qtbot, dialog)
    someone_else(server, entry, notes="Lager 3")  # while the person was reading
    click(qtbot, first.keep_button)
    qtbot.waitUntil(lambda: dialog.conflict_dialog not in (None, first), timeout=WAIT)
    second = dialog.conflict_dialog
    assert second is not None
    assert stored(server, entry)[2:4] == (30, "Lager 3")
    assert second.cells[EntryField.NOTES, Column.OPENED].text() == "Lager 2"
    assert second.cells[EntryField.NOTES, Column.NOW].text() == "Lager 3"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        click(qtbot, second.keep_button)
    assert stored(server, entry)[2:4] == (45, "Lager 3")


def test_take_theirs_closes_without_sending(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    listed = emissions(session.entry_saved)
    someone_else(server, entry, break_minutes=60)
    dialog.break_spin.setValue(45)
    dialog.notes_edit.setPlainText("Inventur")
    conflict_dialog = save_into_conflict(qtbot, dialog)
    assert conflict_dialog.cells[EntryField.BREAK, Column.NOW].property("highlight") == "theirs"
    assert conflict_dialog.cells[EntryField.BREAK, Column.YOURS].property("highlight") == "mine"
    saved = emissions(dialog.saved)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        click(qtbot, conflict_dialog.take_button)
    assert saved == []
    assert stored(server, entry) == (START, END, 60, "Frühschicht", False)
    assert [args[0].break_minutes for args in listed] == [60]  # the row shows theirs


def test_back_to_editing_shows_their_version_with_the_person_s_changes_on_top(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    someone_else(server, entry, end=END + timedelta(hours=1), manual=True)
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    with qtbot.waitSignal(conflict_dialog.chosen, timeout=WAIT) as choice:
        click(qtbot, conflict_dialog.back_button)
    assert choice.args == [Resolution.BACK_TO_EDITING]
    assert dialog.isVisible()
    assert dialog.form.isEnabled()
    assert dialog.end_edit.dateTime() == wall_qdatetime(datetime(2021, 3, 29, 17, 0))
    assert dialog.break_spin.value() == 45
    assert dialog.source_label.text() == "manual"
    assert dialog.message.text().startswith("The form now shows the entry as it is on TimeTrack")
    assert stored(server, entry)[2] == 30  # nothing sent yet
    # Saving now compares with the version the form was rebuilt on: no second conflict.
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    assert stored(server, entry) == (START, END + timedelta(hours=1), 45, "Frühschicht", True)


def test_escape_in_the_conflict_means_back_to_editing(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    someone_else(server, entry, notes="Lager 2")
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    with qtbot.waitSignal(conflict_dialog.chosen, timeout=WAIT) as choice:
        qtbot.keyClick(conflict_dialog, Qt.Key.Key_Escape)
    assert choice.args == [Resolution.BACK_TO_EDITING]
    assert dialog.isVisible()
    assert (dialog.notes_edit.toPlainText(), dialog.break_spin.value()) == ("Lager 2", 45)


def test_keep_mine_is_offered_only_when_the_merged_entry_is_valid(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    # They move the start to 12:00; the person moves the end to 10:00.
    someone_else(server, entry, start=START + timedelta(hours=4))
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2021, 3, 29, 10, 0)))
    conflict_dialog = save_into_conflict(qtbot, dialog)
    assert conflict_dialog.keep_button is not None
    assert not conflict_dialog.keep_button.isEnabled()
    assert conflict_dialog.message.text() == (
        "“Keep mine” is not possible: The end lies before the start. Go back to editing to fix it."
    )
    click(qtbot, conflict_dialog.back_button)
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == "The end lies before the start."


def test_a_change_of_seconds_is_shown_to_the_second(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    someone_else(server, entry, start=START + timedelta(seconds=20))
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    opened = conflict_dialog.cells[EntryField.START, Column.OPENED].text()
    now = conflict_dialog.cells[EntryField.START, Column.NOW].text()
    assert opened.endswith("08:00:00 (UTC+02:00)")
    assert now.endswith("08:00:20 (UTC+02:00)")
    click(qtbot, conflict_dialog.take_button)


def test_a_change_just_as_the_re_read_arrives_is_caught(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    """The comparison runs in the worker right before the update: as late as it can."""
    holder: dict[str, SandboxServer] = {}

    def other_desk(request: Recorded) -> None:
        if request.method == "GET" and request.path.endswith(f"/{entry.id}"):
            holder["server"].store.update(entry.id, AttendancePatch(notes="Lager 2"))

    recording, log = instrumented_server(make_server, before=other_desk)
    holder["server"] = recording
    entry = create(recording)
    session = session_on(recording)
    try:
        dialog = edit(qtbot, session, entry)
        dialog.break_spin.setValue(45)
        conflict_dialog = save_into_conflict(qtbot, dialog)
        click(qtbot, conflict_dialog.take_button)
    finally:
        session.close()
    on_entry = [request.method for request in log if request.path.endswith(f"/{entry.id}")]
    assert on_entry == ["GET"]
    assert recording.store.get(entry.id).break_minutes == 30


# -- deleted meanwhile ------------------------------------------------------------------------


def test_a_deletion_meanwhile_offers_to_create_it_again(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server, start_location=Location(52.520008, 13.404954))
    dialog = edit(qtbot, session, entry)
    gone = emissions(session.entry_deleted)
    server.store.delete(entry.id)
    dialog.break_spin.setValue(45)
    dialog.notes_edit.setPlainText("Inventur")
    conflict_dialog = save_into_conflict(qtbot, dialog)

    assert gone == [(entry.ref,)]  # the row leaves the list at once
    assert conflict_dialog.windowTitle() == "Entry deleted on TimeTrack"
    assert conflict_dialog.headline.text() == "It was deleted on TimeTrack."
    assert conflict_dialog.keep_button is None
    assert (EntryField.BREAK, Column.NOW) not in conflict_dialog.cells
    yours = conflict_dialog.cells
    assert yours[EntryField.BREAK, Column.YOURS].text() == "45 min"
    assert yours[EntryField.MANUAL, Column.YOURS].text() == "manual"
    assert yours[EntryField.NOTES, Column.YOURS].property("highlight") == "mine"
    buttons = [conflict_dialog.create_button, conflict_dialog.discard_button]
    assert [button.accessibleName() for button in buttons if button] == [
        "Create it again",
        "Discard my change",
    ]
    assert not any(button.isDefault() for button in buttons if button)

    with qtbot.waitSignal(dialog.saved, timeout=WAIT) as blocker:
        click(qtbot, conflict_dialog.create_button)
    created: Attendance = blocker.args[0]
    assert created.id != entry.id
    found = server.store.get(created.id)
    assert (found.user, found.start, found.end, found.break_minutes, found.notes, found.manual) == (
        "hansm",
        START,
        END,
        45,
        "Inventur",
        True,
    )
    assert (found.latitude_start, found.longitude_start) == (52.520008, 13.404954)
    assert server.store.count() == 1  # the deleted one stays deleted


def test_discarding_after_a_deletion_sends_nothing(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    server.store.delete(entry.id)
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        click(qtbot, conflict_dialog.discard_button)
    assert server.store.count() == 0


def test_closing_the_deletion_question_keeps_what_was_typed(
    qtbot: QtBot, session: ClockSession, server: SandboxServer
) -> None:
    entry = create(server)
    dialog = edit(qtbot, session, entry)
    server.store.delete(entry.id)
    dialog.break_spin.setValue(60)
    dialog.notes_edit.setPlainText("Spätschicht")
    conflict_dialog = save_into_conflict(qtbot, dialog)
    conflict_dialog.close()
    assert dialog.isVisible()
    assert dialog.form.isEnabled()
    assert dialog.save_button.isEnabled()
    assert dialog.message.text() == "Not saved: this entry was deleted on TimeTrack meanwhile."
    assert (dialog.break_spin.value(), dialog.notes_edit.toPlainText()) == (60, "Spätschicht")
    # Save asks again.
    again = save_into_conflict(qtbot, dialog)
    assert again is not conflict_dialog
    click(qtbot, again.discard_button)


def test_a_deletion_between_the_re_read_and_the_update_is_a_conflict_too(
    qtbot: QtBot, make_server: Callable[..., SandboxServer]
) -> None:
    holder: dict[str, SandboxServer] = {}

    def other_desk(request: Recorded) -> None:
        if request.method == "PUT":
            holder["server"].store.delete(entry.id)

    recording, _log = instrumented_server(make_server, before=other_desk)
    holder["server"] = recording
    entry = create(recording)
    session = session_on(recording)
    try:
        dialog = edit(qtbot, session, entry)
        dialog.break_spin.setValue(45)
        conflict_dialog = save_into_conflict(qtbot, dialog)
        assert conflict_dialog.create_button is not None
        click(qtbot, conflict_dialog.discard_button)
    finally:
        session.close()


# -- the dialog on its own --------------------------------------------------------------------


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    base = Attendance(7, "hansm", START, END, 30, "Frühschicht")
    conflict = Conflict(base, replace(base, notes="Lager 2"), AttendanceChange(break_minutes=45))
    dialog = ConflictDialog(conflict, BERLIN)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.accessibleName() == "Entry changed on TimeTrack"
    for button in dialog.findChildren(QPushButton):
        assert button.accessibleName(), button.text()
        assert button.accessibleDescription(), button.text()
    for cell in dialog.cells.values():
        assert cell.accessibleName()
    for label in (dialog.headline, dialog.explanation, dialog.note):
        assert isinstance(label, QLabel) and label.accessibleName()
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT):
        dialog.reject()


# -- in the window ----------------------------------------------------------------------------


def test_in_the_window_the_row_shows_theirs_after_take_theirs(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions
) -> None:
    entry_id = seed(server, START, END, break_minutes=30, notes="Frühschicht", manual=False)
    window = sessions.window(account_of(server), SettableClock(NOW))
    WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
    row = window.model.row_of(server_ref(entry_id))
    assert row is not None
    assert window.open_entry_dialog is not None
    window.open_entry_dialog(window.model.entry_at(row))
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    server.store.update(entry_id, AttendancePatch(notes="Lager 2"))
    dialog.break_spin.setValue(45)
    conflict_dialog = save_into_conflict(qtbot, dialog)
    assert conflict_dialog.parent() is dialog
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        click(qtbot, conflict_dialog.take_button)
    row = window.model.row_of(server_ref(entry_id))
    assert row is not None
    shown = window.model.entry_at(row)
    assert (shown.notes, shown.break_minutes) == ("Lager 2", 30)
    assert server.store.get(entry_id).break_minutes == 30
