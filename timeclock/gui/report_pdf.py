"""The monthly timesheet as a PDF, drawn with Qt: one A4 page per employee, ready to sign.

Every day of the month is a row (start, end, break, worked, target, difference, running
balance, holidays and absences); weekends and public holidays are shaded; the totals row
and signature lines for the employee and the manager close the page. Where this desk's
correction journal has corrections of the employee's entries, a page of them follows (more
where they do not fit): when, by whom, which entry, what changed and why. Durations are
``H:MM`` as the window's footer writes them (:func:`timeclock.domain.totals.format_hours`),
from the same figures as the CSV and the workbook.

:func:`pdf_bytes` paints on a :class:`QPdfWriter` into memory, which Qt allows outside the
GUI thread, so the window can run it in a worker; it needs a :class:`QGuiApplication`, which
:func:`ensure_application` makes (offscreen) for the command line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from timeclock.domain.corrections import Correction
from timeclock.domain.totals import format_hours
from timeclock.services.balance import DayBalance, EmployeeBalance
from timeclock.services.report import (
    MonthReport,
    date_text,
    day_label,
    period_name,
    remarks,
    words,
)
from timeclock.services.report_journal import (
    action_text,
    change_text,
    corrections_for,
    entry_text,
)

RESOLUTION: Final = 300  # dots per inch of the PDF's coordinates
MARGIN_MM: Final = 15.0
ROW_MM: Final = 5.6
# Column widths in millimetres: date, start, end, break, worked, target, difference,
# balance, remarks (the rest of the line).
COLUMNS_MM: Final = (20.0, 14.0, 14.0, 14.0, 21.0, 16.0, 19.0, 18.0)
# The corrections page's columns: when, by, entry, action, change; the reason the rest.
CORRECTION_COLUMNS_MM: Final = (25.0, 18.0, 15.0, 16.0, 66.0)
# Above a corrections page's table: title, employee, note, column heads; below: the footer.
CORRECTIONS_TOP_MM: Final = 10 + 2.5 * ROW_MM + ROW_MM
CORRECTIONS_BOTTOM_MM: Final = 2 * ROW_MM
_SHADE: Final = QColor(236, 236, 236)
_LINE: Final = QColor(150, 150, 150)

_application: QGuiApplication | None = None


def ensure_application() -> None:
    """Make sure a Qt application exists (fonts need one): the window's, or an offscreen
    one for the command line."""
    global _application  # noqa: PLW0603 - one per process, kept alive while it runs
    if QGuiApplication.instance() is None:
        _application = QGuiApplication(["timeclock", "-platform", "offscreen"])


def pdf_bytes(report: MonthReport, language: str) -> bytes:
    """The timesheets of ``report`` as the bytes of a PDF file, one page per employee."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    text = words(language)
    writer.setTitle(f"{text['title']} {period_name(report.month, language)}")
    writer.setCreator("TimeClock")
    painter = QPainter(writer)
    try:
        sheet = _Sheet(painter, report, language, writer.width())
        if not report.employees:
            sheet.empty()
        plan = [
            (employee, sheet.correction_pages(corrections_for(report, employee)))
            for employee in report.employees
        ]
        pages = sum(1 + len(extra) for _employee, extra in plan)
        page = 0
        for employee, extra in plan:
            if page:
                writer.newPage()
            page += 1
            sheet.employee(employee, page, pages)
            for rows in extra:
                writer.newPage()
                page += 1
                sheet.corrections(employee, rows, page, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


class _Sheet:
    """Draws one employee's page; lengths in millimetres, turned into the writer's dots."""

    def __init__(self, painter: QPainter, report: MonthReport, language: str, width: int):
        self.painter = painter
        self.report = report
        self.language = language
        self.text = words(language)
        self.dots = RESOLUTION / 25.4  # per millimetre
        self.width_mm = width / self.dots
        self.y = 0.0

    # -- drawing helpers ------------------------------------------------------------------

    def _font(self, size: float, *, bold: bool = False) -> None:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)

    def _rect(self, x: float, y: float, width: float, height: float) -> QRectF:
        d = self.dots
        return QRectF(x * d, y * d, width * d, height * d)

    def _write(
        self,
        x: float,
        width: float,
        value: str,
        *,
        right: bool = False,
        height: float = ROW_MM,
    ) -> None:
        flags = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        )
        self.painter.drawText(self._rect(x + 1, self.y, width - 2, height), int(flags), value)

    def _line(self, y: float, x1: float = 0.0, x2: float | None = None) -> None:
        self.painter.setPen(QPen(_LINE, 0.2 * self.dots))
        end = self.width_mm if x2 is None else x2
        self.painter.drawLine(self._rect(x1, y, 0, 0).topLeft(), self._rect(end, y, 0, 0).topLeft())
        self.painter.setPen(QPen(QColor(0, 0, 0)))

    # -- the page ---------------------------------------------------------------------------

    def empty(self) -> None:
        self._heading()
        self._font(10)
        self._write(0, self.width_mm, self.text["no_employees"])

    def employee(self, employee: EmployeeBalance, page: int, pages: int) -> None:
        self.y = 0.0
        self._heading()
        self._font(10)
        number = (
            f", {self.text['number']} {employee.personal_number}"
            if employee.personal_number
            else ""
        )
        self._write(
            0, self.width_mm, f"{self.text['employee']}: {employee.name} ({employee.user}){number}"
        )
        self.y += ROW_MM
        self._font(8)
        source = "computed_here" if employee.computed_here else "from_server"
        self._write(0, self.width_mm, self.text[source])
        self.y += ROW_MM * 1.5
        self._table(employee)
        self._signatures()
        self._footer(page, pages)

    # -- the corrections ----------------------------------------------------------------

    def correction_pages(self, lines: list[Correction]) -> list[list[tuple[list[str], float]]]:
        """The rows of ``lines`` (cells, height in mm) split into pages; none without any."""
        if not lines:
            return []
        self._font(7)
        usable = self.painter.device().height() / self.dots - CORRECTIONS_TOP_MM
        usable -= CORRECTIONS_BOTTOM_MM
        pages: list[list[tuple[list[str], float]]] = [[]]
        room = usable
        for line in lines:
            cells = self._correction_cells(line)
            height = self._height(cells)
            if height > room and pages[-1]:
                pages.append([])
                room = usable
            pages[-1].append((cells, height))
            room -= height
        return pages

    def corrections(
        self, employee: EmployeeBalance, rows: list[tuple[list[str], float]], page: int, pages: int
    ) -> None:
        """One page of an employee's corrections."""
        t = self.text
        self.y = 0.0
        self._font(15, bold=True)
        title = f"{t['corrections']} {period_name(self.report.month, self.language)}"
        self._write(0, self.width_mm, title, height=9)
        self.y += 10
        self._font(10)
        self._write(0, self.width_mm, f"{t['employee']}: {employee.name} ({employee.user})")
        self.y += ROW_MM
        self._font(8)
        self._write(0, self.width_mm, t["corrections_note"])
        self.y += ROW_MM * 1.5
        spans = self._correction_columns()
        self._font(7, bold=True)
        heads = [t["when"], t["by"], t["entry"], t["action"], t["change"], t["reason"]]
        for (x, width), head in zip(spans, heads, strict=True):
            self._write(x, width, head)
        self.y += ROW_MM
        self._line(self.y)
        self._font(7)
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        for cells, height in rows:
            for (x, width), value in zip(spans, cells, strict=True):
                self.painter.drawText(
                    self._rect(x + 1, self.y + 0.8, width - 2, height), flags, value
                )
            self.y += height
            self._line(self.y)
        self._footer(page, pages)

    def _correction_columns(self) -> list[tuple[float, float]]:
        x, spans = 0.0, []
        for width in CORRECTION_COLUMNS_MM:
            spans.append((x, width))
            x += width
        spans.append((x, self.width_mm - x))
        return spans

    def _correction_cells(self, line: Correction) -> list[str]:
        when = self.report.local(line.recorded_at)
        return [
            f"{date_text(when.date(), self.language)} {when:%H:%M}",
            line.author,
            entry_text(line, self.language),
            action_text(line, self.language),
            change_text(line, self.report, self.language),
            line.reason,
        ]

    def _height(self, cells: list[str]) -> float:
        """The row's height in mm: its tallest cell, wrapped in its column (the font set)."""
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        tallest = 0.0
        for (_x, width), value in zip(self._correction_columns(), cells, strict=True):
            box = self.painter.boundingRect(self._rect(0, 0, width - 2, 1000), flags, value)
            tallest = max(tallest, box.height() / self.dots)
        return max(ROW_MM, tallest + 1.6)

    def _heading(self) -> None:
        self._font(15, bold=True)
        title = f"{self.text['title']} {period_name(self.report.month, self.language)}"
        self._write(0, self.width_mm, title, height=9)
        self.y += 10

    def _columns(self) -> list[tuple[float, float]]:
        x, spans = 0.0, []
        for width in COLUMNS_MM:
            spans.append((x, width))
            x += width
        spans.append((x, self.width_mm - x))
        return spans

    def _table(self, employee: EmployeeBalance) -> None:
        t = self.text
        spans = self._columns()
        heads = [
            t["date"],
            t["start"],
            t["end"],
            t["break"],
            t["worked"],
            t["target"],
            t["difference"],
            t["balance"],
            t["remarks"],
        ]
        self._font(8, bold=True)
        for index, ((x, width), head) in enumerate(zip(spans, heads, strict=True)):
            self._write(x, width, head, right=0 < index < len(heads) - 1)
        self.y += ROW_MM
        self._line(self.y)
        self._font(8)
        for day in employee.days:
            if day.day.weekday() >= 5 or day.holiday is not None:
                self.painter.fillRect(self._rect(0, self.y, self.width_mm, ROW_MM), _SHADE)
            for index, ((x, width), value) in enumerate(zip(spans, self._cells(day), strict=True)):
                self._write(x, width, value, right=0 < index < len(heads) - 1)
            self.y += ROW_MM
        self._line(self.y)
        self._font(8, bold=True)
        totals = [
            t["total"],
            "",
            "",
            format_hours(employee.breaks),
            format_hours(employee.worked),
            format_hours(employee.target),
            format_hours(employee.difference),
            "",
            "",
        ]
        for index, ((x, width), value) in enumerate(zip(spans, totals, strict=True)):
            self._write(x, width, value, right=0 < index < len(heads) - 1)
        self.y += ROW_MM
        self._line(self.y)

    def _cells(self, day: DayBalance) -> list[str]:
        date_text = day_label(day.day, self.language)
        worked_any = bool(day.entries)
        start = day.first_start
        end = day.last_end
        return [
            date_text,
            self._clock(start) if start is not None else "",
            self.text["running"] if day.running else (self._clock(end) if end else ""),
            format_hours(day.breaks) if worked_any else "",
            format_hours(day.worked) if worked_any else "",
            format_hours(day.target) if day.target else "",
            format_hours(day.difference) if worked_any or day.target else "",
            format_hours(day.balance),
            remarks(day, self.language),
        ]

    def _clock(self, moment: datetime) -> str:
        return f"{self.report.local(moment):%H:%M}"

    def _signatures(self) -> None:
        self.y += 22
        half = (self.width_mm - 20) / 2
        self._line(self.y, 0, half)
        self._line(self.y, half + 20, self.width_mm)
        self._font(8)
        self._write(0, half, self.text["signature_employee"])
        self._write(half + 20, half, self.text["signature_manager"])
        self.y += ROW_MM

    def _footer(self, page: int, pages: int) -> None:
        height_mm = self.painter.device().height() / self.dots
        self.y = height_mm - ROW_MM
        self._font(7)
        created = self.report.local(self.report.created)
        stamp = (
            f"{created:%d.%m.%Y %H:%M}" if self.language == "de" else f"{created:%Y-%m-%d %H:%M}"
        )
        self._write(0, self.width_mm / 2, f"TimeClock · {self.text['created']} {stamp}")
        self._write(
            self.width_mm / 2,
            self.width_mm / 2,
            f"{self.text['page']} {page} {self.text['of']} {pages}",
            right=True,
        )
