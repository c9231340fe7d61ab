"""The attendance model: Qt's model checks, texts, sorting by meaning, running entries."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QModelRoleData, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.helpers import BERLIN, Paints, SettableClock, emissions, entry, utc
from timeclock.domain.attendance import Attendance, Location
from timeclock.domain.foreground import SORT_SLICE as FOREGROUND_SORT_SLICE
from timeclock.domain.shift import BreakLog, Shift
from timeclock.gui import models
from timeclock.gui.models import ENTRY_ROLE, AttendanceModel, Column
from timeclock.services.entry_table import SortSpec

NOW = utc(2026, 3, 3, 10, 0)  # Tuesday 11:00 in Berlin
BERLIN_GATE = Location(52.516275, 13.377704)
MUSEUM_ISLAND = Location(52.5169, 13.4019)

# The Qt model tester reports what it finds as Qt warnings: make them fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def closed_day() -> Attendance:
    return entry(
        1,
        utc(2026, 3, 2, 7, 0),
        utc(2026, 3, 2, 15, 30),
        break_minutes=30,
        notes="Inventur\n  Lager 2",
        start_location=BERLIN_GATE,
        end_location=MUSEUM_ISLAND,
    )


def running() -> Attendance:
    return entry(2, utc(2026, 3, 3, 8, 0))  # stamped in at 09:00, not yet out


def manual_one() -> Attendance:
    return entry(3, utc(2026, 2, 27, 12, 0), utc(2026, 2, 27, 14, 0), user="ivan", manual=True)


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(NOW)


@pytest.fixture
def model(clock: SettableClock) -> AttendanceModel:
    return AttendanceModel(BERLIN, clock)


@pytest.fixture
def german() -> Iterator[None]:
    """Qt's default locale is German for the test, and the previous one again after."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


def row(model: AttendanceModel, entry_id: int) -> int:
    found = model.row_of(f"id:{entry_id}")
    assert found is not None, f"entry {entry_id} is not shown"
    return found


def text(model: AttendanceModel, entry_id: int, column: Column) -> str:
    value = model.data(model.index(row(model, entry_id), column), Qt.ItemDataRole.DisplayRole)
    assert isinstance(value, str)
    return value


def ids_in_order(model: AttendanceModel) -> list[int | None]:
    return [model.index(row, 0).data(ENTRY_ROLE).id for row in range(model.rowCount())]


def test_the_model_passes_qts_model_checks_through_every_change(
    qtmodeltester: ModelTester, model: AttendanceModel, clock: SettableClock
) -> None:
    qtmodeltester.check(model)  # watches the model from here on
    model.set_entries([closed_day(), running(), manual_one()])
    model.upsert(entry(4, utc(2026, 3, 3, 6, 0), utc(2026, 3, 3, 7, 0)))
    model.upsert(entry(2, utc(2026, 3, 3, 8, 0), utc(2026, 3, 3, 9, 0), break_minutes=5))
    model.upsert(entry(3, utc(2026, 3, 5, 8, 0), utc(2026, 3, 5, 9, 0)))  # moves to the top
    model.remove("id:1")
    model.remove("id:99")  # not shown: nothing happens
    model.sort(Column.WORKED, Qt.SortOrder.AscendingOrder)
    clock.advance(minutes=1)
    model.tick()
    model.set_entries([])
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)
    # The tester's own checks run again on the final state.
    qtmodeltester.check(model)


def test_sorting_by_a_running_column_moves_rows_as_the_clock_moves(
    qtmodeltester: ModelTester, model: AttendanceModel, clock: SettableClock
) -> None:
    qtmodeltester.check(model)
    model.set_entries([closed_day(), running(), manual_one()])
    model.sort(Column.WORKED, Qt.SortOrder.DescendingOrder)
    # 8:00, then two of 2:00 (so far): equal keys the other way round from how they came.
    assert ids_in_order(model) == [1, 3, 2]
    model.upsert(entry(4, utc(2026, 3, 3, 6, 0), utc(2026, 3, 3, 16, 0)))
    assert ids_in_order(model) == [4, 1, 3, 2]
    clock.advance(hours=9)
    model.tick()  # the running entry now outworks the others: it moves up
    assert ids_in_order(model)[0] == 2
    model.remove("id:3")
    model.sort(Column.NOTES, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_a_sort_keeps_the_selected_entry_selected(model: AttendanceModel) -> None:
    """The view's selection lives in persistent indexes: a sort moves them along."""
    model.set_entries([closed_day(), running(), manual_one()])
    selected = QPersistentModelIndex(model.index(row(model, 3), Column.NOTES))

    model.sort(Column.USER, Qt.SortOrder.DescendingOrder)  # ivan first

    assert selected.row() == 0 and selected.column() == Column.NOTES
    assert selected.data(ENTRY_ROLE) == manual_one()


def test_a_sort_keeps_many_kept_rows_on_their_entries(model: AttendanceModel) -> None:
    """More kept indexes than a search each is worth: found in one pass."""
    day = utc(2026, 3, 2, 6, 0)
    entries = [entry(n, day + timedelta(days=n), user=f"u{9 - n}") for n in range(1, 9)]
    model.set_entries(entries)
    kept = {n: QPersistentModelIndex(model.index(row(model, n), Column.USER)) for n in range(1, 8)}

    model.sort(Column.USER, Qt.SortOrder.AscendingOrder)  # u1 (entry 8) first

    assert ids_in_order(model) == [8, 7, 6, 5, 4, 3, 2, 1]
    for n, index in kept.items():
        assert index.data(ENTRY_ROLE).id == n
        assert index.row() == 8 - n


def test_headers_name_every_column(model: AttendanceModel) -> None:
    titles = [
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for column in Column
    ]
    assert titles == [
        "Date", "Employee", "Start", "End", "Break", "Worked", "Notes", "Source", "Location",
        "User",
    ]  # fmt: skip


def test_a_closed_entry_shows_local_times_notes_source_and_places(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), manual_one()])
    # 07:00 UTC is 08:00 in Berlin in March (CET).
    assert text(model, 1, Column.START) == "08:00"
    assert text(model, 1, Column.END) == "16:30"
    assert text(model, 1, Column.BREAK) == "0:30"
    assert text(model, 1, Column.WORKED) == "8:00"
    assert text(model, 1, Column.NOTES) == "Inventur Lager 2"  # one line in the list
    notes = model.index(row(model, 1), Column.NOTES)
    assert notes.data(Qt.ItemDataRole.ToolTipRole) == "Inventur\n  Lager 2"  # all lines
    assert text(model, 1, Column.SOURCE) == "time clock"
    assert text(model, 3, Column.SOURCE) == "manual"
    assert text(model, 1, Column.LOCATION) == "52.5163, 13.3777 → 52.5169, 13.4019"
    assert text(model, 3, Column.LOCATION) == ""
    assert text(model, 3, Column.USER) == "ivan"
    assert model.index(row(model, 1), Column.WORKED).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(row(model, 3), 0).data(ENTRY_ROLE) == manual_one()
    assert model.data(model.index(5, 0), Qt.ItemDataRole.DisplayRole) is None  # no such row
    assert model.has_locations


@pytest.mark.usefixtures("german")
def test_dates_and_times_follow_the_locale(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), entry(5, utc(2026, 3, 2, 12, 5), utc(2026, 3, 2, 22, 0))])
    assert text(model, 1, Column.DATE) == "Mo. 02.03.26"
    assert text(model, 5, Column.START) == "13:05"
    assert text(model, 5, Column.END) == "23:00"


def test_the_default_locale_is_back_after_the_german_test() -> None:
    assert QLocale().language() != QLocale.Language.German


def test_a_running_entry_is_marked_and_grows_with_the_clock(
    qtbot: QtBot, model: AttendanceModel, clock: SettableClock
) -> None:
    model.set_entries([closed_day(), running(), manual_one()])
    assert text(model, 2, Column.END) == "running"
    end = model.index(row(model, 2), Column.END)
    assert end.data(Qt.ItemDataRole.ToolTipRole) == "Clocked in, not yet clocked out"
    for column in Column:
        font = model.index(row(model, 2), column).data(Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont)
        assert font.bold()
    assert text(model, 2, Column.WORKED) == "2:00"  # since 08:00 UTC, now 10:00 UTC

    clock.advance(minutes=95)
    changed = emissions(model.dataChanged)
    model.tick()
    # One signal for the end and worked columns: the view repaints what it shows of them.
    spans = [
        (top.row(), top.column(), bottom.row(), bottom.column()) for top, bottom, *_ in changed
    ]
    assert spans == [(0, Column.END, 2, Column.WORKED)]
    assert text(model, 2, Column.WORKED) == "3:35"
    assert text(model, 1, Column.WORKED) == "8:00"  # a closed entry does not grow
    assert model.totals().worked == timedelta(hours=8 + 2) + timedelta(hours=3, minutes=35)


def test_tick_without_running_entries_changes_nothing(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), manual_one()])
    changed = emissions(model.dataChanged)
    model.tick()
    assert changed == []


def test_upsert_changes_only_the_row_of_that_entry(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), running(), manual_one()])  # newest first: 2, 1, 3
    changed = emissions(model.dataChanged)
    inserted = emissions(model.rowsInserted)
    resets = emissions(model.modelReset)
    layouts = emissions(model.layoutChanged)
    model.upsert(entry(2, utc(2026, 3, 3, 8, 0), utc(2026, 3, 3, 9, 30), break_minutes=10))
    assert [(top.row(), bottom.row()) for top, bottom, *_ in changed] == [(0, 0)]
    assert (inserted, resets, layouts) == ([], [], [])
    assert text(model, 2, Column.END) == "10:30"

    model.upsert(entry(7, utc(2026, 3, 1, 8, 0), utc(2026, 3, 1, 9, 0)))
    assert [(parent.isValid(), first, last) for parent, first, last in inserted] == [(False, 2, 2)]
    assert ids_in_order(model) == [2, 1, 7, 3]
    assert (resets, layouts) == ([], [])


def test_an_upsert_that_changes_the_sort_key_moves_the_row(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), running(), manual_one()])
    layouts = emissions(model.layoutChanged)

    model.upsert(entry(3, utc(2026, 3, 4, 8, 0), utc(2026, 3, 4, 9, 0), user="ivan"))

    assert ids_in_order(model) == [3, 2, 1]
    assert len(layouts) == 1


def test_remove_drops_only_that_row(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), running(), manual_one()])
    removed = emissions(model.rowsRemoved)
    model.remove("id:1")
    assert [(first, last) for _parent, first, last in removed] == [(1, 1)]
    assert ids_in_order(model) == [2, 3]
    model.remove("id:1")
    assert len(removed) == 1


def test_an_entry_not_yet_sent_is_a_row_of_its_own_known_by_its_reference(
    model: AttendanceModel,
) -> None:
    """Made on this desk and waiting: no server id, so the row is known by the create's
    local reference, apart from any server entry, and marked as waiting."""
    start = utc(2026, 3, 4, 8, 0)
    pending = Attendance(id=None, user="hansm", start=start, end=start, local_ref="local:0123abcd")
    model.set_entries([closed_day(), running(), pending], waiting={pending.ref})
    removed = emissions(model.rowsRemoved)

    assert model.row_of("local:0123abcd") == 0  # the newest
    assert model.is_waiting(pending.ref) and not model.is_waiting("id:2")
    font = model.index(0, Column.START).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert model.index(0, Column.SOURCE).data() == "time clock, not yet sent"
    model.remove("local:0123abcd")
    assert [(first, last) for _parent, first, last in removed] == [(0, 0)]
    assert [e.ref for e in model.entries()] == ["id:2", "id:1"]


class CountingModel(AttendanceModel):
    """The model, counting the calls of :meth:`data` and of the counts (Qt's to Python,
    too)."""

    data_calls = 0
    count_calls = 0

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        self.data_calls += 1
        return super().data(index, role)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        self.count_calls += 1
        return super().rowCount(parent)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        self.count_calls += 1
        return super().columnCount(parent)


def painted(model: AttendanceModel, row: int, column: int) -> QStyleOptionViewItem:
    """What the list's item delegate paints in a cell: the model tells it in one call."""
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, model.index(row, column))
    return option


def test_a_painted_cell_shows_what_data_says_asked_in_one_call(clock: SettableClock) -> None:
    model = CountingModel(BERLIN, clock)
    start = utc(2026, 3, 4, 8, 0)
    pending = Attendance(id=None, user="hansm", start=start, end=start, local_ref="local:0a")
    model.set_entries([closed_day(), running(), manual_one(), pending], waiting={pending.ref})
    cells = [(line, column) for line in range(model.rowCount()) for column in Column]

    options = [painted(model, line, column) for line, column in cells]

    assert model.data_calls == 0  # the delegate asked all roles of a cell at once
    for (line, column), option in zip(cells, options, strict=True):
        index = model.index(line, column)
        font = index.data(Qt.ItemDataRole.FontRole)
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        assert option.text == index.data(), (line, column)
        assert option.font.bold() == (font is not None and font.bold()), (line, column)
        assert option.font.italic() == (font is not None and font.italic()), (line, column)
        if alignment is not None:
            assert option.displayAlignment == Qt.AlignmentFlag(alignment), (line, column)
    running_cells = [painted(model, row(model, 2), column) for column in Column]
    assert all(option.font.bold() for option in running_cells)
    pending_date = painted(model, model.row_of(pending.ref) or 0, Column.DATE)
    assert pending_date.font.italic()
    assert (
        painted(model, row(model, 1), Column.WORKED).displayAlignment & Qt.AlignmentFlag.AlignRight
    )


def test_a_cell_asked_for_one_role_at_a_time_answers_it(model: AttendanceModel) -> None:
    model.set_entries([closed_day(), running()])
    worked = model.index(row(model, 1), Column.WORKED)
    asked = [QModelRoleData(role) for role in (Qt.ItemDataRole.DisplayRole, ENTRY_ROLE)]
    unserved = QModelRoleData(Qt.ItemDataRole.DecorationRole)
    unserved.setData("left over")

    for role_data in (*asked, unserved):
        model.multiData(worked, role_data)

    assert [role_data.data() for role_data in asked] == ["8:00", closed_day()]
    assert unserved.data() is None  # cleared: the model has nothing for it


def test_a_paint_of_the_list_asks_no_cell_one_role_at_a_time_nor_the_counts(
    qtbot: QtBot, clock: SettableClock
) -> None:
    model = CountingModel(BERLIN, clock)
    model.set_entries([entry(number, NOW - timedelta(days=number)) for number in range(1, 40)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    paints = Paints(view.viewport())
    model.data_calls = model.count_calls = 0

    view.viewport().update()
    qtbot.waitUntil(lambda: paints.count > 0)

    assert view.indexAt(view.viewport().rect().center()).isValid()  # with rows
    assert model.data_calls == 0
    # Nor is a cell's index checked against the counts (a few calls for the paint).
    assert model.count_calls < view.rowAt(view.viewport().height() - 1)


def sorted_by(
    model: AttendanceModel, entries: list[Attendance], column: Column
) -> list[int | None]:
    model.set_entries(entries)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    return ids_in_order(model)


def test_worked_time_sorts_as_a_duration_not_as_text(model: AttendanceModel) -> None:
    day = utc(2026, 3, 2, 6, 0)
    entries = [
        entry(1, day, day + timedelta(hours=10)),  # "10:00"
        entry(2, day, day + timedelta(hours=9)),  # "9:00"
        entry(3, day, day + timedelta(minutes=45)),  # "0:45"
    ]
    assert sorted_by(model, entries, Column.WORKED) == [3, 2, 1]


def test_break_sorts_by_minutes_not_as_text(model: AttendanceModel) -> None:
    day = utc(2026, 3, 2, 6, 0)
    entries = [
        entry(1, day, day + timedelta(hours=12), break_minutes=120),  # "2:00"
        entry(2, day, day + timedelta(hours=12), break_minutes=600),  # "10:00"
        entry(3, day, day + timedelta(hours=12), break_minutes=15),  # "0:15"
    ]
    assert sorted_by(model, entries, Column.BREAK) == [3, 1, 2]


def test_date_and_start_sort_by_the_instant_not_as_text(model: AttendanceModel) -> None:
    entries = [
        entry(1, utc(2026, 3, 9, 8, 0), utc(2026, 3, 9, 9, 0)),  # Mon 9 03 2026
        entry(2, utc(2025, 12, 31, 8, 0), utc(2025, 12, 31, 9, 0)),  # Wed 31 12 2025
        entry(3, utc(2026, 3, 9, 7, 0), utc(2026, 3, 9, 8, 0)),  # earlier the same day
        entry(4, utc(2026, 3, 10, 1, 0), utc(2026, 3, 10, 2, 0)),  # Tue 10 03 2026
    ]
    assert sorted_by(model, entries, Column.DATE) == [2, 3, 1, 4]
    assert sorted_by(model, entries, Column.START) == [2, 3, 1, 4]


def test_a_running_entry_sorts_by_the_time_worked_so_far(
    model: AttendanceModel, clock: SettableClock
) -> None:
    entries = [running(), entry(4, utc(2026, 3, 2, 6, 0), utc(2026, 3, 2, 9, 0))]  # 2:00, 3:00
    assert sorted_by(model, entries, Column.WORKED) == [2, 4]
    clock.advance(hours=2)  # the running one has now worked 4:00
    model.tick()
    assert ids_in_order(model) == [4, 2]


class FakeWorker:
    """Stands in for the window's list thread: holds the work until the test runs it."""

    def __init__(self) -> None:
        self.queued: list[tuple[Callable[[], object], Callable[[object], None]]] = []

    def offload(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        self.queued.append((work, done))

    def run_next(self) -> None:
        work, done = self.queued.pop(0)
        done(work())

    def run_all(self) -> int:
        count = 0
        while self.queued:
            self.run_next()
            count += 1
        return count


def offloaded(clock: SettableClock, *, sync_rows: int) -> tuple[FakeWorker, AttendanceModel]:
    """A model that hands lists longer than ``sync_rows`` to a worker the test runs."""
    worker = FakeWorker()
    model = AttendanceModel(BERLIN, clock, offload=worker.offload)
    model.sync_rows = sync_rows
    return worker, model


def test_a_long_list_comes_with_the_texts_its_columns_are_sized_by(
    clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that builds a long list also makes the texts of the rows its columns
    are sized by (the first screenful among them), as the model itself would make them;
    an open entry's, whose times move on, are left to be made when shown."""
    monkeypatch.setattr(models, "SAMPLE_ROWS", 2)
    february = utc(2026, 2, 1, 7, 0)  # before the three below: the running one is newest
    entries = [
        entry(n, february + timedelta(days=n), february + timedelta(days=n, hours=8))
        for n in range(10, 20)
    ]
    entries += [closed_day(), running(), manual_one()]
    worker, model = offloaded(clock, sync_rows=1)
    model.set_entries(entries)
    worker.run_next()  # the list, with its texts
    made: list[tuple[int, Column]] = []
    display = model._display
    monkeypatch.setattr(
        model,
        "_display",
        lambda t, row, e, column: made.append((e.id, column)) or display(t, row, e, column),
    )

    sample = model.sample_rows()
    texts = {(row, column): model.display_text(row, column) for row in sample for column in Column}

    assert {model.entry_at(row).id for row in sample} >= {2, 1, 11, 10}  # both ends, running
    assert {entry_id for entry_id, _ in made} == {2}  # only the open entry's were made here
    reference = AttendanceModel(BERLIN, clock)  # a short list: made where they are shown
    reference.set_entries(entries)
    assert texts == {
        (row, column): reference.display_text(row, column) for row in sample for column in Column
    }


def test_a_long_list_shown_no_more_is_let_go_of_by_the_worker(clock: SettableClock) -> None:
    """Freeing a long list's rows at once stalled the window (18 to 25 ms for 100,000):
    the worker empties it instead, a slice at a time, once the new list is shown. A short
    one is simply dropped."""
    worker, model = offloaded(clock, sync_rows=2)
    model.set_entries([closed_day(), running(), manual_one()])
    worker.run_all()
    long_one = model._table

    model.set_entries([closed_day()])  # short: shown at once, the long one let go after
    assert ids_in_order(model) == [1]
    assert len(long_one) == 3  # not freed here
    worker.run_all()
    assert len(long_one) == 0
    assert ids_in_order(model) == [1]

    short_one = model._table
    model.set_entries([closed_day(), running(), manual_one()])
    worker.run_all()
    assert ids_in_order(model) == [2, 1, 3]
    assert len(short_one) == 1  # left to the collector, as it was


def test_a_long_list_once_built_is_left_out_of_the_collectors_walks(
    clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table of a long list lives as long as it is shown and holds no cycles: frozen
    once built, no collection walks it (a walk of the table of 100,000 entries held the
    interpreter lock 15 ms, stalling the window). A short one is left to the collector."""
    monkeypatch.setattr(models, "FREEZE_FROM", 3)
    gc.unfreeze()  # what earlier tests froze is not this test's
    try:
        worker, model = offloaded(clock, sync_rows=1)
        model.set_entries([closed_day(), running()])
        worker.run_all()  # the list, then the other columns' orders
        assert ids_in_order(model) == [2, 1]
        assert gc.get_freeze_count() == 0

        model.set_entries([closed_day(), running(), manual_one()])
        worker.run_next()
        assert ids_in_order(model) == [2, 1, 3]
        assert gc.get_freeze_count() > 0
        table = model._table
        assert not any(table is each for g in range(3) for each in gc.get_objects(g))
    finally:
        gc.unfreeze()


def test_a_big_list_is_built_and_sorted_by_the_worker_and_shown_when_ready(
    qtbot: QtBot, clock: SettableClock
) -> None:
    """Past ``sync_rows`` the list is arranged by ``offload`` (the window's list thread);
    the rows in the model change only when it is ready, and all at once. Then the worker
    makes the other columns' orders, one at a time, so that a header click sorts at once."""
    worker, model = offloaded(clock, sync_rows=2)
    shown = emissions(model.shown)
    model.set_entries([closed_day(), running(), manual_one()])
    assert model.rowCount() == 0 and shown == []

    worker.run_next()
    assert ids_in_order(model) == [2, 1, 3] and len(shown) == 1
    model.sort(Column.USER, Qt.SortOrder.AscendingOrder)  # not made yet: by the worker
    assert ids_in_order(model) == [2, 1, 3]
    made = worker.run_all()
    # Every order but the date's (the start's is the same), the user's asked for first.
    assert made == len(Column) - 2
    assert ids_in_order(model) == [1, 2, 3]  # hansm, hansm, ivan
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)  # made: at once
        assert worker.queued == []
    assert ids_in_order(model) == [3, 2, 1]


def many_days(count: int) -> list[Attendance]:
    """``count`` closed entries whose worked time and notes run against their dates."""
    first = utc(2020, 1, 1, 7, 0)
    return [
        entry(
            number,
            first + timedelta(days=number),
            first + timedelta(days=number, minutes=60 + (count - number) % 600),
            notes=f"{(count - number) % 997:03d}",
        )
        for number in range(1, count + 1)
    ]


def test_a_click_does_not_wait_for_another_columns_order_made_ahead(
    qtbot: QtBot, clock: SettableClock
) -> None:
    """A long list's orders are made ahead, one at a time; a click on a column whose order
    is not made yet stops the one being made (it is made again after), so the person waits
    for their column's order only."""
    worker, model = offloaded(clock, sync_rows=10)
    entries = many_days(FOREGROUND_SORT_SLICE + 500)  # sorted in slices, with pause points
    model.set_entries(entries)
    worker.run_next()  # the list is shown; the first order ahead is queued
    ((ahead_work, ahead_done),) = worker.queued
    assert model.order_ahead not in (None, Column.WORKED)

    model.sort(Column.WORKED, Qt.SortOrder.AscendingOrder)
    abandoned = ahead_work()
    assert abandoned is None  # stopped at its first pause point
    ahead_done(abandoned)
    worker.queued.pop(0)
    worker.run_next()  # the clicked column's order

    worked = [e.end - e.start for e in entries]
    assert model.sort_spec == SortSpec(Column.WORKED, descending=False)
    assert [worked[i - 1] for i in ids_in_order(model) if i is not None] == sorted(worked)
    made = worker.run_all()  # then the orders ahead go on, the stopped one again
    assert made == len(Column) - 3  # all but the date's (the start's) and the worked
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert worker.queued == []  # every order made: at once


def test_the_orders_ahead_go_on_after_a_click_that_another_click_overtook(
    qtbot: QtBot, clock: SettableClock
) -> None:
    worker, model = offloaded(clock, sync_rows=10)
    model.set_entries(many_days(FOREGROUND_SORT_SLICE + 500))
    worker.run_next()  # shown; an order ahead is being made
    model.sort(Column.WORKED, Qt.SortOrder.AscendingOrder)  # stops it
    model.sort(Column.DATE, Qt.SortOrder.AscendingOrder)  # kept: at once

    worker.run_all()

    assert model.sort_spec == SortSpec(Column.DATE, descending=False)
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert worker.queued == []  # every order was made after all


def test_a_click_on_the_column_being_made_ahead_waits_for_that_one(
    qtbot: QtBot, clock: SettableClock
) -> None:
    worker, model = offloaded(clock, sync_rows=10)
    model.set_entries(many_days(50))
    worker.run_next()
    assert len(worker.queued) == 1  # the first order ahead
    being_made = model.order_ahead
    assert being_made is not None

    model.sort(being_made, Qt.SortOrder.DescendingOrder)
    assert len(worker.queued) == 1  # not made twice
    worker.run_next()
    assert model.sort_spec == SortSpec(being_made, descending=True)


def test_names_that_come_while_a_long_list_is_made_show_in_it_once_made(
    qtbot: QtBot, clock: SettableClock
) -> None:
    worker, model = offloaded(clock, sync_rows=1)
    model.set_entries([closed_day()])
    worker.run_all()
    model.set_entries([manual_one(), closed_day()])  # a newer list, being made
    model.set_names({"ivan": "Petrov, Ivan", "hansm": "Müller, Hans"})
    shown = emissions(model.shown)

    worker.run_all()

    assert len(shown) == 1  # the newer list, not the older one arranged again
    assert ids_in_order(model) == [1, 3]
    assert [text(model, 3, Column.NAME), text(model, 1, Column.NAME)] == [
        "Petrov, Ivan",
        "Müller, Hans",
    ]


def test_names_change_the_name_column_and_its_order_not_the_whole_list(
    qtbot: QtBot, clock: SettableClock
) -> None:
    worker, model = offloaded(clock, sync_rows=1)
    model.set_entries([closed_day(), manual_one()])
    worker.run_all()
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert ids_in_order(model) == [1, 3]  # hansm, ivan
    shown, changed = emissions(model.shown), emissions(model.dataChanged)

    model.set_names({"ivan": "Anders, Ivan", "hansm": "Müller, Hans"})
    worker.run_all()

    assert shown == []  # not made again
    assert {(top.column(), bottom.column()) for top, bottom, *_ in changed} == {
        (Column.NAME, Column.NAME)
    }
    assert ids_in_order(model) == [3, 1]  # Anders before Müller


def test_a_shift_that_comes_while_the_list_is_built_is_the_one_shown(
    qtbot: QtBot, clock: SettableClock
) -> None:
    worker, model = offloaded(clock, sync_rows=1)
    model.set_entries([closed_day(), running()])
    breaks = BreakLog("id:2", taken=timedelta(minutes=30))
    model.set_shift(Shift(running(), breaks))  # the status arrives before the list

    worker.run_next()

    assert text(model, 2, Column.BREAK) == "0:30"
    assert model.shift.breaks == breaks


def test_a_stale_list_from_the_worker_is_dropped(qtbot: QtBot, clock: SettableClock) -> None:
    worker, model = offloaded(clock, sync_rows=1)
    model.set_entries([closed_day(), running()])
    model.set_entries([manual_one(), closed_day()])
    first, second = worker.queued
    worker.queued = [second, first]  # the answer to the first arrives late: not shown

    worker.run_all()

    assert ids_in_order(model) == [1, 3]


def test_children_of_cells_do_not_exist(model: AttendanceModel) -> None:
    model.set_entries([closed_day()])
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 1


def test_the_running_entry_counts_the_breaks_taken_at_this_desk(
    model: AttendanceModel, clock: SettableClock
) -> None:
    model.set_entries([closed_day(), running()])
    changed = emissions(model.dataChanged)
    breaks = BreakLog("id:2", taken=timedelta(minutes=10), running_since=NOW - timedelta(minutes=5))
    model.set_shift(Shift(running(), breaks))
    assert [(top.row(), bottom.row()) for top, bottom, *_ in changed] == [(0, 1)]
    assert text(model, 2, Column.BREAK) == "0:15"  # 10 minutes taken, 5 running
    assert text(model, 2, Column.WORKED) == "1:45"
    assert text(model, 1, Column.BREAK) == "0:30"  # other entries as the server has them
    clock.advance(minutes=10)  # still on the break: worked time stands still
    model.tick()
    assert text(model, 2, Column.BREAK) == "0:25"
    assert text(model, 2, Column.WORKED) == "1:45"
