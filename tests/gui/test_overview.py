"""The overview (View > Overview) against the sandbox: its figures per day are the balances',
findings mark their days, the periods step by keyboard and button, the chart speaks to
screen readers, says when targets were computed here, and paints a big team on a small
screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.api.staff import shift, staffed
from tests.gui.helpers import BERLIN, WAIT, Sessions, SettableClock, account_of
from timeclock.api.client import TimeTrackClient
from timeclock.domain.attendance import Attendance
from timeclock.domain.findings import Rule, find_all
from timeclock.domain.ranges import DayRange
from timeclock.gui.formatting import date_format, qdate
from timeclock.gui.main_window import MainWindow
from timeclock.gui.overview_canvas import OverviewCanvas
from timeclock.gui.overview_dialog import OverviewDialog
from timeclock.gui.overview_marks import FLAG, TODAY
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.balance import compute_balances, read_balances
from timeclock.services.overview import Period, build_overview
from timeclock.services.working_model import WorkingModel

MAY = DayRange(date(2024, 5, 1), date(2024, 5, 31))
NOW = datetime(2024, 5, 8, 12, tzinfo=UTC)  # Wednesday 8 May, 14:00 in Berlin
BERLIN_MODEL = WorkingModel(state="BE")


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    """hansm, ivan and lenab in May 2024 with a long day, an overlap and an open entry."""
    staffed(server)
    left_open = datetime(2024, 5, 6, 6, tzinfo=UTC)
    server.store.insert_many(
        [
            shift("hansm", 2, 8.5),
            shift("hansm", 3, 11, break_minutes=30),  # max-hours
            shift("ivan", 2, 4),
            NewAttendance(  # overlaps ivan's shift on the 2nd
                user="ivan",
                start=datetime(2024, 5, 2, 9, tzinfo=UTC),
                end=datetime(2024, 5, 2, 12, tzinfo=UTC),
            ),
            NewAttendance(user="ivan", start=left_open, end=left_open),  # open since the 6th
            shift("lenab", 2, 5.5),
        ]
    )
    yield server
    server.directory.reset()


@pytest.fixture
def window(sessions: Sessions, staff: SandboxServer) -> MainWindow:
    return sessions.window(account_of(staff), SettableClock(NOW))


@pytest.fixture
def dialogs(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
        state="BE",
    )


def opened(qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs) -> OverviewDialog:
    """View > Overview, once its figures are in."""
    window.overview_action.trigger()
    dialog = dialogs.overview_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading and dialog.canvas.overview is not None, timeout=WAIT)
    return dialog


def reloaded(qtbot: QtBot, dialog: OverviewDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT)


def show_everyone(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)


def test_the_team_view_shows_every_employee_s_days_as_read_balances_computes_them(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, staff: SandboxServer
) -> None:
    show_everyone(qtbot, window)

    dialog = opened(qtbot, window, dialogs)

    overview = dialog.canvas.overview
    assert overview is not None and overview.team and overview.days == MAY
    assert dialog.isVisible() and not dialog.isModal()
    with TimeTrackClient(staff.base_url, account_of(staff).credentials) as client:
        expected = read_balances(client, MAY, user=None, zone=BERLIN, now=NOW, model=BERLIN_MODEL)
    assert [row.user for row in overview.rows] == [e.user for e in expected.employees]
    for row, employee in zip(overview.rows, expected.employees, strict=True):
        assert row.days == employee.days  # target, worked, break, balance, holiday, absences
    hansm, ivan = overview.row_of("hansm"), overview.row_of("ivan")
    assert hansm is not None and ivan is not None
    assert [f.rule for f in hansm.findings_on(date(2024, 5, 3))] == [Rule.MAX_HOURS, Rule.BREAK]
    assert Rule.OVERLAP in {f.rule for f in ivan.findings_on(date(2024, 5, 2))}
    assert ivan.left_open(date(2024, 5, 6)) and not ivan.left_open(date(2024, 5, 2))
    assert not overview.computed_here and dialog.note.isHidden()
    assert dialog.legend.items()[0][1] == "At or over target"
    assert dialog.summary.text().startswith("3 employees: worked ")


def test_a_day_s_figures_on_hover_and_for_screen_readers(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    show_everyone(qtbot, window)
    dialog = opened(qtbot, window, dialogs)
    canvas = dialog.canvas
    overview = canvas.overview
    assert overview is not None
    row = next(i for i, r in enumerate(overview.rows) if r.user == "hansm")

    details = canvas.details_at(row, 2)  # Friday 3 May

    assert details.splitlines()[0].startswith("Hans Müller · ")
    assert "Worked 10:30 h of 8:00 h target, difference +2:30 h" in details
    assert "Needs attention:" in details
    assert canvas.cell_at(canvas.cell_rect(row, 2).center()) == (row, 2)
    assert canvas.accessibleName() == "Worked time against target"
    description = canvas.accessibleDescription().splitlines()
    assert len(description) == 3
    assert any(
        line.startswith("Hans Müller: worked 18:30 h of 16:00 h target, difference +2:30 h")
        and "3 day(s) absent, 3 public holiday(s), 1 day(s) need attention" in line
        for line in description
    )
    vacation = canvas.details_at(row, 6)  # Tuesday 7 May: hansm on vacation
    assert "Absent: U" in vacation


def test_the_keyboard_moves_between_days_rows_and_periods(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    show_everyone(qtbot, window)
    dialog = opened(qtbot, window, dialogs)
    canvas = dialog.canvas
    canvas.setFocus()
    assert canvas.current == (0, 7)  # today, 8 May, in the first row

    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)

    assert canvas.current == (1, 8)
    assert dialog.details.text().startswith(canvas.overview.rows[1].name)  # type: ignore[union-attr]
    assert dialog.details.accessibleDescription() == canvas.current_details()

    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    reloaded(qtbot, dialog)
    assert dialog.days == DayRange(date(2024, 6, 1), date(2024, 6, 30))
    qtbot.keyClick(dialog, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    reloaded(qtbot, dialog)
    assert dialog.days == MAY
    assert dialog.period_label.text() == f"{QLocale().standaloneMonthName(5)} 2024"


def test_enter_on_a_team_row_shows_that_employee_s_month_and_week_as_bars(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, staff: SandboxServer
) -> None:
    show_everyone(qtbot, window)
    dialog = opened(qtbot, window, dialogs)
    canvas = dialog.canvas
    overview = canvas.overview
    assert overview is not None
    ivan = next(i for i, r in enumerate(overview.rows) if r.user == "ivan")
    canvas.setFocus()
    canvas.set_current(ivan, 0)

    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    reloaded(qtbot, dialog)

    assert dialog.user == "ivan" and dialog.whose.currentText() == "Ivan Petrov (ivan)"
    single = canvas.overview
    assert single is not None and not single.team and [r.user for r in single.rows] == ["ivan"]
    assert dialog.legend.items()[0][1] == "Worked"

    dialog.set_period(Period.WEEK)
    reloaded(qtbot, dialog)
    week = DayRange(date(2024, 5, 6), date(2024, 5, 12))
    assert dialog.days == week
    locale = QLocale()
    shown = [locale.toString(qdate(day), date_format(locale)) for day in (week.first, week.last)]
    assert dialog.period_label.text() == f"Week 19: {shown[0]} to {shown[1]}"
    with TimeTrackClient(staff.base_url, account_of(staff).credentials) as client:
        expected = read_balances(
            client, week, user="ivan", zone=BERLIN, now=NOW, model=BERLIN_MODEL
        )
    assert canvas.overview is not None
    assert canvas.overview.rows[0].days == expected.employees[0].days


def test_targets_computed_here_are_said_so(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, staff: SandboxServer
) -> None:
    staff.directory.quirks = PeopleQuirks(absent=frozenset({"work_reports"}))

    dialog = opened(qtbot, window, dialogs)

    overview = dialog.canvas.overview
    assert overview is not None and overview.computed_here and not overview.team
    assert dialog.note.isVisible()
    assert "computed here" in dialog.note.text()


def grab(canvas: OverviewCanvas) -> QImage:
    return canvas.grab().toImage()


def has_colour(image: QImage, colour: QColor) -> bool:
    wanted = colour.rgb()
    return any(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 1)
        for x in range(0, image.width(), 2)
    )


def big_team(people: int, today: date) -> list[Attendance]:
    entries = []
    for person in range(people):
        for offset in range(MAY.days):
            day = MAY.first + timedelta(days=offset)
            if day.weekday() >= 5 or day > today:
                continue
            start = datetime(day.year, day.month, day.day, 6 + person % 3, tzinfo=UTC)
            hours = 7 + (person + offset) % 4  # 7 to 10 hours: some short, some over
            entries.append(
                Attendance(
                    id=len(entries) + 1,
                    user=f"user{person:02d}",
                    start=start,
                    end=start + timedelta(hours=hours),
                    break_minutes=30 if person % 5 else 0,  # some break the break rule
                )
            )
    return entries


def test_fifty_employees_by_thirty_one_days_paint_at_1024_by_600(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    today = date(2024, 5, 20)
    now = datetime(2024, 5, 20, 16, tzinfo=UTC)
    entries = big_team(50, today)
    balances = compute_balances(MAY, entries, zone=BERLIN, now=now, model=BERLIN_MODEL)
    findings = find_all(entries, zone=BERLIN, now=now, state="BE", days=MAY)
    overview = build_overview(balances, findings, today=today, user=None)
    assert len(overview.rows) == 50 and findings
    dialog = opened(qtbot, window, dialogs)
    dialog.resize(1024, 600)
    dialog.canvas.set_overview(overview)
    qtbot.wait(10)

    image = grab(dialog.canvas)

    assert dialog.canvas.width() <= 1024
    assert image.height() >= 50 * dialog.canvas.fontMetrics().height()  # a row each, scrolled
    assert has_colour(image, TODAY) and has_colour(image, FLAG)
    dialog.canvas.setFocus()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_End)
    assert dialog.canvas.current == (0, 30)
    last = dialog.canvas.cell_rect(49, 30)
    assert dialog.canvas.cell_at(QPointF(last.center())) == (49, 30)


def test_one_employee_s_month_paints_bars_at_1024_by_600(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    dialog = opened(qtbot, window, dialogs)
    dialog.resize(1024, 600)
    qtbot.wait(10)

    image = grab(dialog.canvas)

    overview = dialog.canvas.overview
    assert overview is not None and overview.rows[0].user == "hansm"
    assert has_colour(image, TODAY) and has_colour(image, FLAG)
    assert image.width() <= 1024 and image.height() > 150
