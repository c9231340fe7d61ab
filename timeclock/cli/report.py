"""``timeclock report``: the monthly report for payroll as CSV, XLSX or a PDF timesheet.

The file is written only for this user to read (0600, as the other local files), in one
step. An employee exports their own records with ``--user`` left at their own name; a
manager exports anyone's, or everyone's with ``--all-users``.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from pathlib import Path

from timeclock.cli.context import EXIT_FAILED, EXIT_OK, Context, UsageError, fail
from timeclock.domain.ranges import month_of
from timeclock.services.report import LANGUAGES, MonthReport, read_month_report
from timeclock.services.working_model import working_model
from timeclock.store.private import write_private_file
from timeclock.store.settings import load_settings


def run_report(context: Context, stack: ExitStack) -> int:
    """Read the month, write the report file, and say what was written."""
    options = context.options
    if options.all_users and options.user:
        raise UsageError("--user and --all-users exclude each other")
    output = Path(options.output).expanduser()
    if output.is_dir():
        raise UsageError(f"--output: {output} is a folder; give a file name")
    settings = load_settings()
    language = _language(options.language or settings.language)
    user = None if options.all_users else context.account().user
    report = read_month_report(
        context.client(stack),
        month_of(options.month),
        user=user,
        zone=context.zone,
        now=context.now,
        model=working_model(settings),
    )
    data = _render(report, options.format, language)
    try:
        write_private_file(output, data)
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror or error}", EXIT_FAILED)
    people = len(report.employees)
    context.print(
        f"Wrote {output} ({options.format.upper()}, {options.month:%Y-%m}, "
        f"{people} employee{'' if people == 1 else 's'})."
    )
    if report.computed_here:
        context.print(
            "Targets, holidays and absences are computed here from the working model in the "
            "settings (work_hours, state): TimeTrack offers no daily reports."
        )
    return EXIT_OK


def _render(report: MonthReport, kind: str, language: str) -> bytes:
    """The file's bytes; each writer is loaded for its format only (Qt for the PDF)."""
    if kind == "csv":
        from timeclock.services.report_csv import csv_bytes  # noqa: PLC0415

        return csv_bytes(report, language)
    if kind == "xlsx":
        from timeclock.services.report_xlsx import xlsx_bytes  # noqa: PLC0415

        return xlsx_bytes(report, language)
    from timeclock.gui.report_pdf import ensure_application, pdf_bytes  # noqa: PLC0415

    ensure_application()
    return pdf_bytes(report, language)


def _language(chosen: str) -> str:
    """``de`` or ``en``: as chosen (option, settings), else the system's (``LANG``...)."""
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"
