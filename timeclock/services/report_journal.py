"""The corrections that go with a report: this desk's journal lines of the report's entries.

Working-time records are legal records; a report handed to payroll or to the employee
carries the corrections made from this desk along with the figures (issue #10, item 8).
A journal line belongs to a report when

- its entry is one of the report's entries (by server id), or
- the entry as it was before or after the correction starts on one of the report's local
  days, and it is an entry of the report's user (any user for a report of everyone).

So a deleted entry, which the report no longer lists, keeps its trace, and so does an entry
moved out of the range. Lines are told in the report's language by :func:`change_text`
(``Beginn 08:00 → 07:30; Pause 30 → 45 Min.``), times on the report's local clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from timeclock.domain.attendance import Attendance
from timeclock.domain.corrections import Action, Correction
from timeclock.domain.localtime import local_date
from timeclock.domain.matching import same_user
from timeclock.services.balance import EmployeeBalance
from timeclock.services.journal import corrections_of
from timeclock.services.report import MonthReport, date_text, words
from timeclock.store.journal import CorrectionJournal
from timeclock.store.outbox import Outbox


def with_corrections(
    report: MonthReport, journal: CorrectionJournal | None, outbox: Outbox, base_url: str
) -> MonthReport:
    """``report`` with the journal's lines of its entries (see the module's notes); reads
    two local files, so the window calls it in the report's worker thread."""
    if journal is None:
        return report
    lines = corrections_of(journal, outbox, base_url)
    return replace(report, corrections=tuple(select_corrections(report, lines)))


def select_corrections(report: MonthReport, lines: Iterable[Correction]) -> list[Correction]:
    """The lines that concern ``report``, in their order."""
    ids = {
        item.entry.id
        for employee in report.employees
        for item in employee.entries
        if item.entry.id is not None
    }
    chosen = []
    for line in lines:
        if line.known_id is not None and line.known_id in ids:
            chosen.append(line)
            continue
        if report.whose is not None and not same_user(line.owner, report.whose):
            continue
        if any(
            report.month.first <= local_date(start, report.zone) <= report.month.last
            for start in _starts(line)
        ):
            chosen.append(line)
    return chosen


def corrections_for(report: MonthReport, employee: EmployeeBalance) -> list[Correction]:
    """The report's lines of one employee's entries (by owner, or by the entry's id)."""
    ids = {item.entry.id for item in employee.entries if item.entry.id is not None}
    return [
        line
        for line in report.corrections
        if same_user(line.owner, employee.user)
        or (not line.owner and line.known_id is not None and line.known_id in ids)
    ]


def _starts(line: Correction) -> list[datetime]:
    starts = [entry.start for entry in (line.before, line.after) if entry is not None]
    if line.change is not None and line.change.start is not None:
        starts.append(line.change.start)
    return starts


# -- words ---------------------------------------------------------------------------------


def action_text(line: Correction, language: str) -> str:
    """``angelegt``, ``geändert``, ``gelöscht`` / ``created``, ``changed``, ``deleted``."""
    return words(language)[line.action.value]


def entry_text(line: Correction, language: str) -> str:
    """``#42``, or ``noch nicht gesendet`` for an entry TimeTrack has not made yet."""
    return words(language)["not_sent"] if line.known_id is None else f"#{line.known_id}"


def change_text(line: Correction, report: MonthReport, language: str) -> str:
    """What the correction did: the entry made or deleted, or each field changed as
    ``before → after``."""
    text = words(language)
    if line.action is Action.CREATE and line.after is not None:
        return _summary(line.after, report, language)
    if line.action is Action.DELETE:
        return "" if line.before is None else _summary(line.before, report, language)
    if line.before is not None and line.after is not None:
        return (
            "; ".join(_differences(line.before, line.after, report, language))
            or (text["no_change"])
        )
    if line.change is not None:  # the entry could not be read when it was changed
        change = line.change
        parts = []
        if change.start is not None:
            parts.append(f"{text['start']} {_moment(change.start, report, language)}")
        if change.end is not None:
            parts.append(f"{text['end']} {_moment(change.end, report, language)}")
        if change.break_minutes is not None:
            parts.append(f"{text['break']} {change.break_minutes} {text['minutes']}")
        if change.notes is not None:
            parts.append(f"{text['notes']} „{change.notes}“")
        return f"{text['set']}: " + ", ".join(parts)
    return ""


def local_moment(moment: datetime, report: MonthReport) -> datetime:
    """A journal time on the report's local clock (naive, seconds dropped)."""
    return report.local(moment).replace(second=0, microsecond=0)


def _moment(moment: datetime, report: MonthReport, language: str) -> str:
    wall = report.local(moment)
    return f"{date_text(wall.date(), language)} {wall:%H:%M}"


def _clock(moment: datetime, report: MonthReport) -> str:
    return f"{report.local(moment):%H:%M}"


def _summary(entry: Attendance, report: MonthReport, language: str) -> str:
    text = words(language)
    end = text["open"] if entry.is_open else _clock(entry.end, report)
    summary = (
        f"{_moment(entry.start, report, language)}-{end}, "
        f"{text['break']} {entry.break_minutes} {text['minutes']}"
    )
    return summary + (f", {text['notes']} „{entry.notes}“" if entry.notes else "")


def _differences(
    before: Attendance, after: Attendance, report: MonthReport, language: str
) -> list[str]:
    text = words(language)
    same_day = report.local(before.start).date() == report.local(after.start).date()

    def when(value: datetime) -> str:
        return _clock(value, report) if same_day else _moment(value, report, language)

    found = []
    if before.start != after.start:
        found.append(f"{text['start']} {when(before.start)} → {when(after.start)}")
    if before.end != after.end or before.is_open != after.is_open:
        was = text["open"] if before.is_open else when(before.end)
        now = text["open"] if after.is_open else when(after.end)
        found.append(f"{text['end']} {was} → {now}")
    if before.break_minutes != after.break_minutes:
        found.append(
            f"{text['break']} {before.break_minutes} → {after.break_minutes} {text['minutes']}"
        )
    if before.notes != after.notes:
        found.append(f"{text['notes']} „{before.notes}“ → „{after.notes}“")
    return found
