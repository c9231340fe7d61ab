"""The employee directory in the window, against the sandbox: the picker, an unknown name,
the name column and the subtotals per employee in All users, whose list the clock panel
shows, and the window without ``users`` (403, 404)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.api.staff import staffed
from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of, seed, utc, wait_idle
from timeclock.gui.employee_summary import SummaryColumn
from timeclock.gui.main_window import MainWindow
from timeclock.gui.models import ENTRY_ROLE, Column
from timeclock.sandbox import SandboxServer
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.services.directory import DirectoryUnavailable, EmployeeDirectory

MORNING = utc(2026, 3, 10, 7, 0)  # Tuesday 08:00 in Berlin


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    """The sandbox with hansm (#1001), ivan (#A-17) and lenab; emptied again after."""
    staffed(server)
    yield server
    server.directory.reset()


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(MORNING)


@pytest.fixture
def window(staff: SandboxServer, sessions: Sessions, clock: SettableClock) -> MainWindow:
    return sessions.window(account_of(staff), clock)


def after_load(qtbot: QtBot, window: MainWindow, action: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        action()
    wait_idle(qtbot, window.session)


def with_directory(qtbot: QtBot, window: MainWindow) -> EmployeeDirectory | DirectoryUnavailable:
    """Put the focus into the user field (that asks for the directory) and wait for it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    with qtbot.waitSignal(window.session.directory_loaded, timeout=WAIT) as loaded:
        window.filter_bar.user.setFocus()
    answer = loaded.args[0] if loaded.args else None
    assert isinstance(answer, EmployeeDirectory | DirectoryUnavailable)
    return answer


def offered(window: MainWindow, typed: str) -> list[str]:
    """What the picker's list shows for ``typed``."""
    completer = window.filter_bar.user.completer()
    assert completer is not None
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def shown_users(window: MainWindow) -> set[str]:
    model = window.model
    return {model.index(row, 0).data(ENTRY_ROLE).user for row in range(model.rowCount())}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Lena", ["Becker, Lena (lenab)"]),  # first name
        ("petrov", ["Petrov, Ivan (ivan · #A-17)"]),  # last name, any case
        ("1001", ["Müller, Hans (hansm · #1001)"]),  # personal number
        ("Hans Müller", ["Müller, Hans (hansm · #1001)"]),  # the full name
        ("er", ["Becker, Lena (lenab)", "Müller, Hans (hansm · #1001)"]),
    ],
)
def test_the_picker_finds_employees_by_any_of_their_names(
    qtbot: QtBot, window: MainWindow, typed: str, expected: list[str]
) -> None:
    assert isinstance(with_directory(qtbot, window), EmployeeDirectory)
    assert offered(window, typed) == expected


def test_choosing_an_employee_puts_the_user_name_in_and_shows_their_list(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer
) -> None:
    theirs = seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    seed(staff, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    with_directory(qtbot, window)
    field = window.filter_bar.user
    completer = field.completer()
    assert completer is not None
    qtbot.keyClicks(field, "petr")
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=WAIT)
    assert popup.model().index(0, 0).data() == "Petrov, Ivan (ivan · #A-17)"

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    after_load(qtbot, window, lambda: qtbot.keyClick(popup, Qt.Key.Key_Return))

    assert field.text() == "ivan"
    assert [window.model.entry_at(0).id] == [theirs]
    assert window.stamp_panel.list_owner_label.text() == (
        "The list shows the entries of Petrov, Ivan (ivan)"
    )
    assert window.filter_bar.user_note.isHidden()


def test_an_unknown_name_says_so_and_a_full_name_finds_its_user(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer
) -> None:
    seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="lenab")
    with_directory(qtbot, window)
    field, note = window.filter_bar.user, window.filter_bar.user_note

    field.setText("ivna")
    after_load(qtbot, window, field.editingFinished.emit)
    assert window.model.rowCount() == 0
    assert not note.isHidden()
    assert note.text() == "TimeTrack's directory has no user “ivna”."

    field.setText("Pet")
    after_load(qtbot, window, field.editingFinished.emit)
    assert note.text() == (
        "TimeTrack's directory has no user “Pet”. Did you mean Petrov, Ivan (ivan · #A-17)?"
    )

    field.setText("Lena Becker")  # a full name only one employee has
    after_load(qtbot, window, field.editingFinished.emit)
    assert field.text() == "lenab"
    assert note.isHidden()
    assert shown_users(window) == {"lenab"}
    assert window.filter_bar.recent_users()[0] == "lenab"


def test_all_users_shows_the_employees_name_as_the_second_column(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer
) -> None:
    ivans = seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    ghosts = seed(staff, utc(2026, 3, 4, 7, 0), utc(2026, 3, 4, 15, 0), user="ghost")
    seed(staff, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0))
    assert window.table.isColumnHidden(Column.NAME)  # one's own list
    assert window.stamp_panel.list_owner_label.text() == ""

    window.activateWindow()
    with qtbot.waitSignal(window.session.directory_loaded, timeout=WAIT):
        after_load(qtbot, window, lambda: window.filter_bar.all_users.setChecked(True))
    qtbot.waitUntil(lambda: window.model.index(0, Column.NAME).data() != "", timeout=WAIT)

    header = window.table.horizontalHeader()
    visible = [column for column in Column if not window.table.isColumnHidden(column)]
    assert sorted(visible, key=header.visualIndex)[:2] == [Column.DATE, Column.NAME]
    assert header.visualIndex(Column.NAME) == 1
    names = {
        window.model.index(row, Column.NAME).data(ENTRY_ROLE).id: window.model.index(
            row, Column.NAME
        ).data()
        for row in range(window.model.rowCount())
    }
    assert names[ivans] == "Petrov, Ivan"
    assert names[ghosts] == "ghost"  # not in the directory: the user name
    # The names take the user name column's place; each name tells its user name.
    assert window.table.isColumnHidden(Column.USER)
    row = window.model.row_of(f"id:{ivans}")
    assert row is not None
    assert window.model.index(row, Column.NAME).data(Qt.ItemDataRole.ToolTipRole) == "ivan"
    assert "Müller, Hans" in names.values()
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Employee"
    assert window.stamp_panel.list_owner_label.text() == "The list shows everyone's entries"

    # A click on the header sorts by the name.
    window.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    column = [window.model.index(row, Column.NAME).data() for row in range(3)]
    assert column == ["ghost", "Müller, Hans", "Petrov, Ivan"]


def test_subtotals_per_employee_add_up_to_the_lists_totals(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer, clock: SettableClock
) -> None:
    seed(staff, utc(2026, 3, 2, 7, 0), utc(2026, 3, 2, 15, 0), break_minutes=30)
    seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 16, 0), break_minutes=45)
    seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 12, 0), user="ivan")
    seed(staff, utc(2026, 3, 10, 6, 0), user="lenab", manual=False)  # open: counts on
    with_directory(qtbot, window)
    bar = window.filter_bar
    assert not bar.group.isVisibleTo(window)  # with All users only
    after_load(qtbot, window, lambda: bar.all_users.setChecked(True))
    assert bar.group.isVisibleTo(window)
    bar.group.setChecked(True)
    assert window.summary.isVisibleTo(window)

    def rows() -> list[list[str]]:
        model = window.summary_model
        return [
            [
                str(model.index(row, column).data())
                for column in SummaryColumn
                if column <= SummaryColumn.BREAKS
            ]
            for row in range(model.rowCount())
        ]

    qtbot.waitUntil(lambda: len(rows()) == 3, timeout=WAIT)
    assert rows() == [
        ["Becker, Lena", "lenab", "1", "1", "1:00", "0:00"],
        ["Müller, Hans", "hansm", "2", "2", "15:45", "1:15"],
        ["Petrov, Ivan", "ivan", "1", "1", "5:00", "0:00"],
    ]
    subtotals = window.summary_model.totals()
    whole = window.model.totals()
    assert sum((t.totals.worked for t in subtotals), timedelta()) == whole.worked
    assert sum((t.totals.breaks for t in subtotals), timedelta()) == whole.breaks
    assert sum(t.totals.entries for t in subtotals) == whole.entries

    clock.advance(minutes=60)  # the open entry counts on, in the subtotal too
    window._clock_moved()
    assert rows()[0][4] == "2:00"
    assert sum((t.totals.worked for t in window.summary_model.totals()), timedelta()) == (
        window.model.totals().worked
    )

    # A double-click on an employee shows their entries alone.
    index = window.summary_model.index(2, SummaryColumn.NAME)
    window.summary.selectRow(2)
    after_load(qtbot, window, lambda: window.summary.doubleClicked.emit(index))
    assert bar.user.text() == "ivan"
    assert not bar.all_users.isChecked()
    assert not window.summary.isVisibleTo(window)
    assert shown_users(window) == {"ivan"}


@pytest.mark.parametrize(
    ("quirks", "reason"),
    [
        (
            PeopleQuirks(forbidden=frozenset({"users"})),
            "No names: this API key may not read TimeTrack's employee directory (HTTP 403). "
            "Type user names.",
        ),
        (
            PeopleQuirks.without("users"),
            "No names: this TimeTrack server has no employee directory (HTTP 404). "
            "Type user names.",
        ),
    ],
    ids=["forbidden", "absent"],
)
def test_without_users_the_field_takes_user_names_and_says_why_there_are_no_names(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer, quirks: PeopleQuirks, reason: str
) -> None:
    staff.directory.quirks = quirks
    theirs = seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    answer = with_directory(qtbot, window)
    assert isinstance(answer, DirectoryUnavailable)
    bar = window.filter_bar
    assert bar.user.toolTip() == reason
    assert bar.user_note.isHidden()  # nothing to say while one's own list is shown
    assert window.message_bar.isHidden()  # no error: the window works on

    bar.user.setText("ivan")
    after_load(qtbot, window, bar.user.editingFinished.emit)
    assert [window.model.entry_at(0).id] == [theirs]  # works as before: plain user names
    assert bar.user_note.text() == reason
    assert window.stamp_panel.list_owner_label.text() == "The list shows the entries of ivan"
    assert offered(window, "iv") == ["ivan"]  # the names typed lately

    after_load(qtbot, window, lambda: bar.all_users.setChecked(True))
    assert window.table.isColumnHidden(Column.NAME)  # no names to show
    assert not window.table.isColumnHidden(Column.USER)
    assert bar.user_note.text() == reason


def test_names_that_come_after_the_list_are_shown_in_it(
    qtbot: QtBot, window: MainWindow, staff: SandboxServer
) -> None:
    seed(staff, utc(2026, 3, 3, 7, 0), utc(2026, 3, 3, 15, 0), user="ivan")
    window.model.set_names({})
    window.filter_bar.all_users.blockSignals(True)  # the list first, the names after
    window.filter_bar.all_users.setChecked(True)
    window.filter_bar.all_users.blockSignals(False)
    after_load(qtbot, window, window.reload_entries)
    assert window.model.index(0, Column.NAME).data() == "ivan"

    with_directory(qtbot, window)
    qtbot.waitUntil(
        lambda: window.model.index(0, Column.NAME).data() == "Petrov, Ivan", timeout=WAIT
    )


def test_the_rows_shown_keep_their_columns_and_owner_until_the_next_list_comes(
    qtbot: QtBot, window: MainWindow
) -> None:
    directory = with_directory(qtbot, window)
    assert isinstance(directory, EmployeeDirectory)
    owner = window.stamp_panel.list_owner_label

    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
        window.session.directory_loaded.emit(directory)  # it may come before the list
        # One's own rows are still shown: no name column, nothing said of their owner.
        assert window.table.isColumnHidden(Column.NAME)
        assert owner.text() == ""
    wait_idle(qtbot, window.session)

    assert not window.table.isColumnHidden(Column.NAME)
    assert owner.text() == "The list shows everyone's entries"
