"""The sentence of each finding, in German and in English, with local dates and times.

Both languages are made at once, so whoever shows a finding (the command line in English,
the window in the person's language) picks one without computing anything again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from timeclock.domain.attendance import Attendance
from timeclock.domain.totals import format_hours

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_DE = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One finding's detail in both languages."""

    de: str
    en: str


def day_en(day: date) -> str:
    """``Mon 2020-10-05``."""
    return f"{_WEEKDAYS_EN[day.weekday()]} {day.year:04d}-{day.month:02d}-{day.day:02d}"


def day_de(day: date) -> str:
    """``Mo 05.10.2020``."""
    return f"{_WEEKDAYS_DE[day.weekday()]} {day.day:02d}.{day.month:02d}.{day.year:04d}"


def _clock(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


def _hours_en(span: timedelta) -> str:
    return f"{format_hours(span)} h"


def _hours_de(span: timedelta) -> str:
    return f"{format_hours(span)} Std."


def _name_en(entry: Attendance) -> str:
    return f"#{entry.id}" if entry.id is not None else "an entry not yet sent"


def _name_de(entry: Attendance) -> str:
    return f"#{entry.id}" if entry.id is not None else "ein noch nicht gesendeter Eintrag"


def _span(entry: Attendance, end: datetime, zone: tzinfo, *, running: str) -> str:
    """``08:00-16:30``, or ``08:00-now`` while the entry runs."""
    return f"{_clock(entry.start, zone)}-{running if entry.is_open else _clock(end, zone)}"


def open_since(entry: Attendance, zone: tzinfo) -> Sentence:
    """``open``: stamped in on an earlier day and never out."""
    day = entry.start.astimezone(zone).date()
    at = _clock(entry.start, zone)
    return Sentence(
        de=f"Seit {day_de(day)} {at} offen: nicht ausgestempelt.",
        en=f"Open since {day_en(day)} {at}: not stamped out.",
    )


def in_future(entry: Attendance, zone: tzinfo) -> Sentence:
    """``future``: starts after now."""
    day = entry.start.astimezone(zone).date()
    at = _clock(entry.start, zone)
    return Sentence(
        de=f"Beginnt in der Zukunft ({day_de(day)} {at}).",
        en=f"Starts in the future ({day_en(day)} {at}).",
    )


def overlapping(
    first: Attendance,
    first_end: datetime,
    second: Attendance,
    second_end: datetime,
    zone: tzinfo,
) -> Sentence:
    """``overlap``: two entries of one user share time."""
    shared = min(first_end, second_end) - second.start
    de_spans = (
        _span(first, first_end, zone, running="jetzt"),
        _span(second, second_end, zone, running="jetzt"),
    )
    en_spans = (
        _span(first, first_end, zone, running="now"),
        _span(second, second_end, zone, running="now"),
    )
    return Sentence(
        de=f"Einträge {_name_de(first)} ({de_spans[0]}) und {_name_de(second)} "
        f"({de_spans[1]}) überschneiden sich um {_hours_de(shared)}",  # "Std." ends it
        en=f"Entries {_name_en(first)} ({en_spans[0]}) and {_name_en(second)} "
        f"({en_spans[1]}) overlap by {_hours_en(shared)}.",
    )


def too_many_hours(worked: timedelta, limit: timedelta, running: bool) -> Sentence:
    """``max-hours``: more net work on one day than §3 allows."""
    so_far_de, so_far_en = (" bisher", " so far") if running else ("", "")
    return Sentence(
        de=f"{_hours_de(worked)}{so_far_de} gearbeitet; erlaubt sind höchstens "
        f"{_hours_de(limit)} am Tag (ArbZG §3).",
        en=f"Worked {_hours_en(worked)}{so_far_en}; at most {_hours_en(limit)} a day "
        "are allowed (ArbZG §3).",
    )


def too_little_break(worked: timedelta, breaks: timedelta, needed: timedelta) -> Sentence:
    """``break``: less break than §4 asks for the day's net work."""
    return Sentence(
        de=f"{_hours_de(worked)} gearbeitet mit {_hours_de(breaks)} Pause; vorgeschrieben "
        f"sind mindestens {_hours_de(needed)} (ArbZG §4).",
        en=f"Worked {_hours_en(worked)} with a break of {_hours_en(breaks)}; at least "
        f"{_hours_en(needed)} are required (ArbZG §4).",
    )


def too_little_rest(
    ended: datetime, started: datetime, minimum: timedelta, zone: tzinfo
) -> Sentence:
    """``rest``: too short a time between one day's work and the next's (§5)."""
    rest = started - ended
    end_day = ended.astimezone(zone).date()
    return Sentence(
        de=f"Nur {_hours_de(rest)} Ruhezeit zwischen Arbeitsende {day_de(end_day)} "
        f"{_clock(ended, zone)} und Arbeitsbeginn {_clock(started, zone)}; vorgeschrieben "
        f"sind mindestens {_hours_de(minimum)} (ArbZG §5).",
        en=f"Only {_hours_en(rest)} of rest between the end of work on {day_en(end_day)} "
        f"at {_clock(ended, zone)} and the start at {_clock(started, zone)}; at least "
        f"{_hours_en(minimum)} are required (ArbZG §5).",
    )


def _spans(entries: tuple[tuple[Attendance, datetime], ...], zone: tzinfo, running: str) -> str:
    return ", ".join(_span(entry, end, zone, running=running) for entry, end in entries)


def on_sunday(entries: tuple[tuple[Attendance, datetime], ...], zone: tzinfo) -> Sentence:
    """``sunday``: work on a Sunday (§9); ``entries`` with where each one's time ends."""
    return Sentence(
        de=f"Arbeit an einem Sonntag ({_spans(entries, zone, 'jetzt')}; ArbZG §9).",
        en=f"Work on a Sunday ({_spans(entries, zone, 'now')}; ArbZG §9).",
    )


def on_holiday(
    entries: tuple[tuple[Attendance, datetime], ...],
    zone: tzinfo,
    *,
    state: str,
    name_de: str,
    name_en: str,
) -> Sentence:
    """``holiday``: work on a public holiday of the state (§9)."""
    return Sentence(
        de=f"Arbeit am Feiertag {name_de} in {state} ({_spans(entries, zone, 'jetzt')}; ArbZG §9).",
        en=f"Work on a public holiday in {state}, {name_en} ({_spans(entries, zone, 'now')}; "
        "ArbZG §9).",
    )
