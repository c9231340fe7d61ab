"""The month's entries as CSV that German Excel opens as columns, not as one line of text.

Excel in a German locale splits on ``;`` (a comma is its decimal sign), reads UTF-8 only
after a byte order mark, and takes ``31.10.2020``, ``08:00`` and ``7,50`` as a date, a time
and a number. So: ``;``, UTF-8 with BOM, CRLF line ends, local date, start and end, hours
with a decimal comma. An entry still running has an empty end, and counts up to the
report's moment as the window's totals do. A text that starts with ``=``, ``+``, ``-``,
``@`` or a tab would be a formula to Excel: it gets a leading apostrophe.

The corrections made from this desk to the report's entries go into a second file next to
the report, ``NAME-corrections.csv`` (:func:`corrections_path`, :func:`corrections_csv_bytes`)
with the same conventions, written when there are any: a second table in the same file
would break every program that imports the report's rows.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Final

from timeclock.services.report import MonthReport, decimal_hours, words
from timeclock.services.report_journal import action_text, change_text, entry_text

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


def corrections_path(report_path: Path) -> Path:
    """Where the corrections of the report at ``report_path`` go: ``may.csv`` ->
    ``may-corrections.csv``, in the same folder."""
    return report_path.with_name(f"{report_path.stem}-corrections{report_path.suffix or '.csv'}")


def corrections_csv_bytes(report: MonthReport, language: str) -> bytes:
    """The report's corrections, one a row (oldest first), as the bytes of a CSV file."""
    text = words(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            text["date"],
            text["time"],
            text["by"],
            text["employee"],
            text["entry"],
            text["action"],
            text["change"],
            text["reason"],
        ]
    )
    for line in report.corrections:
        when = report.local(line.recorded_at)
        writer.writerow(
            [
                f"{when:%d.%m.}{when.year:04d}",
                f"{when:%H:%M}",
                _text(line.author),
                _text(line.owner),
                entry_text(line, language),
                action_text(line, language),
                _text(change_text(line, report, language)),
                _text(line.reason),
            ]
        )
    return (BOM + buffer.getvalue()).encode("utf-8")


def _text(value: str) -> str:
    """A text cell Excel shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value
