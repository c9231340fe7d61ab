"""The attendances wire format: the one module that knows TimeTrack's JSON.

Reading is tolerant, because the vendor's document contradicts itself (see NOTES.md):
``id``/``ID``, ``user``/``username``, ``breakMinutes``/``minutesBreak``, ``notes``/``details``,
numbers and coordinates as strings, booleans as ``true``/``false``/``1``/``0``, timestamps
with or without milliseconds or with an offset, a list as a bare array or wrapped in an
object. Anything that is not an attendance becomes a :class:`WireFormatError`, never a crash.

Writing uses the object's own field names plus ``username`` on create (the project's
convention); if the real service turns out to want the example spellings, change the
``_FIELD_*`` names here and nowhere else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from sys import intern
from typing import Any

from timeclock.api.errors import ServerMessage
from timeclock.domain.attendance import (
    MAX_ENTRY_ID,
    Attendance,
    AttendanceChange,
    AttendanceDraft,
    Location,
    whole_minutes,
    worked_time,
)
from timeclock.domain.foreground import paced
from timeclock.domain.localtime import EARLIEST as _EARLIEST
from timeclock.domain.localtime import LATEST as _LATEST
from timeclock.domain.localtime import OutOfRangeError, check_instant
from timeclock.domain.timestamps import (
    TimestampError,
    format_timestamp,
    parse_timestamp,
    plain_timestamp,
)

# Query parameter names.
FILTER_USER = "username"
FILTER_FROM = "from"
FILTER_TO = "to"
PAGE_NUMBER = "page_number"
PAGE_LIMIT = "limit"

# Field names the client writes.
_FIELD_USER_ON_CREATE = "username"
_FIELD_BREAK = "breakMinutes"
_FIELD_NOTES = "notes"

# Spellings accepted on read, preferred first.
_ID = ("id", "ID", "Id")
_USER = ("user", "username", "userName")
_BREAK = ("breakMinutes", "minutesBreak")
_NOTES = ("notes", "details")
_LIST_KEYS = ("data", "attendances", "items", "results", "entries", "records")

# An optionally signed run of ASCII digits (int() alone would also take "1_000", "٣").
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,20}")

_HIDDEN = "<hidden>"
_SURROGATE = re.compile("[\ud800-\udfff]")

# No real entry lasts or breaks for 19 years; a bigger number is a broken server.
_MAX_MINUTES = 10_000_000
_DAY_MINUTES = 24 * 60
_MINUTES = tuple(range(_DAY_MINUTES))  # shared by the entries: see _plain_attendance


class WireFormatError(ValueError):
    """A JSON value that is not what the attendances API describes."""


def parse_attendance(value: object, *, known_id: int | None = None) -> Attendance:
    """Read one attendance object, tolerating the spellings listed in the module docs.

    ``known_id`` is the id of the entry asked for: an object without an id is taken as that
    entry (whether an object with another id may be, is for the caller to decide).
    """
    if known_id is None and type(value) is dict:
        quick = _plain_attendance(value)
        if quick is not None:
            return quick
    record = _unwrap_single(value)
    try:
        start = parse_timestamp(_text(_require(record, ("from",)), "from"))
        end_value = _first(record, ("to",))
        # Not documented whether a running entry may come without `to`: treat it as open.
        end = start if end_value in (None, "") else parse_timestamp(_text(end_value, "to"))
        # An entry at the calendar's very ends could not be shown in every zone.
        check_instant(start)
        check_instant(end)
    except (TimestampError, OutOfRangeError) as error:
        raise WireFormatError(str(error)) from error
    if end < start:
        raise WireFormatError(f"entry ends ({end}) before it starts ({start})")
    break_minutes = _minutes(_first(record, _BREAK), "breakMinutes") or 0
    worked = _minutes(_first(record, ("workedMinutes",)), "workedMinutes")
    return Attendance(
        id=_entry_id(_require(record, _ID)) if known_id is None else _id_or(record, known_id),
        user=_optional_text(_first(record, _USER), "user"),
        start=start,
        end=end,
        break_minutes=break_minutes,
        notes=_optional_text(_first(record, _NOTES), "notes"),
        manual=_boolean(_first(record, ("manual",)), "manual"),
        worked_minutes=(
            worked if worked is not None else whole_minutes(worked_time(start, end, break_minutes))
        ),
        start_location=_location(record.get("latitudeStart"), record.get("longitudeStart")),
        end_location=_location(record.get("latitudeEnd"), record.get("longitudeEnd")),
    )


def _plain_attendance(record: dict[str, Any]) -> Attendance | None:
    """The entry of an object in exactly the documented shape, read without the tolerance
    for other spellings and types (a list of a year holds 100,000 of them); None for any
    other object, which :func:`parse_attendance` then reads, or refuses, the long way.

    What it returns is what the long way returns: the same checks, only fewer of the
    alternatives tried (the tests compare the two ways). Written for speed: one look-up a
    field, the range check of both ends in one comparison (``start <= end``), no call
    where a type test does.
    """
    get = record.get
    entry_id, user, notes = get("id"), get("user"), get("notes")
    manual, break_minutes, worked = get("manual"), get("breakMinutes"), get("workedMinutes")
    if (
        type(entry_id) is not int
        or not 0 < entry_id <= MAX_ENTRY_ID
        or type(user) is not str
        or type(notes) is not str
        or type(manual) is not bool
        or type(break_minutes) is not int
        or not 0 <= break_minutes <= _MAX_MINUTES
        or not (worked is None or (type(worked) is int and 0 <= worked <= _MAX_MINUTES))
    ):
        return None
    start, end = plain_timestamp(get("from")), plain_timestamp(get("to"))
    # Both ends within TimeClock's calendar (check_instant), given start <= end.
    if start is None or end is None or not _EARLIEST <= start <= end < _LATEST:
        return None
    if (
        "latitudeStart" in record
        or "longitudeStart" in record
        or "latitudeEnd" in record
        or "longitudeEnd" in record
    ):
        start_location = _location(get("latitudeStart"), get("longitudeStart"))
        end_location = _location(get("latitudeEnd"), get("longitudeEnd"))
    else:
        start_location = end_location = None
    if worked is None:
        worked = whole_minutes(worked_time(start, end, break_minutes))
    if worked < _DAY_MINUTES:  # one int object per number, not one per entry (3 MB a year)
        worked = _MINUTES[worked]
    return Attendance(
        entry_id,
        # One string per user name, not one per entry (5 MB less at 100,000 entries).
        intern(user) if user.isascii() else _valid_unicode(user),
        start,
        end,
        break_minutes,
        notes if notes.isascii() else _valid_unicode(notes),
        manual,
        worked,
        start_location,
        end_location,
    )


def parse_attendance_list(value: object) -> list[Attendance]:
    """Read a list response: a bare array, or an object wrapping one (``{"data": [...]}``)."""
    return parse_attendance_items(attendance_items(value))


def attendance_items(value: object) -> list[Any]:
    """The items of a list response (a bare array, or an object wrapping one), unread;
    a :class:`WireFormatError` for any other shape."""
    return _unwrap_list(value)


def plain_ids(items: list[Any]) -> list[int] | None:
    """The ids of ``items`` when every one is an object with a whole-number ``id`` (the
    documented shape), without reading them further: the ids that reading them gives,
    where it succeeds. None when any item is in another shape."""
    ids = []
    for item in items:
        entry_id = item.get("id") if type(item) is dict else None
        if type(entry_id) is not int:
            return None
        ids.append(entry_id)
    return ids


def parse_attendance_items(items: list[Any]) -> list[Attendance]:
    """Read the items of a list response (see :func:`attendance_items`), in their order."""
    entries: list[Attendance] = []
    append = entries.append
    # The quick way first: a list of a year holds 100,000 items. Read in a worker while
    # the window may paint: pause points between slices (see domain.foreground).
    for item in paced(items):
        quick = _plain_attendance(item) if type(item) is dict else None
        if quick is None:
            break
        append(quick)
    else:
        return entries
    for index in range(len(entries), len(items)):
        try:
            append(parse_attendance(items[index]))
        except WireFormatError as error:
            raise WireFormatError(f"item {index} of the list: {error}") from error
    return entries


def parse_error_messages(value: object, hidden: Collection[str] = ()) -> tuple[ServerMessage, ...]:
    """The messages of an error body, in the vendor's shape or a common other one.

    Every text in ``hidden`` (the API key and secret: a debug page may quote the request's
    headers) is replaced by ``<hidden>``, before long texts are clipped, so no part of it
    is left either.
    """
    if isinstance(value, Mapping):
        errors = value.get("errors")
        if isinstance(errors, list):
            return tuple(message for item in errors if (message := _server_message(item, hidden)))
        if isinstance(errors, Mapping | str):
            message = _server_message(errors, hidden)
            return (message,) if message else ()
        single = _server_message(value, hidden)
        return (single,) if single else ()
    if isinstance(value, str) and value.strip():
        return (ServerMessage(title=_clip(value.strip(), hidden)),)
    return ()


def draft_to_wire(draft: AttendanceDraft) -> dict[str, Any]:
    """The JSON body that creates ``draft``."""
    body: dict[str, Any] = {
        _FIELD_USER_ON_CREATE: draft.user,
        "from": format_timestamp(draft.start),
        "to": format_timestamp(draft.end),
        _FIELD_BREAK: draft.break_minutes,
        _FIELD_NOTES: draft.notes,
        "manual": draft.manual,
    }
    for prefix, location in (("Start", draft.start_location), ("End", draft.end_location)):
        if location is not None:
            body[f"latitude{prefix}"] = location.latitude
            body[f"longitude{prefix}"] = location.longitude
    return body


def change_to_wire(change: AttendanceChange) -> dict[str, Any]:
    """The JSON body of an update: only the fields the change sets (never the user)."""
    body: dict[str, Any] = {}
    if change.start is not None:
        body["from"] = format_timestamp(change.start)
    if change.end is not None:
        body["to"] = format_timestamp(change.end)
    if change.break_minutes is not None:
        body[_FIELD_BREAK] = change.break_minutes
    if change.notes is not None:
        body[_FIELD_NOTES] = change.notes
    if change.manual is not None:
        body["manual"] = change.manual
    return body


def filter_params(
    user: str | None, since: datetime | None, until: datetime | None
) -> dict[str, str]:
    """Query parameters of a filtered list.

    ``until`` is exclusive for us; the service's ``to`` is read as inclusive (its example
    asks for October with ``to=...10-31T00:00:00Z``), so the last millisecond before
    ``until`` is sent.
    """
    params: dict[str, str] = {}
    if user:
        params[FILTER_USER] = user
    if since is not None:
        params[FILTER_FROM] = format_timestamp(since)
    if until is not None:
        params[FILTER_TO] = format_timestamp(until - timedelta(microseconds=1))
    return params


def _unwrap_single(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise WireFormatError(f"expected an attendance object, got {_kind(value)}")
    # A loop, not recursion: a deeply nested value must not end in a RecursionError.
    while not any(key in value for key in _ID) and len(value) == 1:
        (inner,) = value.values()
        if not isinstance(inner, Mapping):
            break
        value = inner
    return value


def _unwrap_list(value: object, depth: int = 0) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping) and depth < 2:
        for key in _LIST_KEYS:
            if key in value:
                return _unwrap_list(value[key], depth + 1)
    raise WireFormatError(f"expected a list of attendances, got {_kind(value)}")


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> object:
    for name in names:
        if name in record and record[name] is not None:
            return record[name]
    return None


def _require(record: Mapping[str, Any], names: tuple[str, ...]) -> object:
    value = _first(record, names)
    if value is None:
        raise WireFormatError(f"the field '{names[0]}' is missing")
    return value


def _id_or(record: Mapping[str, Any], known_id: int) -> int:
    value = _first(record, _ID)
    return known_id if value is None else _entry_id(value)


def _entry_id(value: object) -> int:
    number = _integer(value, "id")
    if number <= 0:
        raise WireFormatError(f"id must be positive, got {number}")
    if number > MAX_ENTRY_ID:
        raise WireFormatError(f"id {number} is larger than TimeClock can keep ({MAX_ENTRY_ID})")
    return number


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise WireFormatError(f"'{name}' must be text, got {_kind(value)}")
    return _valid_unicode(value)


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (JSON allows ``"\\ud800"``) replaced by U+FFFD.

    No such text can be encoded: printing it, or saving it to SQLite, would fail far from
    here. A surrogate pair in JSON arrives as one character, so every one left is lone.
    """
    if text.isascii():  # most texts, and no surrogate in them: no search needed
        return text
    return _SURROGATE.sub("\ufffd", text)


def _optional_text(value: object, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _text(value, name)


def _integer(value: object, name: str) -> int:
    if isinstance(value, bool):
        raise WireFormatError(f"'{name}' must be a number, got {_kind(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if _WHOLE_NUMBER.fullmatch(text):
            return int(text)
    raise WireFormatError(f"'{name}' must be a whole number, got {_kind(value)}")


def _minutes(value: object, name: str) -> int | None:
    if value is None or value == "":
        return None
    minutes = _integer(value, name)
    if not 0 <= minutes <= _MAX_MINUTES:
        raise WireFormatError(f"'{name}' is out of range: {minutes}")
    return minutes


def _boolean(value: object, name: str) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise WireFormatError(f"'{name}' must be true or false, got {_kind(value)}")


def _coordinate(value: object, limit: float) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value) if isinstance(value, int | float | str) else math.nan
    except (ValueError, OverflowError):  # OverflowError: an integer beyond float's range
        return None
    return number if math.isfinite(number) and -limit <= number <= limit else None


def _location(latitude: object, longitude: object) -> Location | None:
    """A position only when both halves are sensible numbers.

    A broken coordinate drops the position rather than the entry: the position is shown
    for information, the times are what matter.
    """
    lat, lon = _coordinate(latitude, 90.0), _coordinate(longitude, 180.0)
    return Location(lat, lon) if lat is not None and lon is not None else None


def _server_message(item: object, hidden: Collection[str]) -> ServerMessage | None:
    if isinstance(item, str):
        return ServerMessage(title=_clip(item, hidden)) if item.strip() else None
    if not isinstance(item, Mapping):
        return None
    title = item.get("title") or item.get("message") or item.get("error") or ""
    detail = item.get("detail") or item.get("details") or ""
    code = item.get("code")
    if not isinstance(title, str) or not isinstance(detail, str):
        return None
    title, detail = _clip(title, hidden), _clip(detail, hidden)  # " " clips to "": first
    if not title and not detail:
        return None
    return ServerMessage(
        title=title,
        detail=detail,
        code=code if isinstance(code, int) and not isinstance(code, bool) else None,
    )


def _clip(text: str, hidden: Collection[str] = (), limit: int = 300) -> str:
    for secret in hidden:
        if secret:
            text = text.replace(secret, _HIDDEN)
    one_line = " ".join(_valid_unicode(text).split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


__all__ = [
    "WireFormatError",
    "attendance_items",
    "change_to_wire",
    "draft_to_wire",
    "filter_params",
    "parse_attendance",
    "parse_attendance_items",
    "parse_attendance_list",
    "parse_error_messages",
    "plain_ids",
]
