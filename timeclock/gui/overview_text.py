"""The overview's and the footer's figures in words: a day's figures (tooltips, the line a
screen reader reads for the day in focus), an employee's sums (the chart's accessible
description), signed hours, and the note that figures were computed on this desk.

Words go through Qt's translations (context ``OverviewText``); the findings' sentences are
their own, German or English as the window speaks.
"""

from __future__ import annotations

from datetime import timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from timeclock.domain.localtime import start_of_day
from timeclock.gui.attention_model import window_language
from timeclock.gui.formatting import day_text, hours_text
from timeclock.services.balance import DayBalance
from timeclock.services.overview import OverviewRow

translate = QCoreApplication.translate  # lupdate finds the literal texts of these calls


def signed_hours(span: timedelta) -> str:
    """``+1:30``, ``-0:45`` or ``0:00``: a difference or balance in hours."""
    text = hours_text(span)
    return f"+{text}" if span >= timedelta(minutes=1) else text


def day_name(day: DayBalance, zone: tzinfo) -> str:
    """The day as the window writes dates: ``Mo. 06.05.24``."""
    return day_text(start_of_day(day.day, zone), zone)


def day_details(row: OverviewRow, day: DayBalance, zone: tzinfo, *, with_name: bool) -> str:
    """Everything the overview knows of one employee's day, a line per kind of thing."""
    title = day_name(day, zone)
    if with_name:
        title = f"{row.name} · {title}"
    lines = [
        title,
        translate("OverviewText", "Worked %1 h of %2 h target, difference %3 h")
        .replace("%1", hours_text(day.worked))
        .replace("%2", hours_text(day.target))
        .replace("%3", signed_hours(day.difference)),
        translate("OverviewText", "Break %1 h · balance %2 h")
        .replace("%1", hours_text(day.breaks))
        .replace("%2", signed_hours(day.balance)),
    ]
    language = window_language()
    if day.holiday is not None:
        name = day.holiday.name_de if language == "de" else day.holiday.name_en
        lines.append(translate("OverviewText", "Public holiday: %1").replace("%1", name))
    if day.absences:
        lines.append(translate("OverviewText", "Absent: %1").replace("%1", ", ".join(day.absences)))
    if day.running:
        lines.append(translate("OverviewText", "An entry is running."))
    if day.upcoming:
        lines.append(translate("OverviewText", "Still to come: no target yet."))
    found = row.findings_on(day.day)
    if found:
        lines.append(translate("OverviewText", "Needs attention:"))
        lines += [f"• {finding.detail(language)}" for finding in found]
    return "\n".join(lines)


def row_summary(row: OverviewRow) -> str:
    """One employee's sums in a sentence (what a screen reader reads for the row)."""
    employee = row.employee
    absent = sum(1 for day in employee.days if day.absences)
    holidays = sum(1 for day in employee.days if day.holiday is not None)
    return (
        translate(
            "OverviewText",
            "%1: worked %2 h of %3 h target, difference %4 h; "
            "%5 day(s) absent, %6 public holiday(s), %7 day(s) need attention.",
        )
        .replace("%1", row.name)
        .replace("%2", hours_text(employee.worked))
        .replace("%3", hours_text(employee.target))
        .replace("%4", signed_hours(employee.difference))
        .replace("%5", str(absent))
        .replace("%6", str(holidays))
        .replace("%7", str(row.flagged_days))
    )


def computed_here_note() -> str:
    """Why the targets may differ from TimeTrack's: they were computed on this desk."""
    return translate(
        "OverviewText",
        "Targets, holidays and absences are computed here from this computer's working "
        "model (Settings): TimeTrack offers no daily reports.",
    )
