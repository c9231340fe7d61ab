"""Child of figure 1: start to the first paint of a non-empty list.

``python -m benchmarks.harness.start product|bare RESULT_FILE TIMEOUT``

``product`` runs ``timeclock --demo`` (``timeclock.cli.main``, as the console script does)
and ``bare`` shows a plain PySide6 window with a 20-row table, the floor. Both first make
the QApplication (TimeClock uses the one that exists) so that :class:`PaintWatch` sees the
window's paints; the moment written is ``time.monotonic()`` (system-wide on Linux, so the
driver subtracts the moment it started the process) after the first paint of a table with
rows, with the process's peak memory then.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def main() -> None:
    mode, result_file, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - the measurement starts here

    from benchmarks.harness.qt import PaintWatch, finish, rows, watchdog  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    watch = PaintWatch(app)

    def painted(table: object) -> None:
        moment = time.monotonic()
        from benchmarks.environment import peak_kb  # noqa: PLC0415

        finish(result_file, {"painted_at": moment, "peak_kb": peak_kb(), "rows": watch.last_rows})

    watch.when_painted(lambda table: rows(table) > 0, painted)
    guard = watchdog(result_file, timeout, lambda: f"no list with rows painted ({mode})")
    if mode == "product":
        from timeclock.cli import main as timeclock  # noqa: PLC0415

        status = timeclock(["--demo"])
        finish(result_file, {"error": f"timeclock --demo ended ({status}) before a paint"}, 3)
    else:
        window = _bare_window()
        app.exec()
        del window
    del guard


def _bare_window() -> QWidget:
    from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: PLC0415
    from PySide6.QtWidgets import QMainWindow, QTableView  # noqa: PLC0415

    window = QMainWindow()
    model = QStandardItemModel(20, 9, window)
    for row in range(20):
        for column in range(9):
            model.setItem(row, column, QStandardItem(f"{row}:{column}"))
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(980, 680)
    window.show()
    return window


if __name__ == "__main__":
    main()
