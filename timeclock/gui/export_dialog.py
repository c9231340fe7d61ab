"""File > Export: the monthly report for payroll as CSV, XLSX or a PDF timesheet.

The person picks the month or any span of days (an employee's copy of their records), whose
records (their own, the user the list shows, or everyone's) and the format, then the file
(:attr:`ExportDialog.choose_file`, a save dialog). The corrections made from this desk to
the report's entries go with it (:meth:`ClockSession.with_corrections`): a sheet of the
workbook, a page per employee in the PDF, a second CSV file ``NAME-corrections.csv``.
The report is read, rendered and written in the dialog's own worker thread with a client
of its own (:func:`~timeclock.services.report.read_month_report`, the writers of
``timeclock report``), the file readable by its user only
(:func:`~timeclock.store.private.write_private_file`). The dialog closes when the file is
written and :attr:`ExportDialog.exported` tells the window, which says so in its message
bar; a failure is said there too, and the dialog stays open to try again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSettings, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from timeclock.domain.errors import TimeClockError
from timeclock.domain.ranges import DayRange, month_of
from timeclock.gui.attention_model import window_language
from timeclock.gui.balance_source import OwnClient
from timeclock.gui.date_fields import DateField
from timeclock.gui.dialog_base import InlineMessage, MessageKind, WorkingDialog, add_row
from timeclock.gui.formatting import pydate, qdate
from timeclock.gui.messages import explain
from timeclock.gui.session import ClockSession
from timeclock.gui.tasks import Failure
from timeclock.services.report import MonthReport, read_month_report
from timeclock.services.working_model import WorkingModel
from timeclock.store.private import write_private_file

FORMATS = ("csv", "xlsx", "pdf")
# parent, caption, suggested path, filter: the chosen path ("" when cancelled).
FileChooser = Callable[[QWidget, str, str, str], str]
ModelSource = Callable[[], WorkingModel]
translate = QCoreApplication.translate  # lupdate finds the literal texts of these calls


@dataclass(frozen=True, slots=True)
class Exported:
    """What was written."""

    path: Path
    kind: str  # "csv", "xlsx" or "pdf"
    month: DayRange  # the month, or the span of days chosen
    employees: int
    computed_here: bool
    corrections: int = 0  # of the report's entries, made from this desk
    extra: tuple[Path, ...] = ()  # files written besides ``path`` (the CSV's corrections)


def span_text(days: DayRange) -> str:
    """``2024-05`` for a whole month, else the first and the last day."""
    if days.first.day == 1 and days.last == month_of(days.first).last:
        return f"{days.first:%Y-%m}"
    return f"{days.first.isoformat()} \N{EN DASH} {days.last.isoformat()}"


def export_notice(exported: Exported) -> str:
    """What the message bar says once the file is written."""
    # Counted as "employees: 3", not "3 employee(s)": no plural to get wrong.
    text = (
        translate("ExportDialog", "Exported %1 (%2, employees: %3) to %4.")
        .replace("%1", span_text(exported.month))
        .replace("%2", exported.kind.upper())
        .replace("%3", str(exported.employees))
        .replace("%4", str(exported.path))
    )
    if exported.computed_here:
        text += " " + translate(
            "ExportDialog", "Targets, holidays and absences were computed here (working model)."
        )
    if exported.corrections:
        text += " " + translate("ExportDialog", "Corrections made here: %1.").replace(
            "%1", str(exported.corrections)
        )
        if exported.extra:
            text += " " + translate("ExportDialog", "They are in %1.").replace(
                "%1", ", ".join(str(path) for path in exported.extra)
            )
    return text


def save_file_name(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    """Qt's save dialog (it asks before replacing a file)."""
    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def render(report: MonthReport, kind: str, language: str, path: Path) -> list[tuple[Path, bytes]]:
    """The files and their bytes in ``kind`` (each writer as ``timeclock report`` uses it):
    ``path``, and for CSV with corrections ``NAME-corrections.csv`` beside it."""
    if kind == "csv":
        from timeclock.services.report_csv import (  # noqa: PLC0415 - on demand
            corrections_csv_bytes,
            corrections_path,
            csv_bytes,
        )

        files = [(path, csv_bytes(report, language))]
        if report.corrections:
            files.append((corrections_path(path), corrections_csv_bytes(report, language)))
        return files
    if kind == "xlsx":
        from timeclock.services.report_xlsx import xlsx_bytes  # noqa: PLC0415 - on demand

        return [(path, xlsx_bytes(report, language))]
    from timeclock.gui.report_pdf import pdf_bytes  # noqa: PLC0415 - on demand

    return [(path, pdf_bytes(report, language))]


class ExportDialog(WorkingDialog):
    """Month, whose records and format; then the file."""

    exported = Signal(object)  # Exported
    failed = Signal(str)  # the problem, worded for people

    def __init__(
        self,
        session: ClockSession,
        zone: tzinfo,
        *,
        month: date,
        shown_user: str | None,
        model: ModelSource,
        folder: Path | None = None,
        window_state: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(window_state, parent)
        self._session = session
        self._zone = zone
        self._model = model
        self._folder = folder or Path.home()
        self._client = OwnClient(lambda: session.account)
        self._working = False
        self.choose_file: FileChooser = save_file_name
        self.setWindowTitle(self.tr("Export"))
        self.setAccessibleName(self.tr("Export the monthly report"))
        self.month = DateField(qdate(month), self)
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setAccessibleName(self.tr("Month"))
        period = self._build_period(month)
        self.mine = QRadioButton(self.tr("My records (%1)").replace("%1", session.user), self)
        self.shown = QRadioButton(self)
        self.everyone = QRadioButton(self.tr("All users"), self)
        self._shown_user = shown_user
        other = shown_user is not None and shown_user.casefold() != session.user.casefold()
        if other:
            assert shown_user is not None
            self.shown.setText(self.tr("The shown user (%1)").replace("%1", shown_user))
        self.shown.setVisible(other)
        self.whose = QButtonGroup(self)
        for button in (self.mine, self.shown, self.everyone):
            self.whose.addButton(button)
        (self.everyone if shown_user is None else self.shown if other else self.mine).setChecked(
            True
        )
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Format"))
        self.kind.addItem(self.tr("CSV (Excel, semicolons)"), "csv")
        self.kind.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self.kind.addItem(self.tr("PDF timesheet to sign"), "pdf")
        self.message = InlineMessage(self.tr("Problem"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.export_button.setAccessibleName(self.tr("Choose the file and export"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), period)
        whose = QVBoxLayout()
        for button in (self.mine, self.shown, self.everyone):
            whose.addWidget(button)
        form.addRow(self.tr("Records:"), whose)
        add_row(form, self.tr("&Format:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _build_period(self, month: date) -> QGridLayout:
        """The whole month, or any span of days (an employee's copy of their records)."""
        self.whole_month = QRadioButton(self.tr("Whole &month"), self)
        self.span = QRadioButton(self.tr("&Days from"), self)
        self.period = QButtonGroup(self)
        self.period.addButton(self.whole_month)
        self.period.addButton(self.span)
        self.whole_month.setChecked(True)
        shown_month = month_of(month)
        self.first = DateField(qdate(shown_month.first), self)
        self.last = DateField(qdate(shown_month.last), self)
        for edit, name in ((self.first, self.tr("First day")), (self.last, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.span.toggled.connect(self._period_chosen)
        period = QGridLayout()
        period.addWidget(self.whole_month, 0, 0)
        period.addWidget(self.month, 0, 1)
        period.addWidget(self.span, 1, 0)
        period.addWidget(self.first, 1, 1)
        period.addWidget(QLabel(self.tr("to"), self), 1, 2)
        period.addWidget(self.last, 1, 3)
        return period

    @property
    def working(self) -> bool:
        """Whether an export is under way."""
        return self._working

    def _period_chosen(self, span: bool) -> None:
        self.month.setEnabled(not span)
        self.first.setEnabled(span)
        self.last.setEnabled(span)

    def chosen_month(self) -> DayRange:
        """The days to export: the month, or the span chosen (its ends in order)."""
        if self.span.isChecked():
            first, last = pydate(self.first.date()), pydate(self.last.date())
            return DayRange(min(first, last), max(first, last))
        return month_of(pydate(self.month.date()))

    def set_span(self, first: date, last: date) -> None:
        """Export the days from ``first`` to ``last`` (instead of a month)."""
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        self.span.setChecked(True)

    def chosen_user(self) -> str | None:
        """Whose records (None: everyone's)."""
        if self.everyone.isChecked():
            return None
        if self.shown.isChecked() and self._shown_user is not None:
            return self._shown_user
        return self._session.user

    def chosen_kind(self) -> str:
        kind = self.kind.currentData()
        return kind if kind in FORMATS else "csv"

    def set_month(self, day: date) -> None:
        self.month.setDate(QDate(day.year, day.month, 1))

    def suggested_name(self) -> str:
        """``timesheet-2024-05-hansm.pdf``, ``timesheet-2024-05-all.csv``,
        ``timesheet-2024-05-06_2024-05-08-hansm.xlsx``."""
        days = self.chosen_month()
        when = span_text(days).replace(" \N{EN DASH} ", "_")
        who = self.chosen_user() or "all"
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in who)
        stem = self.tr("timesheet")
        return f"{stem}-{when}-{safe}.{self.chosen_kind()}"

    def export(self) -> None:
        """Ask for the file, then read, render and write it in the worker."""
        if self._working:
            return
        kind = self.chosen_kind()
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }[kind]
        suggested = str(self._folder / self.suggested_name())
        chosen = self.choose_file(self, self.tr("Export to"), suggested, filters)
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(f".{kind}")
        self._start(path, kind)

    def _start(self, path: Path, kind: str) -> None:
        month, user, zone = self.chosen_month(), self.chosen_user(), self._zone
        now = self._session.now()
        language = window_language()
        client = self._client.get()
        model = self._model
        session = self._session

        def work() -> Exported:
            report = read_month_report(client, month, user=user, zone=zone, now=now, model=model())
            report = session.with_corrections(report)
            files = render(report, kind, language, path)
            for where, data in files:
                try:
                    write_private_file(where, data)
                except OSError as error:
                    raise ExportWriteError(where, error) from None
            return Exported(
                path,
                kind,
                month,
                len(report.employees),
                report.computed_here,
                len(report.corrections),
                tuple(where for where, _data in files[1:]),
            )

        self._working = True
        self.export_button.setEnabled(False)
        self.message.show_message(self.tr("Exporting…"), MessageKind.INFO)
        self.worker().run(work, self.while_open(self._done), self.while_open(self._failed))

    def _done(self, exported: Exported) -> None:
        self._working = False
        self.exported.emit(exported)
        self.accept()

    def _failed(self, failure: Failure) -> None:
        self._working = False
        self.export_button.setEnabled(True)
        error = failure.error
        if isinstance(error, ExportWriteError):
            text = (
                self.tr("The export could not be written to %1: %2")
                .replace("%1", str(error.path))
                .replace("%2", error.reason)
            )
        else:
            text = self.tr("The export failed: %1").replace("%1", problem_text(failure))
        self.message.show_message(text, MessageKind.ERROR)
        self.failed.emit(text)

    def done(self, result: int) -> None:
        self._client.stop()  # a read under way ends now: closing waits for no server
        super().done(result)
        self._client.close()


def problem_text(failure: Failure) -> str:
    """A failure in words: :func:`explain`'s where it knows the error, else the error's
    own sentence (a bad working model in the settings, say)."""
    text = explain(failure.error)
    unknown = translate("Messages", "Something unexpected went wrong (%1).")
    if failure.kind == "refused" and text == unknown.replace("%1", type(failure.error).__name__):
        return failure.message
    return text


class ExportWriteError(TimeClockError):
    """The file could not be written (one line for people: the path and the reason)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.reason = error.strerror or str(error)
        super().__init__(f"cannot write {path}: {self.reason}")
