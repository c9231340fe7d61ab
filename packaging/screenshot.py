"""Render the README's screenshot: the main window with demo data, in German.

    QT_QPA_PLATFORM=offscreen python packaging/screenshot.py [de|en] [OUTPUT.png]

The demo user is shown stamped in since this morning, with a running break, so the
picture shows the clock at work. Nothing leaves this machine: the sandbox runs in-process.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Europe/Berlin")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from timeclock.api.credentials import Credentials
from timeclock.domain.shift import BreakLog
from timeclock.gui.i18n import install_translators
from timeclock.gui.main_window import MainWindow
from timeclock.gui.session import ClockSession
from timeclock.sandbox import DEMO_USER, AttendanceStore, NewAttendance, SandboxServer
from timeclock.sandbox.demo import berlin_today, load_demo_data
from timeclock.services.account import Account
from timeclock.services.localzone import local_zone
from timeclock.store.breaks import BreakStore

ROOT = Path(__file__).resolve().parent.parent


def wait(app: QApplication, milliseconds: int) -> None:
    """Let the window work for a while (requests run in its worker thread)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> int:
    """Render and save the screenshot."""
    language = sys.argv[1] if len(sys.argv) > 1 else "de"
    output = (
        Path(sys.argv[2])
        if len(sys.argv) > 2
        else (ROOT / "resources" / "screenshots" / f"main-window-{language}.png")
    )
    app = QApplication([])
    translators = install_translators(app, language)
    now = datetime.now(UTC).replace(microsecond=0)
    zone = local_zone()
    with tempfile.TemporaryDirectory() as scratch, AttendanceStore() as store:
        load_demo_data(store, berlin_today(), now=now)
        stamped_in = now - timedelta(hours=3, minutes=47)
        entry = store.create(NewAttendance(user=DEMO_USER, start=stamped_in, end=stamped_in))
        with SandboxServer(store=store) as server:
            breaks = BreakStore(Path(scratch) / "state.sqlite3")
            breaks.save(
                server.base_url,
                BreakLog(entry.id, timedelta(minutes=15), now - timedelta(minutes=12)),
            )
            account = Account(
                server.base_url, DEMO_USER, Credentials(server.api_key, server.api_secret)
            )
            session = ClockSession(account, breaks)
            state = QSettings(str(Path(scratch) / "window.ini"), QSettings.Format.IniFormat)
            window = MainWindow(session, zone, state)
            window.resize(1100, 700)
            window.show()
            window.start()
            wait(app, 1500)
            window.table.selectRow(3)
            window.grab().save(str(output))
            window.close()
    del translators
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
