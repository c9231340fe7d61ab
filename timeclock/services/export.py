"""Attendance entries as JSON and CSV for scripts and spreadsheets.

Both use the object's field names from the vendor's document and UTC timestamps in the
wire format, so what a script reads is what TimeTrack stores; numbers stay numbers.

An entry still running (stamped in, not yet out) has no end: ``to`` is empty (``null`` in
JSON), as the payroll report's CSV has it (:mod:`timeclock.services.report_csv`), and its
``workedMinutes`` is the time worked so far, up to the listing's moment (``now``), as the
report and the window's totals count it: a script that sums a month's minutes gets the
figure they show. (The server writes a running entry with ``to`` equal to ``from`` and 0
worked minutes, which would read as a finished entry of no work.) Without ``now`` that
figure is unknown: ``null``, an empty column.

A year of a company is 100,000 entries: :func:`write_json` and :func:`write_csv` write
them as they go (one JSON object a line, through the C encoder), so no second copy of the
whole list is built as text before the first line goes out.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from datetime import datetime
from itertools import islice
from typing import Any, TextIO

from timeclock.domain.attendance import Attendance, whole_minutes
from timeclock.domain.timestamps import format_timestamp

FIELDS = ("id", "user", "from", "to", "notes", "manual", "workedMinutes", "breakMinutes")
COORDINATES = ("latitudeStart", "longitudeStart", "latitudeEnd", "longitudeEnd")
_CHUNK = 1000  # entries written at once


def entry_record(entry: Attendance, now: datetime | None = None) -> dict[str, Any]:
    """One entry as a JSON-ready object; coordinates only where the entry has them; a
    running entry without ``to``, worked until ``now`` (see the module's docstring)."""
    record: dict[str, Any] = {
        "id": entry.id,
        "user": entry.user,
        "from": format_timestamp(entry.start),
        "to": _end(entry),
        "notes": entry.notes,
        "manual": entry.manual,
        "workedMinutes": _worked_minutes(entry, now),
        "breakMinutes": entry.break_minutes,
    }
    for suffix, location in (("Start", entry.start_location), ("End", entry.end_location)):
        if location is not None:
            record[f"latitude{suffix}"] = location.latitude
            record[f"longitude{suffix}"] = location.longitude
    return record


def _end(entry: Attendance) -> str | None:
    """The wire's ``to``; none for a running entry."""
    return None if entry.is_open else format_timestamp(entry.end)


def _worked_minutes(entry: Attendance, now: datetime | None) -> int | None:
    """The server's worked minutes; a running entry's so far (none without ``now``)."""
    if not entry.is_open:
        return entry.worked_minutes
    return None if now is None else whole_minutes(entry.worked_until(now))


def to_json(entries: Iterable[Attendance], now: datetime | None = None) -> str:
    """A JSON array of entry objects (as :func:`write_json` writes it)."""
    buffer = io.StringIO()
    write_json(entries, buffer, now=now)
    return buffer.getvalue()


def write_json(entries: Iterable[Attendance], out: TextIO, *, now: datetime | None = None) -> None:
    """Write a JSON array of entry objects to ``out``, one object a line, and a newline;
    running entries are worked until ``now``."""
    items = iter(entries)
    lead = "[\n  "
    while chunk := list(islice(items, _CHUNK)):
        out.write(lead + ",\n  ".join([_json_object(entry, now) for entry in chunk]))
        lead = ",\n  "
    out.write("[]\n" if lead.startswith("[") else "\n]\n")


def _json_object(entry: Attendance, now: datetime | None = None) -> str:
    """``json.dumps(entry_record(entry, now), ensure_ascii=False)``, written directly: the
    fields are known, so only the two texts need the encoder (three times quicker, for lists
    of a year; the tests compare the two)."""
    minutes = _worked_minutes(entry, now)
    worked = "null" if minutes is None else int(minutes)
    end = _end(entry)
    text = (
        f'{{"id": {_json_id(entry.id)}, "user": {_json_text(entry.user)}, '
        f'"from": "{format_timestamp(entry.start)}", "to": {_json_end(end)}, '
        f'"notes": {_json_text(entry.notes)}, "manual": {"true" if entry.manual else "false"}, '
        f'"workedMinutes": {worked}, "breakMinutes": {int(entry.break_minutes)}'
    )
    for suffix, location in (("Start", entry.start_location), ("End", entry.end_location)):
        if location is not None:
            text += (
                f', "latitude{suffix}": {_json_float(location.latitude)}'
                f', "longitude{suffix}": {_json_float(location.longitude)}'
            )
    return text + "}"


def _json_end(end: str | None) -> str:
    return "null" if end is None else f'"{end}"'


_json_text = json.encoder.encode_basestring  # a JSON string, not ASCII-escaped


def _json_id(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def _json_float(value: float) -> str:
    """``json.dumps(value)``: a finite float's repr, as json's encoder writes it, without
    the encoder's set-up (five times quicker); NaN and infinities as json has them."""
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value)


def to_csv(entries: Iterable[Attendance], now: datetime | None = None) -> str:
    """CSV with a header row; coordinate columns are always there, empty when unknown (so
    is a running entry's ``to``; its worked minutes are those until ``now``)."""
    buffer = io.StringIO()
    write_csv(entries, buffer, now=now)
    return buffer.getvalue()


def write_csv(entries: Iterable[Attendance], out: TextIO, *, now: datetime | None = None) -> None:
    """Write :func:`to_csv`'s text to ``out``, as it goes."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS + COORDINATES)
    items = iter(entries)
    while chunk := list(islice(items, _CHUNK)):
        writer.writerows([_csv_row(entry, now) for entry in chunk])


def _csv_row(entry: Attendance, now: datetime | None) -> list[object]:
    start, end = entry.start_location, entry.end_location
    return [
        entry.id,
        entry.user,
        format_timestamp(entry.start),
        _end(entry),
        entry.notes,
        "true" if entry.manual else "false",
        _worked_minutes(entry, now),
        entry.break_minutes,
        None if start is None else start.latitude,
        None if start is None else start.longitude,
        None if end is None else end.latitude,
        None if end is None else end.longitude,
    ]
