"""The small staff the client tests read: users, absences, attendances in May 2024 (Berlin)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from timeclock.sandbox import NewAttendance, SandboxServer
from timeclock.sandbox.directory import PENDING, SICK, VACATION, Directory, WorkingModel


def staffed(server: SandboxServer) -> Directory:
    """``server``'s directory, emptied and filled with three users and their absences."""
    directory = server.directory
    directory.reset()
    directory.add_user("hansm", "Hans", "Müller", personal_number=1001, admin=True)
    directory.add_user("ivan", "Ivan", "Petrov", personal_number="A-17")
    directory.add_user("lenab", "Lena", "Becker", model=WorkingModel.weekly(20, 4))
    directory.add_absence("hansm", date(2024, 5, 6), date(2024, 5, 8), VACATION)
    directory.add_absence("ivan", date(2024, 5, 7), date(2024, 5, 7), SICK)
    directory.add_absence("hansm", date(2024, 6, 3), date(2024, 6, 3), SICK, PENDING)
    return directory


def shift(user: str, day: int, hours: float, break_minutes: int = 30) -> NewAttendance:
    """A shift in May 2024 from 07:00 UTC (09:00 in Berlin)."""
    start = datetime(2024, 5, day, 7, tzinfo=UTC)
    return NewAttendance(
        user=user, start=start, end=start + timedelta(hours=hours), break_minutes=break_minutes
    )
