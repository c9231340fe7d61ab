"""The PDF timesheet drawn with Qt, from a worker thread as the window would: pages, text."""

from __future__ import annotations

import subprocess
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from timeclock.domain.attendance import Attendance
from timeclock.domain.ranges import DayRange
from timeclock.gui.report_pdf import pdf_bytes
from timeclock.services.balance import compute_balances
from timeclock.services.report import MonthReport
from timeclock.services.working_model import WorkingModel

BERLIN = ZoneInfo("Europe/Berlin")
OCTOBER = DayRange(date(2020, 10, 1), date(2020, 10, 31))
NOW = datetime(2020, 11, 2, 9, tzinfo=UTC)


def _report(*users: str) -> MonthReport:
    entries = [
        Attendance(
            id=index + 1,
            user=user,
            start=datetime(2020, 10, 5, 6, tzinfo=UTC),
            end=datetime(2020, 10, 5, 14, 30, tzinfo=UTC),
            break_minutes=30,
        )
        for index, user in enumerate(users)
    ]
    balances = compute_balances(
        OCTOBER, entries, zone=BERLIN, now=NOW, model=WorkingModel(state="BY")
    )
    return MonthReport(OCTOBER, balances, BERLIN, NOW)


def _in_a_worker(report: MonthReport, language: str) -> bytes:
    made: list[bytes] = []
    worker = threading.Thread(target=lambda: made.append(pdf_bytes(report, language)))
    worker.start()
    worker.join(timeout=60)
    assert made, "the worker made no PDF"
    return made[0]


def _text(pdf: bytes, folder: Path) -> list[str]:
    path = folder / "sheet.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for page in range(1, pages + 1)
    ]


def test_a_page_per_employee_made_in_a_worker_thread(qapp: QApplication, tmp_path: Path) -> None:
    pages = _text(_in_a_worker(_report("ivan", "hansm"), "de"), tmp_path)

    assert len(pages) == 2
    assert "Mitarbeiter: hansm (hansm)" in pages[0]
    assert "Seite 2 von 2" in pages[1]
    monday = next(line for line in pages[1].splitlines() if "Mo 05.10." in line)
    assert monday.split()[2:9] == ["08:00", "16:30", "0:30", "8:00", "8:00", "0:00", "-16:00"]
    assert "Tag der Deutschen Einheit" in pages[1]  # Saturday 3 October
    assert "Soll, Feiertage und Abwesenheiten hier berechnet" in pages[1]


def test_no_employees_is_one_page_saying_so(qapp: QApplication, tmp_path: Path) -> None:
    pages = _text(_in_a_worker(_report(), "en"), tmp_path)

    assert len(pages) == 1
    assert "Timesheet October 2020" in pages[0]
    assert "No employees in this month." in pages[0]
