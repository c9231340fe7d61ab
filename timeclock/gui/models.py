"""The attendance list as a Qt model over the services' entry table, sorted by the model.

Times show minutes; a row whose minutes do not add up to its worked time (TimeTrack keeps
seconds) shows its start and end with seconds, and says why in a tooltip: the worked time
stays TimeTrack's (:mod:`~timeclock.domain.shown_minutes`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from timeclock.domain.attendance import Attendance
from timeclock.domain.gc_pause import FREEZE_FROM, collection_paused
from timeclock.domain.shift import Shift
from timeclock.domain.shown_minutes import needs_seconds
from timeclock.domain.totals import Totals
from timeclock.gui.formatting import coordinates_text, day_text, hours_text, time_text
from timeclock.services.entry_table import (
    RUNNING_FIELDS,
    ArrangedTable,
    EntryTable,
    Field,
    Order,
    SortSpec,
    UserTotals,
    arrange,
    one_line,
    order_field,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Attendance of a row

# Up to this many entries a new list is built and sorted in the GUI thread (under 10 ms,
# well within a frame); a longer one in a worker thread, and a re-sort of one whose order
# was not made yet too. Measured (benchmarks, All users of 1,000 entries): built here, the
# window stalled 43 ms and painted after 0.13 s; built in the worker, 24 ms and 0.10 s.
SYNC_ROWS = 300

Index = QModelIndex | QPersistentModelIndex
# Runs work in a worker thread, then calls back in the GUI thread with its result.
Offload = Callable[[Callable[[], Any], Callable[[Any], None]], object]

translate = QCoreApplication.translate

Column = Field  # the list's columns, in order (:class:`~timeclock.services.entry_table.Field`)
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_SERVED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ENTRY_ROLE,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Up to this many rows kept by the view (its selection) are looked up one by one on a sort.
FEW_PERSISTENT_ROWS = 4
# The cell texts shown lately are kept (a paint asks for each again); at most this many.
TEXT_CACHE_CELLS = 4000
# The rows at either end of the list that its columns are sized by (see sample_rows).
SAMPLE_ROWS = 25


def column_title(column: Field) -> str:
    """The header of a column, translated."""
    titles = {
        Column.DATE: translate("AttendanceModel", "Date"),
        Column.NAME: translate("AttendanceModel", "Employee"),
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
    """Attendance entries, one per row, in the order the view sorts them by.

    The rows live in an :class:`~timeclock.services.entry_table.EntryTable`, which keeps
    every column's sort keys and orders; this model shows one of those orders (read
    backwards for a descending sort) and asks for nothing per row but the cells painted.
    The view's header sorts through :meth:`sort`; a list or an order too big to make at
    once is made through ``offload`` (a worker thread) and shown when it is ready.
    Open entries count up to the clock's ``now`` on each :meth:`tick`.
    """

    shown = Signal()  # a new list is in the model (at once, or when its worker is done)

    def __init__(
        self,
        zone: tzinfo,
        clock: Callable[[], datetime],
        parent: Any = None,
        *,
        offload: Offload | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self._clock = clock
        self._offload = offload
        self.sync_rows = SYNC_ROWS
        self._table = EntryTable([], (), zone, now=clock())
        self._spec = SortSpec()
        self._ascending = self._table.order_of(self._spec.field)
        self._generation = 0  # a new list or sort makes older work's results stale
        self._wanted = self._spec  # the sort asked for last (maybe still being made)
        self._texts: dict[tuple[int, Field], str] = {}  # by table row: a sort keeps them
        # The column whose order the worker makes ahead (one at a time), and how to make it
        # give way to an order a person asked for.
        self._ahead: Field | None = None
        self._stop_ahead = threading.Event()
        self._names: Mapping[str, str] = {}  # employees' names by case-folded user name

    # -- reading ------------------------------------------------------------------------

    @property
    def order_ahead(self) -> Field | None:
        """The column whose order the worker is making ahead, if any."""
        return self._ahead

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt API
        # The view asks for the index of every cell it paints. Qt's own checks the row and
        # column with rowCount and columnCount: two more calls into Python a cell.
        inside = 0 <= row < len(self._ascending) and 0 <= column < _COLUMN_COUNT
        return self.createIndex(row, column) if inside and not parent.isValid() else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ascending)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else _COLUMN_COUNT

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
        # Called for every painted cell and role: what is not served is turned away first.
        if role not in _SERVED_ROLES:
            return None
        cell = self._table_cell(index)
        return None if cell is None else self._cell(*cell, role)

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802 - Qt API
        # The item delegate asks seven roles of each cell it paints, in one call. Qt's
        # default makes that seven calls of data(); every call from Qt into Python costs
        # about as much as the answer, and waits for the interpreter lock while another
        # thread holds it. A paint of 1,000 rows beside a thread busy in Python took
        # 149 ms asked a role at a time, 21 ms asked a cell at a time, and 11 ms once
        # index() was made here too (the benchmarks' "a paint beside a busy thread").
        cell = self._table_cell(index)
        for role_data in _asked(span):
            role = role_data.role()
            value = None if cell is None or role not in _SERVED_ROLES else self._cell(*cell, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _table_cell(self, index: Index) -> tuple[int, Field] | None:
        """The table row and column a valid index of a shown row points at."""
        row = index.row()
        if not 0 <= row < len(self._ascending) or not index.isValid():
            return None
        return self._table_row(row), _COLUMNS[index.column()]

    def _cell(self, table_row: int, column: Field, role: int) -> Any:
        """What a cell holds for ``role`` (one of :data:`_SERVED_ROLES`)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(table_row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (Column.BREAK, Column.WORKED) else None
        table = self._table
        entry = table.entry(table_row)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        # The font role is all that is left.
        waiting = table.row_is_waiting(table_row)
        if entry.is_open or waiting:
            font = QFont()
            font.setBold(entry.is_open)
            font.setItalic(waiting)
            return font
        return None

    def entries(self) -> list[Attendance]:
        """The entries in row order (as the view shows them)."""
        return [self._table.entry(self._table_row(row)) for row in range(self.rowCount())]

    def entry_at(self, row: int) -> Attendance:
        """The entry in ``row``."""
        return self._table.entry(self._table_row(row))

    def is_waiting(self, ref: str) -> bool:
        """Whether the row of entry ``ref`` (:attr:`Attendance.ref`) shows a change saved
        here that TimeTrack does not have yet."""
        return self._table.is_waiting(ref)

    def row_of(self, ref: str) -> int | None:
        """The row of entry ``ref``, if it is shown."""
        table_row = self._table.row_of(ref)
        return None if table_row is None else self._row_of_table_row(table_row)

    @property
    def sort_spec(self) -> SortSpec:
        """The order the rows are in now."""
        return self._spec

    @property
    def has_locations(self) -> bool:
        """Whether some entry has a position."""
        return self._table.has_locations

    def totals(self) -> Totals:
        """The footer's totals over every row, open entries counted to the clock's now."""
        return self._table.totals(self._clock())

    def totals_by_user(self) -> list[UserTotals]:
        """:meth:`totals` per user (by name), kept as rows change: no walk over the rows."""
        return self._table.totals_by_user(self._clock())

    def set_names(self, names: Mapping[str, str]) -> None:
        """The employees' names by case-folded user name (the name column shows them, a
        user without one the user name). The name column of the rows shown takes them (a
        long list's in the worker), and so does a list still being made once it is shown."""
        self._names = names
        self._rename(self._table)  # a list being made takes them once shown (_show)

    def sample_rows(self) -> list[int]:
        """A few rows to size the columns by: the first and last :data:`SAMPLE_ROWS`, and
        those with the longest user name and the longest place (which may be anywhere)."""
        positions = _sample_positions(self._table, self._ascending)
        return sorted(self._row_of_position(position) for position in positions)

    def display_text(self, row: int, column: Column) -> str:
        """What the cell shows (without the per-call cost of :meth:`data`'s roles)."""
        return self._text(self._table_row(row), column)

    def _text(self, table_row: int, column: Column) -> str:
        """The text of a cell, made once (the columns' fitting makes those of the first
        rows, which the first paint then shows)."""
        cell = (table_row, column)
        text = self._texts.get(cell)
        if text is None:
            if len(self._texts) > TEXT_CACHE_CELLS:
                self._texts.clear()
            table = self._table
            text = self._texts[cell] = self._display(
                table, table_row, table.entry(table_row), column
            )
        return text

    def _first_texts(self, arranged: ArrangedTable) -> dict[tuple[int, Field], str]:
        """The texts of the rows a new list's columns are sized by (:meth:`sample_rows`),
        the first screenful among them: made in the worker with the list, so that neither
        the sizing nor the first paint makes them in the window's thread. Not those of open
        entries, whose times move on until the list is shown."""
        table = arranged.table
        ascending = table.order_of(arranged.spec.field)
        rows = {ascending[position] for position in _sample_positions(table, ascending)}
        return {
            (row, column): self._display(table, row, table.entry(row), column)
            for row in rows - table.open_rows
            for column in _COLUMNS
        }

    # -- changing -----------------------------------------------------------------------

    def set_entries(
        self, entries: Sequence[Attendance], waiting: Collection[str] = frozenset()
    ) -> None:
        """Show these entries instead of the current ones; ``waiting``: the references of
        those with a change not yet on TimeTrack. A long list is built in the worker and
        shown when it is ready (:attr:`shown`); the current one stays until then."""
        self._generation += 1
        generation, spec, shift = self._generation, self._wanted, self._table.shift
        names = self._names

        def build() -> ArrangedTable:
            with collection_paused() as pause:  # as for the listing it comes from
                pause.freeze = len(entries) >= FREEZE_FROM
                return arrange(
                    entries,
                    waiting,
                    self._zone,
                    spec=spec,
                    clock=self._clock,
                    shift=shift,
                    names=names,
                )

        def build_with_texts() -> tuple[ArrangedTable, dict[tuple[int, Field], str]]:
            arranged = build()
            return arranged, self._first_texts(arranged)

        if len(entries) <= self.sync_rows or self._offload is None:
            self._show(build())
        else:
            self._offload(build_with_texts, lambda made: self._arrived(generation, *made))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (the view's header asks): at once where that order is kept
        or cheap to make, else made in the worker and shown when it is ready."""
        spec = SortSpec(Column(column), order == Qt.SortOrder.DescendingOrder)
        self._wanted = spec
        kept = self._table.ascending(spec.field)
        if kept is not None or len(self._table) <= self.sync_rows or self._offload is None:
            self._reorder(spec, self._table.order_of(spec.field))
            return
        if self._ahead is not None and self._ahead == order_field(spec.field):
            return  # being made ahead already: shown when it is made (_made_ahead)
        self._stop_ahead.set()  # another column's order ahead gives way to this one
        table, field = self._table, spec.field
        self._offload(
            lambda: table.compute_order(field), lambda made: self._sorted(table, spec, made)
        )

    def upsert(self, entry: Attendance, *, waiting: bool = False) -> None:
        """Replace the row of ``entry`` (same reference), or add it, where the sort puts
        it; a change that keeps its place changes only that row."""
        table, field = self._table, self._spec.field
        self._texts.clear()
        table_row = table.row_of(entry.ref)
        if table_row is None:
            key = table.key_of(field, entry, waiting=waiting)
            position = table.position_for(field, self._ascending, table.next_row, key)
            row = len(self._ascending) - position if self._spec.descending else position
            self.beginInsertRows(QModelIndex(), row, row)
            table.put(entry, waiting=waiting)
            self.endInsertRows()
            return
        position = self._ascending.index(table_row)
        if table.stays_at(field, position, entry, waiting=waiting):
            table.put(entry, waiting=waiting)
            row = self._row_of_position(position)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return
        self._relayout(lambda: table.put(entry, waiting=waiting))

    def remove(self, ref: str) -> None:
        """Drop the row of entry ``ref``, if it is shown."""
        row = self.row_of(ref)
        if row is not None:
            self._texts.clear()
            self.beginRemoveRows(QModelIndex(), row, row)
            self._table.drop(ref)
            self.endRemoveRows()

    def set_shift(self, shift: Shift) -> None:
        """The user's shift at this desk: its open entry shows the breaks timed here."""
        self._move_on(shift)

    @property
    def shift(self) -> Shift:
        """The shift given by :meth:`set_shift`."""
        return self._table.shift

    def tick(self) -> None:
        """The clock moved on: refresh what open entries show (end and worked time)."""
        self._move_on(None)

    def _move_on(self, shift: Shift | None) -> None:
        table = self._table
        if table.open_rows:
            self._texts.clear()  # the open entries' times moved on
        if not table.open_rows or self._spec.field not in RUNNING_FIELDS:
            table.moved_on(self._clock(), shift)
            if table.open_rows:  # repaints only what is on screen
                last = self.rowCount() - 1
                self.dataChanged.emit(self.index(0, Column.END), self.index(last, Column.WORKED))
            return
        self._relayout(lambda: table.moved_on(self._clock(), shift))

    # -- plumbing -----------------------------------------------------------------------

    def _table_row(self, row: int) -> int:
        ascending = self._ascending
        return ascending[-1 - row] if self._spec.descending else ascending[row]

    def _row_of_position(self, position: int) -> int:
        return len(self._ascending) - 1 - position if self._spec.descending else position

    def _row_of_table_row(self, table_row: int) -> int:
        return self._row_of_position(self._ascending.index(table_row))

    def _arrived(
        self, generation: int, arranged: ArrangedTable, texts: dict[tuple[int, Field], str]
    ) -> None:
        if generation == self._generation:  # else a newer list was asked for meanwhile
            self._show(arranged, texts)

    def _show(
        self, arranged: ArrangedTable, texts: dict[tuple[int, Field], str] | None = None
    ) -> None:
        self._stop_ahead.set()  # the old list's orders are not needed any more
        self._ahead = None
        self.beginResetModel()
        self._texts = texts or {}
        shift = self._table.shift  # the latest: it may have come while the list was built
        self._let_go(self._table)
        self._table = arranged.table
        self._table.moved_on(self._clock(), shift)
        self._spec = arranged.spec
        self._ascending = self._table.order_of(arranged.spec.field)
        self.endResetModel()
        self.shown.emit()
        self._rename(self._table)  # names that came while it was made
        if self._wanted != self._spec:  # the header was clicked while the list was made
            self.sort(self._wanted.field, _qt_order(self._wanted))
        self._make_orders_ahead()

    def _let_go(self, table: EntryTable) -> None:
        """A long list shown no more is emptied by the worker, a slice at a time (after
        the work queued for it, which finds it is not shown and stops)."""
        if self._offload is not None and len(table) > self.sync_rows:
            self._offload(table.release, _released)

    def _rename(self, table: EntryTable) -> None:
        """Give ``table`` the names of :meth:`set_names`, if it has others."""
        names = self._names
        if table.names is names or not len(table):
            return
        if len(table) <= self.sync_rows or self._offload is None:
            self._renamed(table, names, table.compute_names(names))
        else:
            self._offload(
                lambda: table.compute_names(names),
                lambda made: self._renamed(table, names, made),
            )

    def _renamed(
        self, table: EntryTable, names: Mapping[str, str], made: tuple[int, list[Any]]
    ) -> None:
        if table is not self._table or names is not self._names:
            return  # another list, or other names, since
        if not table.install_names(names, *made):
            self._rename(table)  # rows changed meanwhile: again
            return
        self._texts.clear()
        if self.rowCount():
            last = self.index(self.rowCount() - 1, Column.NAME)
            self.dataChanged.emit(self.index(0, Column.NAME), last)
        if order_field(self._wanted.field) == Column.NAME:  # sorted by the old names
            self.sort(self._wanted.field, _qt_order(self._wanted))
        self._make_orders_ahead()

    def _make_orders_ahead(self) -> None:
        """Make the other columns' orders of a long list in the worker, one at a time, so
        that a click on any header later sorts at once.

        A click on a column whose order is not made yet must not wait for another
        column's: the one being made ahead then stops at its next pause point (and is made
        again later), while one being made for the clicked column is shown once made.
        """
        table = self._table
        missing = table.missing_orders()
        if self._offload is None or len(table) <= self.sync_rows or not missing:
            return
        if self._ahead is not None:
            return  # one at a time
        field, stop = missing[0], threading.Event()
        self._ahead, self._stop_ahead = field, stop

        def made(result: tuple[int, Order] | None) -> None:
            if self._stop_ahead is stop:
                self._ahead = None
            if table is not self._table:
                return  # a new list came meanwhile
            if result is not None and table.install_order(field, *result):
                wanted = self._wanted
                if wanted != self._spec and order_field(wanted.field) == field:
                    self._reorder(wanted, table.order_of(field))  # clicked while made
            elif self._wanted != self._spec and order_field(self._wanted.field) == field:
                self.sort(self._wanted.field, _qt_order(self._wanted))  # rows changed
            if not stop.is_set():  # a stopped one goes on once the clicked order is made
                self._make_orders_ahead()

        self._offload(lambda: table.compute_order(field, stop.is_set), made)

    def _sorted(self, table: EntryTable, spec: SortSpec, made: tuple[int, Order] | None) -> None:
        if table is not self._table or made is None:
            return  # another list since
        version, order = made
        if spec != self._wanted:  # another sort asked for since: keep this order for later
            table.install_order(spec.field, version, order)
            self._make_orders_ahead()
            return
        if not table.install_order(spec.field, version, order):
            self.sort(spec.field, _qt_order(spec))  # rows changed meanwhile: again
            return
        self._reorder(spec, order)
        self._make_orders_ahead()  # where it gave way to this one

    def _reorder(self, spec: SortSpec, ascending: Order) -> None:
        def switch() -> None:
            self._spec, self._ascending = spec, ascending

        self._relayout(switch)

    def _relayout(self, change: Callable[[], object]) -> None:
        """Make ``change`` (rows move, none come or go) with the layout signals, keeping
        the view's selection and current row on their entries."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        table_rows = [self._table_row(index.row()) for index in persistent]
        change()
        rows = self._rows_of_table_rows(set(table_rows))
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows[table_row], index.column())
                for index, table_row in zip(persistent, table_rows, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _rows_of_table_rows(self, table_rows: set[int]) -> dict[int, int]:
        """The rows now showing ``table_rows``: a search each for a few, else one pass."""
        if len(table_rows) <= FEW_PERSISTENT_ROWS:
            return {table_row: self._row_of_table_row(table_row) for table_row in table_rows}
        positions = {
            table_row: position
            for position, table_row in enumerate(self._ascending)
            if table_row in table_rows
        }
        return {table_row: self._row_of_position(pos) for table_row, pos in positions.items()}

    # -- presentation -------------------------------------------------------------------

    def _display(self, table: EntryTable, table_row: int, entry: Attendance, column: Field) -> str:
        """The text of a cell of ``table`` (the one shown, or one a worker makes)."""
        zone = self._zone
        if column == Column.DATE:
            return day_text(entry.start, zone)
        if column == Column.NAME:
            return table.name(table_row)
        if column == Column.START:
            return time_text(entry.start, zone, seconds=needs_seconds(entry))
        if column == Column.END:
            return (
                translate("AttendanceModel", "running")
                if entry.is_open
                else time_text(entry.end, zone, seconds=needs_seconds(entry))
            )
        if column == Column.BREAK:
            return hours_text(table.break_time(table_row))
        if column == Column.WORKED:
            return hours_text(table.worked(table_row))
        if column == Column.NOTES:
            return one_line(entry.notes)
        if column == Column.SOURCE:
            source = (
                translate("AttendanceModel", "manual")
                if entry.manual
                else translate("AttendanceModel", "time clock")
            )
            if table.row_is_waiting(table_row):
                return translate("AttendanceModel", "%1, not yet sent").replace("%1", source)
            return source
        if column == Column.LOCATION:
            return _location_text(entry)
        return entry.user

    def _tooltip(self, entry: Attendance, column: Field) -> str | None:
        if self._table.is_waiting(entry.ref) and column in (Column.DATE, Column.SOURCE):
            return translate(
                "AttendanceModel",
                "Saved on this computer, not yet on TimeTrack: it is sent as soon as "
                "TimeTrack can be reached.",
            )
        if column == Column.NOTES and entry.notes:
            return entry.notes
        if column == Column.NAME:
            return entry.user
        if column == Column.END and entry.is_open:
            return translate("AttendanceModel", "Clocked in, not yet clocked out")
        if column in (Column.START, Column.END, Column.WORKED) and needs_seconds(entry):
            return translate(
                "AttendanceModel",
                "TimeTrack keeps this entry to the second and counts the worked time from "
                "the seconds, so the times are shown with them here.",
            )
        return None


def _sample_positions(table: EntryTable, ascending: Order) -> set[int]:
    """The positions in ``ascending`` (an order of ``table``) that the columns are sized
    by: the first and last :data:`SAMPLE_ROWS`, whichever way the list is shown, and those
    of the longest user name and the longest place (which may be anywhere)."""
    rows, count = len(ascending), SAMPLE_ROWS
    ends = {*range(min(count, rows)), *range(max(0, rows - count), rows)}
    return ends | {ascending.index(row) for row in table.widest_rows()}


def _asked(span: QModelRoleDataSpan | QModelRoleData) -> Iterable[QModelRoleData]:
    """The roles :meth:`AttendanceModel.multiData` is asked for (a span is a sequence of
    them; PySide's stubs do not say so)."""
    return (span,) if isinstance(span, QModelRoleData) else cast("Iterable[QModelRoleData]", span)


def _released(_nothing: None) -> None:
    """A table was emptied (:meth:`AttendanceModel._let_go`): nothing more to do."""


def _qt_order(spec: SortSpec) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if spec.descending else Qt.SortOrder.AscendingOrder


def _location_text(entry: Attendance) -> str:
    places = [
        coordinates_text(location.latitude, location.longitude)
        for location in (entry.start_location, entry.end_location)
        if location is not None
    ]
    return " → ".join(places)
