"""The month's entries as CSV that German Excel opens as columns, not as one line of text.

Excel in a German locale splits on ``;`` (a comma is its decimal sign), reads UTF-8 only
after a byte order mark, and takes ``31.10.2020``, ``08:00`` and ``7,50`` as a date, a time
and a number. So: ``;``, UTF-8 with BOM, CRLF line ends, local date, start and end, hours
with a decimal comma. An entry still running has an empty end, and counts up to the
report's moment as the window's totals do. A text that starts with ``=``, ``+``, ``-``,
``@`` or a tab would be a formula to Excel: it gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from timeclock.services.report import MonthReport, decimal_hours, words

BOM: Final = "\ufeff"
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(report: MonthReport, language: str) -> bytes:
    """The report's entries, one a row, as the bytes of a CSV file."""
    text = words(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            text["number"],
            text["user"],
            text["name"],
            text["date"],
            text["start"],
            text["end"],
            f"{text['break']} ({text['hours']})",
            f"{text['worked']} ({text['hours']})",
            text["notes"],
        ]
    )
    for employee in report.employees:
        for item in employee.entries:
            entry = item.entry
            start = report.local(entry.start)
            end = "" if item.running else f"{report.local(entry.end):%H:%M}"
            writer.writerow(
                [
                    _text(employee.personal_number),
                    _text(employee.user),
                    _text(employee.name),
                    f"{start:%d.%m.%Y}",
                    f"{start:%H:%M}",
                    end,
                    decimal_hours(item.breaks),
                    decimal_hours(item.worked),
                    _text(entry.notes),
                ]
            )
    return (BOM + buffer.getvalue()).encode("utf-8")


def _text(value: str) -> str:
    """A text cell Excel shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value
