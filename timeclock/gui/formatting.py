"""Dates, times and durations as people read them, through ``QLocale``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

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


def time_text(moment: datetime, zone: tzinfo, locale: QLocale | None = None) -> str:
    """``08:02`` (or ``8:02 AM``) on the local clock, in the locale's short format."""
    wall = moment.astimezone(zone)
    return (locale or QLocale()).toString(
        QTime(wall.hour, wall.minute), QLocale.FormatType.ShortFormat
    )


def hours_text(span: timedelta) -> str:
    """A duration as ``7:05`` (hours and minutes, as time sheets show it)."""
    return format_hours(span)
