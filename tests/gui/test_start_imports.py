"""What opening the window imports before it shows: not the dialogs, the sandbox, the
keyring, the working-time rules or the reports, which wait until they are used (#9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _run_offscreen(program: str, *, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``program`` in a fresh Python on the offscreen Qt platform."""
    return subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


_PROGRAM = "import json, sys; import timeclock.gui.app; print(json.dumps(sorted(sys.modules)))"


def test_the_window_s_start_leaves_dialogs_sandbox_and_keyring_for_later() -> None:
    result = _run_offscreen(_PROGRAM, timeout=60)
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout))

    assert "timeclock.gui.window_dialogs" in modules
    later = {
        "timeclock.gui.entry_dialog",
        "timeclock.gui.settings_dialog",
        "timeclock.gui.delete_dialog",
        "timeclock.gui.outbox_dialog",
        "timeclock.gui.conflict_dialog",
        "timeclock.gui.attention_dialog",
        "timeclock.gui.overview_dialog",
        "timeclock.gui.export_dialog",
        "timeclock.gui.report_pdf",
        "timeclock.services.attention",
        "timeclock.services.balance",
        "timeclock.domain.findings",
        "openpyxl",
        "timeclock.sandbox",
        "starlette",
        "uvicorn",
        "keyring",
        # Once the first list is shown (timeclock.gui.first_list).
        "timeclock.gui.desk_setup",
        "timeclock.gui.desk_reminders",
        "timeclock.gui.tray",
        "timeclock.gui.lock_break_prompt",
        "timeclock.services.reminders",
    }
    assert later & modules == set()


_DEMO_WINDOW = """
import json, os, sys, threading, time

def watch():
    while "PySide6.QtWidgets" not in sys.modules:
        time.sleep(0.005)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    while QApplication.instance() is None:
        time.sleep(0.005)
    app = QApplication.instance()

    def look():
        shown = [w for w in app.topLevelWidgets() if getattr(w, "session", None) is not None]
        if shown and shown[0].session.lists_shown > 0:
            print(json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        QTimer.singleShot(20, app, look)

    QTimer.singleShot(0, app, look)

threading.Thread(target=watch, daemon=True).start()
sys.argv = ["timeclock", "--demo"]
from timeclock.cli import main
main()
print("[]", flush=True)
"""


def test_the_demo_window_shows_its_list_without_the_sandbox_in_its_process() -> None:
    """The demo's server runs in a child process (services.demo_process): the window's
    own process never imports Starlette, uvicorn or the sandbox."""
    result = _run_offscreen(_DEMO_WINDOW, timeout=90)
    modules = set(json.loads(result.stdout.splitlines()[-1]))

    assert "timeclock.gui.main_window" in modules, result.stderr
    assert {"timeclock.sandbox", "starlette", "uvicorn"} & modules == set()
