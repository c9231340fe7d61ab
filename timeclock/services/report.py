"""The report for payroll: every employee's days of one month (or of any range), and its words.

One model (:class:`MonthReport`, read once by :func:`read_month_report`) feeds every
writer: CSV and XLSX (:mod:`timeclock.services.report_csv`,
:mod:`timeclock.services.report_xlsx`) and the PDF timesheet the window's Qt draws
(:mod:`timeclock.gui.report_pdf`). All figures are the balance's
(:mod:`timeclock.services.balance`), so the three agree with each other and with the
window's totals for the month. Words are German or English (:func:`words`).

A report of any span of days (``timeclock report --from --to``, an employee's own copy) is
the same model: :attr:`MonthReport.month` is then that span, and :func:`period_name` names
it. :attr:`MonthReport.corrections` are the lines of this desk's correction journal that
concern the report's entries (:mod:`timeclock.services.report_journal` selects and words
them); every writer shows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Final

from timeclock.api.client import TimeTrackClient
from timeclock.domain.corrections import Correction
from timeclock.domain.errors import TimeClockError
from timeclock.domain.localtime import OutOfRangeError, check_day
from timeclock.domain.ranges import DayRange, month_of
from timeclock.domain.shift import Shift
from timeclock.services.balance import Balances, DayBalance, EmployeeBalance, read_balances
from timeclock.services.working_model import WorkingModel

LANGUAGES: Final = ("de", "en")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)


class MonthError(TimeClockError, ValueError):
    """A month a person wrote that is not ``YYYY-MM``."""


@dataclass(frozen=True, slots=True)
class MonthReport:
    """The balances of one calendar month (or of any span of days), and when and where
    (zone) they were made; ``whose`` is the user asked for (None: everyone)."""

    month: DayRange
    balances: Balances
    zone: tzinfo
    created: datetime
    whose: str | None = None
    corrections: tuple[Correction, ...] = ()  # of the report's entries, oldest first

    @property
    def employees(self) -> tuple[EmployeeBalance, ...]:
        return self.balances.employees

    @property
    def computed_here(self) -> bool:
        return self.balances.computed_here

    def local(self, moment: datetime) -> datetime:
        """An instant on the local clock (naive: how a sheet shows it)."""
        return moment.astimezone(self.zone).replace(tzinfo=None)


def parse_month(text: str) -> DayRange:
    """``YYYY-MM`` as the days of that month."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12:
        raise MonthError(f"'{text.strip()}' is not a month like 2020-10")
    try:
        first = check_day(date(int(found[1]), int(found[2]), 1))
        return DayRange(first, check_day(month_of(first).last))
    except (OutOfRangeError, ValueError) as error:
        raise MonthError(f"'{text.strip()}': {error}") from None


def read_month_report(
    client: TimeTrackClient,
    month: DayRange,
    *,
    user: str | None,
    zone: tzinfo,
    now: datetime,
    model: WorkingModel,
    shift: Shift | None = None,
) -> MonthReport:
    """The report of ``month`` (or any span of days) for ``user`` (None: everyone); blocks
    on the network, so the window calls it in a worker thread."""
    balances = read_balances(client, month, user=user, zone=zone, now=now, model=model, shift=shift)
    return MonthReport(month, balances, zone, now, user)


def check_period(first: date, last: date) -> DayRange:
    """The days from ``first`` to ``last`` (both included); :class:`MonthError` when
    ``last`` lies before ``first``."""
    if last < first:
        raise MonthError(f"the last day ({last}) lies before the first ({first})")
    return DayRange(first, last)


# -- words ---------------------------------------------------------------------------------

_WORDS: Final[dict[str, dict[str, str]]] = {
    "de": {
        "title": "Arbeitszeitnachweis",
        "summary": "Übersicht",
        "month": "Monat",
        "employee": "Mitarbeiter",
        "user": "Benutzer",
        "name": "Name",
        "number": "Personalnummer",
        "date": "Datum",
        "weekday": "Tag",
        "start": "Beginn",
        "end": "Ende",
        "break": "Pause",
        "worked": "Arbeitszeit",
        "target": "Soll",
        "difference": "Differenz",
        "balance": "Saldo",
        "remarks": "Bemerkung",
        "notes": "Notiz",
        "hours": "Std.",
        "total": "Summe",
        "holiday": "Feiertag",
        "absence": "Abwesenheit",
        "running": "läuft",
        "computed_here": "Soll, Feiertage und Abwesenheiten hier berechnet (Arbeitszeitmodell "
        "dieses Computers), TimeTrack bietet keine Tagesberichte.",
        "from_server": "Soll, Feiertage und Abwesenheiten laut TimeTrack.",
        "created": "Erstellt",
        "page": "Seite",
        "of": "von",
        "signature_employee": "Datum, Unterschrift Mitarbeiter/in",
        "signature_manager": "Datum, Unterschrift Vorgesetzte/r",
        "no_employees": "Keine Mitarbeiter in diesem Monat.",
        "period": "Zeitraum",
        "corrections": "Korrekturen",
        "corrections_note": "Korrekturen an diesen Einträgen, die an diesem Computer gemacht "
        "wurden (Korrekturjournal von TimeClock), älteste zuerst.",
        "no_corrections": "An diesem Computer wurden keine dieser Einträge korrigiert.",
        "when": "Zeitpunkt",
        "time": "Uhrzeit",
        "by": "Von",
        "entry": "Eintrag",
        "action": "Aktion",
        "change": "Änderung (vorher → nachher)",
        "reason": "Grund",
        "create": "angelegt",
        "update": "geändert",
        "delete": "gelöscht",
        "open": "offen",
        "not_sent": "noch nicht gesendet",
        "no_change": "keine Änderung",
        "set": "gesetzt",
        "minutes": "Min.",
    },
    "en": {
        "title": "Timesheet",
        "summary": "Summary",
        "month": "Month",
        "employee": "Employee",
        "user": "User",
        "name": "Name",
        "number": "Personal number",
        "date": "Date",
        "weekday": "Day",
        "start": "Start",
        "end": "End",
        "break": "Break",
        "worked": "Worked",
        "target": "Target",
        "difference": "Difference",
        "balance": "Balance",
        "remarks": "Remarks",
        "notes": "Notes",
        "hours": "h",
        "total": "Total",
        "holiday": "Public holiday",
        "absence": "Absence",
        "running": "running",
        "computed_here": "Target, holidays and absences computed here (this computer's working "
        "model); TimeTrack offers no daily reports.",
        "from_server": "Target, holidays and absences as TimeTrack reports them.",
        "created": "Created",
        "page": "Page",
        "of": "of",
        "signature_employee": "Date, employee's signature",
        "signature_manager": "Date, manager's signature",
        "no_employees": "No employees in this month.",
        "period": "Period",
        "corrections": "Corrections",
        "corrections_note": "Corrections of these entries made from this computer "
        "(TimeClock's correction journal), oldest first.",
        "no_corrections": "None of these entries was corrected from this computer.",
        "when": "When",
        "time": "Time",
        "by": "By",
        "entry": "Entry",
        "action": "Action",
        "change": "Change (before → after)",
        "reason": "Reason",
        "create": "created",
        "update": "changed",
        "delete": "deleted",
        "open": "open",
        "not_sent": "not yet sent",
        "no_change": "no change",
        "set": "set",
        "minutes": "min",
    },
}

_WEEKDAYS: Final = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS: Final = {
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def words(language: str) -> dict[str, str]:
    """The report's words in ``language`` (``de`` or ``en``; anything else is English)."""
    return _WORDS[language if language in _WORDS else "en"]


def weekday_name(day: date, language: str) -> str:
    return _WEEKDAYS[language if language in _WEEKDAYS else "en"][day.weekday()]


def day_label(day: date, language: str) -> str:
    """``Mo 06.05.`` / ``Mon 06 May`` (no locale of the process involved)."""
    if language == "de":
        return f"{weekday_name(day, language)} {day:%d.%m.}"
    return f"{weekday_name(day, language)} {day:%d} {_MONTHS['en'][day.month - 1][:3]}"


def month_name(month: DayRange, language: str) -> str:
    """``Oktober 2020`` / ``October 2020``."""
    names = _MONTHS[language if language in _MONTHS else "en"]
    return f"{names[month.first.month - 1]} {month.first.year}"


def date_text(day: date, language: str) -> str:
    """``06.05.2024`` / ``2024-05-06``."""
    if language == "de":
        return f"{day:%d.%m.}{day.year:04d}"
    return f"{day.year:04d}-{day:%m-%d}"


def period_name(days: DayRange, language: str) -> str:
    """A whole calendar month by its name (``Oktober 2020``), any other span by its first
    and last day (``05.10.2020 - 18.10.2020``)."""
    if days.first.day == 1 and days.last == month_of(days.first).last:
        return month_name(days, language)
    return f"{date_text(days.first, language)} - {date_text(days.last, language)}"


def remarks(day: DayBalance, language: str) -> str:
    """A day's holiday and absences in words: ``Tag der Deutschen Einheit``, ``U``."""
    parts = []
    if day.holiday is not None:
        parts.append(day.holiday.name_de if language == "de" else day.holiday.name_en)
    parts += list(day.absences)
    return ", ".join(parts)


def hours(span: timedelta) -> float:
    """A duration in hours, exactly (for spreadsheets: a number they sum)."""
    return span.total_seconds() / 3600


def decimal_hours(span: timedelta, *, comma: bool = True) -> str:
    """Hours with two decimals, ``7,50`` (German) or ``7.50``."""
    text = f"{hours(span):.2f}"
    if text == "-0.00":
        text = "0.00"
    return text.replace(".", ",") if comma else text
