"""File > Export in the window against the sandbox: each format written privately with the
report's figures, the message bar says where, a file that cannot be written is said so."""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from tests.api.staff import shift, staffed
from tests.gui.helpers import WAIT, Sessions, SettableClock, account_of
from timeclock.domain.attendance import AttendanceChange
from timeclock.domain.ranges import DayRange
from timeclock.gui.attention_model import window_language
from timeclock.gui.export_dialog import ExportDialog
from timeclock.gui.main_window import MainWindow
from timeclock.gui.window_dialogs import WindowDialogs
from timeclock.sandbox import SandboxServer
from timeclock.services.report import period_name, words

NOW = datetime(2024, 5, 8, 12, tzinfo=UTC)


@pytest.fixture
def staff(server: SandboxServer) -> Iterator[SandboxServer]:
    staffed(server)
    server.store.insert_many([shift("hansm", 2, 8.5), shift("ivan", 3, 6), shift("lenab", 2, 5)])
    yield server
    server.directory.reset()


@pytest.fixture
def window(sessions: Sessions, staff: SandboxServer) -> MainWindow:
    return sessions.window(account_of(staff), SettableClock(NOW))


@pytest.fixture
def dialogs(window: MainWindow) -> WindowDialogs:
    return WindowDialogs(
        window,
        on_account_changed=lambda _account: None,
        on_language_changed=lambda _language: None,
        settings_account=None,
        state="BE",
    )


def export_dialog(window: MainWindow, dialogs: WindowDialogs, path: Path) -> ExportDialog:
    """File > Export, with the file chooser answering ``path`` (and noting its question)."""
    window.export_action.trigger()
    dialog = dialogs.export_dialog
    assert dialog is not None
    asked: list[str] = []

    def choose(_parent: object, _caption: str, suggested: str, _filters: str) -> str:
        asked.append(suggested)
        return str(path)

    dialog.choose_file = choose
    dialog.asked = asked  # type: ignore[attr-defined]
    return dialog


def run_export(qtbot: QtBot, dialog: ExportDialog, kind: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    with qtbot.waitSignal(dialog.exported, timeout=3 * WAIT):
        dialog.export_button.click()


def test_the_month_of_the_list_exported_as_csv_for_german_excel(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "may.csv"
    dialog = export_dialog(window, dialogs, target)
    assert dialog.chosen_month().first == datetime(2024, 5, 1).date()
    assert dialog.chosen_user() == "hansm" and dialog.shown.isHidden()

    run_export(qtbot, dialog, "csv")

    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert any("hansm" in row for row in rows) and not any("ivan" in row for row in rows)
    assert any("8,00" in row for row in rows)  # 8.5 h less 30 min break, decimal comma
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert dialog.asked[0].endswith("2024-05-hansm.csv")  # type: ignore[attr-defined]
    assert window.message_bar.is_notice
    assert str(target) in window.message_bar.text and "CSV" in window.message_bar.text
    qtbot.waitUntil(lambda: dialogs.export_dialog is None, timeout=WAIT)


def test_all_users_as_a_workbook(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    target = tmp_path / "may.xlsx"
    dialog = export_dialog(window, dialogs, target)
    assert dialog.everyone.isChecked() and dialog.chosen_user() is None

    run_export(qtbot, dialog, "xlsx")

    workbook = load_workbook(target)
    assert len(workbook.sheetnames) == 5  # the summary, one sheet per employee, corrections
    assert "employees: 3" in window.message_bar.text


def test_the_shown_user_as_a_pdf_timesheet(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.user.setText("ivan")
        window.filter_bar.user.editingFinished.emit()
    target = tmp_path / "ivan"  # no suffix: the format's is added
    dialog = export_dialog(window, dialogs, target)
    assert dialog.shown.isChecked() and dialog.chosen_user() == "ivan"

    run_export(qtbot, dialog, "pdf")

    written = tmp_path / "ivan.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "employees: 1" in window.message_bar.text


def test_a_file_that_cannot_be_written_is_said_so_and_the_dialog_stays(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "no such folder" / "may.csv"
    dialog = export_dialog(window, dialogs, target)
    dialog.kind.setCurrentIndex(dialog.kind.findData("csv"))

    with qtbot.waitSignal(dialog.failed, timeout=3 * WAIT):
        dialog.export_button.click()

    assert not window.message_bar.is_notice
    assert window.message_bar.text.startswith(f"The export could not be written to {target}: ")
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.message.text() == window.message_bar.text
    assert not target.parent.exists()
    dialog.reject()


def test_a_cancelled_file_choice_exports_nothing(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    dialog = export_dialog(window, dialogs, tmp_path / "unused.csv")
    dialog.choose_file = lambda *_args: ""

    dialog.export_button.click()

    assert not dialog.working and dialog.isVisible()
    assert list(tmp_path.iterdir()) == []
    dialog.reject()


def test_a_span_of_days_with_the_corrections_made_here(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path, staff: SandboxServer
) -> None:
    """An employee's copy of a range, the correction of ivan's 3 May beside it."""
    with qtbot.waitSignal(window.session.entries_loaded, timeout=WAIT):
        window.filter_bar.all_users.setChecked(True)
    ivans = next(
        window.model.entry_at(row)
        for row in range(window.model.rowCount())
        if window.model.entry_at(row).user == "ivan"
    )
    sent: list[object] = []
    window.session.update_entry(
        ivans, AttendanceChange(break_minutes=45), sent.append, sent.append, reason="vergessen"
    )
    qtbot.waitUntil(lambda: bool(sent), timeout=WAIT)
    target = tmp_path / "ivan.csv"
    dialog = export_dialog(window, dialogs, target)
    assert not dialog.first.isEnabled()
    dialog.set_span(date(2024, 5, 3), date(2024, 5, 2))  # the ends in either order
    assert dialog.first.isEnabled() and not dialog.month.isEnabled()
    assert dialog.chosen_month() == DayRange(date(2024, 5, 2), date(2024, 5, 3))

    run_export(qtbot, dialog, "csv")

    assert dialog.asked[0].endswith("timesheet-2024-05-02_2024-05-03-all.csv")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert sorted(row[1] for row in rows[1:]) == ["hansm", "ivan", "lenab"]
    journal = tmp_path / "ivan-corrections.csv"
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    lines = list(csv.reader(io.StringIO(journal.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(lines) == 2
    said = words(window_language())  # the report's words are the window's language
    assert lines[1][2:8] == [
        "hansm",
        "ivan",
        f"#{ivans.id}",
        said["update"],
        f"{said['break']} 30 → 45 {said['minutes']}",
        "vergessen",
    ]
    text = window.message_bar.text
    assert "2024-05-02 \N{EN DASH} 2024-05-03" in text and "Corrections made here: 1." in text
    assert str(journal) in text


def test_ones_own_span_as_a_workbook_lists_no_one_elses_corrections(
    qtbot: QtBot, window: MainWindow, dialogs: WindowDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "mine.xlsx"
    dialog = export_dialog(window, dialogs, target)
    dialog.set_span(date(2024, 5, 1), date(2024, 5, 7))
    assert dialog.chosen_user() == "hansm"

    run_export(qtbot, dialog, "xlsx")

    book = load_workbook(target)
    said = words(window_language())
    assert book.sheetnames == [said["summary"], "Hans Müller", said["corrections"]]
    summary = book[said["summary"]]
    days = period_name(DayRange(date(2024, 5, 1), date(2024, 5, 7)), window_language())
    assert days in {"2024-05-01 - 2024-05-07", "01.05.2024 - 07.05.2024"}
    assert summary["A1"].value == f"{said['title']} {days}"
    assert [row[0] for row in summary.iter_rows(min_row=5, values_only=True)] == ["Hans Müller"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "correction" not in window.message_bar.text
