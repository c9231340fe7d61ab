"""When the minutes a list shows do not add up to an entry's worked time, and why.

TimeTrack keeps ``from`` and ``to`` to the second (a stamp is taken when the button is
pressed) and counts ``workedMinutes`` from them, rounded down. A list that shows 06:13 to
15:30 with a 0:31 break may therefore say 8:45 worked where the minutes give 8:46: the
entry ran from 06:13:40 to 15:30:20.

TimeClock keeps TimeTrack's figure: it is what payroll sees, what the reports print and
what the footer adds up (every row's worked time is whole minutes, so the footer's total
is the sum of the rows as shown). Instead of changing the figure, a row whose minutes do
not add up to it shows its start and end with seconds (:func:`needs_seconds`), so what is
shown adds up again; the list's tooltip says why. Rows whose minutes add up stay as short
as ever.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from timeclock.domain.attendance import Attendance, whole_minutes, worked_time


def to_minute(moment: datetime) -> datetime:
    """``moment`` with its seconds cut off, as a list shows it."""
    return moment.replace(second=0, microsecond=0)


def worked_as_shown(entry: Attendance) -> timedelta:
    """The worked time the shown minutes give: end less start (whole minutes) less break."""
    return worked_time(to_minute(entry.start), to_minute(entry.end), entry.break_minutes)


def needs_seconds(entry: Attendance) -> bool:
    """Whether a closed entry's shown minutes do not add up to its worked time (its
    times are then shown with seconds). An open entry counts up and is never asked."""
    if entry.is_open:
        return False
    worked = whole_minutes(entry.worked_until(entry.end))
    return worked != whole_minutes(worked_as_shown(entry))
