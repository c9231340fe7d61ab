"""The month as an Excel workbook: a summary sheet, one sheet per employee, and the
corrections made from this desk to the report's entries ("Korrekturen"; a line saying there
are none when there are none: the sheet is part of the record either way).

Cells hold real values with formats, so Excel sorts, sums and charts them: dates as dates
(``DD.MM.YYYY``), start and end as times (``HH:MM``), hours as numbers (``0.00``; a
difference with its sign). Sums are written as values, the same ones the CSV and the PDF
show, not as formulas a reader without a calculation engine would see as text.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from timeclock.services.balance import EmployeeBalance
from timeclock.services.report import (
    MonthReport,
    hours,
    period_name,
    remarks,
    weekday_name,
    words,
)
from timeclock.services.report_journal import (
    action_text,
    change_text,
    entry_text,
    local_moment,
)

HOURS_FORMAT: Final = "0.00"
SIGNED_FORMAT: Final = "+0.00;-0.00;0.00"
TIME_FORMAT: Final = "HH:MM"
DATE_FORMATS: Final = {"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
MOMENT_FORMATS: Final = {"de": "DD.MM.YYYY HH:MM", "en": "YYYY-MM-DD HH:MM"}
SHEET_NAME_LENGTH: Final = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)


def xlsx_bytes(report: MonthReport, language: str) -> bytes:
    """The workbook's file content."""
    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook has its first sheet
    _summary(summary, report, language)
    taken = {summary.title.casefold()}
    for employee in report.employees:
        sheet = book.create_sheet(_sheet_name(employee, taken))
        _employee(sheet, employee, report, language)
    _corrections(
        book.create_sheet(_free_name(words(language)["corrections"], taken)), report, language
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _summary(sheet: Worksheet, report: MonthReport, language: str) -> None:
    text = words(language)
    sheet.title = text["summary"]
    _append(sheet, [f"{text['title']} {period_name(report.month, language)}"])
    sheet["A1"].font = Font(bold=True, size=14)
    _append(sheet, [text["computed_here"] if report.computed_here else text["from_server"]])
    _append(sheet, [])
    unit = f" ({text['hours']})"
    _append(
        sheet,
        [
            text["name"],
            text["user"],
            text["number"],
            text["worked"] + unit,
            text["target"] + unit,
            text["difference"] + unit,
        ],
    )
    _bold_row(sheet)
    for employee in report.employees:
        _append(
            sheet,
            [
                employee.name,
                employee.user,
                employee.personal_number,
                hours(employee.worked),
                hours(employee.target),
                hours(employee.difference),
            ],
        )
        _formats(sheet, {4: HOURS_FORMAT, 5: HOURS_FORMAT, 6: SIGNED_FORMAT})
    for cell in sheet[1]:
        cell.alignment = Alignment(wrap_text=False)
    _widths(sheet, [28, 14, 16, 16, 16, 16])


def _employee(
    sheet: Worksheet, employee: EmployeeBalance, report: MonthReport, language: str
) -> None:
    text = words(language)
    _append(sheet, [f"{text['title']} {period_name(report.month, language)}"])
    sheet["A1"].font = Font(bold=True, size=14)
    _append(sheet, [text["employee"], employee.name])
    _append(sheet, [text["user"], employee.user])
    _append(sheet, [text["number"], employee.personal_number])
    _append(sheet, [text["computed_here"] if employee.computed_here else text["from_server"]])
    _append(sheet, [])
    unit = f" ({text['hours']})"
    _append(
        sheet,
        [
            text["date"],
            text["weekday"],
            text["start"],
            text["end"],
            text["break"] + unit,
            text["worked"] + unit,
            text["target"] + unit,
            text["difference"] + unit,
            text["balance"] + unit,
            text["remarks"],
        ],
    )
    _bold_row(sheet)
    formats = {
        1: DATE_FORMATS.get(language, DATE_FORMATS["en"]),
        3: TIME_FORMAT,
        4: TIME_FORMAT,
        5: HOURS_FORMAT,
        6: HOURS_FORMAT,
        7: HOURS_FORMAT,
        8: SIGNED_FORMAT,
        9: SIGNED_FORMAT,
    }
    for day in employee.days:
        start, end = day.first_start, day.last_end
        note = remarks(day, language)
        if day.running:
            note = ", ".join(part for part in (note, text["running"]) if part)
        _append(
            sheet,
            [
                day.day,
                weekday_name(day.day, language),
                _clock(report, start),
                _clock(report, end),
                hours(day.breaks),
                hours(day.worked),
                hours(day.target),
                hours(day.difference),
                hours(day.balance),
                note or None,
            ],
        )
        _formats(sheet, formats)
    _append(
        sheet,
        [
            text["total"],
            None,
            None,
            None,
            hours(employee.breaks),
            hours(employee.worked),
            hours(employee.target),
            hours(employee.difference),
            None,
            None,
        ],
    )
    _formats(sheet, formats)
    _bold_row(sheet)
    sheet.freeze_panes = "A8"
    _widths(sheet, [12, 6, 8, 8, 12, 14, 12, 14, 12, 30])


def _corrections(sheet: Worksheet, report: MonthReport, language: str) -> None:
    """The journal's lines of the report's entries, a row each, oldest first."""
    text = words(language)
    _append(sheet, [f"{text['corrections']} {period_name(report.month, language)}"])
    sheet["A1"].font = Font(bold=True, size=14)
    _append(sheet, [text["corrections_note"] if report.corrections else text["no_corrections"]])
    _append(sheet, [])
    _append(
        sheet,
        [
            text["when"],
            text["by"],
            text["employee"],
            text["entry"],
            text["action"],
            text["change"],
            text["reason"],
        ],
    )
    _bold_row(sheet)
    moment_format = MOMENT_FORMATS.get(language, MOMENT_FORMATS["en"])
    for line in report.corrections:
        _append(
            sheet,
            [
                local_moment(line.recorded_at, report),
                line.author,
                line.owner or None,
                entry_text(line, language),
                action_text(line, language),
                change_text(line, report, language) or None,
                line.reason or None,
            ],
        )
        _formats(sheet, {1: moment_format})
    sheet.freeze_panes = "A5"
    _widths(sheet, [17, 12, 12, 10, 10, 60, 40])


def _clock(report: MonthReport, moment: datetime | None) -> time | None:
    return None if moment is None else report.local(moment).time().replace(microsecond=0)


def _formats(sheet: Worksheet, formats: dict[int, str]) -> None:
    """Number formats for the last row's columns (1 = A)."""
    row = sheet.max_row
    for column, number_format in formats.items():
        sheet.cell(row=row, column=column).number_format = number_format


def _bold_row(sheet: Worksheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = _BOLD


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width


def _append(sheet: Worksheet, values: list[Any]) -> None:
    """Add a row; every text stays text (openpyxl takes one starting with ``=`` for a
    formula, which Excel would run: a note is no program)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet_name(employee: EmployeeBalance, taken: set[str]) -> str:
    """The employee's name as a sheet name Excel accepts, unique in the workbook."""
    return _free_name(employee.name, taken, employee.user)


def _free_name(wanted: str, taken: set[str], fallback: str = "") -> str:
    """``wanted`` as a sheet name Excel accepts, unique in the workbook."""
    base = _NOT_IN_SHEET_NAMES.sub("_", wanted).strip("'") or fallback or "?"
    base = base[:SHEET_NAME_LENGTH]
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(name.casefold())
    return name
