"""The main window against the live sandbox: stamping, the list, filters, errors, shutdown.

Each test builds a real :class:`MainWindow` on a real session, shown offscreen, with a
fixed clock; whatever it clicks reaches the sandbox over HTTP, and the sandbox's store is
what the assertions check.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from starlette.middleware import Middleware

from tests.api.faults import (
    Canned,
    CannedResponses,
    FaultPlan,
    Recorded,
    Rule,
    instrumented_server,
    unused_port,
)
from tests.gui.conftest import native_threads
from tests.gui.helpers import (
    BERLIN,
    WAIT,
    Sessions,
    SettableClock,
    account_of,
    emissions,
    seed,
    utc,
    wait_idle,
)
from timeclock.api.credentials import Credentials
from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.ranges import Preset
from timeclock.domain.refs import server_ref
from timeclock.gui.main_window import TICK_MILLISECONDS, MainWindow, default_size
from timeclock.gui.models import ENTRY_ROLE, Column
from timeclock.sandbox import SandboxServer, ServerQuirks
from timeclock.services.changes import Sent

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def window(server: SandboxServer, sessions: Sessions, clock: SettableClock) -> MainWindow:
    """hansm's window, started: it knows where he stands and shows this month."""
    return sessions.window(account_of(server), clock)


def shown_ids(window: MainWindow) -> list[int]:
    """The ids of the rows the table shows, top to bottom."""
    proxy = window.model
    return [proxy.index(row, 0).data(ENTRY_ROLE).id for row in range(proxy.rowCount())]


def ref_of(entry: int | str) -> str:
    """An entry's reference from its server id, or the reference itself."""
    return entry if isinstance(entry, str) else server_ref(entry)


def shown(window: MainWindow, entry: int | str) -> Attendance:
    """The entry of a row (by server id or reference), as the list shows it."""
    row = window.model.row_of(ref_of(entry))
    assert row is not None
    return window.model.entry_at(row)


def cell(window: MainWindow, entry: int | str, column: Column) -> str:
    row = window.model.row_of(ref_of(entry))
    assert row is not None, f"entry {entry} is not in the list"
    return str(window.model.index(row, column).data())


def after_status(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        action()


def after_load(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        action()
    idle(qtbot, window)


def idle(qtbot: QtBot, window: MainWindow) -> None:
    wait_idle(qtbot, window.session)


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def retry_button(window: MainWindow) -> QPushButton:
    (found,) = [b for b in window.message_bar.findChildren(QPushButton) if b.text() == "&Retry"]
    return found


# -- stamping ---------------------------------------------------------------------------------


def test_start_shows_clock_in_and_who_is_signed_in(
    window: MainWindow, server: SandboxServer
) -> None:
    panel = window.stamp_panel
    assert panel.stamp_button.text() == "Clock in"
    assert panel.stamp_button.isEnabled()
    assert panel.break_button.text() == "Start break"
    assert not panel.break_button.isEnabled()  # no break before stamping in
    assert panel.status_label.text() == "Not clocked in."
    assert panel.today_label.text() == "Today: 0:00 h worked"
    assert window.identity.text() == f"hansm at 127.0.0.1:{server.port}"
    assert "Online" in window.connection.text()
    assert window.message_bar.isHidden()
    assert window.model.rowCount() == 0


def test_before_the_server_answered_nothing_can_be_stamped(
    server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    window = sessions.window(account_of(server), clock, start=False)
    assert not window.stamp_panel.stamp_button.isEnabled()
    assert window.stamp_panel.status_label.text() == "Asking TimeTrack where you stand…"
    assert "Connecting" in window.connection.text()


def test_clock_in_break_and_clock_out_by_clicking(
    qtbot: QtBot, window: MainWindow, server: SandboxServer, clock: SettableClock
) -> None:
    seed(server, utc(2026, 3, 10, 0, 0), utc(2026, 3, 10, 2, 0))  # 01:00 to 03:00, earlier today
    after_load(qtbot, window, window.refresh)
    panel = window.stamp_panel
    inserted = emissions(window.model.rowsInserted)
    resets = emissions(window.model.modelReset)

    after_status(qtbot, window, lambda: click(qtbot, panel.stamp_button))
    open_entry = server.store.all()[-1]
    assert open_entry.start == open_entry.end == MORNING
    assert (open_entry.user, open_entry.manual) == ("hansm", False)
    assert panel.stamp_button.text() == "Clock out"
    assert panel.break_button.isEnabled()
    # The new row arrived by itself: inserted, not by reloading the list.
    assert len(inserted) == 1
    assert resets == []
    assert cell(window, open_entry.id, Column.END) == "running"
    assert panel.status_label.text() == "Clocked in since 08:00 · worked 0:00 h · break 0:00 h"
    assert panel.today_label.text() == "Today: 2:00 h worked"

    clock.advance(hours=2)
    after_status(qtbot, window, lambda: click(qtbot, panel.break_button))
    assert panel.break_button.text() == "End break"
    assert panel.status_label.text() == (
        "Clocked in since 08:00 · worked 2:00 h · break 0:00 h · on a break since 10:00"
    )
    clock.advance(minutes=15)
    after_status(qtbot, window, lambda: click(qtbot, panel.break_button))
    assert panel.break_button.text() == "Start break"
    assert panel.status_label.text() == "Clocked in since 08:00 · worked 2:00 h · break 0:15 h"
    assert panel.today_label.text() == "Today: 4:00 h worked"
    # The running row counts the break taken at this desk, as the status line does.
    assert cell(window, open_entry.id, Column.BREAK) == "0:15"
    assert cell(window, open_entry.id, Column.WORKED) == "2:00"

    clock.advance(hours=1, minutes=45)
    changed = emissions(window.model.dataChanged)
    after_status(qtbot, window, lambda: click(qtbot, panel.stamp_button))
    closed = server.store.get(open_entry.id)
    assert closed.end == MORNING + timedelta(hours=4)
    assert closed.break_minutes == 15
    assert panel.stamp_button.text() == "Clock in"
    assert not panel.break_button.isEnabled()
    assert panel.status_label.text() == "Not clocked in."
    assert panel.today_label.text() == "Today: 5:45 h worked"
    row = window.model.row_of(server_ref(open_entry.id))
    assert [(top.row(), bottom.row()) for top, bottom, *_ in changed] == [(row, row)]
    assert len(inserted) == 1
    assert resets == []
    assert cell(window, open_entry.id, Column.END) == "12:00"
    assert window.totals_label.text() == "Entries: 2 · days: 1 · worked: 5:45 h · breaks: 0:15 h"


@pytest.mark.parametrize(
    "quirks",
    [ServerQuirks(whole_seconds=True), ServerQuirks(fold_user_case=True)],
    ids=["whole-seconds", "folded-case"],
)
def test_clock_in_and_out_against_servers_that_keep_data_their_own_way(
    qtbot: QtBot,
    sessions: Sessions,
    make_server: Callable[..., SandboxServer],
    quirks: ServerQuirks,
) -> None:
    """The window as the CLI: seconds cut off by the server, a user name stored in lower
    case; the shift is found again, shown once and closed."""
    quirky = make_server(quirks=quirks)
    clock = SettableClock(MORNING + timedelta(milliseconds=734))
    window = sessions.window(account_of(quirky, "HansM"), clock)
    panel = window.stamp_panel

    after_status(qtbot, window, lambda: click(qtbot, panel.stamp_button))
    (opened,) = quirky.store.all()
    assert opened.start == MORNING  # stamped at the whole second
    assert panel.stamp_button.text() == "Clock out"
    after_load(qtbot, window, window.refresh)
    assert shown_ids(window) == [opened.id]
    assert panel.status_label.text().startswith("Clocked in since 08:00")

    clock.advance(hours=8)
    after_status(qtbot, window, lambda: click(qtbot, panel.stamp_button))
    (closed,) = quirky.store.all()
    assert closed.end == MORNING + timedelta(hours=8)
    assert panel.stamp_button.text() == "Clock in"
    assert panel.status_label.text() == "Not clocked in."


def test_the_status_line_and_the_list_count_on_each_minute(
    qtbot: QtBot, window: MainWindow, clock: SettableClock
) -> None:
    after_status(qtbot, window, window.stamp)
    (entry_id,) = [e.id for e in window.model.entries()]
    (ticker,) = [
        timer
        for timer in window.findChildren(QTimer)
        if timer.interval() == TICK_MILLISECONDS and timer.isActive()
    ]
    clock.advance(minutes=61)
    ticker.timeout.emit()
    panel = window.stamp_panel
    assert panel.status_label.text() == "Clocked in since 08:00 · worked 1:01 h · break 0:00 h"
    assert panel.today_label.text() == "Today: 1:01 h worked"
    assert cell(window, entry_id, Column.WORKED) == "1:01"
    assert "worked: 1:01 h" in window.totals_label.text()


def test_a_double_click_on_the_stamp_button_stamps_once(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    button = window.stamp_panel.stamp_button
    problems = emissions(window.session.problem)
    with qtbot.waitSignal(window.session.status_changed, timeout=WAIT):
        # A quick double click: press and release twice, then the double-click event.
        click(qtbot, button)
        click(qtbot, button)
        qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot, window)
    assert server.store.count() == 1
    # Not even a second request, which the server check would refuse ("already stamped in").
    assert problems == []
    assert window.message_bar.isHidden()
    assert button.text() == "Clock out"
    assert button.isEnabled()


def test_a_stamp_the_server_fails_is_kept_and_shown_and_goes_out_later(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    plan = FaultPlan()
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    window = sessions.window(account_of(faulty), clock)
    idle(qtbot, window)
    plan.set(Rule(Canned.error(503, "Service Unavailable"), method="POST"))
    with qtbot.waitSignal(window.session.notice, timeout=WAIT):
        click(qtbot, window.stamp_panel.stamp_button)
    idle(qtbot, window)
    assert window.message_bar.is_notice
    assert window.message_bar.text.startswith("Saved on this computer.")
    assert faulty.store.count() == 0
    # The stamp counts at once: the next click stamps out, the row says it waits.
    assert window.stamp_panel.stamp_button.isEnabled()
    assert window.stamp_panel.stamp_button.text() == "Clock out"
    (pending,) = window.model.entries()
    assert pending.id is None and window.model.is_waiting(pending.ref)
    assert cell(window, pending.ref, Column.SOURCE) == "time clock, not yet sent"
    assert window.waiting_label.text().startswith("1 change saved here, not yet on TimeTrack")
    plan.clear()
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.session.deliver()
    idle(qtbot, window)
    (stored,) = faulty.store.all()
    assert [entry.id for entry in window.model.entries()] == [stored.id]
    assert not window.model.is_waiting(server_ref(stored.id))
    assert cell(window, stored.id, Column.SOURCE) == "time clock"


# -- keyboard ---------------------------------------------------------------------------------


def test_every_action_has_its_shortcut(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    entry_id = seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    opened: list[Attendance | None] = []
    deleting: list[Attendance] = []
    window.open_entry_dialog = opened.append
    window.open_delete_dialog = deleting.append
    activate(qtbot, window)

    after_load(qtbot, window, lambda: QTest.keyClick(window, Qt.Key.Key_F5))
    assert shown_ids(window) == [entry_id]

    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]

    window.table.setFocus()
    window.table.selectionModel().select(
        window.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    QTest.keyClick(window.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    assert [e.id if e else None for e in opened] == [None, entry_id, entry_id]
    assert [e.id for e in deleting] == [entry_id]

    after_status(
        qtbot,
        window,
        lambda: QTest.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    )
    assert window.stamp_panel.stamp_button.text() == "Clock out"
    after_status(
        qtbot,
        window,
        lambda: QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier),
    )
    assert window.stamp_panel.break_button.text() == "End break"


def test_return_and_delete_in_the_filter_fields_do_not_act_on_the_list(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    after_load(qtbot, window, window.refresh)
    window.table.selectRow(0)
    opened: list[Attendance | None] = []
    deleting: list[Attendance] = []
    window.open_entry_dialog = opened.append
    window.open_delete_dialog = deleting.append
    activate(qtbot, window)
    window.filter_bar.user.setFocus()
    QTest.keyClick(window.filter_bar.user, Qt.Key.Key_Delete)
    QTest.keyClick(window.filter_bar.user, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert (opened, deleting) == ([], [])


def test_double_clicking_a_row_edits_it(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    entry_id = seed(server, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    after_load(qtbot, window, window.refresh)
    opened: list[Attendance | None] = []
    window.open_entry_dialog = opened.append
    rect = window.table.visualRect(window.model.index(0, Column.NOTES))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [e.id if e is not None else None for e in opened] == [entry_id]


# -- filters ----------------------------------------------------------------------------------


# Entries at the edges of months, weeks and days around both DST switches of 2026 in Berlin
# (March 29: 02:00 CET -> 03:00 CEST; October 25: 03:00 CEST -> 02:00 CET).
EDGES = {
    "sep30-late": utc(2026, 9, 30, 21, 30),  # Sep 30 23:30 CEST
    "oct1-early": utc(2026, 9, 30, 22, 30),  # Oct 1 00:30 CEST: October, though Sep 30 in UTC
    "oct25-first": utc(2026, 10, 24, 22, 0),  # Oct 25 00:00 CEST, the day's first minute
    "oct25-last": utc(2026, 10, 25, 22, 59),  # Oct 25 23:59 CET: the day has 25 hours
    "oct26-first": utc(2026, 10, 25, 23, 0),  # Oct 26 00:00 CET, Monday
    "oct31-late": utc(2026, 10, 31, 22, 30),  # Oct 31 23:30 CET
    "nov1-early": utc(2026, 10, 31, 23, 30),  # Nov 1 00:30 CET: November, Oct 31 in UTC
    "mar28-late": utc(2026, 3, 28, 22, 59),  # Mar 28 23:59 CET
    "mar29-first": utc(2026, 3, 28, 23, 0),  # Mar 29 00:00 CET
    "mar29-last": utc(2026, 3, 29, 21, 59),  # Mar 29 23:59 CEST: the day has 23 hours
    "mar30-first": utc(2026, 3, 29, 22, 0),  # Mar 30 00:00 CEST
}


@pytest.fixture
def edges(server: SandboxServer) -> dict[str, int]:
    """The edge entries in the sandbox (30 minutes each, hansm's), by name."""
    return {
        name: seed(server, start, start + timedelta(minutes=30), notes=name)
        for name, start in EDGES.items()
    }


@pytest.mark.parametrize(
    ("now", "preset", "expected"),
    [
        (
            utc(2026, 11, 15, 10, 0),
            Preset.LAST_MONTH,
            ["oct1-early", "oct25-first", "oct25-last", "oct26-first", "oct31-late"],
        ),
        (utc(2026, 11, 15, 10, 0), Preset.THIS_MONTH, ["nov1-early"]),
        # 00:30 on November 1 in Berlin is still October 31 in UTC.
        (utc(2026, 10, 31, 23, 30), Preset.THIS_MONTH, ["nov1-early"]),
        (utc(2026, 10, 31, 23, 30), Preset.TODAY, ["nov1-early"]),
        # ... and November 1 is a Sunday: this week runs Monday Oct 26 to then.
        (utc(2026, 10, 31, 23, 30), Preset.THIS_WEEK, ["oct26-first", "oct31-late", "nov1-early"]),
        (utc(2026, 10, 31, 23, 30), Preset.LAST_WEEK, ["oct25-first", "oct25-last"]),
        (utc(2026, 10, 25, 12, 0), Preset.TODAY, ["oct25-first", "oct25-last"]),
        (utc(2026, 10, 1, 6, 0), Preset.LAST_MONTH, ["sep30-late"]),
        (utc(2026, 3, 29, 12, 0), Preset.TODAY, ["mar29-first", "mar29-last"]),
        (utc(2026, 3, 29, 12, 0), Preset.LAST_WEEK, []),
        (utc(2026, 3, 29, 12, 0), Preset.THIS_WEEK, ["mar28-late", "mar29-first", "mar29-last"]),
    ],
)
def test_each_preset_shows_the_entries_of_its_local_days(
    qtbot: QtBot,
    server: SandboxServer,
    sessions: Sessions,
    edges: dict[str, int],
    now: datetime,
    preset: Preset,
    expected: list[str],
) -> None:
    window = sessions.window(account_of(server), SettableClock(now), start=False)
    window.filter_bar.preset.setCurrentIndex(window.filter_bar.preset.findData(preset.value))
    after_load(qtbot, window, window.start)
    assert sorted(shown_ids(window)) == sorted(edges[name] for name in expected)
    # The date fields show the days that were loaded.
    today = now.astimezone(BERLIN).date()
    days = preset.range(today)
    assert window.filter_bar.first.date() == QDate(
        days.first.year, days.first.month, days.first.day
    )
    assert window.filter_bar.last.date() == QDate(days.last.year, days.last.month, days.last.day)


def test_a_custom_range_of_dates(qtbot: QtBot, window: MainWindow, edges: dict[str, int]) -> None:
    bar = window.filter_bar
    after_load(qtbot, window, lambda: bar.first.setDate(QDate(2026, 10, 25)))
    after_load(qtbot, window, lambda: bar.last.setDate(QDate(2026, 10, 31)))
    assert bar.preset.currentData() == "custom"
    names = {entry_id: name for name, entry_id in edges.items()}
    assert sorted(names[i] for i in shown_ids(window)) == [
        "oct25-first", "oct25-last", "oct26-first", "oct31-late"
    ]  # fmt: skip
    assert window.totals_label.text() == "Entries: 4 · days: 3 · worked: 2:00 h · breaks: 0:00 h"


def test_the_list_shows_newest_first_and_sorts_by_any_column(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    short = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 16, 0))  # 9:00
    long = seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 17, 0))  # 10:00
    after_load(qtbot, window, window.refresh)
    assert shown_ids(window) == [long, short]
    window.table.sortByColumn(Column.WORKED, Qt.SortOrder.AscendingOrder)
    assert shown_ids(window) == [short, long]


def test_totals_for_the_shown_entries(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 16, 0), break_minutes=45)
    seed(server, utc(2026, 3, 2, 17, 0), utc(2026, 3, 2, 18, 0))
    seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 17, 30), break_minutes=60)
    seed(server, utc(2026, 2, 27, 7, 0), utc(2026, 2, 27, 17, 0))  # last month: not shown
    after_load(qtbot, window, window.refresh)
    assert window.totals_label.text() == "Entries: 3 · days: 2 · worked: 18:45 h · breaks: 1:45 h"


def test_all_users_shows_the_user_column_and_everyones_rows(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    mine = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    theirs = seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    after_load(qtbot, window, window.refresh)
    assert shown_ids(window) == [mine]
    assert window.table.isColumnHidden(Column.USER)

    hidden_while_loading: list[bool] = []

    def all_users() -> None:
        window.filter_bar.all_users.setChecked(True)
        hidden_while_loading.append(window.table.isColumnHidden(Column.USER))

    after_load(qtbot, window, all_users)
    # The old rows keep their columns until the new list is shown (no paint of them in
    # other columns while it loads).
    assert hidden_while_loading == [True]
    assert sorted(shown_ids(window)) == [mine, theirs]
    assert not window.table.isColumnHidden(Column.USER)
    assert cell(window, theirs, Column.USER) == "ivan"

    after_load(qtbot, window, lambda: window.filter_bar.all_users.setChecked(False))
    assert shown_ids(window) == [mine]
    assert window.table.isColumnHidden(Column.USER)


def test_the_columns_fit_every_row_and_the_longest_name_anywhere_in_a_long_list(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    """The columns are fitted to a sample of the rows (the first and last ones, and the
    longest name wherever it is), with the bold of a running entry: no row is cut."""
    users = ["hansm", "ivan", "Anna"]
    for day in range(1, 25):
        for number, user in enumerate(users):
            start = utc(2026, 3, day, 6 + number, 11 * number)
            seed(server, start, start + timedelta(hours=8, minutes=day), user=user)
    long_name = "wilhelmine-mommsen-wolkenstein"
    seed(server, utc(2026, 3, 12, 9, 0), utc(2026, 3, 12, 17, 0), user=long_name)
    window.filter_bar.all_users.setChecked(True)
    after_load(qtbot, window, window.refresh)
    model, header = window.model, window.table.horizontalHeader()
    assert model.rowCount() == 3 * 24 + 1
    assert long_name not in {
        model.display_text(row, Column.USER) for row in (*range(25), *range(48, 73))
    }  # the long name is not among the first and last rows

    bold = QFont(window.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for column in Column:
        if column is Column.NOTES or window.table.isColumnHidden(column):
            continue
        widest = max(
            metrics.horizontalAdvance(model.display_text(row, column))
            for row in range(model.rowCount())
        )
        assert header.sectionSize(column) > widest, column


def test_a_long_list_is_arranged_in_the_list_thread_and_sorted_by_the_header(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    """Past the model's sync limit the list is built and sorted off the GUI thread (the
    window's own list thread); a header click sorts by the column's meaning there too."""
    ids = [
        seed(server, utc(2026, 3, day, 7, 0), utc(2026, 3, day, 7 + hours, 0), user=user)
        for day, hours, user in [(2, 9, "ivan"), (3, 4, "Anna"), (4, 10, "hansm")]
    ]
    window.model.sync_rows = 0
    window.filter_bar.all_users.setChecked(True)
    with qtbot.waitSignal(window.model.shown, timeout=WAIT):
        window.refresh()
    assert shown_ids(window) == ids[::-1]  # newest first
    assert window.totals_label.text().startswith("Entries: 3 · days: 3 · worked: 23:00")

    header = window.table.horizontalHeader()
    with qtbot.waitSignal(window.model.layoutChanged, timeout=WAIT):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(Column.WORKED) + 5, 5),
        )
    worked = [shown(window, entry).worked_minutes for entry in shown_ids(window)]
    assert worked in ([4 * 60, 9 * 60, 10 * 60], [10 * 60, 9 * 60, 4 * 60])
    assert window.model.sort_spec.field is Column.WORKED


def test_a_managers_user_field_loads_that_users_entries_and_remembers_the_name(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, window: MainWindow
) -> None:
    seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    theirs = seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    field = window.filter_bar.user
    activate(qtbot, window)
    field.setFocus()
    qtbot.keyClicks(field, "ivan")
    after_load(qtbot, window, lambda: qtbot.keyClick(field, Qt.Key.Key_Return))
    assert shown_ids(window) == [theirs]
    assert not window.table.isColumnHidden(Column.USER)

    state = sessions.window_state()
    assert state.value("recentUsers") == ["ivan"]
    window.close()
    again = sessions.window(account_of(server), SettableClock(MORNING))
    assert again.filter_bar.recent_users() == ["ivan"]


# -- when things go wrong ---------------------------------------------------------------------


def test_a_server_that_is_down_shows_a_message_with_retry_and_the_window_stays_usable(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    port = unused_port()
    url = f"http://127.0.0.1:{port}/api/v2/ext"
    key, secret = "a-key", "a-secret"
    window = sessions.window(
        account_of(url, credentials=Credentials(key, secret)), clock, start=False
    )
    window.start()
    idle(qtbot, window)
    assert window.message_bar.isVisible()
    assert "Cannot reach TimeTrack at 127.0.0.1" in window.message_bar.text
    assert retry_button(window).isVisible()
    assert "Offline" in window.connection.text()
    # Still usable: the filter and the dialogs answer.
    opened: list[Attendance | None] = []
    window.open_entry_dialog = opened.append
    window.new_action.trigger()
    assert opened == [None]
    window.filter_bar.preset.setCurrentIndex(window.filter_bar.preset.findData("last-month"))
    idle(qtbot, window)  # fails too: the bar's Retry is now for last month's list

    back = make_server(port=port, api_key=key, api_secret=secret)
    this_month = seed(back, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    window.filter_bar.preset.setCurrentIndex(window.filter_bar.preset.findData("this-month"))
    idle(qtbot, window)
    click(qtbot, retry_button(window))
    idle(qtbot, window)
    assert window.message_bar.isHidden()
    assert "Online" in window.connection.text()
    # Retry asked again for everything: where the user stands, and the list as filtered now.
    assert window.stamp_panel.stamp_button.isEnabled()
    assert window.stamp_panel.stamp_button.text() == "Clock in"
    assert window.filter_bar.preset.currentData() == "this-month"
    assert shown_ids(window) == [this_month]


def test_rejected_credentials_open_the_settings_at_the_credentials(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    wrong = Credentials(server.api_key, "not-the-secret")
    window = sessions.window(account_of(server.base_url, credentials=wrong), clock, start=False)
    asked: list[bool] = []
    window.open_settings_dialog = asked.append
    window.start()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    idle(qtbot, window)
    assert asked[0] is True
    assert "Credentials rejected" in window.connection.text()
    assert "rejected the API key or secret" in window.message_bar.text

    window.settings_action.trigger()  # the menu's Settings… opens them without that hint
    assert asked[-1] is False


def test_a_server_error_shows_a_message_and_retry_recovers(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    plan = FaultPlan(Rule(Canned.error(500, "Internal Server Error", "kaputt")))
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    seed(faulty, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    window = sessions.window(account_of(faulty), clock, start=False)
    window.start()
    idle(qtbot, window)
    assert "TimeTrack had a problem (HTTP 500)" in window.message_bar.text
    assert "kaputt" in window.message_bar.text
    assert "Server error" in window.connection.text()
    assert window.model.rowCount() == 0

    plan.clear()
    click(qtbot, retry_button(window))
    idle(qtbot, window)
    assert window.message_bar.isHidden()
    assert "Online" in window.connection.text()
    assert window.model.rowCount() == 1
    assert window.stamp_panel.stamp_button.isEnabled()


def test_the_old_rows_stay_while_a_reload_fails(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    plan = FaultPlan()
    faulty = make_server(middleware=[Middleware(CannedResponses, plan=plan)])
    entry_id = seed(faulty, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 15, 0))
    window = sessions.window(account_of(faulty), clock)
    plan.set(Rule(Canned.error(502, "Bad Gateway")))
    window.refresh()
    idle(qtbot, window)
    assert window.message_bar.isVisible()
    assert shown_ids(window) == [entry_id]


def test_slow_work_shows_the_busy_indicator_and_the_old_rows_stay_meanwhile(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    gate = threading.Event()
    gate.set()

    def hold_reads(request: Recorded) -> None:
        if request.method == "GET":
            gate.wait(WAIT / 1000)

    slow, _requests = instrumented_server(make_server, before=hold_reads)
    old = seed(slow, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    window = sessions.window(account_of(slow), clock)
    assert window.busy_indicator.isHidden()
    new = seed(slow, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0))
    gate.clear()
    try:
        window.refresh()
        qtbot.waitUntil(window.busy_indicator.isVisible, timeout=WAIT)
        assert shown_ids(window) == [old]
    finally:
        gate.set()
    idle(qtbot, window)
    assert window.busy_indicator.isHidden()
    assert shown_ids(window) == [new, old]


# -- changes from dialogs ---------------------------------------------------------------------


def test_a_saved_change_touches_only_its_row(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    ids = [
        seed(server, utc(2026, 3, day, 7, 0), utc(2026, 3, day, 15, 0), notes=f"day {day}")
        for day in (2, 3, 4)
    ]
    after_load(qtbot, window, window.refresh)
    changed = emissions(window.model.dataChanged)
    resets = emissions(window.model.modelReset)
    loads = emissions(window.session.entries_loaded)
    done: list[Sent] = []
    failed: list[str] = []
    window.session.update_entry(
        shown(window, ids[1]), AttendanceChange(notes="Messe"), done.append, failed.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert failed == []
    row = window.model.row_of(server_ref(ids[1]))
    assert [(top.row(), bottom.row()) for top, bottom, *_ in changed] == [(row, row)]
    assert (resets, loads) == ([], [])
    assert cell(window, ids[1], Column.NOTES) == "Messe"
    assert cell(window, ids[0], Column.NOTES) == "day 2"
    assert server.store.get(ids[1]).notes == "Messe"


def test_a_change_that_moves_an_entry_out_of_the_range_removes_its_row(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    entry_id = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    after_load(qtbot, window, window.refresh)
    done: list[Sent] = []
    failed: list[str] = []
    window.session.update_entry(
        shown(window, entry_id),
        AttendanceChange(start=utc(2026, 2, 27, 7, 0), end=utc(2026, 2, 27, 15, 0)),
        done.append,
        failed.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert failed == []
    assert server.store.get(entry_id).start == utc(2026, 2, 27, 7, 0)
    assert shown_ids(window) == []
    assert window.totals_label.text().startswith("Entries: 0 · days: 0 ·")


def test_a_deleted_entry_loses_its_row(
    qtbot: QtBot, window: MainWindow, server: SandboxServer
) -> None:
    keep = seed(server, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    gone = seed(server, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0))
    after_load(qtbot, window, window.refresh)
    removed = emissions(window.model.rowsRemoved)
    resets = emissions(window.model.modelReset)
    row = window.model.row_of(server_ref(gone))
    done: list[Sent] = []
    failed: list[str] = []
    window.session.delete_entry(shown(window, gone), done.append, failed.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert failed == []
    assert [(first, last) for _parent, first, last in removed] == [(row, row)]
    assert resets == []
    assert shown_ids(window) == [keep]
    assert server.store.count() == 1
    assert window.totals_label.text().startswith("Entries: 1 · days: 1 ·")


# -- closing ----------------------------------------------------------------------------------


def test_closing_stops_the_worker_and_keeps_the_geometry(
    qtbot: QtBot, server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    before = native_threads()
    window = sessions.window(account_of(server), clock)
    assert native_threads() - before  # the session's worker
    window.resize(720, 510)
    window.close()
    qtbot.waitUntil(lambda: not (native_threads() - before), timeout=WAIT)
    assert not [t for t in window.findChildren(QTimer) if t.isActive()]
    with pytest.raises(RuntimeError, match="shut down"):
        window.session.refresh_status()

    again = sessions.window(account_of(server), clock)
    assert again.size() == QSize(720, 510)
    assert sessions.window_state().value("geometry") is not None


def test_a_first_window_gets_a_useful_size(
    server: SandboxServer, sessions: Sessions, clock: SettableClock
) -> None:
    window = sessions.window(account_of(server), clock, start=False)
    room = window.screen().availableGeometry().size() - QSize(16, 40)
    assert window.size() == QSize(980, 680).boundedTo(room)


def test_a_first_window_fits_a_small_screen_with_its_frame() -> None:
    assert default_size(QSize(1024, 600)) == QSize(980, 560)
    assert default_size(QSize(800, 480)) == QSize(784, 440)
    assert default_size(QSize(1920, 1080)) == QSize(980, 680)


def test_today_is_the_local_day(server: SandboxServer, sessions: Sessions) -> None:
    late = SettableClock(utc(2026, 10, 31, 23, 30))  # 00:30 on November 1 in Berlin
    window = sessions.window(account_of(server), late, start=False)
    assert window.today() == date(2026, 11, 1)


def test_being_reachable_again_ends_the_offline_message_and_asks_what_was_missed(
    qtbot: QtBot,
    make_server: Callable[..., SandboxServer],
    sessions: Sessions,
    clock: SettableClock,
) -> None:
    """Offline at start; the person changes the filter once the network is back."""
    port = unused_port()
    key, secret = "a-key", "a-secret"
    window = sessions.window(
        account_of(f"http://127.0.0.1:{port}/api/v2/ext", credentials=Credentials(key, secret)),
        clock,
        start=False,
    )
    window.start()
    idle(qtbot, window)
    assert "Cannot reach TimeTrack" in window.message_bar.text
    assert window.session.status is not None and window.session.status.offline is not None

    make_server(port=port, api_key=key, api_secret=secret)
    window.filter_bar.preset.setCurrentIndex(window.filter_bar.preset.findData("last-month"))
    idle(qtbot, window)
    assert window.message_bar.isHidden()
    assert window.session.status.offline is None  # the status was asked again
