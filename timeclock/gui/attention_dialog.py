"""*Needs attention*: what a manager must correct in the entries the window shows.

Opened from the Entries menu (Ctrl+Shift+A), it stays open beside the window (not modal)
and lists the findings (:mod:`timeclock.domain.findings`) of the list's user, or of all
users, over the list's days. The findings are read and worked out in the dialog's own
worker thread with a client of its own: the window and its stamps never wait for them. They
are looked for again whenever the list reloads or an entry is saved or deleted; a look
asked for while one runs follows it once.

Double-click (or Enter, or *Open entry…*) asks for the fix: :attr:`fix_requested` carries
the finding, and the window opens the entry dialog with its first entry (for an entry left
open, the end is what to fill in).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.findings import Finding
from timeclock.domain.ranges import DayRange
from timeclock.gui.attention_model import FINDING_ROLE, FindingColumn, FindingsModel
from timeclock.gui.balance_source import OwnClient
from timeclock.gui.dialog_base import InlineMessage, MessageKind, WorkingDialog
from timeclock.gui.formatting import day_text
from timeclock.gui.session import ClockSession
from timeclock.gui.tasks import Failure
from timeclock.services.attention import needs_attention

# What to look at: the local days and whose entries (None: everyone's).
Scope = Callable[[], tuple[DayRange, str | None]]
# The German state whose public holidays count, or None; read in the worker (it may read
# the settings file, and a bad one raises a TimeClockError worded for people).
StateSource = Callable[[], str | None]


@dataclass(frozen=True, slots=True)
class Look:
    """One look's answer: the findings and what was looked at."""

    findings: list[Finding]
    days: DayRange
    user: str | None
    state: str | None


class NeedsAttentionDialog(WorkingDialog):
    """The findings over the window's days and user, and a way to each one's fix."""

    fix_requested = Signal(object)  # the Finding whose entry to open

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        scope: Scope,
        state: StateSource,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._zone = zone
        self._scope = scope
        self._state = state
        self._client = OwnClient(lambda: session.account)
        self._looking = False
        self._look_again = False
        self.setWindowTitle(self.tr("Needs attention"))
        self.setAccessibleName(self.windowTitle())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What was looked at"))
        self.model = FindingsModel(zone, self)
        self.table = self._build_table()
        # The whole sentence of the selected finding: the column shows as much as fits.
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Selected finding"))
        self.holidays_note = QLabel(
            self.tr("Public holidays are not checked: no German state is set in the settings."),
            self,
        )
        self.holidays_note.setWordWrap(True)
        self.holidays_note.setAccessibleName(self.tr("Public holidays"))
        self.holidays_note.hide()
        self.message = InlineMessage(self.tr("Problem"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.open_button = QPushButton(self.tr("&Open entry…"), self)
        self.open_button.setAccessibleName(self.tr("Open the entry to correct it"))
        self.refresh_button = QPushButton(self.tr("&Look again"), self)
        self.refresh_button.setAccessibleName(self.tr("Look again"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.holidays_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(880, 400)
        for signal in (session.entries_loaded, session.entry_saved, session.entry_deleted):
            signal.connect(self._list_changed)
        self._selection_changed()
        self.refresh()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("findingsTable")
        table.setAccessibleName(self.tr("Findings"))
        table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(FindingColumn.DATE, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in (FindingColumn.DATE, FindingColumn.USER, FindingColumn.RULE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._open_row)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._open_selected)
        return table

    # -- looking ------------------------------------------------------------------------

    @property
    def looking(self) -> bool:
        """Whether a look is under way."""
        return self._looking

    def refresh(self) -> None:
        """Look for findings again, over the days and user the window shows now."""
        if self._looking:
            self._look_again = True  # once this look is done: the scope may have changed
            return
        days, user = self._scope()
        now = self._session.now()
        client = self._client.get()
        state_source = self._state

        def work() -> Look:
            state = state_source()
            found = needs_attention(client, days, user=user, zone=self._zone, now=now, state=state)
            return Look(found, days, user, state)

        self._looking = True
        self.refresh_button.setEnabled(False)
        self.message.show_message(self.tr("Looking for what needs attention…"), MessageKind.INFO)
        self.worker().run(work, self.while_open(self._arrived), self.while_open(self._failed))

    def _arrived(self, look: Look) -> None:
        self._looked()
        self.message.clear_message()
        self.model.set_findings(look.findings)
        self.summary.setText(self._summary(look))
        self.holidays_note.setVisible(look.state is None)
        if look.findings:
            self.table.selectRow(0)  # Enter opens the first one; the arrows move on
        self._selection_changed()

    def _failed(self, failure: Failure) -> None:
        self._looked()
        self.message.show_message(failure.message, MessageKind.ERROR)

    def _looked(self) -> None:
        self._looking = False
        self.refresh_button.setEnabled(True)
        if self._look_again:
            self._look_again = False
            self.refresh()

    def _summary(self, look: Look) -> str:
        whose = self.tr("all users") if look.user is None else look.user
        count = len(look.findings)
        if count == 0:
            text = self.tr("Nothing needs attention for %1 from %2 to %3.")
        elif count == 1:
            text = self.tr("1 finding for %1 from %2 to %3.")
        else:
            text = self.tr("%4 findings for %1 from %2 to %3.").replace("%4", str(count))
        first, last = self._day(look.days.first), self._day(look.days.last)
        return text.replace("%1", whose).replace("%2", first).replace("%3", last)

    def _day(self, day: date) -> str:
        return day_text(datetime.combine(day, time(12), self._zone), self._zone)

    def _list_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.refresh()

    # -- fixing -------------------------------------------------------------------------

    def selected_finding(self) -> Finding | None:
        """The finding of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        finding = rows[0].data(FINDING_ROLE)
        return finding if isinstance(finding, Finding) else None

    def _open_row(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.fix_requested.emit(finding)

    def _open_selected(self) -> None:
        finding = self.selected_finding()
        if finding is not None:
            self.fix_requested.emit(finding)

    def _selection_changed(self, *_args: object) -> None:
        finding = self.selected_finding()
        self.open_button.setEnabled(finding is not None)
        self.detail.setText("" if finding is None else self.model.full_text(finding))
        self.detail.setVisible(finding is not None)

    # -- closing ------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._client.stop()  # a read under way ends now: closing waits for no server
        super().done(result)  # stops the worker
        self._client.close()
