"""Subtotals per employee in the All users view: one row per employee below the list.

Grouping a hundred thousand rows inside the list (a header row per employee, rows in
between) would cost the view a tree and the model a mapping per row, and every sort would
have to keep the groups. Instead the list stays as it is and this table shows, per
employee, what the footer shows for all: entries, days, worked and break time. The
figures come from :meth:`~timeclock.services.entry_table.EntryTable.totals_by_user`,
summed when the list is built (in the worker) and kept as rows change, so this model only
ever holds one row per employee.

Target, difference and running balance per employee come from one
:func:`~timeclock.services.balance.read_balances` call for everyone per list load
(:mod:`timeclock.gui.summary_balance`), given with :meth:`EmployeeSummaryModel.set_balances`;
until they arrive (or where they cannot be read) those cells are empty. Where they were
computed on this desk (no ``work_reports``), the target's title says so.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # the balances load with the first read of them
    from timeclock.services.balance import Balances

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
    TARGET = enum.auto()
    DIFFERENCE = enum.auto()
    BALANCE = enum.auto()


# The columns read_balances fills in.
BALANCE_COLUMNS = (SummaryColumn.TARGET, SummaryColumn.DIFFERENCE, SummaryColumn.BALANCE)


def summary_title(column: SummaryColumn) -> str:
    """The header of a column, translated."""
    titles = {
        SummaryColumn.NAME: translate("EmployeeSummaryModel", "Employee"),
        SummaryColumn.USER: translate("EmployeeSummaryModel", "User"),
        SummaryColumn.ENTRIES: translate("EmployeeSummaryModel", "Entries"),
        SummaryColumn.DAYS: translate("EmployeeSummaryModel", "Days"),
        SummaryColumn.WORKED: translate("EmployeeSummaryModel", "Worked"),
        SummaryColumn.BREAKS: translate("EmployeeSummaryModel", "Breaks"),
        SummaryColumn.TARGET: translate("EmployeeSummaryModel", "Target"),
        SummaryColumn.DIFFERENCE: translate("EmployeeSummaryModel", "Difference"),
        SummaryColumn.BALANCE: translate("EmployeeSummaryModel", "Balance"),
    }
    return titles[column]


class EmployeeSummaryModel(QAbstractTableModel):
    """One row per employee of the list, by name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserTotals] = []
        # user (casefolded) -> target, difference, balance so far; from read_balances
        self._balances: dict[str, tuple[timedelta, timedelta, timedelta]] = {}
        self.computed_here = False

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

    def set_balances(self, balances: Balances | None, today: date) -> None:
        """Show each employee's target, difference and balance (the running one at the end
        of the last day up to ``today``) from ``balances``; None empties those cells."""
        figures: dict[str, tuple[timedelta, timedelta, timedelta]] = {}
        for employee in balances.employees if balances is not None else ():
            so_far = [day for day in employee.days if day.day <= today] or list(employee.days[:1])
            balance = so_far[-1].balance if so_far else timedelta()
            figures[employee.user.casefold()] = (employee.target, employee.difference, balance)
        self._balances = figures
        computed_here = balances is not None and balances.computed_here
        if computed_here != self.computed_here:
            self.computed_here = computed_here
            self.headerDataChanged.emit(
                Qt.Orientation.Horizontal, SummaryColumn.TARGET, SummaryColumn.BALANCE
            )
        if self._rows:
            self.dataChanged.emit(
                self.index(0, SummaryColumn.TARGET),
                self.index(len(self._rows) - 1, SummaryColumn.BALANCE),
            )

    def balance_of(self, user: str) -> tuple[timedelta, timedelta, timedelta] | None:
        """Target, difference and balance shown for ``user``; None while unknown."""
        return self._balances.get(user.casefold())

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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(SummaryColumn):
            return None
        column = SummaryColumn(section)
        here = self.computed_here and column in BALANCE_COLUMNS
        if role == Qt.ItemDataRole.DisplayRole:
            title = summary_title(column)
            if here and column is SummaryColumn.TARGET:
                title += " " + translate("EmployeeSummaryModel", "(computed here)")
            return title
        if role == Qt.ItemDataRole.ToolTipRole and here:
            # overview_text brings the balances' modules: loaded once figures are shown
            from timeclock.gui.overview_text import computed_here_note  # noqa: PLC0415

            return computed_here_note()
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
        if column in BALANCE_COLUMNS:
            figures = self._balances.get(row.user.casefold())
            if figures is None:
                return ""
            target, difference, balance = figures
            return {
                SummaryColumn.TARGET: hours_text(target),
                SummaryColumn.DIFFERENCE: signed_hours(difference),
                SummaryColumn.BALANCE: signed_hours(balance),
            }[column]
        texts = {
            SummaryColumn.NAME: row.name,
            SummaryColumn.USER: row.user,
            SummaryColumn.ENTRIES: str(row.totals.entries),
            SummaryColumn.DAYS: str(row.totals.days),
            SummaryColumn.WORKED: hours_text(row.totals.worked),
            SummaryColumn.BREAKS: hours_text(row.totals.breaks),
        }
        return texts[column]


def signed_hours(span: timedelta) -> str:
    """``+1:30``, ``-0:45`` or ``0:00`` (as the footer's and the overview's balance)."""
    text = hours_text(span)
    return f"+{text}" if span >= timedelta(minutes=1) else text
