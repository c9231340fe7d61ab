"""Target, difference and balance per employee in the All users view's subtotals, against
the sandbox: the figures are read_balances' for everyone, one read per list load, none
while the subtotals are not shown, and said to be computed here without ``work_reports``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.api.staff import shift, staffed
from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.ranges import DayRange
from timeclock.gui.employee_summary import SummaryColumn, signed_hours
from timeclock.gui.formatting import hours_text
from timeclock.gui.main_window import BALANCE_AFTER_MS, MainWindow
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.balance import Balances, read_balances
from timeclock.services.working_model import WorkingModel

NOW = datetime(2024, 5, 8, 12, tzinfo=UTC)  # Wednesday 8 May, 14:00 in Berlin
MAY = DayRange(date(2024, 5, 1), date(2024, 5, 31))


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    staffed(server)
    server.store.insert_many([shift("hansm", 2, 8.5), shift("hansm", 3, 9), shift("ivan", 2, 6)])
    yield server
    server.directory.reset()


def grouped(qtbot: QtBot, sessions: Sessions, server: SandboxServer) -> MainWindow:
    """The window, All users, grouped by employee, the balances arrived."""
    window = sessions.window(account_of(server), SettableClock(NOW), start=False)
    with qtbot.waitSignal(window.footer_balance.shown, timeout=WAIT):
        window.start()  # the own list, then (after its paint) its balance
    assert window.summary_balance.reads == 0  # one user's list: no subtotals to fill
    window.filter_bar.all_users.setChecked(True)  # everyone's list, shown...
    window.filter_bar.group.setChecked(True)  # ...with its subtotals and their balance
    # The list, the names (which arrange the list shown again) and the balance come in
    # any order: wait for all of them.
    qtbot.waitUntil(
        lambda: (
            sorted(totals.user for totals in window.summary_model.totals()) == ["hansm", "ivan"]
            and not window.summary_balance.loading
            and window.summary_model.balance_of("ivan") is not None
        ),
        timeout=WAIT,
    )
    return window


def expected(server: SandboxServer, window: MainWindow) -> Balances:
    with TimeTrackClient(server.base_url, account_of(server).credentials) as client:
        return read_balances(
            client, MAY, user=None, zone=window.zone, now=NOW, model=WorkingModel()
        )


def cells(window: MainWindow, user: str) -> list[str]:
    model = window.summary_model
    row = next(r for r, totals in enumerate(model.totals()) if totals.user == user)
    return [
        model.index(row, column).data()
        for column in (SummaryColumn.WORKED, SummaryColumn.TARGET, SummaryColumn.DIFFERENCE)
    ] + [model.index(row, SummaryColumn.BALANCE).data()]


def test_each_employee_s_target_difference_and_balance_are_read_balances(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    window = grouped(qtbot, sessions, staff)

    balances = expected(staff, window)
    shown = [totals.user for totals in window.summary_model.totals()]
    assert sorted(shown) == ["hansm", "ivan"]
    for user in shown:
        employee = balances.of(user)
        assert employee is not None
        today = next(day for day in employee.days if day.day == date(2024, 5, 8))
        assert cells(window, user) == [
            hours_text(employee.worked),  # the list's subtotal agrees with the balance
            hours_text(employee.target),
            signed_hours(employee.difference),
            signed_hours(today.balance),
        ]
    # hans: 8 h + 8:30 worked on two days of 8 h so far; ivan 5:30 of 32 h (sick on the 7th)
    assert cells(window, "hansm")[1:] == ["16:00", "+0:30", "+0:30"]
    assert cells(window, "ivan")[1:] == ["32:00", "-26:30", "-26:30"]
    header = window.summary_model.headerData(
        SummaryColumn.TARGET, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == "Target"
    # One read for everyone per list load.
    before = window.summary_balance.reads
    with qtbot.waitSignal(window.summary_balance.shown, timeout=WAIT):
        window.refresh()
    qtbot.waitUntil(lambda: not window.summary_balance.loading, timeout=WAIT)
    assert window.summary_balance.reads == before + 1


def test_no_read_while_the_subtotals_are_not_shown(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    window = sessions.window(account_of(staff), SettableClock(NOW))
    with qtbot.waitSignal(window.model.shown, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    qtbot.wait(3 * BALANCE_AFTER_MS)  # the footer's balance would be read by now

    assert window.summary_balance.reads == 0
    assert window.summary_model.balance_of("hansm") is None


def test_without_work_reports_the_columns_say_they_are_computed_here(
    qtbot: QtBot, sessions: Sessions, staff: SandboxServer
) -> None:
    staff.directory.quirks = PeopleQuirks.without("work_reports")

    window = grouped(qtbot, sessions, staff)

    model = window.summary_model
    assert model.computed_here
    title = model.headerData(
        SummaryColumn.TARGET, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert title == "Target (computed here)"
    tip = model.headerData(
        SummaryColumn.BALANCE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "computed here" in tip
    # The settings' working model (40 h, no state: 1 May is a working day here).
    balances = expected(staff, window)
    assert balances.computed_here
    hans = balances.of("hansm")
    assert hans is not None
    assert cells(window, "hansm")[1:] == [
        hours_text(hans.target),
        signed_hours(hans.difference),
        signed_hours(hans.difference),  # the balance at today: no day after it worked
    ]
    assert cells(window, "hansm")[1:] == ["24:00", "-7:30", "-7:30"]
