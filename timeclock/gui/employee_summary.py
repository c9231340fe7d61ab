"""Subtotals per employee in the All users view: one row per employee below the list.

Grouping a hundred thousand rows inside the list (a header row per employee, rows in
between) would cost the view a tree and the model a mapping per row, and every sort would
have to keep the groups. Instead the list stays as it is and this table shows, per
employee, what the footer shows for all: entries, days, worked and break time. The
figures come from :meth:`~timeclock.services.entry_table.EntryTable.totals_by_user`,
summed when the list is built (in the worker) and kept as rows change, so this model only
ever holds one row per employee.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from timeclock.gui.formatting import hours_text
from timeclock.services.entry_table import UserTotals

translate = QCoreApplication.translate

USER_ROLE = Qt.ItemDataRole.UserRole + 1  # the user name of a row
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class SummaryColumn(enum.IntEnum):
    """The subtotals' columns, in order."""

    NAME = 0
    USER = enum.auto()
    ENTRIES = enum.auto()
    DAYS = enum.auto()
    WORKED = enum.auto()
    BREAKS = enum.auto()


def summary_title(column: SummaryColumn) -> str:
    """The header of a column, translated."""
    titles = {
        SummaryColumn.NAME: translate("EmployeeSummaryModel", "Employee"),
        SummaryColumn.USER: translate("EmployeeSummaryModel", "User"),
        SummaryColumn.ENTRIES: translate("EmployeeSummaryModel", "Entries"),
        SummaryColumn.DAYS: translate("EmployeeSummaryModel", "Days"),
        SummaryColumn.WORKED: translate("EmployeeSummaryModel", "Worked"),
        SummaryColumn.BREAKS: translate("EmployeeSummaryModel", "Breaks"),
    }
    return titles[column]


class EmployeeSummaryModel(QAbstractTableModel):
    """One row per employee of the list, by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserTotals] = []

    def set_totals(self, rows: list[UserTotals]) -> None:
        """Show these subtotals (a new list, or the clock moved on)."""
        if [row.user for row in rows] == [row.user for row in self._rows]:
            self._rows = rows  # same employees: the figures change in place
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(SummaryColumn) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def totals(self) -> list[UserTotals]:
        """The rows shown."""
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(SummaryColumn)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(SummaryColumn)
        ):
            return summary_title(SummaryColumn(section))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = SummaryColumn(index.column())
        if role == USER_ROLE:
            return row.user
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column >= SummaryColumn.ENTRIES else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = {
            SummaryColumn.NAME: row.name,
            SummaryColumn.USER: row.user,
            SummaryColumn.ENTRIES: str(row.totals.entries),
            SummaryColumn.DAYS: str(row.totals.days),
            SummaryColumn.WORKED: hours_text(row.totals.worked),
            SummaryColumn.BREAKS: hours_text(row.totals.breaks),
        }
        return texts[column]
