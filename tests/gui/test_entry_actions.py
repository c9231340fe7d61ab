"""Edit > Undo (Ctrl+Z) after a new entry, a correction and a deletion; several rows deleted
or given a break at once, undone as one step; and the history of one entry. A real window
on the sandbox, its dialogs opened as the person opens them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.gui.helpers import (
    BERLIN,
    WAIT,
    Sessions,
    SettableClock,
    account_of,
    seed,
    utc,
    wait_idle,
)
from timeclock.domain.corrections import Correction
from timeclock.gui.bulk_dialogs import BulkBreakDialog, BulkDeleteDialog
from timeclock.gui.delete_dialog import DeleteDialog
from timeclock.gui.entry_actions import EntryActions
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.formatting import day_text
from timeclock.gui.history_dialog import HistoryDialog
from timeclock.gui.main_window import MainWindow
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.records import AttendancePatch

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin
MONDAY = utc(2026, 3, 9, 7, 0)  # 08:00 in Berlin


@pytest.fixture
def window(server: SandboxServer, sessions: Sessions) -> MainWindow:
    return sessions.window(account_of(server), SettableClock(MORNING))


@pytest.fixture
def actions(window: MainWindow) -> EntryActions:
    dialogs = WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
    return dialogs.entry_actions


def days(server: SandboxServer) -> list[tuple[str, str, int, str]]:
    """What TimeTrack holds: user, local start, break, notes."""
    return sorted(
        (e.user, e.start.astimezone(BERLIN).strftime("%d %H:%M"), e.break_minutes, e.notes)
        for e in server.store.all()
    )


def listed(window: MainWindow) -> list[tuple[str, int]]:
    return sorted(
        (e.start.astimezone(BERLIN).strftime("%d %H:%M"), e.break_minutes)
        for e in window.model.entries()
    )


def reload(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.reload_entries()
    wait_idle(qtbot, window.session)


def undo(qtbot: QtBot, window: MainWindow, actions: EntryActions) -> None:
    assert actions.undo_action.isEnabled()
    actions.undo_action.trigger()
    qtbot.waitUntil(lambda: not actions._undoing, timeout=WAIT)
    wait_idle(qtbot, window.session)


def test_undo_is_edit_undo_with_ctrl_z_and_disabled_while_nothing_was_done(
    window: MainWindow, actions: EntryActions
) -> None:
    assert actions.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert actions.undo_action.shortcut().toString() == "Ctrl+Z"
    assert not actions.undo_action.isEnabled()
    assert actions.undo_action.text() == "&Undo"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus.index("&Edit") == menus.index("&Entries") - 1
    edit_menu = window.menuBar().actions()[menus.index("&Edit")].menu()
    assert actions.undo_action in edit_menu.actions()


def test_undo_of_a_new_entry_deletes_it(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    window.new_entry()
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    dialog.start_edit.setDateTime(wall_qdatetime(MONDAY.astimezone(BERLIN).replace(tzinfo=None)))
    dialog.end_edit.setDateTime(
        wall_qdatetime((MONDAY + timedelta(hours=8)).astimezone(BERLIN).replace(tzinfo=None))
    )
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    wait_idle(qtbot, window.session)
    assert listed(window) == [("09 08:00", 30)]
    assert actions.undo_action.text() == f"&Undo the new entry of {day_text(MONDAY, BERLIN)} 08:00"

    undo(qtbot, window, actions)
    assert server.store.all() == []
    assert listed(window) == []
    assert not actions.undo_action.isEnabled()


def test_undo_of_a_correction_sets_the_entry_back(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    entry_id = seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30, notes="Büro")
    reload(qtbot, window)
    (entry,) = window.model.entries()
    window.open_entry_dialog(entry)  # type: ignore[misc]
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    dialog.break_spin.setValue(60)
    dialog.notes_edit.setPlainText("Messe")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    wait_idle(qtbot, window.session)
    assert days(server) == [("hansm", "09 08:00", 60, "Messe")]
    assert actions.undo_action.text().startswith("&Undo the correction of ")

    undo(qtbot, window, actions)
    assert days(server) == [("hansm", "09 08:00", 30, "Büro")]
    assert server.store.all()[0].id == entry_id  # the same entry, set back
    assert listed(window) == [("09 08:00", 30)]


def test_undo_of_a_deletion_brings_the_entry_back_with_its_values(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30, notes="Büro")
    reload(qtbot, window)
    window.table.selectRow(0)
    window.delete_action.trigger()
    dialog = window.findChild(DeleteDialog)
    assert dialog is not None
    with qtbot.waitSignal(dialog.deleted, timeout=WAIT):
        dialog.delete_button.click()
    wait_idle(qtbot, window.session)
    assert server.store.all() == [] and listed(window) == []

    undo(qtbot, window, actions)
    assert days(server) == [("hansm", "09 08:00", 30, "Büro")]
    assert listed(window) == [("09 08:00", 30)]


def test_several_rows_are_deleted_at_once_and_come_back_with_one_undo(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    for day in range(3):
        start = MONDAY - timedelta(days=day)
        seed(server, start, start + timedelta(hours=4))
    reload(qtbot, window)
    window.table.selectAll()
    assert len(window.selected_entries()) == 3
    window.delete_action.trigger()
    assert window.findChild(DeleteDialog) is None  # one question for all
    dialog = window.findChild(BulkDeleteDialog)
    assert dialog is not None
    assert dialog.question.text() == "Delete these 3 entries from TimeTrack?"
    assert dialog.reason_edit.isHidden()  # all his own
    assert dialog.cancel_button.isDefault()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.delete_button.click()
    wait_idle(qtbot, window.session)
    assert server.store.all() == [] and listed(window) == []
    assert actions.undo_action.text() == "&Undo the deletion of 3 entries"

    undo(qtbot, window, actions)
    assert [row[1] for row in days(server)] == ["07 08:00", "08 08:00", "09 08:00"]
    assert len(listed(window)) == 3
    assert not actions.undo_action.isEnabled()  # one step, taken back


def test_a_break_set_for_several_entries_asks_a_reason_for_anothers_and_undoes_as_one(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30)
    seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30, user="anna")
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    wait_idle(qtbot, window.session)
    window.table.selectAll()
    assert actions.break_action in window.table.actions()  # the list's context menu
    actions.break_action.trigger()
    dialog = window.findChild(BulkBreakDialog)
    assert dialog is not None
    dialog.break_spin.setValue(45)
    assert dialog.reason_edit.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == (
        "Give a reason: some of these entries belong to another employee."
    )
    dialog.break_spin.setValue(480)
    dialog.reason_edit.setText("Pausen nachgetragen")
    assert not dialog.save_button.isEnabled()  # longer than the entries
    dialog.break_spin.setValue(45)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.save_button.click()
    wait_idle(qtbot, window.session)
    assert [row[2] for row in days(server)] == [45, 45]
    assert actions.undo_action.text() == "&Undo the correction of 2 entries"

    undo(qtbot, window, actions)
    assert [row[2] for row in days(server)] == [30, 30]
    annas = next(e for e in window.model.entries() if e.user == "anna")
    lines: list[list[Correction]] = []
    window.session.load_journal(annas, lines.append)
    qtbot.waitUntil(lambda: bool(lines), timeout=WAIT)
    assert [line.reason for line in lines[0]] == [
        "Pausen nachgetragen",
        lines[0][1].reason,
    ]
    assert lines[0][1].reason.startswith("Undo of the correction of ")


def test_an_undo_that_meets_a_change_made_elsewhere_overwrites_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    entry_id = seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30)
    reload(qtbot, window)
    window.table.selectAll()
    actions.break_action.trigger()
    dialog = window.findChild(BulkBreakDialog)
    assert dialog is not None
    dialog.break_spin.setValue(45)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.save_button.click()
    wait_idle(qtbot, window.session)
    server.store.update(entry_id, AttendancePatch(break_minutes=50))  # another desk

    undo(qtbot, window, actions)
    assert days(server)[0][2] == 50
    assert window.message_bar.text.startswith("Could not undo: ")
    assert actions.undo_action.isEnabled()  # the step is still there


def test_the_history_of_an_entry_lists_its_corrections(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    seed(server, MONDAY, MONDAY + timedelta(hours=8), break_minutes=30, user="anna")
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    wait_idle(qtbot, window.session)
    (entry,) = window.model.entries()
    window.open_entry_dialog(entry)  # type: ignore[misc]
    dialog = window.findChild(EntryDialog)
    assert dialog is not None
    dialog.break_spin.setValue(45)
    dialog.reason_edit.setText("Pause vergessen")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    wait_idle(qtbot, window.session)

    window.table.selectRow(0)
    assert actions.history_action.isEnabled()
    assert actions.history_action in window.table.actions()
    actions.history_action.trigger()
    history = window.findChild(HistoryDialog)
    assert history is not None
    qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=WAIT)
    row = [history.table.item(0, column).text() for column in range(5)]
    assert row[1:] == [
        "hansm",
        "changed",
        "Break: 0:30 \N{RIGHTWARDS ARROW} 0:45",
        "Pause vergessen",
    ]
    assert history.message.isHidden()
    history.reject()


def test_the_history_of_an_entry_never_corrected_says_so(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    seed(server, MONDAY, MONDAY + timedelta(hours=8))
    reload(qtbot, window)
    window.table.selectAll()
    actions.history_action.trigger()
    history = window.findChild(HistoryDialog)
    assert history is not None
    qtbot.waitUntil(lambda: history.message.text() != "Loading…", timeout=WAIT)
    assert history.message.text() == "No corrections of this entry were made from this desk."
    assert history.table.rowCount() == 0
    history.reject()


def test_edit_and_delete_wait_for_a_selected_row(
    qtbot: QtBot, window: MainWindow, actions: EntryActions, server: SandboxServer
) -> None:
    seed(server, MONDAY, MONDAY + timedelta(hours=8))
    seed(server, MONDAY + timedelta(hours=9), MONDAY + timedelta(hours=10))
    reload(qtbot, window)
    window.table.clearSelection()
    assert not window.edit_action.isEnabled()
    assert not window.delete_action.isEnabled()
    assert not actions.break_action.isEnabled()
    window.table.selectRow(0)
    assert window.edit_action.isEnabled() and window.delete_action.isEnabled()
    window.table.selectAll()
    assert not window.edit_action.isEnabled()  # which one? Edit opens one entry
    assert window.delete_action.isEnabled() and actions.break_action.isEnabled()
    window.table.clearSelection()
    window.edit_action.trigger()  # as Return would: nothing opens
    assert window.findChild(EntryDialog) is None
