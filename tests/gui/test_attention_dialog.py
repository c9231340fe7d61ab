"""*Needs attention* in the window, on the sandbox with the demo office's entries.

The view lists the findings of the list's user or of everyone over the list's days, looks
again when the list reloads, opens the entry dialog for a finding, speaks the window's
language, and does its work in a thread of its own while the window goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.helpers import BERLIN, WAIT, Sessions, SettableClock, account_of
from timeclock.domain.findings import Finding, Rule
from timeclock.domain.holidays import UnknownStateError
from timeclock.domain.ranges import DayRange
from timeclock.gui import i18n
from timeclock.gui.attention_dialog import NeedsAttentionDialog
from timeclock.gui.attention_model import FINDING_ROLE, FindingColumn
from timeclock.gui.entry_dialog import EntryDialog
from timeclock.gui.formatting import day_text, wall_datetime
from timeclock.gui.main_window import MainWindow
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import AttendancePatch, SandboxServer, load_demo_data

TODAY = date(2026, 12, 3)  # a Thursday
NOW = datetime.combine(TODAY, time(11), BERLIN)
SINCE_THE_HOLIDAY = DayRange(date(2026, 10, 1), TODAY)  # 3 October is the last one in BE


@pytest.fixture
def demo_server(server: SandboxServer) -> SandboxServer:
    load_demo_data(server.store, TODAY, now=NOW)
    return server


@pytest.fixture
def window(sessions: Sessions, demo_server: SandboxServer) -> MainWindow:
    return sessions.window(account_of(demo_server), SettableClock(NOW))


@pytest.fixture
def dialogs(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
        state="BE",
    )


def opened(qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs) -> NeedsAttentionDialog:
    """Open the view from the window's menu action and wait for its first look."""
    window.attention_action.trigger()
    dialog = dialogs.attention_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.looking, timeout=WAIT)
    return dialog


def show_everyone_since_the_holiday(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.set_custom_range(SINCE_THE_HOLIDAY)


def shown_day(day: date) -> str:
    """A day as the window writes it in its locale."""
    return day_text(datetime.combine(day, time(12), BERLIN), BERLIN)


def rows(dialog: NeedsAttentionDialog) -> list[tuple[str, str]]:
    """(user, rule) of each row, as shown."""
    model = dialog.model
    return [
        (
            model.index(row, FindingColumn.USER).data(),
            model.finding_at(row).rule.value,
        )
        for row in range(model.rowCount())
    ]


def test_the_view_lists_the_demo_s_findings_of_everyone_over_the_shown_days(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    show_everyone_since_the_holiday(qtbot, window)

    dialog = opened(qtbot, window, dialogs)

    assert dialog.isVisible() and not dialog.isModal()
    assert rows(dialog) == [
        ("tobiasw", "holiday"),
        ("mehmety", "sunday"),
        ("annak", "overlap"),
        ("hansm", "max-hours"),
        ("hansm", "break"),
        ("ivan", "open"),
        ("lenab", "rest"),
    ]
    model = dialog.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert model.index(0, FindingColumn.DATE).data() == shown_day(date(2026, 10, 3))
    assert model.index(5, FindingColumn.RULE).data() == "Not clocked out"
    assert model.index(5, FindingColumn.DETAIL).data() == (
        "Open since Wed 2026-12-02 08:04: not stamped out."
    )
    assert dialog.summary.text() == (
        f"7 findings for all users from {shown_day(date(2026, 10, 1))} to {shown_day(TODAY)}."
    )
    assert dialog.holidays_note.isHidden()
    assert dialog.detail.text() == (  # the first row is selected: its whole sentence
        f"{shown_day(date(2026, 10, 3))}, tobiasw, Public holiday work: Work on a public "
        "holiday in BE, German Unity Day (09:00-13:02; ArbZG §9)."
    )
    for widget in (dialog.table, dialog.open_button, dialog.refresh_button, dialog.summary):
        assert widget.accessibleName()


def test_the_view_follows_the_list_when_it_reloads(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    dialog = opened(qtbot, window, dialogs)  # the demo user's own entries, this month
    assert rows(dialog) == [("hansm", "max-hours"), ("hansm", "break")]

    show_everyone_since_the_holiday(qtbot, window)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 7 and not dialog.looking, timeout=WAIT)

    window.filter_bar.user.setText("lenab")
    window.filter_bar.all_users.setChecked(False)
    qtbot.waitUntil(lambda: rows(dialog) == [("lenab", "rest")], timeout=WAIT)
    assert "lenab" in dialog.summary.text()


def test_an_entry_corrected_elsewhere_leaves_the_view_when_the_list_reloads(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, demo_server: SandboxServer
) -> None:
    show_everyone_since_the_holiday(qtbot, window)
    dialog = opened(qtbot, window, dialogs)
    (open_finding,) = [f for f in findings(dialog) if f.rule is Rule.OPEN]
    entry = open_finding.entries[0]
    assert entry.id is not None

    demo_server.store.update(entry.id, AttendancePatch(end=entry.start + timedelta(hours=6)))
    window.refresh()

    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6 and not dialog.looking, timeout=WAIT)
    assert Rule.OPEN not in {f.rule for f in findings(dialog)}


def findings(dialog: NeedsAttentionDialog) -> list[Finding]:
    return [dialog.model.finding_at(row) for row in range(dialog.model.rowCount())]


def test_sorting_by_user_and_by_rule(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    show_everyone_since_the_holiday(qtbot, window)
    dialog = opened(qtbot, window, dialogs)

    dialog.table.sortByColumn(FindingColumn.USER, Qt.SortOrder.AscendingOrder)
    assert [user for user, _ in rows(dialog)] == [
        "annak", "hansm", "hansm", "ivan", "lenab", "mehmety", "tobiasw",
    ]  # fmt: skip
    dialog.table.sortByColumn(FindingColumn.RULE, Qt.SortOrder.DescendingOrder)
    assert [rule for _, rule in rows(dialog)] == [
        "holiday", "sunday", "rest", "break", "max-hours", "overlap", "open",
    ]  # fmt: skip


def test_a_double_click_opens_the_entry_dialog_with_the_open_entry_to_end(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    show_everyone_since_the_holiday(qtbot, window)
    dialog = opened(qtbot, window, dialogs)
    row = next(r for r in range(dialog.model.rowCount()) if rows(dialog)[r][1] == "open")
    finding = dialog.model.index(row, 0).data(FINDING_ROLE)

    rect = dialog.table.visualRect(dialog.model.index(row, FindingColumn.DETAIL))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    (entry_dialog,) = dialog.findChildren(EntryDialog)
    assert entry_dialog.isVisible()
    assert entry_dialog.windowTitle() == "Edit entry"
    assert entry_dialog.user_edit.text() == "ivan"
    start = finding.entries[0].start.astimezone(BERLIN).replace(tzinfo=None, second=0)
    assert wall_datetime(entry_dialog.start_edit.dateTime()) == start
    assert wall_datetime(entry_dialog.end_edit.dateTime()) == start  # no end yet
    assert entry_dialog.focusWidget() is entry_dialog.end_edit  # the end is to be filled in
    entry_dialog.reject()


def test_open_entry_opens_the_first_entry_of_a_rest_finding(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    window.filter_bar.user.setText("lenab")
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.user.editingFinished.emit()
    dialog = opened(qtbot, window, dialogs)
    assert dialog.open_button.isEnabled()  # the first finding is selected

    dialog.open_button.click()

    (entry_dialog,) = dialog.findChildren(EntryDialog)
    late = dialog.model.finding_at(0).entries[0]
    end = late.end.astimezone(BERLIN).replace(tzinfo=None, second=0)
    assert wall_datetime(entry_dialog.end_edit.dateTime()) == end  # the late shift, 22:15
    assert end.time() == time(22, 15)
    entry_dialog.reject()


def test_the_menu_opens_one_view_and_the_window_closes_it(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs
) -> None:
    assert window.attention_action.shortcut().toString() == "Ctrl+Shift+A"
    first = opened(qtbot, window, dialogs)
    window.attention_action.trigger()
    assert dialogs.attention_dialog is first

    first.reject()
    assert dialogs.attention_dialog is None


# -- the worker -------------------------------------------------------------------------------


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a look in the worker until set (set at the end whatever happens)."""
    event = threading.Event()
    yield event
    event.set()


def test_the_look_runs_in_a_worker_while_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, gate: threading.Event, shown: list[NeedsAttentionDialog]
) -> None:
    worker_threads: list[threading.Thread] = []

    def slow_state() -> str | None:
        worker_threads.append(threading.current_thread())
        assert gate.wait(WAIT / 1000)
        return "BE"

    dialog = NeedsAttentionDialog(
        window.session,
        BERLIN,
        scope=lambda: (SINCE_THE_HOLIDAY, None),
        state=slow_state,
        parent=window,
    )
    shown.append(dialog)
    dialog.show()
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=WAIT)  # the GUI thread runs on
    assert dialog.looking and dialog.model.rowCount() == 0
    assert dialog.message.text() == "Looking for what needs attention…"
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    dialog.refresh()  # asked again while looking: once more afterwards, not twice at once
    assert len(worker_threads) == 1

    gate.set()
    qtbot.waitUntil(lambda: len(worker_threads) == 2 and not dialog.looking, timeout=WAIT)
    timer.stop()
    assert dialog.model.rowCount() == 7
    assert dialog.message.isHidden()


def test_a_failed_look_says_why_in_one_line(
    qtbot: QtBot, window: MainWindow, shown: list[NeedsAttentionDialog]
) -> None:
    def bad_state() -> str | None:
        raise UnknownStateError("the state in the settings file: 'XX' is not a German state")

    dialog = NeedsAttentionDialog(
        window.session, BERLIN, scope=lambda: (SINCE_THE_HOLIDAY, None), state=bad_state
    )
    shown.append(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.looking, timeout=WAIT)

    assert dialog.message.text() == "the state in the settings file: 'XX' is not a German state"
    assert dialog.refresh_button.isEnabled()


def test_without_a_state_the_view_says_holidays_are_not_checked(
    qtbot: QtBot, window: MainWindow, shown: list[NeedsAttentionDialog]
) -> None:
    dialog = NeedsAttentionDialog(
        window.session, BERLIN, scope=lambda: (SINCE_THE_HOLIDAY, None), state=lambda: None
    )
    shown.append(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.looking, timeout=WAIT)

    assert "holiday" not in [rule for _, rule in rows(dialog)]
    assert dialog.model.rowCount() == 6
    assert dialog.holidays_note.isVisibleTo(dialog)


# -- German -----------------------------------------------------------------------------------


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translators = i18n.install_translators(qapp, "de")
    yield
    i18n.remove_translators(qapp, translators)
    QLocale.setDefault(before)


@pytest.mark.usefixtures("german")
def test_the_view_speaks_german(
    qtbot: QtBot, window: MainWindow, shown: list[NeedsAttentionDialog]
) -> None:
    dialog = NeedsAttentionDialog(
        window.session, BERLIN, scope=lambda: (SINCE_THE_HOLIDAY, None), state=lambda: "BE"
    )
    shown.append(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.looking, timeout=WAIT)
    model = dialog.model

    assert dialog.windowTitle() == "Handlungsbedarf"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in FindingColumn] == [
        "Datum",
        "Benutzer",
        "Regel",
        "Einzelheiten",
    ]
    rule = {model.finding_at(r).rule: r for r in range(model.rowCount())}
    assert model.index(rule[Rule.OPEN], FindingColumn.RULE).data() == "Nicht ausgestempelt"
    assert model.index(rule[Rule.OPEN], FindingColumn.DETAIL).data() == (
        model.finding_at(rule[Rule.OPEN]).detail_de
    )
    assert model.index(rule[Rule.HOLIDAY], FindingColumn.DATE).data() == "Sa. 03.10.26"
    assert dialog.summary.text() == "7 Befunde für alle Benutzer vom Do. 01.10.26 bis Do. 03.12.26."
