"""How the command line shows entries, shifts and totals to a person: local time, H:MM."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta, tzinfo

from timeclock.domain.attendance import Attendance
from timeclock.domain.shift import Shift
from timeclock.domain.totals import Totals, format_hours


def printable(text: str) -> str:
    """Server-supplied text made safe for a terminal: control characters (escape
    sequences that could recolour or rewrite the screen, line breaks) become spaces."""
    return "".join(" " if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)


def clock_time(moment: datetime, zone: tzinfo) -> str:
    """``08:02`` on the local clock."""
    return moment.astimezone(zone).strftime("%H:%M")


def day_label(moment: datetime, zone: tzinfo) -> str:
    """``Mon 2020-10-05`` on the local clock (``0001-01-02``: strftime does not pad years)."""
    wall = moment.astimezone(zone)
    return f"{wall:%a} {wall.year:04d}-{wall:%m-%d}"


def entry_line(entry: Attendance, zone: tzinfo, now: datetime, *, with_id: bool = True) -> str:
    """One entry in one line: ``#12 Mon 2020-10-05 08:00-16:30, break 0:30, worked 8:00``."""
    end = "now (running)" if entry.is_open else clock_time(entry.end, zone)
    worked = format_hours(entry.worked_until(now))
    text = (
        (f"#{entry.id} " if with_id else "")
        + f"{printable(entry.user)}: {day_label(entry.start, zone)} "
        f"{clock_time(entry.start, zone)}-{end}, "
        f"break {format_hours(timedelta(minutes=entry.break_minutes))}, worked {worked}"
    )
    return text + (f' - "{printable(entry.notes)}"' if entry.notes else "")


def entry_details(entry: Attendance, zone: tzinfo, now: datetime) -> str:
    """Every field of one entry, a line each, for ``timeclock show``."""
    rows = [
        ("ID", str(entry.id)),
        ("User", printable(entry.user)),
        ("Date", day_label(entry.start, zone)),
        ("Start", entry.start.astimezone(zone).strftime("%H:%M:%S %Z")),
        ("End", "running" if entry.is_open else entry.end.astimezone(zone).strftime("%H:%M:%S %Z")),
        ("Break", format_hours(timedelta(minutes=entry.break_minutes))),
        ("Worked", format_hours(entry.worked_until(now))),
        ("Source", source(entry)),
        ("Notes", printable(entry.notes) or "-"),
    ]
    for label, location in (("Start at", entry.start_location), ("End at", entry.end_location)):
        if location is not None:
            rows.append((label, f"{location.latitude:.5f}, {location.longitude:.5f}"))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def source(entry: Attendance) -> str:
    """Where an entry came from, as the list shows it."""
    return "manual" if entry.manual else "time clock"


def entry_table(
    entries: Sequence[Attendance],
    zone: tzinfo,
    now: datetime,
    *,
    with_user: bool,
    waiting: Collection[str] = (),
) -> str:
    """Entries as an aligned text table; those in ``waiting`` (ids of entries that show a
    change not yet on TimeTrack) are marked ``*``, an entry not yet on it has no id."""
    header = ["ID", "Date", "Start", "End", "Break", "Worked", "Source", "Notes"]
    if with_user:
        header.insert(1, "User")
    rows = [header]
    for entry in entries:
        row = [
            ("" if entry.id is None else str(entry.id)) + ("*" if entry.ref in waiting else ""),
            day_label(entry.start, zone),
            clock_time(entry.start, zone),
            "running" if entry.is_open else clock_time(entry.end, zone),
            format_hours(timedelta(minutes=entry.break_minutes)),
            format_hours(entry.worked_until(now)),
            source(entry),
            printable(entry.notes),
        ]
        if with_user:
            row.insert(1, printable(entry.user))
        rows.append(row)
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def totals_line(summary: Totals) -> str:
    """The footer under a list."""
    entries = "entry" if summary.entries == 1 else "entries"
    days = "day" if summary.days == 1 else "days"
    return (
        f"{summary.entries} {entries} on {summary.days} {days}: "
        f"worked {format_hours(summary.worked)} h, breaks {format_hours(summary.breaks)} h"
    )


def shift_lines(shift: Shift, today_worked: timedelta, zone: tzinfo, now: datetime) -> list[str]:
    """What ``timeclock status`` says."""
    today = f"Today: worked {format_hours(today_worked)} h."
    if shift.entry is None:
        return ["Not stamped in.", today]
    since = clock_time(shift.entry.start, zone)
    if shift.entry.start.astimezone(zone).date() != now.astimezone(zone).date():
        since = f"{day_label(shift.entry.start, zone)} {since}"
    lines = [
        f"Stamped in since {since}: worked {format_hours(shift.worked_time(now))} h, "
        f"break {format_hours(shift.break_time(now))} h."
    ]
    if shift.breaks is not None and shift.breaks.running_since is not None:
        lines.append(f"On a break since {clock_time(shift.breaks.running_since, zone)}.")
    lines.append(today)
    return lines
