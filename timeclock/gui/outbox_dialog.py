"""The changes saved on this computer that TimeTrack does not have yet.

Opened from the footer or the Entries menu. It lists what waits, oldest first, with the
entry each change is about; a change TimeTrack refused for good, or one that met a change
made elsewhere, is marked *held* with the reason. A held new entry or correction can be
fixed (the entry dialog opens with its values, and saving puts the fix in its place), tried
again (after the cause was fixed elsewhere) or discarded. A new entry whose answer was lost
may be on TimeTrack already: discarding looks first, and says so (then it is TimeTrack's
entry, to delete in the list) or that it may be there. "Send now" tries at once instead of
waiting for the next retry.
"""

from __future__ import annotations

import enum
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
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

from timeclock.gui.change_text import can_fix, can_retry, change_state, describe_change
from timeclock.gui.dialog_base import RememberingDialog
from timeclock.gui.formatting import day_text, time_text
from timeclock.gui.messages import discarded_message
from timeclock.gui.session import ClockSession
from timeclock.services.desk import OutboxItem
from timeclock.services.sync import Discarded

Index = QModelIndex | QPersistentModelIndex


class _Column(enum.IntEnum):
    CHANGE = 0
    QUEUED = enum.auto()
    STATE = enum.auto()


class OutboxModel(QAbstractTableModel):
    """Waiting changes, one per row."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._items: list[OutboxItem] = []

    def set_items(self, items: list[OutboxItem]) -> None:
        """Show these changes."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> OutboxItem:
        """The change in ``row``."""
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(_Column)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Change"), self.tr("Saved"), self.tr("State"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = _Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == _Column.CHANGE:
                return self.describe(item)
            if column == _Column.QUEUED:
                queued = item.queued_at
                return f"{day_text(queued, self._zone)} {time_text(queued, self._zone)}"
            return self.state(item)
        if role == Qt.ItemDataRole.ToolTipRole and item.problem:
            return item.problem
        return None

    def describe(self, item: OutboxItem) -> str:
        """What the change does, with the entry it is about, in a few words."""
        return describe_change(item, self._zone)

    @staticmethod
    def state(item: OutboxItem) -> str:
        """Waiting, or held with the reason."""
        return change_state(item)


class OutboxDialog(RememberingDialog):
    """Lists waiting changes; fix, retry or discard held ones; send now.

    Fix emits :attr:`fix_requested`; the window opens the entry dialog for it.
    """

    fix_requested = Signal(object)  # the held OutboxItem

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self.setWindowTitle(self.tr("Changes not yet on TimeTrack"))
        self.setAccessibleName(self.windowTitle())
        self.model = OutboxModel(zone, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Waiting changes"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        # What the last action did (a discarded change TimeTrack had already, say); it
        # stays while the rows reload.
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("What happened"))
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.send_button = QPushButton(self.tr("&Send now"), self)
        self.fix_button = QPushButton(self.tr("&Fix…"), self)
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        for button in (self.send_button, self.fix_button, self.retry_button, self.discard_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self._send)
        self.fix_button.clicked.connect(self._fix)
        self.retry_button.clicked.connect(self._retry)
        self.discard_button.clicked.connect(self._discard)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._fix)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.resize(640, 320)
        session.outbox_changed.connect(self.reload)
        self._selection_changed()
        self.reload()

    def reload(self) -> None:
        """Ask for the waiting changes again (in the session's worker)."""
        self._session.load_outbox(self.while_open(self._show))

    def _show(self, items: list[OutboxItem]) -> None:
        self.model.set_items(items)
        held = sum(item.stuck for item in items)
        if not items:
            self.summary.setText(self.tr("Everything is on TimeTrack."))
        else:
            self.summary.setText(
                self.tr(
                    "%n change(s) wait, %1 of them held until you decide.", "", len(items)
                ).replace("%1", str(held))
            )
        self._selection_changed()

    def show_problem(self, message: str) -> None:
        """Say why the selected change cannot be acted on."""
        self.summary.setText(message)

    def show_outcome(self, message: str) -> None:
        """Say what the last action did."""
        self.outcome.setText(message)
        self.outcome.show()

    def _selected(self) -> OutboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        item = self._selected()
        self.fix_button.setEnabled(can_fix(item))
        self.retry_button.setEnabled(can_retry(item))
        self.discard_button.setEnabled(item is not None)
        self.send_button.setEnabled(self.model.rowCount() > 0)

    def _send(self) -> None:
        self._session.deliver()

    def _fix(self) -> None:
        item = self._selected()
        if can_fix(item):
            self.fix_requested.emit(item)

    def _retry(self) -> None:
        item = self._selected()
        if can_retry(item):
            assert item is not None
            self.outcome.hide()
            self._session.release_change(item.seq)

    def _discard(self) -> None:
        item = self._selected()
        if item is not None:
            self.outcome.hide()
            self.discard_button.setEnabled(False)  # one click, one discard
            self._session.discard_change(
                item.seq, self.while_open(self._discarded), self.while_open(self._not_discarded)
            )

    def _discarded(self, discarded: Discarded | None) -> None:
        self.show_outcome(discarded_message(discarded))  # the rows reload with the status

    def _not_discarded(self, message: str) -> None:
        self.show_outcome(message)
        self._selection_changed()
