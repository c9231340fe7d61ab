"""The minutes a list shows against the worked time TimeTrack counts from seconds (#11)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from timeclock.domain.attendance import Attendance
from timeclock.domain.shown_minutes import needs_seconds, to_minute, worked_as_shown


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, 9, hour, minute, second, tzinfo=UTC)


def entry(start: datetime, end: datetime, breaks: int, worked: int | None) -> Attendance:
    return Attendance(7, "hansm", start, end, breaks, "", worked_minutes=worked)


def test_the_new_users_entry_needs_its_seconds() -> None:
    """06:13:40 to 15:30:20 less 0:31 is 8:45:40: TimeTrack says 525 minutes, the
    minutes shown (06:13 to 15:30 less 0:31) would say 8:46."""
    seen = entry(at(6, 13, 40), at(15, 30, 20), 31, 525)
    assert worked_as_shown(seen) == timedelta(hours=8, minutes=46)
    assert seen.worked_until(seen.end) == timedelta(hours=8, minutes=45)
    assert needs_seconds(seen)


def test_seconds_that_do_not_change_the_minutes_are_not_shown() -> None:
    assert not needs_seconds(entry(at(6, 13, 20), at(15, 30, 40), 31, 526))
    assert not needs_seconds(entry(at(8, 0), at(16, 0), 30, 450))
    assert not needs_seconds(entry(at(8, 0), at(16, 0), 30, None))


def test_without_the_servers_figure_the_seconds_count_too() -> None:
    typed = entry(at(6, 13, 40), at(15, 30, 20), 31, None)
    assert typed.worked_until(typed.end) == timedelta(hours=8, minutes=45)  # whole minutes
    assert needs_seconds(typed)


def test_an_open_entry_is_never_shown_with_seconds() -> None:
    running = Attendance(7, "hansm", at(6, 13, 40), at(6, 13, 40), 0, "")
    assert running.is_open and not needs_seconds(running)


def test_to_minute_cuts_seconds_and_fractions() -> None:
    assert to_minute(datetime(2026, 3, 9, 6, 13, 40, 500, tzinfo=UTC)) == at(6, 13)
