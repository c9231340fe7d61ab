"""``timeclock report``: the monthly report for payroll as CSV, XLSX or a PDF timesheet.

The file is written only for this user to read (0600, as the other local files), in one
step. An employee exports their own records with ``--user`` left at their own name; a
manager exports anyone's, or everyone's with ``--all-users``. ``--from``/``--to`` instead of
``--month`` cover any span of days (an employee's copy of their records).

The corrections made from this computer to the report's entries go with it (the
correction journal): a sheet of the workbook, a page per employee in the PDF, and for CSV a
second file next to the report, ``NAME-corrections.csv``, when there are any.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from timeclock.cli.context import EXIT_FAILED, EXIT_OK, Context, UsageError, fail
from timeclock.cli.i18n import _, current_language, plural
from timeclock.domain.ranges import DayRange, month_of
from timeclock.services.report import (
    MonthError,
    MonthReport,
    check_period,
    read_month_report,
)
from timeclock.services.report_journal import with_corrections
from timeclock.services.working_model import working_model
from timeclock.store.private import write_private_file
from timeclock.store.settings import load_settings


def run_report(context: Context, stack: ExitStack) -> int:
    """Read the month, write the report file, and say what was written."""
    options = context.options
    if options.all_users and options.user:
        raise UsageError(_("--user and --all-users exclude each other"))
    days = _days(options)
    output = Path(options.output).expanduser()
    if output.is_dir():
        raise UsageError(_("--output: {file} is a folder; give a file name").format(file=output))
    settings = load_settings()
    # As chosen, else the command line's (the settings', else the system's).
    language = options.language or current_language()
    account = context.account()
    user = None if options.all_users else account.user
    report = read_month_report(
        context.client(stack),
        days,
        user=user,
        zone=context.zone,
        now=context.now,
        model=working_model(settings),
    )
    desk = context.desk()
    report = with_corrections(report, desk.journal, desk.outbox, account.base_url)
    files = _render(report, options.format, language, output)
    for path, data in files:
        try:
            write_private_file(path, data)
        except OSError as error:
            return fail(
                _("cannot write {file}: {why}").format(file=path, why=error.strerror or error),
                EXIT_FAILED,
            )
    span = (
        f"{days.first:%Y-%m}"
        if options.month is not None
        else _("{first} to {last}").format(first=days.first, last=days.last)
    )
    context.print(
        _("Wrote {file} ({kind}, {span}, {people}).").format(
            file=output,
            kind=options.format.upper(),
            span=span,
            people=plural(len(report.employees), "{n} employee", "{n} employees"),
        )
    )
    corrections = len(report.corrections)
    if corrections:
        made = plural(
            corrections,
            "With {n} correction made from this computer",
            "With {n} corrections made from this computer",
        )
        where = _(" in {file}").format(file=files[1][0]) if len(files) > 1 else ""
        context.print(made + where + ".")  # each part translated
    if report.computed_here:
        context.print(
            _(
                "Targets, holidays and absences are computed here from the working model in "
                "the settings (work_hours, state): TimeTrack offers no daily reports."
            )
        )
    return EXIT_OK


def _days(options: object) -> DayRange:
    """``--month``, or ``--from`` and ``--to``: one of the two, and both of the pair."""
    month, first, last = (getattr(options, name) for name in ("month", "first", "last"))
    if month is not None:
        if first is not None or last is not None:
            raise UsageError(_("--month and --from/--to exclude each other"))
        return month_of(month)
    if first is None or last is None:
        raise UsageError(_("give --month YYYY-MM, or --from DATE and --to DATE"))
    try:
        return check_period(first, last)
    except MonthError as error:
        raise UsageError(_(str(error))) from None


def _render(
    report: MonthReport, kind: str, language: str, output: Path
) -> list[tuple[Path, bytes]]:
    """The files and their bytes; each writer is loaded for its format only (Qt for the PDF)."""
    if kind == "csv":
        from timeclock.services.report_csv import (  # noqa: PLC0415
            corrections_csv_bytes,
            corrections_path,
            csv_bytes,
        )

        files = [(output, csv_bytes(report, language))]
        if report.corrections:
            files.append((corrections_path(output), corrections_csv_bytes(report, language)))
        return files
    if kind == "xlsx":
        from timeclock.services.report_xlsx import xlsx_bytes  # noqa: PLC0415

        return [(output, xlsx_bytes(report, language))]
    from timeclock.gui.report_pdf import ensure_application, pdf_bytes  # noqa: PLC0415

    ensure_application()
    return [(output, pdf_bytes(report, language))]
