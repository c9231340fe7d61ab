"""The window keeps stamping when TimeTrack cannot be reached, and sends when it can."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import BERLIN, WAIT, SettableClock, utc, wait_idle
from tests.office import Office
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import AttendanceChange, AttendanceDraft
from timeclock.domain.backoff import Backoff
from timeclock.domain.refs import server_ref
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.main_window import MainWindow
from timeclock.gui.messages import seen_list_note
from timeclock.gui.outbox_dialog import OutboxDialog
from timeclock.gui.session import ClockSession, ConnectionState
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import AttendanceStore
from timeclock.sandbox.faults import FaultPlan
from timeclock.sandbox.records import AttendancePatch, NewAttendance
from timeclock.services.desk import Desk
from timeclock.services.sync import Deliverer, SyncReport
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox, OutboxError

MORNING = utc(2026, 3, 10, 7, 0)  # 08:00 in Berlin
QUICK = Backoff(first=0.05, longest=0.2)  # retries within a test's patience


@pytest.fixture
def office() -> Iterator[Office]:
    with AttendanceStore() as store:
        office = Office(store)
        yield office
        office.down()


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def window(
    qtbot: QtBot, office: Office, clock: SettableClock, tmp_path: Path
) -> Iterator[MainWindow]:
    breaks = BreakStore(tmp_path / "state.sqlite3")
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    session = ClockSession(
        office.account(), Desk(outbox=outbox, breaks=breaks), backoff=QUICK, clock=clock
    )
    shown = MainWindow(
        session, BERLIN, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    shown.show()
    shown.start()
    yield shown
    shown.close()
    shown.deleteLater()


def test_a_stamp_without_network_is_kept_shown_and_sent_when_the_server_is_back(
    qtbot: QtBot, office: Office, window: MainWindow
) -> None:
    button = window.stamp_panel.stamp_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)  # offline, but the state is known
    assert window.session.state == ConnectionState.OFFLINE
    assert button.text() == "Clock in"

    button.click()
    qtbot.waitUntil(lambda: button.text() == "Clock out", timeout=WAIT)
    assert window.waiting_label.isVisible()
    assert window.waiting_label.text().startswith("1 change saved here")
    assert office.store.all() == []

    office.up()  # the network is back: the retry timer finds it without any click
    qtbot.waitUntil(lambda: len(office.store.all()) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=WAIT)
    (entry,) = office.store.all()
    assert (entry.user, entry.start, entry.end, entry.manual) == ("hansm", MORNING, MORNING, False)
    qtbot.waitUntil(lambda: window.session.state == ConnectionState.ONLINE, timeout=WAIT)
    assert button.text() == "Clock out"


def test_a_shift_stamped_out_offline_closes_the_entry_on_the_server(
    qtbot: QtBot, office: Office, window: MainWindow, clock: SettableClock
) -> None:
    office.up()
    button = window.stamp_panel.stamp_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    button.click()
    qtbot.waitUntil(lambda: len(office.store.all()) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: button.text() == "Clock out" and button.isEnabled(), timeout=WAIT)

    office.down()
    clock.advance(hours=8)
    button.click()
    qtbot.waitUntil(lambda: button.text() == "Clock in", timeout=WAIT)
    assert window.waiting_label.isVisible()

    office.up()
    qtbot.waitUntil(lambda: office.store.all()[0].end == MORNING + timedelta(hours=8), timeout=WAIT)
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=WAIT)


def test_the_outbox_dialog_lists_waiting_and_held_changes_and_discards_one(
    qtbot: QtBot, office: Office, window: MainWindow, tmp_path: Path
) -> None:
    button = window.stamp_panel.stamp_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)
    button.click()  # offline: waits
    qtbot.waitUntil(lambda: button.text() == "Clock out", timeout=WAIT)
    dialog = OutboxDialog(window.session, BERLIN, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    assert dialog.model.describe(dialog.model.item_at(0)).startswith("New entry of hansm: ")
    assert dialog.summary.text() == "1 change waits, 0 of them held until you decide."

    # A change TimeTrack will refuse: an entry that ends before it starts.
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add_create(
        office.base_url,
        AttendanceDraft(user="hansm", start=MORNING, end=MORNING - timedelta(hours=1), manual=True),
    )
    office.up()
    dialog.send_button.click()
    qtbot.waitUntil(lambda: len(office.store.all()) == 1, timeout=WAIT)  # the stamp went
    qtbot.waitUntil(
        lambda: dialog.model.rowCount() == 1 and dialog.model.item_at(0).stuck, timeout=WAIT
    )
    assert dialog.model.state(dialog.model.item_at(0)).startswith("Held: TimeTrack refused")
    dialog.table.selectRow(0)
    assert dialog.retry_button.isEnabled()
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT)
    assert dialog.summary.text() == "Everything is on TimeTrack."
    dialog.close()


# -- dialogs without network, and fixing what TimeTrack held ----------------------------------


def dialogs_of(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )


def test_a_new_entry_saved_offline_shows_at_once_and_goes_out_later(
    qtbot: QtBot, office: Office, window: MainWindow
) -> None:
    qtbot.waitUntil(window.stamp_panel.stamp_button.isEnabled, timeout=WAIT)
    dialog = EntryDialog(window.session, BERLIN, user="hansm", day=MORNING.date(), parent=window)
    dialog.open()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    assert not dialog.isVisible()
    (pending,) = window.model.entries()
    assert pending.id is None and window.model.is_waiting(pending.ref)
    assert window.message_bar.is_notice
    assert window.message_bar.text.startswith("Saved on this computer.")
    assert office.store.all() == []

    office.up()  # the retry timer delivers; the list then shows TimeTrack's entry
    qtbot.waitUntil(lambda: len(office.store.all()) == 1, timeout=WAIT)
    (stored,) = office.store.all()
    qtbot.waitUntil(lambda: [e.id for e in window.model.entries()] == [stored.id], timeout=WAIT)
    assert not window.model.is_waiting(server_ref(stored.id))
    assert (stored.manual, stored.break_minutes) == (True, 30)


def test_a_held_new_entry_is_fixed_in_place_and_its_later_edit_follows(
    qtbot: QtBot, office: Office, window: MainWindow, tmp_path: Path
) -> None:
    # Queued by `timeclock add` with the times swapped, then corrected by `timeclock edit`.
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    swapped = AttendanceDraft(
        user="hansm", start=MORNING + timedelta(hours=8), end=MORNING, manual=True
    )
    _, ref = outbox.add_create(office.base_url, swapped)
    outbox.add_update(office.base_url, ref, AttendanceChange(notes="Inventur"))
    office.up()
    dialogs = dialogs_of(window)
    dialogs.open_outbox()
    outbox_dialog = window.findChild(OutboxDialog)
    assert outbox_dialog is not None
    qtbot.waitUntil(outbox_dialog.send_button.isEnabled, timeout=WAIT)  # rows are read
    outbox_dialog.send_button.click()
    qtbot.waitUntil(
        lambda: outbox_dialog.model.rowCount() == 2 and outbox_dialog.model.item_at(0).stuck,
        timeout=WAIT,
    )
    outbox_dialog.table.selectRow(1)
    assert not outbox_dialog.fix_button.isEnabled()  # waiting, not held
    outbox_dialog.table.selectRow(0)
    assert outbox_dialog.fix_button.isEnabled()
    outbox_dialog.fix_button.click()
    fix = outbox_dialog.findChild(EntryDialog)
    assert fix is not None and fix.isVisible()
    assert fix.windowTitle() == "Fix a change not yet on TimeTrack"
    assert fix.note_label.text().startswith("TimeTrack did not take this change.")
    assert "Reason: TimeTrack refused the data" in fix.note_label.text()
    assert fix.problems() == ["The end lies before the start."]
    fix.start_edit.setDateTime(wall_qdatetime(datetime(2026, 3, 10, 8, 0)))
    fix.end_edit.setDateTime(wall_qdatetime(datetime(2026, 3, 10, 16, 0)))
    with qtbot.waitSignal(fix.saved, timeout=WAIT):
        fix.save_button.click()
    qtbot.waitUntil(lambda: outbox_dialog.model.rowCount() == 0, timeout=WAIT)
    (stored,) = office.store.all()
    assert (stored.start, stored.end) == (MORNING, MORNING + timedelta(hours=8))
    assert stored.notes == "Inventur"  # the edit queued behind the create went out after it
    outbox_dialog.close()


def test_a_held_correction_that_met_another_change_is_fixed_on_top_of_it(
    qtbot: QtBot, office: Office, window: MainWindow, tmp_path: Path
) -> None:
    office.up()
    entry = office.store.create(
        NewAttendance(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8))
    )
    with TimeTrackClient(office.base_url, office.credentials) as client:
        seen = client.get_attendance(entry.id)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    outbox.add_update(
        office.base_url, server_ref(entry.id), AttendanceChange(break_minutes=45), base=seen
    )
    office.store.update(entry.id, AttendancePatch(notes="Lager 2"))  # another desk, meanwhile
    dialogs = dialogs_of(window)
    dialogs.open_outbox()
    outbox_dialog = window.findChild(OutboxDialog)
    assert outbox_dialog is not None
    qtbot.waitUntil(outbox_dialog.send_button.isEnabled, timeout=WAIT)  # rows are read
    outbox_dialog.send_button.click()
    qtbot.waitUntil(
        lambda: outbox_dialog.model.rowCount() == 1 and outbox_dialog.model.item_at(0).stuck,
        timeout=WAIT,
    )
    held = outbox_dialog.model.item_at(0)
    assert outbox_dialog.model.state(held) == (
        "Held: the entry was changed or deleted on TimeTrack meanwhile"
    )
    assert outbox_dialog.model.describe(held).startswith("Change of the entry of hansm, ")
    assert outbox_dialog.model.describe(held).endswith(": break 0:45 h")
    outbox_dialog.table.selectRow(0)
    outbox_dialog.fix_button.click()
    qtbot.waitUntil(lambda: outbox_dialog.findChild(EntryDialog) is not None, timeout=WAIT)
    fix = outbox_dialog.findChild(EntryDialog)
    assert fix is not None
    assert fix.note_label.text().startswith("Someone else changed this entry")
    assert (fix.break_spin.value(), fix.notes_edit.toPlainText()) == (45, "Lager 2")
    with qtbot.waitSignal(fix.saved, timeout=WAIT):
        fix.save_button.click()
    stored = office.store.get(entry.id)
    assert (stored.break_minutes, stored.notes) == (45, "Lager 2")
    qtbot.waitUntil(lambda: outbox_dialog.model.rowCount() == 0, timeout=WAIT)
    outbox_dialog.close()


def test_an_outbox_dialog_closed_before_its_rows_arrive_is_left_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The answer comes after the dialog is gone; it must not touch the deleted table."""
    dialog = OutboxDialog(window.session, BERLIN, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.close()  # in this same turn of the event loop: the rows are still being read
    wait_idle(qtbot, window.session)
    qtbot.waitUntil(lambda: not window.findChildren(OutboxDialog), timeout=WAIT)


def test_a_failure_here_after_the_stamp_was_saved_says_it_is_saved(
    qtbot: QtBot,
    office: Office,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Finding 13 of issue 8, in the window: the stamp is on disk; it is not "failed"."""
    office.up()
    window.refresh()
    button = window.stamp_panel.stamp_button
    qtbot.waitUntil(lambda: window.session.state == ConnectionState.ONLINE, timeout=WAIT)
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)

    def broken(self: Deliverer, wait: float = 0.0) -> SyncReport:
        raise OutboxError("the outbox /x failed: disk I/O error")

    working = Deliverer.deliver
    monkeypatch.setattr(Deliverer, "deliver", broken)
    button.click()
    qtbot.waitUntil(lambda: button.text() == "Clock out", timeout=WAIT)

    assert window.message_bar.is_notice
    assert window.message_bar.text.startswith("Saved on this computer.")
    assert office.store.all() == []
    monkeypatch.setattr(Deliverer, "deliver", working)
    window.session.deliver()
    qtbot.waitUntil(lambda: len(office.store.all()) == 1, timeout=WAIT)


def reopened(office: Office, clock: SettableClock, tmp_path: Path) -> MainWindow:
    """A window on the desk's files in ``tmp_path``, as after a restart."""
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    desk = Desk(outbox=outbox, breaks=BreakStore(tmp_path / "state.sqlite3"))
    session = ClockSession(office.account(), desk, backoff=QUICK, clock=clock)
    ini = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(session, BERLIN, ini)
    shown.show()
    shown.start()
    return shown


def test_a_window_shows_the_list_it_kept_at_once_while_timetrack_answers(
    qtbot: QtBot, office: Office, clock: SettableClock, tmp_path: Path
) -> None:
    office.up()
    office.store.create(NewAttendance(user="hansm", start=MORNING, end=MORNING, notes="kept"))
    first = reopened(office, clock, tmp_path)
    qtbot.waitUntil(lambda: first.model.rowCount() == 1, timeout=WAIT)
    first.close()
    first.deleteLater()
    assert office.server is not None
    office.server.faults = FaultPlan(latency_ms=2500)  # TimeTrack answers slowly now
    office.store.create(NewAttendance(user="hansm", start=MORNING, end=MORNING, notes="new"))

    window = reopened(office, clock, tmp_path)
    try:
        # The kept row long before TimeTrack's answer (two requests of 2.5 s each).
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=1500)
        assert window.message_bar.text == ""  # not offline: just not asked yet
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=4 * WAIT)
    finally:
        window.close()
        window.deleteLater()


def test_after_a_restart_offline_the_list_shows_the_entries_seen_before(
    qtbot: QtBot, office: Office, clock: SettableClock, tmp_path: Path
) -> None:
    def open_window() -> MainWindow:
        return reopened(office, clock, tmp_path)

    office.up()
    yesterday = MORNING - timedelta(days=1)
    office.store.create(
        NewAttendance(user="hansm", start=yesterday, end=yesterday + timedelta(hours=8))
    )
    first = open_window()
    qtbot.waitUntil(lambda: first.model.rowCount() == 1, timeout=WAIT)
    first.close()
    first.deleteLater()

    office.down()
    clock.advance(hours=2)
    window = open_window()
    try:
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
        # When the list was last read (08:00 Berlin), not when the entry was made.
        note = seen_list_note(MORNING, BERLIN)
        qtbot.waitUntil(lambda: note in window.message_bar.text, timeout=WAIT)
        assert "at 08:00" in window.message_bar.text
        window.stamp_panel.stamp_button.click()  # offline: waits here, shows at once
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)

        office.up()  # back: the rows are TimeTrack's again, the offline note goes
        qtbot.waitUntil(lambda: len(office.store.all()) == 2, timeout=WAIT)
        qtbot.waitUntil(lambda: "last seen" not in window.message_bar.text, timeout=WAIT)
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)
        wait_idle(qtbot, window.session)
    finally:
        window.close()
        window.deleteLater()
