"""What opening the window imports before it shows: not the dialogs, the sandbox, the
keyring, the working-time rules or the reports, which wait until they are used (#9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROGRAM = "import json, sys; import timeclock.gui.app; print(json.dumps(sorted(sys.modules)))"


def test_the_window_s_start_leaves_dialogs_sandbox_and_keyring_for_later() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROGRAM],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
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
