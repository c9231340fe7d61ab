"""Child of figure 1: start to the first paint of a non-empty list.

``python -m benchmarks.harness.start product|bare|bare-httpx RESULT_FILE TIMEOUT``

``product`` runs ``timeclock --demo`` exactly as the ``timeclock`` script does
(``sys.argv`` set, ``timeclock.cli.main()``), importing nothing before it; the paint watch
is attached once TimeClock has made its QApplication (:func:`outside.when_app_exists`).
``bare`` is the floor: a plain PySide6 window with a 20-row table, watched from the start.
``bare-httpx`` is that window with the HTTP client every TimeTrack client needs made
first, as TimeClock makes it: a reference for how much of the floor's ratio is the client's.
The moments written are ``time.monotonic()`` (system-wide on Linux, so the driver
subtracts the moment it started the process) after the first paint of a table with rows
(a list TimeClock kept from an earlier run, say), with the peak memory then, and after the
first paint of the list TimeClock asked its server for.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from benchmarks.harness import outside

_KEPT: list[object] = []


def main() -> None:
    mode, result_file, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    outside.count_compiles()
    outside.deadline(result_file, timeout, lambda: f"no list with rows painted ({mode})")
    if mode == "product":
        outside.when_app_exists(lambda app: _watch(app, result_file))
        sys.argv = ["timeclock", "--demo"]
        from timeclock.cli import main as timeclock  # noqa: PLC0415

        status = timeclock()
        outside.write_result(result_file, {"error": f"timeclock ended ({status}) unpainted"}, 3)
    else:
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        app = QApplication(sys.argv[:1])
        _watch(app, result_file)
        client = _http_client() if mode == "bare-httpx" else None
        window = _bare_window()
        _KEPT.append(client)
        app.exec()
        del window


def _watch(app: Any, result_file: str) -> None:
    from benchmarks.harness.qt import PaintWatch, rows  # noqa: PLC0415

    watch = PaintWatch(app)
    result: dict[str, Any] = {}

    def painted(_table: object) -> None:
        moment = time.monotonic()
        from benchmarks.environment import peak_kb  # noqa: PLC0415

        result.update(painted_at=moment, peak_kb=peak_kb(), rows=watch.last_rows)

    def asked_painted(_table: object) -> None:
        # The list TimeTrack (the demo's sandbox) sent: TimeClock may paint the list it
        # kept from an earlier run before (session.show_kept_entries); the bare window
        # has nothing to ask, so its one paint is both.
        result.setdefault("painted_at", time.monotonic())
        result["asked_painted_at"] = time.monotonic()
        outside.write_result(result_file, result)

    watch.when_painted(lambda table: rows(table) > 0, painted)
    watch.when_painted(lambda table: rows(table) > 0 and _asked(table), asked_painted)
    _KEPT.append(watch)  # alive as long as the process


def _asked(table: Any) -> bool:
    """Whether the table's window shows a list it asked TimeTrack for (the bare window's
    table has no session: nothing to ask)."""
    session = getattr(table.window(), "session", None)
    return session is None or session.lists_shown > 0


def _http_client() -> Any:
    """An httpx client made as TimeClock makes one for the demo's plain-HTTP server:
    httpx without its command line (:func:`timeclock.cli.start.skip_httpx_command_line`),
    and a TLS context that loads no certificates (``timeclock.api.client``)."""
    import ssl  # noqa: PLC0415

    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    import httpx  # noqa: PLC0415

    return httpx.Client(verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))


def _bare_window() -> Any:
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
