"""Worked time against the minutes shown (#11, item 8): TimeTrack keeps seconds, the list
shows minutes. A row whose minutes would not add up to its worked time shows its times
with seconds and says why; the footer's total is the sum of the rows as shown; the entry
dialog says the same."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of
from timeclock.domain.totals import format_hours
from timeclock.gui.entry_dialog import EntryDialog
from timeclock.gui.models import Column
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.records import NewAttendance

MONDAY = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)


def stored(server: SandboxServer, start: datetime, end: datetime, breaks: int) -> None:
    server.store.create(
        NewAttendance(user="hansm", start=start, end=end, break_minutes=breaks, manual=False)
    )


def at(hour: int, minute: int, second: int = 0) -> datetime:
    """On Monday 9 March 2026, in UTC (Berlin is an hour ahead)."""
    return datetime(2026, 3, 9, hour, minute, second, tzinfo=UTC)


def row_texts(window, row: int) -> dict[Column, str]:
    model = window.model
    return {column: model.index(row, column).data() for column in Column}


def test_a_row_whose_minutes_do_not_add_up_shows_its_seconds(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions
) -> None:
    stored(server, at(5, 13, 40), at(14, 30, 20), 31)  # 06:13:40 to 15:30:20 in Berlin
    stored(server, at(5, 13, 20), at(14, 30, 40), 31)  # adds up: minutes only
    window = sessions.window(account_of(server), SettableClock(MONDAY))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)
    rows = sorted((row_texts(window, row) for row in range(2)), key=lambda r: r[Column.WORKED])
    odd, even = rows
    assert (odd[Column.START], odd[Column.END], odd[Column.BREAK], odd[Column.WORKED]) == (
        "06:13:40",
        "15:30:20",
        "0:31",
        "8:45",
    )
    assert (even[Column.START], even[Column.END], even[Column.WORKED]) == ("06:13", "15:30", "8:46")
    model = window.model
    odd_row = next(r for r in range(2) if model.index(r, Column.WORKED).data() == "8:45")
    tip = model.index(odd_row, Column.WORKED).data(Qt.ItemDataRole.ToolTipRole)
    assert "to the second" in tip
    # The footer adds up the rows as they are shown: 8:45 + 8:46.
    assert "worked: 17:31 h" in window.totals_label.text()
    assert format_hours(window.model.totals().worked) == "17:31"
    # The column is wide enough for the seconds.
    width = window.table.columnWidth(Column.START)
    assert width >= window.table.fontMetrics().horizontalAdvance("06:13:40")


def test_the_entry_dialog_says_why_its_worked_time_is_a_minute_short(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions
) -> None:
    stored(server, at(5, 13, 40), at(14, 30, 20), 31)
    window = sessions.window(account_of(server), SettableClock(MONDAY))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
    entry = window.model.entry_at(0)
    dialog = EntryDialog(window.session, window.zone, entry=entry, parent=window)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.worked_label.text() == (
        "8:45 h (from 06:13:40 to 15:30:20 to the second, as TimeTrack keeps them)"
    )
    dialog.break_spin.setValue(30)  # still untouched times: still to the second
    assert dialog.worked_label.text().startswith("8:46 h (from 06:13:40")
    dialog.reject()
