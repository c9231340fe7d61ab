"""Attendance entries as JSON and CSV for scripts and spreadsheets.

Both use the object's field names from the vendor's document and UTC timestamps in the
wire format, so what a script reads is what TimeTrack stores; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from timeclock.domain.attendance import Attendance
from timeclock.domain.timestamps import format_timestamp

FIELDS = ("id", "user", "from", "to", "notes", "manual", "workedMinutes", "breakMinutes")
COORDINATES = ("latitudeStart", "longitudeStart", "latitudeEnd", "longitudeEnd")


def entry_record(entry: Attendance) -> dict[str, Any]:
    """One entry as a JSON-ready object; coordinates only where the entry has them."""
    record: dict[str, Any] = {
        "id": entry.id,
        "user": entry.user,
        "from": format_timestamp(entry.start),
        "to": format_timestamp(entry.end),
        "notes": entry.notes,
        "manual": entry.manual,
        "workedMinutes": entry.worked_minutes,
        "breakMinutes": entry.break_minutes,
    }
    for suffix, location in (("Start", entry.start_location), ("End", entry.end_location)):
        if location is not None:
            record[f"latitude{suffix}"] = location.latitude
            record[f"longitude{suffix}"] = location.longitude
    return record


def to_json(entries: Iterable[Attendance]) -> str:
    """A JSON array of entry objects."""
    return json.dumps([entry_record(entry) for entry in entries], indent=2, ensure_ascii=False)


def to_csv(entries: Iterable[Attendance]) -> str:
    """CSV with a header row; coordinate columns are always there, empty when unknown."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS + COORDINATES, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        record = entry_record(entry)
        record["manual"] = "true" if entry.manual else "false"
        writer.writerow(record)
    return buffer.getvalue()
