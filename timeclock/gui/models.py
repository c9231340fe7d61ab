"""The attendance list as a Qt model: rows of entries, a proxy that sorts them."""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import Shift
from timeclock.gui.formatting import coordinates_text, day_text, hours_text, time_text

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Attendance of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (numbers, instants)

Index = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate


class Column(enum.IntEnum):
    """The list's columns, in order."""

    DATE = 0
    START = enum.auto()
    END = enum.auto()
    BREAK = enum.auto()
    WORKED = enum.auto()
    NOTES = enum.auto()
    SOURCE = enum.auto()
    LOCATION = enum.auto()
    USER = enum.auto()


def column_title(column: Column) -> str:
    """The header of a column, translated."""
    titles = {
        Column.DATE: translate("AttendanceModel", "Date"),
        Column.START: translate("AttendanceModel", "Start"),
        Column.END: translate("AttendanceModel", "End"),
        Column.BREAK: translate("AttendanceModel", "Break"),
        Column.WORKED: translate("AttendanceModel", "Worked"),
        Column.NOTES: translate("AttendanceModel", "Notes"),
        Column.SOURCE: translate("AttendanceModel", "Source"),
        Column.LOCATION: translate("AttendanceModel", "Location"),
        Column.USER: translate("AttendanceModel", "User"),
    }
    return titles[column]


class AttendanceModel(QAbstractTableModel):
    """Attendance entries, one per row; open entries count up to the clock's ``now``."""

    def __init__(self, zone: tzinfo, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._clock = clock
        self._entries: list[Attendance] = []
        self._waiting: set[str] = set()  # refs of rows with a change not yet on TimeTrack
        self._shift = Shift(None)

    # -- reading ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return column_title(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.FontRole and (entry.is_open or self.is_waiting(entry.ref)):
            font = QFont()
            font.setBold(entry.is_open)
            font.setItalic(self.is_waiting(entry.ref))
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.BREAK,
            Column.WORKED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def entries(self) -> list[Attendance]:
        """The entries in model order."""
        return list(self._entries)

    def entry_at(self, row: int) -> Attendance:
        """The entry in ``row``."""
        return self._entries[row]

    def is_waiting(self, ref: str) -> bool:
        """Whether the row of entry ``ref`` (:attr:`Attendance.ref`) shows a change saved
        here that TimeTrack does not have yet."""
        return ref in self._waiting

    def row_of(self, ref: str) -> int | None:
        """The row of entry ``ref``, if it is shown."""
        return next((row for row, e in enumerate(self._entries) if e.ref == ref), None)

    # -- changing -----------------------------------------------------------------------

    def set_entries(
        self, entries: Sequence[Attendance], waiting: Collection[str] = frozenset()
    ) -> None:
        """Show these entries instead of the current ones; ``waiting``: the references of
        those with a change not yet on TimeTrack."""
        self.beginResetModel()
        self._entries = list(entries)
        self._waiting = set(waiting)
        self.endResetModel()

    def upsert(self, entry: Attendance, *, waiting: bool = False) -> None:
        """Replace the row of ``entry`` (same reference), or append it; only that row
        changes."""
        if waiting:
            self._waiting.add(entry.ref)
        else:
            self._waiting.discard(entry.ref)
        row = self.row_of(entry.ref)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
            self._entries.append(entry)
            self.endInsertRows()
            self._contents_changed()
            return
        self._entries[row] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self._contents_changed()

    def _contents_changed(self) -> None:
        """Let views size their columns to the new contents again: a header in
        ``ResizeToContents`` mode measures anew on this signal, not on new or changed rows."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def remove(self, ref: str) -> None:
        """Drop the row of entry ``ref``, if it is shown."""
        self._waiting.discard(ref)
        row = self.row_of(ref)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()

    def set_shift(self, shift: Shift) -> None:
        """The user's shift at this desk: its open entry shows the breaks timed here."""
        self._shift = shift
        self.tick()

    @property
    def shift(self) -> Shift:
        """The shift given by :meth:`set_shift`."""
        return self._shift

    def tick(self) -> None:
        """The clock moved on: refresh what open entries show (end and worked time)."""
        for row, entry in enumerate(self._entries):
            if entry.is_open:
                self.dataChanged.emit(self.index(row, Column.END), self.index(row, Column.WORKED))

    # -- presentation -------------------------------------------------------------------

    def _display(self, entry: Attendance, column: Column) -> str:
        zone = self._zone
        if column == Column.DATE:
            return day_text(entry.start, zone)
        if column == Column.START:
            return time_text(entry.start, zone)
        if column == Column.END:
            return (
                translate("AttendanceModel", "running")
                if entry.is_open
                else time_text(entry.end, zone)
            )
        if column == Column.BREAK:
            return hours_text(self._shift.break_in(entry, self._clock()))
        if column == Column.WORKED:
            return hours_text(self._shift.worked_in(entry, self._clock()))
        if column == Column.NOTES:
            return " ".join(entry.notes.split())
        if column == Column.SOURCE:
            source = (
                translate("AttendanceModel", "manual")
                if entry.manual
                else translate("AttendanceModel", "time clock")
            )
            if self.is_waiting(entry.ref):
                return translate("AttendanceModel", "%1, not yet sent").replace("%1", source)
            return source
        if column == Column.LOCATION:
            return _location_text(entry)
        return entry.user

    def _sort_key(self, entry: Attendance, column: Column) -> Any:
        if column in (Column.DATE, Column.START):
            return entry.start.timestamp()
        if column == Column.END:
            return (self._clock() if entry.is_open else entry.end).timestamp()
        if column == Column.BREAK:
            return self._shift.break_in(entry, self._clock()).total_seconds()
        if column == Column.WORKED:
            return self._shift.worked_in(entry, self._clock()).total_seconds()
        return self._display(entry, column).casefold()

    def _tooltip(self, entry: Attendance, column: Column) -> str | None:
        if self.is_waiting(entry.ref) and column in (Column.DATE, Column.SOURCE):
            return translate(
                "AttendanceModel",
                "Saved on this computer, not yet on TimeTrack: it is sent as soon as "
                "TimeTrack can be reached.",
            )
        if column == Column.NOTES and entry.notes:
            return entry.notes
        if column == Column.END and entry.is_open:
            return translate("AttendanceModel", "Stamped in, not yet stamped out")
        return None


def _location_text(entry: Attendance) -> str:
    places = [
        coordinates_text(location.latitude, location.longitude)
        for location in (entry.start_location, entry.end_location)
        if location is not None
    ]
    return " → ".join(places)


class AttendanceProxy(QSortFilterProxyModel):
    """Sorts the list by the model's sort keys (instants and numbers, not display text)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
