"""The attendance object on the wire: request bodies in, response objects out.

Writes accept both spellings the vendor uses: the object's own names (``user``,
``breakMinutes``, ``notes``) and those of its examples (``username``, ``minutesBreak``,
``details``). When a body carries both spellings of a field, both are validated and the
first spelling listed in ``_FIELDS`` (or ``username`` over ``user``) wins. A JSON ``null``
counts as "not sent" (so a client that serialises unset optional fields is not refused),
except for the user, which must be a name whenever it is sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from starlette.requests import Request

from timeclock.domain.timestamps import format_timestamp
from timeclock.sandbox import fields
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.records import Attendance, AttendancePatch, NewAttendance, TimeRangeError

MAX_BODY_BYTES = 1024 * 1024
USER_SPELLINGS = ("username", "user")

# (record attribute, wire spellings with the preferred one first, validator)
_FIELDS: tuple[tuple[str, tuple[str, ...], Callable[[str, object], Any]], ...] = (
    ("start", ("from",), fields.timestamp),
    ("end", ("to",), fields.timestamp),
    ("notes", ("notes", "details"), fields.text),
    ("manual", ("manual",), fields.flag),
    ("break_minutes", ("breakMinutes", "minutesBreak"), fields.minutes),
    ("latitude_start", ("latitudeStart",), fields.latitude),
    ("longitude_start", ("longitudeStart",), fields.longitude),
    ("latitude_end", ("latitudeEnd",), fields.latitude),
    ("longitude_end", ("longitudeEnd",), fields.longitude),
)


async def read_json_object(request: Request) -> Mapping[str, object]:
    """The request body as a JSON object, whatever the Content-Type says."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks))
    except (ValueError, RecursionError) as error:  # JSONDecodeError, bad UTF-8, huge ints
        raise ApiError(ErrorCode.INVALID_BODY, "the body is not valid JSON") from error
    if not isinstance(body, dict):
        raise ApiError(ErrorCode.INVALID_BODY, "the body must be a JSON object")
    return body


def parse_create(body: Mapping[str, object]) -> NewAttendance:
    """A create request's body as a new record; raises ApiError (400) when it is not one."""
    values = _read_fields(body)
    user = _read_user(body)
    if user is None:
        raise ApiError(ErrorCode.MISSING_FIELD, "'username' is required")
    for attribute, wire_name in (("start", "from"), ("end", "to")):
        if attribute not in values:
            raise ApiError(ErrorCode.MISSING_FIELD, f"'{wire_name}' is required")
    try:
        return NewAttendance(user=user, **values)
    except TimeRangeError as error:
        raise ApiError(ErrorCode.INVALID_TIME_RANGE, "'to' must not lie before 'from'") from error


def parse_update(body: Mapping[str, object]) -> AttendancePatch:
    """An update request's body as a patch; the user of an entry cannot be changed."""
    for spelling in USER_SPELLINGS:
        if spelling in body:
            raise ApiError(ErrorCode.READ_ONLY_FIELD, "username cannot be changed")
    return AttendancePatch(**_read_fields(body))


def to_wire(entry: Attendance, *, whole_seconds: bool = False) -> dict[str, object]:
    """The vendor's object. Coordinates appear only when set; all but ``latitudeStart``
    are strings, because the vendor's table types them Text. With ``whole_seconds`` the
    timestamps are written ``YYYY-MM-DDTHH:MM:SSZ`` (milliseconds cut off)."""
    write = _whole_seconds if whole_seconds else format_timestamp
    wire: dict[str, object] = {
        "id": entry.id,
        "user": entry.user,
        "from": write(entry.start),
        "to": write(entry.end),
        "notes": entry.notes,
        "manual": entry.manual,
        "workedMinutes": entry.worked_minutes,
        "breakMinutes": entry.break_minutes,
    }
    if entry.latitude_start is not None:
        wire["latitudeStart"] = entry.latitude_start
    for key, value in (
        ("longitudeStart", entry.longitude_start),
        ("latitudeEnd", entry.latitude_end),
        ("longitudeEnd", entry.longitude_end),
    ):
        if value is not None:
            wire[key] = format(Decimal(repr(value)), "f")
    return wire


def _whole_seconds(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ``, the vendor's general format (the seconds are not rounded)."""
    with_millis = format_timestamp(moment)  # ...SS.fffZ
    return with_millis[: -len(".fffZ")] + "Z"


def _read_fields(body: Mapping[str, object]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for attribute, spellings, validate in _FIELDS:
        for spelling in reversed(spellings):  # the preferred spelling is assigned last
            raw = body.get(spelling)
            if raw is not None:
                values[attribute] = _validated(validate, spelling, raw)
    return values


def _read_user(body: Mapping[str, object]) -> str | None:
    user: str | None = None
    for spelling in reversed(USER_SPELLINGS):
        if spelling in body:  # unlike other fields, null is refused: the user is required
            user = _validated(fields.username, spelling, body[spelling])
    return user


def _validated(validate: Callable[[str, object], Any], spelling: str, raw: object) -> Any:
    try:
        return validate(spelling, raw)
    except fields.FieldError as error:
        raise ApiError(ErrorCode.INVALID_FIELD, str(error)) from error


def _too_large() -> ApiError:
    return ApiError(ErrorCode.BODY_TOO_LARGE, f"the body exceeds {MAX_BODY_BYTES} bytes")
