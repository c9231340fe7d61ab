"""The rows of *Needs attention*: one finding a row, with its day, user, rule and sentence.

The sentence is the finding's own (:meth:`Finding.detail`) in the window's language: German
when the default locale is German (as :func:`~timeclock.gui.i18n.install_translators`
sets it), else English. Sorting is the model's: each column sorts by what it means (the
day as a date, the rule in the order of the rules), ties in the order of the findings.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from timeclock.domain.findings import Finding, Rule
from timeclock.domain.localtime import start_of_day
from timeclock.gui.formatting import day_text

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Finding


class FindingColumn(enum.IntEnum):
    """The columns, in order."""

    DATE = 0
    USER = enum.auto()
    RULE = enum.auto()
    DETAIL = enum.auto()


def window_language() -> str:
    """``"de"`` when the window speaks German, else ``"en"`` (the findings' two languages)."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"


class FindingsModel(QAbstractTableModel):
    """Findings, one per row, sortable by each column."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._findings: list[Finding] = []
        self._order: tuple[int, Qt.SortOrder] = (FindingColumn.DATE, Qt.SortOrder.AscendingOrder)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show these findings, in the order last asked for (:meth:`sort`)."""
        self.beginResetModel()
        self._findings = self._sorted(list(findings), *self._order)
        self.endResetModel()

    def finding_at(self, row: int) -> Finding:
        """The finding in ``row``."""
        return self._findings[row]

    def rule_name(self, rule: Rule) -> str:
        """The rule as the window names it (short, in the window's language)."""
        names: dict[Rule, Callable[[], str]] = {
            Rule.OPEN: lambda: self.tr("Not clocked out"),
            Rule.OVERLAP: lambda: self.tr("Overlap"),
            Rule.FUTURE: lambda: self.tr("In the future"),
            Rule.MAX_HOURS: lambda: self.tr("Over 10 hours"),
            Rule.BREAK: lambda: self.tr("Break too short"),
            Rule.REST: lambda: self.tr("Rest too short"),
            Rule.SUNDAY: lambda: self.tr("Sunday work"),
            Rule.HOLIDAY: lambda: self.tr("Public holiday work"),
        }
        return names[rule]()

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(FindingColumn)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Date"), self.tr("User"), self.tr("Rule"), self.tr("Detail"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(finding, FindingColumn(index.column()))
        return None

    def display_text(self, finding: Finding, column: FindingColumn) -> str:
        """What ``column`` shows of ``finding``."""
        if column is FindingColumn.DATE:
            return day_text(start_of_day(finding.date, self._zone), self._zone)
        if column is FindingColumn.USER:
            return finding.user
        if column is FindingColumn.RULE:
            return self.rule_name(finding.rule)
        return finding.detail(window_language())

    def full_text(self, finding: Finding) -> str:
        """The finding in one line: day, user, rule and the whole sentence."""
        return (
            self.tr("%1, %2, %3: %4")
            .replace("%1", self.display_text(finding, FindingColumn.DATE))
            .replace("%2", finding.user)
            .replace("%3", self.rule_name(finding.rule))
            .replace("%4", finding.detail(window_language()))
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._findings = self._sorted(self._findings, column, order)
        self.layoutChanged.emit()

    def _sorted(self, findings: list[Finding], column: int, order: Qt.SortOrder) -> list[Finding]:
        rules = list(Rule)
        keys: dict[int, Callable[[Finding], Any]] = {
            FindingColumn.DATE: lambda f: f.date,
            FindingColumn.USER: lambda f: (f.user.casefold(), f.date),
            FindingColumn.RULE: lambda f: (rules.index(f.rule), f.date),
            FindingColumn.DETAIL: lambda f: f.detail(window_language()).casefold(),
        }
        key = keys.get(column, keys[FindingColumn.DATE])
        return sorted(findings, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
