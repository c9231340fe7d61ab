"""Attendance values as JSON for the local database (not the wire format: see api/wire.py).

The outbox keeps drafts, changes and the entries last seen on the server between runs;
this is the one place that turns them into JSON and back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from timeclock.domain.attendance import Attendance, AttendanceChange, AttendanceDraft, Location
from timeclock.domain.timestamps import format_timestamp, parse_timestamp


def draft_json(draft: AttendanceDraft) -> dict[str, Any]:
    return {
        "user": draft.user,
        "start": format_timestamp(draft.start),
        "end": format_timestamp(draft.end),
        "break_minutes": draft.break_minutes,
        "notes": draft.notes,
        "manual": draft.manual,
        "start_location": _location_json(draft.start_location),
        "end_location": _location_json(draft.end_location),
    }


def change_json(change: AttendanceChange) -> dict[str, Any]:
    return {
        "start": None if change.start is None else format_timestamp(change.start),
        "end": None if change.end is None else format_timestamp(change.end),
        "break_minutes": change.break_minutes,
        "notes": change.notes,
        "manual": change.manual,
    }


def attendance_json(entry: Attendance) -> dict[str, Any]:
    return {
        **draft_json(AttendanceDraft.of(entry)),
        "id": entry.id,
        "worked_minutes": entry.worked_minutes,
    }


def attendance_from_json(data: dict[str, Any]) -> Attendance:
    return draft_from_json(data).as_entry(data["id"], worked_minutes=data["worked_minutes"])


def draft_from_json(data: dict[str, Any]) -> AttendanceDraft:
    return AttendanceDraft(
        user=data["user"],
        start=parse_timestamp(data["start"]),
        end=parse_timestamp(data["end"]),
        break_minutes=data["break_minutes"],
        notes=data["notes"],
        manual=data["manual"],
        start_location=_location(data["start_location"]),
        end_location=_location(data["end_location"]),
    )


def _location_json(location: Location | None) -> list[float] | None:
    return None if location is None else [location.latitude, location.longitude]


def _location(value: Any) -> Location | None:
    return None if value is None else Location(float(value[0]), float(value[1]))


def _moment(value: Any) -> datetime | None:
    return None if value is None else parse_timestamp(value)


def change_from_json(data: dict[str, Any]) -> AttendanceChange:
    """An update read back from :func:`change_json`."""
    return AttendanceChange(
        start=_moment(data["start"]),
        end=_moment(data["end"]),
        break_minutes=data["break_minutes"],
        notes=data["notes"],
        manual=data["manual"],
    )
