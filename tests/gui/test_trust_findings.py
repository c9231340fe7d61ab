"""The window tells the truth about the outbox (issue 8: findings 15, 9, 12 and 4).

Each test runs a real window on a real session with an outbox file, against the sandbox
over HTTP; "another program" is a second outbox connection to the same file, as a
``timeclock`` command in a terminal would open it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from tests.gui.helpers import BERLIN, WAIT, SettableClock, account_of, utc
from timeclock.api.client import TimeTrackClient
from timeclock.domain.backoff import Backoff
from timeclock.gui.main_window import MainWindow
from timeclock.gui.models import Column
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.faults import FaultPlan
from timeclock.services.sync import Deliverer, SyncReport
from timeclock.store.breaks import BreakStore
from timeclock.store.outbox import Outbox

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
        account_of(server), breaks, outbox=outbox, backoff=PATIENT, clock=SettableClock(MORNING)
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
    assert window.model.is_waiting(waiting.id)
    row = window.model.row_of(waiting.id)
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
    assert not window.model.is_waiting(stored.id)
    row = window.model.row_of(stored.id)
    assert window.model.index(row, Column.SOURCE).data() == "time clock"
    qtbot.waitUntil(lambda: window.message_bar.isHidden(), timeout=NOTICED)
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=NOTICED)
    assert button.text() == "Clock out"
