"""The window keeps stamping when TimeTrack cannot be reached, and sends when it can."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.gui.helpers import BERLIN, WAIT, SettableClock, utc
from tests.office import Office
from timeclock.domain.attendance import AttendanceDraft
from timeclock.domain.backoff import Backoff
from timeclock.gui.main_window import MainWindow
from timeclock.gui.outbox_dialog import OutboxDialog
from timeclock.gui.session import ClockSession, ConnectionState
from timeclock.sandbox import AttendanceStore
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox

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
    session = ClockSession(office.account(), breaks, outbox=outbox, backoff=QUICK, clock=clock)
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
    assert window.waiting_label.text().startswith("1 change(s) saved here")
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
    assert (
        dialog.summary.text() == "1 change(s) wait, 0 of them held because TimeTrack refused them."
    )

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
