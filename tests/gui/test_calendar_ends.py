"""The window's date pickers offer the days TimeClock computes with, 0001-01-02 to 9999-12-30.

Qt's own limits run to 9999-12-31, where a range's end or a zone's offset would fall off
Python's calendar; the pickers stop a day earlier (and start a day later) instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.conftest import credentials_of
from timeclock.gui.entry_dialog import EntryDialog, wall_qdatetime
from timeclock.gui.filter_bar import FilterBar
from timeclock.gui.session import ClockSession
from timeclock.sandbox import SandboxServer
from timeclock.services.account import Account

FIRST, LAST = QDate(1, 1, 2), QDate(9999, 12, 30)


@pytest.fixture
def session(server: SandboxServer) -> Iterator[ClockSession]:
    clock_session = ClockSession(
        Account(server.base_url, "hansm", credentials_of(server)),
        clock=lambda: datetime(2021, 3, 29, 12, 0, tzinfo=UTC),
    )
    yield clock_session
    clock_session.close()


def test_the_filter_dates_stop_at_the_last_day(qtbot: QtBot) -> None:
    bar = FilterBar()
    qtbot.addWidget(bar)
    for edit in (bar.first, bar.last):
        assert (edit.minimumDate(), edit.maximumDate()) == (FIRST, LAST)
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == LAST
    assert bar.day_range(datetime(2021, 3, 29).date()).last.isoformat() == "9999-12-30"


def test_the_entry_dialog_stops_at_the_last_day(qtbot: QtBot, session: ClockSession) -> None:
    dialog = EntryDialog(session, ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(dialog)
    for edit in (dialog.start_edit, dialog.end_edit):
        assert (edit.minimumDate(), edit.maximumDate()) == (FIRST, LAST)
        edit.setDateTime(wall_qdatetime(datetime(9999, 12, 31, 23, 0)))
        assert edit.date() == LAST
