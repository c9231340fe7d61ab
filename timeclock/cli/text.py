"""How the command line shows entries, shifts and totals to a person: local time, H:MM."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta, tzinfo

from timeclock.cli.i18n import _, plural
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


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_label(moment: datetime, zone: tzinfo) -> str:
    """``Mon 2020-10-05`` on the local clock (``0001-01-02``: strftime does not pad years),
    the weekday in the command line's language."""
    wall = moment.astimezone(zone)
    return f"{_(_WEEKDAYS[wall.weekday()])} {wall.year:04d}-{wall:%m-%d}"


def entry_line(entry: Attendance, zone: tzinfo, now: datetime, *, with_id: bool = True) -> str:
    """One entry in one line: ``#12 Mon 2020-10-05 08:00-16:30, break 0:30, worked 8:00``."""
    end = _("now (running)") if entry.is_open else clock_time(entry.end, zone)
    text = (f"#{entry.id} " if with_id else "") + _(
        "{user}: {day} {start}-{end}, break {break_time}, worked {worked}"
    ).format(
        user=printable(entry.user),
        day=day_label(entry.start, zone),
        start=clock_time(entry.start, zone),
        end=end,
        break_time=format_hours(timedelta(minutes=entry.break_minutes)),
        worked=format_hours(entry.worked_until(now)),
    )
    return text + (f' - "{printable(entry.notes)}"' if entry.notes else "")


def entry_details(entry: Attendance, zone: tzinfo, now: datetime) -> str:
    """Every field of one entry, a line each, for ``timeclock show``."""
    end = entry.end.astimezone(zone).strftime("%H:%M:%S %Z")
    rows = [
        (_("ID"), str(entry.id)),
        (_("User"), printable(entry.user)),
        (_("Date"), day_label(entry.start, zone)),
        (_("Start"), entry.start.astimezone(zone).strftime("%H:%M:%S %Z")),
        (_("End"), _("running") if entry.is_open else end),
        (_("Break"), format_hours(timedelta(minutes=entry.break_minutes))),
        (_("Worked"), format_hours(entry.worked_until(now))),
        (_("Source"), source(entry)),
        (_("Notes"), printable(entry.notes) or "-"),
    ]
    for label, location in (
        (_("Start at"), entry.start_location),
        (_("End at"), entry.end_location),
    ):
        if location is not None:
            rows.append((label, f"{location.latitude:.5f}, {location.longitude:.5f}"))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)


def source(entry: Attendance) -> str:
    """Where an entry came from, as the list shows it."""
    return _("manual") if entry.manual else _("time clock")


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
    header = [_("ID"), _("Date"), _("Start"), _("End"), _("Break"), _("Worked")]
    header += [_("Source"), _("Notes")]
    if with_user:
        header.insert(1, _("User"))
    rows = [header]
    for entry in entries:
        row = [
            ("" if entry.id is None else str(entry.id)) + ("*" if entry.ref in waiting else ""),
            day_label(entry.start, zone),
            clock_time(entry.start, zone),
            _("running") if entry.is_open else clock_time(entry.end, zone),
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
    return _("{entries} on {days}: worked {worked} h, breaks {breaks} h").format(
        entries=plural(summary.entries, "{n} entry", "{n} entries"),
        days=plural(summary.days, "{n} day", "{n} days"),
        worked=format_hours(summary.worked),
        breaks=format_hours(summary.breaks),
    )


def shift_lines(shift: Shift, today_worked: timedelta, zone: tzinfo, now: datetime) -> list[str]:
    """What ``timeclock status`` says."""
    today = _("Today: worked {worked} h.").format(worked=format_hours(today_worked))
    if shift.entry is None:
        return [_("Not stamped in."), today]
    since = clock_time(shift.entry.start, zone)
    if shift.entry.start.astimezone(zone).date() != now.astimezone(zone).date():
        since = f"{day_label(shift.entry.start, zone)} {since}"
    lines = [
        _("Stamped in since {since}: worked {worked} h, break {break_time} h.").format(
            since=since,
            worked=format_hours(shift.worked_time(now)),
            break_time=format_hours(shift.break_time(now)),
        )
    ]
    if shift.breaks is not None and shift.breaks.running_since is not None:
        lines.append(
            _("On a break since {time}.").format(time=clock_time(shift.breaks.running_since, zone))
        )
    lines.append(today)
    return lines
