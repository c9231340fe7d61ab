"""Child of figure 2: All users over N entries, from the click to the sorted table painted.

``python -m benchmarks.harness.window_list product|floor RESULT_FILE SETTINGS_JSON``

SETTINGS_JSON holds ``count`` (the rows expected), ``first`` and ``last`` (ISO days),
``own`` (the rows of the own user over those days), ``busy_paints``, ``sort_clicks``,
``sort_at_once``, ``settle_ms``, ``tail_ms``, ``timeout`` and ``explain`` (note what the
GUI thread did in its longest stall); the account comes from the ``TIMECLOCK_*`` variables.

``product`` starts the window (``timeclock.cli.main([])``) and works it as a person
would, through its public widgets: once its own list is painted, it selects the custom
range of the data (``FilterBar.set_custom_range``), waits for the own entries of that
range, then clicks *All users* and times until the table shows all ``count`` rows painted.
Then it paints the table ``busy_paints`` times beside a thread busy in Python and times
each paint. Then it clicks the *Worked* header ``sort_clicks`` times and times each re-sort
to its paint. With ``sort_at_once``, it then unticks *All users*, ticks it again and, as soon as
all rows are painted, clicks the *End* header (whose order is not made yet) and times that
re-sort too. ``floor`` shows a bare QTableView over a minimal model, fed by a plain thread that
pages through the same list with httpx, parses it with ``json`` and sorts it newest first,
and paints it beside a busy thread too.

Both run a 5 ms heartbeat from the click to ``tail_ms`` after the paint (the longest gap is
the longest stall of the GUI thread) and take the memory added: the peak (VmHWM, reset at
the click) less the resident memory at the click.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QMainWindow, QTableView, QWidget

from benchmarks.environment import peak_kb, reset_peak, rss_kb
from benchmarks.harness import outside
from benchmarks.harness.qt import EventTrace, Heartbeat, PaintWatch, fail, finish, rows

WORKED_TITLES = ("Worked", "Gearbeitet")
END_TITLES = ("End", "Ende")
ALL_USERS_TITLES = ("All users", "Alle Benutzer")


class Run:
    """The state of one child's measurement."""

    def __init__(self, result_file: str, settings: dict[str, Any], app: QApplication) -> None:
        self.result_file = result_file
        self.settings = settings
        self.count: int = settings["count"]
        self.app = app
        self.watch = PaintWatch(app)
        self.beat = Heartbeat()
        self.trace = EventTrace(app) if settings.get("explain") else None
        self.result: dict[str, Any] = {"sort_seconds": [], "sort_stall_ms": []}
        self.waiting_for = "the window's first list"
        # The product's: ask for the list once more, then sort_at_once (set once it runs).
        self.again: Callable[[QTableView], None] | None = None

    def what(self) -> str:
        """What the run waits for, for a timeout's message."""
        return f"{self.waiting_for} (last table painted had {self.watch.last_rows} rows)"

    def later(self, milliseconds: int, then: Callable[[], None]) -> None:
        QTimer.singleShot(milliseconds, then)

    # -- the load ---------------------------------------------------------------------

    def load(self, table: QTableView, click: Callable[[], None]) -> None:
        """Time ``click()`` until ``table`` has painted all rows, then the tail."""
        self.waiting_for = f"all {self.count} rows painted"
        reset_peak()
        before = rss_kb()
        if self.trace is not None:
            self.trace.start()
        self.beat.start()
        started = time.monotonic()

        def painted(_table: QTableView) -> None:
            self.result["load_seconds"] = time.monotonic() - started
            self.waiting_for = "the tail after the load"
            self.later(self.settings["tail_ms"], lambda: self.loaded(table, before))

        self.watch.when_painted(lambda t: t is table and rows(t) == self.count, painted)
        click()

    def loaded(self, table: QTableView, before: int) -> None:
        self.result["stall_ms"] = self.beat.stop()
        if self.trace is not None:
            self.trace.stop()
            self.result["stall_events"] = self.trace.explain(*self.beat.worst)
        self.result["added_kb"] = peak_kb() - before
        self.result["rows"] = rows(table)
        self.result["busy_paint_ms"] = paints_beside_a_busy_thread(
            table, self.settings["busy_paints"]
        )
        self.sort(table, self.settings["sort_clicks"])

    # -- re-sorting ---------------------------------------------------------------------

    def sort(self, table: QTableView, clicks: int) -> None:
        """Click the Worked header ``clicks`` times, timing each to its paint; then, if
        set, the list once more and a header at once (:attr:`again`)."""
        if clicks <= 0:
            if self.again is not None and self.settings.get("sort_at_once"):
                self.again(table)
            else:
                finish(self.result_file, self.result)
            return

        def sorted_(seconds: float, stall_ms: float) -> None:
            self.result["sort_seconds"].append(seconds)
            self.result["sort_stall_ms"].append(stall_ms)
            self.sort(table, clicks - 1)

        self.click_header(table, WORKED_TITLES, sorted_)

    def sorted_at_once(self, table: QTableView) -> None:
        """Click the End header as soon as the list is painted: before the worker made
        that column's order ahead (it starts on the columns' orders once the list is
        shown), so the click waits for its order to be made."""

        def sorted_(seconds: float, stall_ms: float) -> None:
            self.result["sort_at_once_seconds"] = seconds
            self.result["sort_at_once_stall_ms"] = stall_ms
            finish(self.result_file, self.result)

        self.later(0, lambda: self.click_header(table, END_TITLES, sorted_))

    def click_header(
        self, table: QTableView, titles: tuple[str, ...], done: Callable[[float, float], None]
    ) -> None:
        """Click the header titled one of ``titles``; ``done(seconds, longest stall in ms)``
        once the table re-sorted by it is painted."""
        header = table.horizontalHeader()
        section = _section(table, titles)
        if section is None:
            fail(self.result_file, f"no {titles[0]} column to sort")
            return
        order = header.sortIndicatorOrder()
        wanted = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorSection() == section and order == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        self.waiting_for = f"the table re-sorted by {titles[0]} painted"
        self.beat.start()
        started = time.monotonic()
        self.watch.when_painted(
            lambda t: (
                t is table
                and header.sortIndicatorSection() == section
                and header.sortIndicatorOrder() == wanted
            ),
            lambda _t: done(time.monotonic() - started, self.beat.stop()),
        )
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        if 0 <= x < header.viewport().width():
            QTest.mouseClick(
                header.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                QPoint(x, header.height() // 2),
            )
        else:  # scrolled out of sight: what the click would do
            table.sortByColumn(section, wanted)
        if header.sortIndicatorSection() != section:
            fail(self.result_file, f"clicking the {titles[0]} header did not sort by it")


def paints_beside_a_busy_thread(table: QTableView, paints: int) -> list[float]:
    """The milliseconds each of ``paints`` paints of ``table`` takes while
    another thread computes in Python. TimeClock's own workers give way to the window's
    thread, but any thread may be busy (a library's, say), and every call a paint makes
    from Qt into Python waits for the interpreter lock while that thread holds it."""
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            sorted(range(20_000), key=lambda number: -number)

    thread = threading.Thread(target=busy, name="busy", daemon=True)
    thread.start()
    viewport, times = table.viewport(), []
    try:
        for _ in range(paints):
            started = time.perf_counter()
            viewport.repaint()
            times.append((time.perf_counter() - started) * 1000)
    finally:
        stop.set()
        thread.join()
    return times


def _section(table: QTableView, titles: tuple[str, ...]) -> int | None:
    model = table.model()
    for section in range(model.columnCount()):
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(title, str) and title.replace("&", "") in titles:
            return section
    return None


# -- TimeClock's window ---------------------------------------------------------------------


def product(result_file: str, settings: dict[str, Any]) -> None:
    """Start TimeClock as its script does; the watch is attached once its app exists."""
    runs: list[Run] = []
    outside.deadline(
        result_file,
        settings["timeout"],
        lambda: runs[0].what() if runs else "the QApplication",
    )
    outside.when_app_exists(lambda app: runs.append(_product_run(result_file, settings, app)))
    sys.argv = ["timeclock"]
    from timeclock.cli import main  # noqa: PLC0415

    status = main()
    fail(result_file, f"the window closed ({status}) before the measurement ended")


def _product_run(result_file: str, settings: dict[str, Any], app: QApplication) -> Run:
    run = Run(result_file, settings, app)
    first, last = date.fromisoformat(settings["first"]), date.fromisoformat(settings["last"])

    def started(table: QTableView) -> None:
        window = table.window()
        bar = _filter_bar(window)
        if bar is None:
            fail(run.result_file, "the window has no filter bar with a custom range")
            return
        run.waiting_for = f"the own {settings['own']} entries of the range"
        run.watch.when_painted(
            lambda t: t is table and rows(t) == settings["own"],
            lambda _t: run.later(settings["settle_ms"], lambda: click_all_users(table, bar)),
        )
        from timeclock.domain.ranges import DayRange  # noqa: PLC0415

        bar.set_custom_range(DayRange(first, last))  # type: ignore[attr-defined]

    def click_all_users(table: QTableView, bar: QWidget) -> None:
        box = getattr(bar, "all_users", None)
        if not isinstance(box, QCheckBox):
            box = next(
                (
                    b
                    for b in bar.findChildren(QCheckBox)
                    if b.text().replace("&", "") in ALL_USERS_TITLES
                ),
                None,
            )
        if box is None:
            fail(run.result_file, "the window has no All users box")
            return
        run.again = lambda table: list_again(table, box)
        run.load(table, box.click)

    def list_again(table: QTableView, box: QCheckBox) -> None:
        """All users off (the own entries painted), on again (all rows painted), then a
        header at once."""
        run.waiting_for = f"the own {settings['own']} entries again"
        run.watch.when_painted(
            lambda t: t is table and rows(t) == settings["own"],
            lambda _t: run.later(settings["settle_ms"], lambda: all_users_again(table, box)),
        )
        box.click()

    def all_users_again(table: QTableView, box: QCheckBox) -> None:
        run.waiting_for = f"all {run.count} rows painted again"
        run.watch.when_painted(
            lambda t: t is table and rows(t) == run.count, lambda _t: run.sorted_at_once(table)
        )
        box.click()

    run.watch.when_painted(lambda t: rows(t) > 0, started)
    return run


def _filter_bar(window: QWidget) -> QWidget | None:
    bar = getattr(window, "filter_bar", None)
    if isinstance(bar, QWidget) and hasattr(bar, "set_custom_range"):
        return bar
    return next((w for w in window.findChildren(QWidget) if hasattr(w, "set_custom_range")), None)


# -- the floor --------------------------------------------------------------------------------


class _Rows(QAbstractTableModel):
    COLUMNS = ("from", "to", "breakMinutes", "workedMinutes", "notes", "manual", "user")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.items[index.row()].get(self.COLUMNS[index.column()], ""))

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()


class _Loader(QObject):
    loaded = Signal(object)


def open_client() -> Any:
    """An httpx client for the account in the environment, its connection already open
    (TimeClock's is too by the time of the click: it has loaded the own list)."""
    import os  # noqa: PLC0415

    import httpx  # noqa: PLC0415

    headers = {
        "X-TimeTrack-Api-Key": os.environ["TIMECLOCK_API_KEY"],
        "X-TimeTrack-Api-Secret": os.environ["TIMECLOCK_API_SECRET"],
    }
    client = httpx.Client(headers=headers, timeout=60)
    client.get(_list_url(), params={"limit": "1"}).raise_for_status()
    return client


def _list_url() -> str:
    import os  # noqa: PLC0415

    return os.environ["TIMECLOCK_URL"].rstrip("/") + "/attendances"


def fetch_all(client: Any, settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry of the range, as the client pages for it: 1000 a page until a short one."""
    found: list[dict[str, Any]] = []
    url = _list_url()
    page = 0
    while True:
        params = {"from": settings["from"], "to": settings["to"], "limit": "1000"}
        answer = client.get(url, params={**params, "page_number": str(page)})
        answer.raise_for_status()
        items = json.loads(answer.content)
        found.extend(items)
        if len(items) < 1000:
            return found
        page += 1


def floor(run: Run) -> None:
    client = open_client()
    window = QMainWindow()
    model = _Rows()
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(980, 680)
    loader = _Loader()
    loader.loaded.connect(model.set_items)

    def fetch() -> None:
        items = fetch_all(client, run.settings)
        items.sort(key=lambda item: (item["from"], item["id"]), reverse=True)
        loader.loaded.emit(items)

    def start(_table: QTableView) -> None:
        run.later(
            run.settings["settle_ms"],
            lambda: run.load(table, threading.Thread(target=fetch, daemon=True).start),
        )

    run.watch.when_painted(lambda t: t is table, start)
    window.show()
    run.app.exec()


def main() -> None:
    mode, result_file, settings = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    outside.count_compiles()
    if mode == "product":
        product(result_file, settings)
    else:
        outside.deadline(result_file, settings["timeout"], lambda: "the floor's table")
        floor(Run(result_file, {**settings, "sort_clicks": 0}, QApplication(sys.argv[:1])))


if __name__ == "__main__":
    main()
