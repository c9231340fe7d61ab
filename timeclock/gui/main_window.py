"""The main window: the time clock on top, the attendance list below."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.attendance import Attendance
from timeclock.domain.matching import same_user
from timeclock.domain.ranges import DayRange
from timeclock.domain.totals import worked_on
from timeclock.gui.employee_summary import USER_ROLE, EmployeeSummaryModel, SummaryColumn
from timeclock.gui.filter_bar import FilterBar
from timeclock.gui.footer_balance import FooterBalance
from timeclock.gui.formatting import time_text
from timeclock.gui.message_bar import MessageBar
from timeclock.gui.messages import also_open_message, explain, held_message, seen_list_note
from timeclock.gui.models import ENTRY_ROLE, AttendanceModel, Column
from timeclock.gui.session import ClockSession, ConnectionState
from timeclock.gui.stamp_panel import StampPanel
from timeclock.gui.status_widgets import ConnectionHeader, StatusFooter
from timeclock.gui.summary_balance import SummaryBalance
from timeclock.gui.tasks import Failure, TaskRunner
from timeclock.gui.text_width import TextWidths
from timeclock.services.changes import Listing
from timeclock.services.desk import OutboxItem
from timeclock.services.directory import DirectoryUnavailable, EmployeeDirectory
from timeclock.services.stamping import Status

log = logging.getLogger(__name__)

TICK_MILLISECONDS = 60_000  # the clock shows minutes
# How long after a list is shown the footer reads its balance (after the list's paint).
BALANCE_AFTER_MS = 150


class _Solved(enum.Enum):
    """When the message in the bar stops being true, so the bar closes by itself."""

    ANSWERED = enum.auto()  # a request failed: solved once TimeTrack gives the state again
    NOTHING_HELD = enum.auto()  # a change was held: solved once none is held any more
    NOTHING_WAITS = enum.auto()  # a change was saved here: solved once nothing waits
    NOTHING_ALSO_OPEN = enum.auto()  # another open entry: solved once it is closed or gone


class MainWindow(QMainWindow):
    """Stamping, the attendance list with filters and totals, and the entry actions.

    The entry, delete and settings dialogs open through the ``open_*_dialog`` hooks
    (set by :class:`~timeclock.gui.window_dialogs.WindowDialogs`); the window itself never
    blocks on one.
    """

    language_requested = Signal(str)  # "" (the system's), "de" or "en"
    closed = Signal()  # closed for good (not hidden to the tray): workers stopped

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        window_state: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.zone = zone
        self.window_state = window_state
        self.setWindowTitle(self.tr("TimeClock"))
        # Big lists are built and sorted in a thread of their own, beside the API worker.
        self._list_runner = TaskRunner(self, name="timeclock-list")
        self.model = AttendanceModel(
            zone,
            session.now,
            self,
            offload=lambda work, done: self._list_runner.run(work, done, self._list_failed),
        )
        self.model.shown.connect(self._list_shown)
        self._build_widgets()
        self._build_actions()
        self._connect_session(session)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MILLISECONDS)
        self._tick.timeout.connect(self._clock_moved)
        self._tick.start()
        self._offline = False
        self._list_offline = False  # the list shows what was seen before, not TimeTrack's
        # Whose entries the list shows (None: everyone's), and those the list asked for
        # last will show: the columns and the clock panel follow the list shown.
        self._list_user: str | None = session.user
        self._asked_user: str | None = session.user
        self._show_name_column()
        # The other open entries whose warning the person closed: not shown again for them.
        self._also_open_dismissed: frozenset[str] = frozenset()
        self._also_open_warned: frozenset[str] = frozenset()
        self.message_bar.closed.connect(self._message_closed)
        self._restore_window_state()
        self.open_entry_dialog: Callable[[Attendance | None], None] | None = None
        self.open_delete_dialog: Callable[[Attendance], None] | None = None
        self.open_bulk_delete_dialog: Callable[[list[Attendance]], None] | None = None
        self.open_settings_dialog: Callable[[bool], None] | None = None
        self.open_outbox_dialog: Callable[[], None] | None = None
        self.open_attention_dialog: Callable[[], None] | None = None
        self.open_overview_dialog: Callable[[], None] | None = None
        self.open_export_dialog: Callable[[], None] | None = None
        # Set by the tray (gui/tray.py): whether closing the window only hides it.
        self.keep_in_tray: Callable[[], bool] | None = None
        self._closing_for_good = False

    # -- building -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.header = ConnectionHeader(self)
        self.identity, self.connection = self.header.identity, self.header.connection
        self.message_bar = MessageBar(self)
        self.stamp_panel = StampPanel(self.zone, self)
        self.filter_bar = FilterBar(self, today=self.today)
        self.filter_bar.set_recent_users(self._recent_users())
        self._build_table()
        self._build_summary()
        self.footer = StatusFooter(self.zone, self)
        self.footer_balance = FooterBalance(
            self.session, self.zone, scope=self.list_scope, parent=self.footer
        )
        footer_layout = self.footer.layout()
        assert isinstance(footer_layout, QHBoxLayout)
        footer_layout.insertWidget(1, self.footer_balance.label, 1)  # beside the worked total
        # Target, difference and balance per employee in the subtotals: one read per load.
        self.summary_balance = SummaryBalance(
            self.session,
            self.zone,
            scope=self.list_scope,
            grouped=lambda: self.filter_bar.grouped,
            summary=self.summary_model,
            model_source=lambda: self.footer_balance.model_source(),  # noqa: PLW0108 - as set later
            parent=self,
        )
        self.model.shown.connect(self.summary_balance.reload)
        self.filter_bar.grouping_changed.connect(self.summary_balance.reload)
        self.footer.outbox_requested.connect(self.show_outbox)
        self.totals_label = self.footer.totals_label
        self.waiting_label = self.footer.waiting_label
        self.busy_indicator = self.footer.busy_indicator
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.stamp_panel)
        layout.addWidget(self.filter_bar)
        self.list_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.list_splitter.setChildrenCollapsible(False)
        self.list_splitter.addWidget(self.table)
        self.list_splitter.addWidget(self.summary)
        self.list_splitter.setStretchFactor(0, 3)
        self.list_splitter.setStretchFactor(1, 2)
        layout.addWidget(self.list_splitter, 1)
        layout.addWidget(self.footer)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.stamp_panel.stamp_button, self.stamp_panel.break_button)
        QWidget.setTabOrder(self.stamp_panel.break_button, self.filter_bar.preset)
        QWidget.setTabOrder(self.filter_bar.all_users, self.filter_bar.group)
        QWidget.setTabOrder(self.filter_bar.group, self.table)
        QWidget.setTabOrder(self.table, self.summary)
        self.filter_bar.changed.connect(self.reload_entries)
        self.filter_bar.directory_wanted.connect(self.session.load_directory)
        self.filter_bar.grouping_changed.connect(self._show_summary)
        self.stamp_panel.stamp_requested.connect(self.stamp)
        self.stamp_panel.break_requested.connect(self.toggle_break)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("attendanceTable")
        self.table.setAccessibleName(self.tr("Attendance entries"))
        self.table.setModel(self.model)  # the model sorts (its orders are kept, not redone)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)  # newest on top
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: deleted, or their break set, at once (gui/entry_actions.py).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Columns are sized by a sample of rows (fit_columns), not by measuring every row.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NOTES, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        self.table.doubleClicked.connect(self._edit_selected)

    def _build_summary(self) -> None:
        """Subtotals per employee, below the list (All users, when asked for)."""
        self.summary_model = EmployeeSummaryModel(self)
        self.summary = QTableView(self)
        self.summary.setObjectName("employeeSubtotals")
        self.summary.setAccessibleName(self.tr("Subtotals per employee"))
        self.summary.setToolTip(self.tr("Double-click an employee to show only their entries"))
        self.summary.setModel(self.summary_model)
        self.summary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setTabKeyNavigation(False)
        self.summary.setAlternatingRowColors(True)
        self.summary.verticalHeader().hide()
        self.summary.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.summary.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SummaryColumn.NAME, QHeaderView.ResizeMode.Stretch)
        self.summary.doubleClicked.connect(self._show_employee)
        self.summary.hide()

    def _build_actions(self) -> None:
        def action(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
            *,
            table: bool = False,
        ) -> QAction:
            created = QAction(text, self)
            created.setShortcut(QKeySequence(shortcut))
            if table:  # Enter and Del act on the list only, not in the filter's fields
                created.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.table.addAction(created)
            else:
                self.addAction(created)
            created.triggered.connect(slot)
            return created

        self.stamp_action = action(self.tr("Clock in/out"), "Ctrl+Return", self.stamp)
        self.break_action = action(self.tr("Start/end break"), "Ctrl+B", self.toggle_break)
        self.refresh_action = action(
            self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        self.refresh_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.new_action = action(self.tr("New entry…"), "Ctrl+N", self.new_entry)
        self.outbox_action = action(
            self.tr("Changes not yet sent…"), "Ctrl+Shift+O", self.show_outbox
        )
        self.attention_action = action(
            self.tr("Needs attention…"), "Ctrl+Shift+A", self.show_attention
        )
        self.edit_action = action(self.tr("Edit entry…"), "Return", self._edit_selected, table=True)
        self.edit_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.delete_action = action(
            self.tr("Delete entry…"),
            QKeySequence.StandardKey.Delete,
            self._delete_selected,
            table=True,
        )
        self.settings_action = action(
            self.tr("Settings…"), QKeySequence.StandardKey.Preferences, self._open_settings
        )
        # Preferences is empty on Linux and Windows: Ctrl+, there too (Cmd+, on macOS).
        self.settings_action.setShortcuts(
            [
                *QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences),
                QKeySequence("Ctrl+,"),
            ]
        )
        self.quit_action = action(
            self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close_for_good
        )
        menu = self.menuBar().addMenu(self.tr("&Clock"))
        for item in (self.stamp_action, self.break_action, self.refresh_action):
            menu.addAction(item)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.quit_action)
        entries = self.menuBar().addMenu(self.tr("&Entries"))
        for item in (self.new_action, self.edit_action, self.delete_action):
            entries.addAction(item)
        entries.addSeparator()
        entries.addAction(self.attention_action)
        entries.addAction(self.outbox_action)
        self._build_desk_menus()
        self._build_language_menu()

    def _build_desk_menus(self) -> None:
        """File > Export… (first in the bar) and View > Overview…."""
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: _call(self.open_export_dialog))
        self.overview_action = QAction(self.tr("&Overview…"), self)
        self.overview_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.overview_action.triggered.connect(lambda: _call(self.open_overview_dialog))
        self.addActions([self.export_action, self.overview_action])
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        bar.insertMenu(bar.actions()[0], file_menu)
        file_menu.addAction(self.export_action)
        bar.addMenu(self.tr("&View")).addAction(self.overview_action)

    def _build_language_menu(self) -> None:
        """Language: the system's, or German or English whatever the system says."""
        menu = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # The languages' own names, so each is found whatever language is shown now.
        for setting, name in (
            ("", self.tr("System language")),
            ("de", "Deutsch"),
            ("en", "English"),
        ):
            choice = QAction(name, self)
            choice.setCheckable(True)
            group.addAction(choice)
            menu.addAction(choice)
            choice.triggered.connect(
                lambda _checked=False, s=setting: self.language_requested.emit(s)
            )
            self.language_actions[setting] = choice

    def _connect_session(self, session: ClockSession) -> None:
        session.status_changed.connect(self._status_arrived)
        session.status_changed.connect(self._close_solved_message)
        session.status_changed.connect(self._show_also_open)
        session.entries_loaded.connect(self._entries_arrived)
        session.entry_saved.connect(self._entry_saved)
        session.entry_deleted.connect(self.model.remove)
        session.entry_deleted.connect(self._update_totals)
        session.state_changed.connect(self.header.show_state)
        session.state_changed.connect(self._back_online)
        session.problem.connect(self._show_problem)
        session.notice.connect(self._show_notice)
        session.change_held.connect(self._change_held)
        session.changes_delivered.connect(self.reload_entries)
        session.credentials_rejected.connect(self._ask_for_credentials)
        session.busy_changed.connect(self.footer.set_busy)
        session.outbox_changed.connect(self.footer.show_waiting)
        session.directory_loaded.connect(self._directory_arrived)
        self.header.show_identity(session.user, session.account.base_url)
        self.header.show_state(session.state)

    # -- what the window does -----------------------------------------------------------

    def set_language_choice(self, setting: str) -> None:
        """Tick the language in use in the Language menu."""
        self.language_actions.get(setting, self.language_actions[""]).setChecked(True)

    def start(self) -> None:
        """Show the list this desk kept at once, and ask the server for the state and the
        entries (once the window is shown)."""
        days = self.filter_bar.day_range(self.today())
        user = self.filter_bar.user_filter(self.session.user)
        if user is not None:
            self.session.show_kept_entries(user, *days.utc_bounds(self.zone))
        self.refresh()

    def refresh(self) -> None:
        """Reload the stamping state and the list."""
        self.message_bar.clear()
        self.session.refresh_status()
        self.reload_entries()

    def list_scope(self) -> tuple[DayRange, str | None]:
        """The list's local days and whose entries it shows (None: All users)."""
        return self.filter_bar.day_range(self.today()), self.filter_bar.user_filter(
            self.session.user
        )

    def reload_entries(self) -> None:
        """Load the entries the filter asks for; the old rows stay until they arrive, in
        their columns and with the clock panel saying whose they are (both change when the
        new list is shown: a change now would lay out and paint the old rows again while
        the worker reads the new ones)."""
        days = self.filter_bar.day_range(self.today())
        since, until = days.utc_bounds(self.zone)
        user = self.filter_bar.user_filter(self.session.user)
        self._asked_user = user
        self._remember_user(user)
        self.session.load_entries(user, since, until)

    def stamp(self) -> None:
        """Clock in, or out."""
        if self.stamp_panel.stamp_button.isEnabled():
            self.stamp_panel.stamp_button.setEnabled(False)  # one click, one stamp
            self.session.stamp()

    def toggle_break(self) -> None:
        """Start or end a break."""
        if self.stamp_panel.break_button.isEnabled():
            self.stamp_panel.break_button.setEnabled(False)
            self.session.toggle_break()

    def new_entry(self) -> None:
        """Open the dialog for a new entry."""
        if self.open_entry_dialog is not None:
            self.open_entry_dialog(None)

    def show_outbox(self) -> None:
        """Open the list of changes waiting on this computer."""
        if self.open_outbox_dialog is not None:
            self.open_outbox_dialog()

    def show_attention(self) -> None:
        """Open what needs correcting in the entries the list shows."""
        if self.open_attention_dialog is not None:
            self.open_attention_dialog()

    def selected_entry(self) -> Attendance | None:
        """The entry of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, Attendance) else None

    def selected_entries(self) -> list[Attendance]:
        """The entries of the selected rows, top to bottom."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self.model.entry_at(index.row()) for index in rows]

    def _edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.open_entry_dialog is not None:
            self.open_entry_dialog(entry)

    def _delete_selected(self) -> None:
        entries = self.selected_entries()
        if len(entries) > 1 and self.open_bulk_delete_dialog is not None:
            self.open_bulk_delete_dialog(entries)
        elif entries and self.open_delete_dialog is not None:
            self.open_delete_dialog(entries[0])

    def _open_settings(self) -> None:
        if self.open_settings_dialog is not None:
            self.open_settings_dialog(False)

    def _ask_for_credentials(self) -> None:
        if self.open_settings_dialog is not None:
            self.open_settings_dialog(True)

    # -- the employee directory ----------------------------------------------------------

    def _directory_arrived(self, answer: EmployeeDirectory | DirectoryUnavailable) -> None:
        self.filter_bar.set_directory(answer)
        if isinstance(answer, EmployeeDirectory):
            self.model.set_names(answer.names())  # rows shown are arranged again with them
        self._show_name_column()
        self._show_list_owner()

    def _show_name_column(self) -> None:
        """The employees' names second in All users, where the directory has them; the
        user name column then gives way (each name's tooltip is its user name), else it
        shows whenever the list is not one's own."""
        user = self._list_user
        directory = self.session.directory
        named = user is None and isinstance(directory, EmployeeDirectory) and len(directory) > 0
        self.table.setColumnHidden(Column.NAME, not named)
        self.table.setColumnHidden(Column.USER, named or user == self.session.user)

    def _show_list_owner(self) -> None:
        """The clock panel says whose entries the list shows when they are not one's own."""
        user = self._list_user
        if user is None:
            self.stamp_panel.show_list_owner("")
            return
        if user.casefold() == self.session.user.casefold():
            self.stamp_panel.show_list_owner(None)
            return
        directory = self.session.directory
        name = directory.name_of(user) if isinstance(directory, EmployeeDirectory) else user
        self.stamp_panel.show_list_owner(name if name == user else f"{name} ({user})")

    def _show_summary(self) -> None:
        """The subtotals per employee below the list, while All users asks for them."""
        grouped = self.filter_bar.grouped
        self.summary.setVisible(grouped)
        if grouped:
            self.summary_model.set_totals(self.model.totals_by_user())

    def _show_employee(self) -> None:
        """A double-click on a subtotal: that employee's entries alone."""
        rows = self.summary.selectionModel().selectedRows()
        user = rows[0].data(USER_ROLE) if rows else None
        if isinstance(user, str):
            self.filter_bar.user.setText(user)
            self.filter_bar.all_users.setChecked(False)  # reloads

    # -- what the session reports -------------------------------------------------------

    def _status_arrived(self, status: Status) -> None:
        now = self.session.now()
        today = worked_on(self.today(), status.recent, status.shift, now, self.zone)
        self.stamp_panel.show_status(status, now, today)
        self.model.set_shift(status.shift)
        self._update_totals()

    def _show_problem(self, message: str, retry: Callable[[], None] | None) -> None:
        # The session's retry repeats one request, with the filter of its time; a refresh
        # asks again for all the window shows (the status too), as the filter stands now.
        self.message_bar.show_problem(
            message,
            self.refresh if retry is not None else None,
            tag=_Solved.ANSWERED if retry is not None else None,
        )

    def _show_notice(self, message: str) -> None:
        # The session's notices say that a change was saved here while TimeTrack is away.
        self.message_bar.show_notice(message, tag=_Solved.NOTHING_WAITS)

    def _change_held(self, item: OutboxItem) -> None:
        self.message_bar.show_problem(held_message(item, self.zone), tag=_Solved.NOTHING_HELD)

    def _close_solved_message(self, status: Status) -> None:
        """A fresh status: close the bar if what it says no longer holds (TimeTrack answers
        again, or another program delivered or discarded the change it was about)."""
        tag = self.message_bar.tag
        if (
            (tag is _Solved.ANSWERED and status.offline is None)
            or (tag is _Solved.NOTHING_HELD and status.held == 0)
            or (tag is _Solved.NOTHING_WAITS and status.waiting == 0)
            or (tag is _Solved.NOTHING_ALSO_OPEN and not status.also_open)
        ):
            self.message_bar.clear()
        if status.offline is None:
            self._reload_offline_list()

    def _reload_offline_list(self) -> None:
        """TimeTrack answers again: a list shown as last seen is read anew (once)."""
        if self._list_offline:
            self._list_offline = False  # its answer says again if it is still offline
            self.reload_entries()

    def _show_also_open(self, status: Status) -> None:
        """Warn of another open entry of the user (stamped in at two desks at once), with
        a button that opens it to set its end. Shown while the bar is free (a message that
        still holds is not pushed aside) until the person closes it or the entry is dealt
        with; a new set of other open entries is warned of again."""
        others = frozenset(entry.ref for entry in status.also_open)
        if not others or others == self._also_open_dismissed:
            return
        if (
            not self.message_bar.isHidden()
            and self.message_bar.tag is not _Solved.NOTHING_ALSO_OPEN
        ):
            return  # another message still holds: this one waits for a free bar
        other = status.also_open[0]  # the oldest; the next one once it is dealt with
        self.message_bar.show_warning(
            also_open_message(other, self.zone),
            self.tr("&Open entry…"),
            lambda: self._open_entry(other),
            tag=_Solved.NOTHING_ALSO_OPEN,
        )
        self._also_open_warned = others

    def _message_closed(self, tag: object) -> None:
        if tag is _Solved.NOTHING_ALSO_OPEN:
            self._also_open_dismissed = self._also_open_warned

    def _open_entry(self, entry: Attendance) -> None:
        if self.open_entry_dialog is not None:
            self.open_entry_dialog(entry)

    def _entries_arrived(self, listing: Listing) -> None:
        self._list_offline = listing.offline is not None
        self._list_user = self._asked_user  # the session delivers the latest list asked
        if listing.offline is not None and listing.seen_at is not None:
            seen = seen_list_note(listing.seen_at, self.zone)
            self.message_bar.show_problem(
                f"{explain(listing.offline)} {seen}", self.refresh, tag=_Solved.ANSWERED
            )
        self.model.set_entries(listing.entries, listing.waiting)  # then _list_shown

    def _list_failed(self, failure: Failure) -> None:
        log.error("building the list failed: %s\n%s", failure.message, failure.details)
        self.message_bar.show_problem(failure.message, self.refresh)

    def _list_shown(self) -> None:
        # One read of the balance per list load, once the list is painted: the balance is
        # a help, and its reading would slow the list's first paint.
        QTimer.singleShot(BALANCE_AFTER_MS, self.footer_balance, self.footer_balance.reload)
        self._show_name_column()
        self._show_list_owner()
        self._show_location_column()
        self.fit_columns()
        self._update_totals()

    def _show_location_column(self) -> None:
        """The location column only when some entry has a position."""
        self.table.setColumnHidden(Column.LOCATION, not self.model.has_locations)

    def fit_columns(self) -> None:
        """Size the columns to their title and a sample of rows (the first and last ones,
        the longest user name and place): measuring every row would stall a long list."""
        bold = QFont(self.table.font())
        bold.setBold(True)  # running entries are bold: measured so, no row is cut
        widths = TextWidths(QFontMetrics(bold))
        header = self.table.horizontalHeader()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        rows = self.model.sample_rows()
        for column in Column:
            if column is Column.NOTES:
                continue  # takes the room that is left
            texts = [self.model.display_text(row, column) for row in rows]
            if column in (Column.START, Column.END):  # any row may show seconds
                texts.append(time_text(self.session.now(), self.zone, seconds=True))
            widest = widths.widest(texts)
            title = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(title, widest + padding))

    def _entry_saved(self, entry: Attendance, waiting: bool) -> None:
        if self._belongs_in_list(entry):
            self.model.upsert(entry, waiting=waiting)
        else:
            self.model.remove(entry.ref)
        self._show_location_column()
        self.fit_columns()
        self._update_totals()

    def _belongs_in_list(self, entry: Attendance) -> bool:
        user = self.filter_bar.user_filter(self.session.user)
        days = self.filter_bar.day_range(self.today())
        return (user is None or same_user(entry.user, user)) and days.contains(
            entry.start, self.zone
        )

    def _update_totals(self) -> None:
        self.footer.show_totals(self.model.totals())
        if self.filter_bar.grouped:
            self.summary_model.set_totals(self.model.totals_by_user())

    def _back_online(self, state: ConnectionState) -> None:
        """Reachable again after being offline: "cannot reach" is over, and what could not
        be asked meanwhile is asked now. (Other problems stay shown: they still hold.)"""
        was_offline = self._offline
        self._offline = state == ConnectionState.OFFLINE
        if was_offline and state == ConnectionState.ONLINE:
            self.message_bar.clear()
            self._reload_offline_list()
            status = self.session.status
            if status is None or status.offline is not None:  # shown from this desk only
                self.session.refresh_status()

    def _clock_moved(self) -> None:
        self.model.tick()
        self._update_totals()
        if self.session.status is not None:
            self._status_arrived(self.session.status)

    def today(self) -> date:
        """Today on the local clock."""
        return self.session.now().astimezone(self.zone).date()

    # -- remembered between runs --------------------------------------------------------

    def _recent_users(self) -> list[str]:
        value = self.window_state.value("recentUsers", [])
        return [str(name) for name in value] if isinstance(value, list) else []

    def _remember_user(self, user: str | None) -> None:
        if user and user != self.session.user:
            self.window_state.setValue("recentUsers", self.filter_bar.recent_users())

    def _restore_window_state(self) -> None:
        geometry = self.window_state.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_size(self.screen().availableGeometry().size()))

    def close_for_good(self) -> None:
        """Close the window and stop its workers, even where closing keeps it in the tray
        (Quit, or a new window taking its place)."""
        self._closing_for_good = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop the clock and the worker before the window goes; only hide it while the
        tray keeps TimeClock running."""
        if not self._closing_for_good and self.keep_in_tray is not None and self.keep_in_tray():
            event.ignore()
            self.hide()
            return
        self.window_state.setValue("geometry", self.saveGeometry())
        # The user field loses the focus as the window goes: that asks for no new list.
        self.filter_bar.blockSignals(True)
        for dialog in self.findChildren(QDialog):
            dialog.reject()  # their workers stop with them
        self._tick.stop()
        self._list_runner.shutdown()
        self.footer_balance.stop()
        self.summary_balance.stop()
        self.footer.stop()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()


def _call(hook: Callable[[], None] | None) -> None:
    if hook is not None:
        hook()


# The window's first size, where the screen has room for it.
DEFAULT_SIZE = QSize(980, 680)
# Room left on the screen for the window manager's frame and title bar, which Qt does not
# know before the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)


def default_size(available: QSize) -> QSize:
    """The first size of the window: :data:`DEFAULT_SIZE`, but never more than the screen
    has room for, frame included (a 1024x600 screen must show the footer and the totals)."""
    return DEFAULT_SIZE.boundedTo(available - FRAME_ALLOWANCE)
