"""The window tells the truth about the outbox (issue 8: findings 15, 9, 12 and 4).

Each test runs a real window on a real session with an outbox file, against the sandbox
over HTTP; "another program" is a second outbox connection to the same file, as a
``timeclock`` command in a terminal would open it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import BERLIN, WAIT, SettableClock, account_of, seed, utc
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft
from timeclock.domain.backoff import Backoff
from timeclock.domain.matching import AmbiguousMatchError
from timeclock.domain.refs import server_ref
from timeclock.gui import i18n
from timeclock.gui.change_text import change_state, describe_change
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.formatting import day_text, time_text
from timeclock.gui.main_window import MainWindow
from timeclock.gui.messages import also_open_message, discarded_message, held_message
from timeclock.gui.models import Column
from timeclock.gui.outbox_dialog import OutboxDialog
from timeclock.gui.session import ClockSession
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.services.desk import Desk as DeskFiles
from timeclock.services.sync import Deliverer, Discarded, SyncReport
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Hold, Kind, Outbox, OutboxItem

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin
# The window's own retries come too late to matter here: what it shows must come from
# noticing what the other program did.
PATIENT = Backoff(first=600.0, longest=600.0)
NOTICED = 5000  # milliseconds within which the window must notice another program's work


@dataclass
class Desk:
    """A window and the files it shares with other programs on this desk."""

    window: MainWindow
    outbox_path: Path
    server: SandboxServer

    def sync_elsewhere(self) -> SyncReport:
        """What ``timeclock sync`` in a terminal does: a delivery by another program, with
        its own connections to TimeTrack and to the outbox file."""
        with TimeTrackClient(self.server.base_url, credentials_of(self.server)) as client:
            outbox = Outbox(self.outbox_path)
            try:
                return Deliverer(client, outbox).deliver()
            finally:
                outbox.close()


@pytest.fixture
def desk(qtbot: QtBot, server: SandboxServer, tmp_path: Path) -> Iterator[Desk]:
    breaks = BreakStore(tmp_path / "state.sqlite3")
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    session = ClockSession(
        account_of(server),
        DeskFiles(outbox=outbox, breaks=breaks),
        backoff=PATIENT,
        clock=SettableClock(MORNING),
    )
    window = MainWindow(
        session, BERLIN, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    window.show()
    yield Desk(window, tmp_path / "outbox.sqlite3", server)
    window.close()
    window.deleteLater()
    breaks.close()
    server.faults = None


def start(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignals(
        [window.session.status_changed, window.session.entries_loaded], timeout=WAIT
    ):
        window.start()


# -- finding 15: another program delivered --------------------------------------------------


def test_a_change_another_program_delivered_no_longer_shows_as_waiting(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    desk.server.faults = FaultPlan({"503": 1.0})
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.start()  # the list cannot be had; the state comes from this desk
    button = window.stamp_panel.stamp_button
    qtbot.waitUntil(button.isEnabled, timeout=WAIT)  # TimeTrack fails, the desk knows enough
    button.click()
    qtbot.waitUntil(lambda: button.text() == "Clock out", timeout=WAIT)
    (waiting,) = window.model.entries()
    assert waiting.id is None and window.model.is_waiting(waiting.ref)
    row = window.model.row_of(waiting.ref)
    assert window.model.index(row, Column.SOURCE).data() == "time clock, not yet sent"
    assert "HTTP 503" in window.message_bar.text
    assert window.waiting_label.isVisible()

    desk.server.faults = None  # TimeTrack is well again, and `timeclock sync` runs first
    report = desk.sync_elsewhere()
    assert report.delivered == 1 and report.complete
    (stored,) = desk.server.store.all()

    qtbot.waitUntil(
        lambda: [entry.id for entry in window.model.entries()] == [stored.id], timeout=NOTICED
    )
    assert not window.model.is_waiting(server_ref(stored.id))
    row = window.model.row_of(server_ref(stored.id))
    assert window.model.index(row, Column.SOURCE).data() == "time clock"
    qtbot.waitUntil(window.message_bar.isHidden, timeout=NOTICED)
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=NOTICED)
    assert button.text() == "Clock out"


def outbox_dialog(qtbot: QtBot, window: MainWindow, rows: int) -> OutboxDialog:
    """The outbox dialog, shown, once it lists ``rows`` changes."""
    dialog = OutboxDialog(window.session, BERLIN, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows, timeout=WAIT)
    return dialog


def queue_unreadable(path: Path, base_url: str) -> None:
    """A change saved by a newer TimeClock: a kind this version does not know."""
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO outbox (base_url, kind, ref, payload, queued_at)"
            " VALUES (?, 'split', 'id:5', '{\"parts\": 2}', '2026-03-10T06:00:00.000Z')",
            (base_url,),
        )


# -- finding 9: a change this version cannot read --------------------------------------------


def test_a_change_this_version_cannot_read_leaves_clock_in_working_and_can_be_discarded(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    queue_unreadable(desk.outbox_path, desk.server.base_url)
    start(qtbot, window)
    button = window.stamp_panel.stamp_button
    assert button.isEnabled() and button.text() == "Clock in"
    assert "(1 held)" in window.waiting_label.text()
    button.click()
    qtbot.waitUntil(lambda: len(desk.server.store.all()) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: button.text() == "Clock out" and button.isEnabled(), timeout=WAIT)

    dialog = outbox_dialog(qtbot, window, rows=1)
    unreadable = dialog.model.item_at(0)
    assert dialog.model.describe(unreadable) == "A change this TimeClock cannot read"
    assert dialog.model.state(unreadable) == (
        "Held: saved by a newer TimeClock, or damaged; it can only be discarded"
    )
    dialog.table.selectRow(0)
    assert not dialog.fix_button.isEnabled()
    assert not dialog.retry_button.isEnabled()  # trying again can never help
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT)
    assert dialog.outcome.text() == "Discarded. TimeTrack will not get this change."
    assert dialog.summary.text() == "Everything is on TimeTrack."
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=WAIT)
    assert len(desk.server.store.all()) == 1
    dialog.close()


# -- finding 12: discarding a change TimeTrack may have already ------------------------------


def stamp_whose_answer_is_lost(qtbot: QtBot, desk: Desk) -> None:
    """Clock in; TimeTrack stores the entry, but its answer never arrives."""
    window = desk.window
    start(qtbot, window)
    desk.server.faults = FaultPlan(script=["commit-then-cut"], methods=["POST"])
    button = window.stamp_panel.stamp_button
    button.click()
    qtbot.waitUntil(lambda: button.text() == "Clock out" and button.isEnabled(), timeout=WAIT)
    assert len(desk.server.store.all()) == 1
    assert window.waiting_label.isVisible()


def test_discarding_a_new_entry_that_had_reached_timetrack_says_so(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    stamp_whose_answer_is_lost(qtbot, desk)
    (stored,) = desk.server.store.all()
    dialog = outbox_dialog(qtbot, window, rows=1)
    dialog.table.selectRow(0)
    dialog.discard_button.click()
    qtbot.waitUntil(dialog.outcome.isVisible, timeout=WAIT)
    assert dialog.outcome.text() == (
        f"Not discarded: it had already reached TimeTrack as entry #{stored.id} (its answer "
        "was lost). To remove it, delete the entry in the list."
    )
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT)
    assert desk.server.store.all() == [stored]  # nothing was taken from TimeTrack
    qtbot.waitUntil(
        lambda: [entry.id for entry in window.model.entries()] == [stored.id], timeout=WAIT
    )
    assert not window.model.is_waiting(server_ref(stored.id))
    assert window.stamp_panel.stamp_button.text() == "Clock out"
    dialog.close()


def test_discarding_a_new_entry_timetrack_cannot_be_asked_about_says_it_may_be_there(
    qtbot: QtBot, desk: Desk
) -> None:
    stamp_whose_answer_is_lost(qtbot, desk)
    dialog = outbox_dialog(qtbot, desk.window, rows=1)
    desk.server.faults = FaultPlan({"503": 1.0})
    dialog.table.selectRow(0)
    dialog.discard_button.click()
    qtbot.waitUntil(dialog.outcome.isVisible, timeout=WAIT)
    assert dialog.outcome.text() == (
        "Discarded here. It may already have reached TimeTrack; check the list before "
        "entering it again."
    )
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT)
    dialog.close()


# -- finding 9: the new holds, worded for people ---------------------------------------------


def test_a_change_of_a_discarded_new_entry_is_held_as_orphaned_in_words(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    elsewhere = Outbox(desk.outbox_path)  # `timeclock add`, then `timeclock edit`, offline
    draft = AttendanceDraft(user="hansm", start=MORNING, end=MORNING + timedelta(hours=8))
    _, ref = elsewhere.add_create(desk.server.base_url, draft)
    elsewhere.add_update(desk.server.base_url, ref, AttendanceChange(notes="Inventur"))
    desk.server.faults = FaultPlan({"503": 1.0})
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.start()
    dialog = outbox_dialog(qtbot, window, rows=2)
    dialog.table.selectRow(0)
    dialog.discard_button.click()  # the new entry, not yet sent
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    assert dialog.outcome.text() == "Discarded. TimeTrack will not get this change."

    desk.server.faults = None
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.model.item_at(0).stuck, timeout=WAIT)
    orphan = dialog.model.item_at(0)
    assert orphan.hold is Hold.ORPHANED
    assert dialog.model.state(orphan) == (
        "Held: the new entry it changes was discarded before it reached TimeTrack; "
        "discard this change too"
    )
    qtbot.waitUntil(lambda: window.message_bar.text.startswith("Not sent: "), timeout=WAIT)
    assert window.message_bar.text.endswith(
        "The new entry it changes was discarded before it reached TimeTrack. Open Entries > "
        "Changes not yet sent to discard it."
    )
    dialog.table.selectRow(0)
    assert not dialog.fix_button.isEnabled() and not dialog.retry_button.isEnabled()
    dialog.discard_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=WAIT)
    qtbot.waitUntil(window.message_bar.isHidden, timeout=WAIT)  # nothing is held any more
    assert desk.server.store.all() == []
    dialog.close()


def test_a_lost_new_entry_that_two_entries_fit_is_held_as_ambiguous_in_words(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    for _ in range(2):  # two desks entered the same shift
        seed(desk.server, MORNING, MORNING + timedelta(hours=8))
    elsewhere = Outbox(desk.outbox_path)  # `timeclock add`, its answer lost
    draft = AttendanceDraft(
        user="hansm", start=MORNING, end=MORNING + timedelta(hours=8), manual=True
    )
    seq, _ = elsewhere.add_create(desk.server.base_url, draft)
    elsewhere.begin_attempt(seq)
    start(qtbot, window)
    dialog = outbox_dialog(qtbot, window, rows=1)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.model.item_at(0).stuck, timeout=WAIT)
    ambiguous = dialog.model.item_at(0)
    assert ambiguous.hold is Hold.AMBIGUOUS
    assert dialog.model.state(ambiguous) == (
        "Held: its answer was lost and more than one entry on TimeTrack fits it; "
        "check the list, then discard it or try again"
    )
    qtbot.waitUntil(
        lambda: "more than one entry on TimeTrack" in window.message_bar.text, timeout=WAIT
    )
    dialog.table.selectRow(0)
    assert dialog.retry_button.isEnabled()  # once the person removed one of them
    assert len(desk.server.store.all()) == 2  # nothing was sent again
    dialog.close()


def held_item(
    seq: int, kind: Kind, hold: Hold, change: AttendanceChange | None = None
) -> OutboxItem:
    return OutboxItem(
        seq=seq,
        kind=kind,
        ref="id:5",
        draft=None,
        change=change,
        queued_at=MORNING,
        attempts=1,
        hold=hold,
        problem="as the program saved it",
    )


def test_the_new_words_are_german_too(qapp: QApplication) -> None:
    unreadable = held_item(1, Kind.UNREADABLE, Hold.UNREADABLE)
    orphan = held_item(2, Kind.UPDATE, Hold.ORPHANED, AttendanceChange(notes="Inventur"))
    ambiguous = held_item(3, Kind.UPDATE, Hold.AMBIGUOUS, AttendanceChange(notes="Inventur"))
    made = Attendance(12, "hansm", MORNING, MORNING, 0, "", False)
    translators = i18n.install_translators(qapp, "de")
    try:
        assert describe_change(unreadable, BERLIN) == (
            "Eine Änderung, die dieses TimeClock nicht lesen kann"
        )
        assert change_state(unreadable).startswith("Angehalten: von einem neueren TimeClock")
        assert change_state(orphan).startswith("Angehalten: der neue Eintrag")
        assert change_state(ambiguous).startswith("Angehalten: die Antwort ging verloren")
        assert held_message(orphan, BERLIN).startswith("Nicht gesendet: Änderung an Eintrag 5")
        assert held_message(unreadable, BERLIN).startswith("Eine auf diesem Computer")
        assert discarded_message(Discarded(orphan, on_server=made)).startswith("Nicht verworfen: ")
        assert "#12" in discarded_message(Discarded(orphan, on_server=made))
        assert discarded_message(Discarded(orphan, unsure=AmbiguousMatchError([]))).startswith(
            "Hier verworfen. "
        )
        assert discarded_message(Discarded(orphan)).startswith("Verworfen. ")
        assert also_open_message(made, BERLIN).startswith("Sie sind außerdem seit ")
        assert "(Eintrag #12)" in also_open_message(made, BERLIN)
    finally:
        i18n.remove_translators(qapp, translators)


# -- finding 4: stamped in at two desks at once -------------------------------------------------


def test_another_open_entry_is_shown_with_a_way_to_close_it(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
    )
    monday = MORNING - timedelta(days=1)
    other = seed(desk.server, monday, manual=False)  # stamped in at the door on Monday
    seed(desk.server, MORNING, manual=False)  # and at the office desk today
    start(qtbot, window)
    assert window.stamp_panel.stamp_button.text() == "Clock out"  # today's shift
    since = f"{day_text(monday, BERLIN)} {time_text(monday, BERLIN)}"
    assert window.message_bar.text == (
        f"You are also clocked in since {since} (entry #{other}), probably at another desk. "
        "Open the entry to set its end, or delete it in the list."
    )
    action = window.message_bar.action_button
    assert action.isVisible() and action.text() == "&Open entry…"
    assert action.accessibleName() == "Open entry…"

    action.click()
    dialog = window.findChild(EntryDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.end_edit.setDateTime(wall_qdatetime(datetime(2026, 3, 9, 16, 0)))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        dialog.save_button.click()
    closed = desk.server.store.get(other)
    assert closed.end == monday + timedelta(hours=8)
    qtbot.waitUntil(window.message_bar.isHidden, timeout=WAIT)  # it is no longer open
    assert window.stamp_panel.stamp_button.text() == "Clock out"


def test_the_warning_of_another_open_entry_gives_way_and_comes_back_until_closed(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    seed(desk.server, MORNING - timedelta(days=1), manual=False)
    seed(desk.server, MORNING, manual=False)
    start(qtbot, window)
    assert window.message_bar.text.startswith("You are also clocked in since ")

    desk.server.faults = FaultPlan({"503": 1.0})
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.refresh()
    assert "HTTP 503" in window.message_bar.text  # a problem that holds comes first
    desk.server.faults = None
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.session.refresh_status()
    assert window.message_bar.text.startswith("You are also clocked in since ")

    (close,) = [
        button
        for button in window.message_bar.findChildren(QPushButton)
        if button.text() == "Close"
    ]
    close.click()
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        window.refresh()
    assert window.message_bar.isHidden()  # the person knows; not said again for it
