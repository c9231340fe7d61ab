"""Dates, times and durations as people read them, through ``QLocale``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from timeclock.domain.attendance import Location
from timeclock.domain.totals import format_hours


def qdate(day: date) -> QDate:
    """A Python date as a ``QDate``."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    """A ``QDate`` as a Python date."""
    return date(day.year(), day.month(), day.day())


def local_qdatetime(moment: datetime, zone: tzinfo) -> QDateTime:
    """An aware instant as a naive ``QDateTime`` on the local wall clock of ``zone``."""
    wall = moment.astimezone(zone)
    return QDateTime(qdate(wall.date()), QTime(wall.hour, wall.minute, wall.second))


def wall_datetime(value: QDateTime) -> datetime:
    """A ``QDateTime`` from an editor as a naive wall-clock ``datetime``."""
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def day_text(moment: datetime, zone: tzinfo, locale: QLocale | None = None) -> str:
    """``Mo., 05.10.2020`` or ``Mon 10/5/20``: weekday and short date in the locale."""
    locale = locale or QLocale()
    day = qdate(moment.astimezone(zone).date())
    weekday = locale.dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
    return f"{weekday} {locale.toString(day, QLocale.FormatType.ShortFormat)}"


def time_text(
    moment: datetime, zone: tzinfo, locale: QLocale | None = None, *, seconds: bool = False
) -> str:
    """``08:02`` (or ``8:02 AM``) on the local clock, in the locale's short format; with
    ``seconds``, ``08:02:40`` (see :mod:`~timeclock.domain.shown_minutes`)."""
    wall = moment.astimezone(zone)
    locale = locale or QLocale()
    if seconds:
        short = locale.timeFormat(QLocale.FormatType.ShortFormat)
        return locale.toString(
            QTime(wall.hour, wall.minute, wall.second), short.replace("mm", "mm:ss", 1)
        )
    return locale.toString(QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat)


def date_format(locale: QLocale) -> str:
    """The locale's short date with a four-digit year (``yy`` is ambiguous)."""
    day = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return day if "yyyy" in day else day.replace("yy", "yyyy")


def datetime_format(locale: QLocale) -> str:
    """The locale's short date (four-digit year) and short time."""
    return f"{date_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def coordinates_text(latitude: float, longitude: float, locale: QLocale | None = None) -> str:
    """A position as the locale writes decimals: ``52,5200; 13,4050`` or ``52.5200, 13.4050``."""
    locale = locale or QLocale()
    separator = "; " if locale.decimalPoint() == "," else ", "
    return separator.join(locale.toString(value, "f", 4) for value in (latitude, longitude))


def places_text(start: Location | None, end: Location | None, locale: QLocale | None = None) -> str:
    """Where an entry began and ended, a line each (empty when no position is known)."""
    parts = []
    if start is not None:
        where = coordinates_text(start.latitude, start.longitude, locale)
        parts.append(QCoreApplication.translate("Places", "start %1").replace("%1", where))
    if end is not None:
        where = coordinates_text(end.latitude, end.longitude, locale)
        parts.append(QCoreApplication.translate("Places", "end %1").replace("%1", where))
    return "\n".join(parts)


def hours_text(span: timedelta) -> str:
    """A duration as ``7:05`` (hours and minutes, as time sheets show it)."""
    return format_hours(span)
