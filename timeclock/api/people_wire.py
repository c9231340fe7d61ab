"""The JSON of ``users``, ``absences`` and ``work_reports``, read as tolerantly as §7 asks.

What other-endpoints.md (beside NOTES.md) leaves open is read every way it allows: ``id``
or ``ID``; the user name as ``user`` or ``username``; integers and booleans as numbers,
numeric strings, ``1``/``0``; ``personalNumber`` as a number or text; timestamps with or
without milliseconds; a list as a bare array or wrapped in an object. A field whose
format is not documented (``workStart``, ``breakTimes``) is dropped when it cannot be
read, never the record. Anything that is no record becomes a :class:`PeopleWireError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from timeclock.domain.people import Absence, AbsenceStatus, AbsenceTime, DailyReport, Employee
from timeclock.domain.timestamps import TimestampError, parse_timestamp

_ID = ("id", "ID", "Id")
_USER = ("username", "user", "userName")
_LIST_KEYS = ("data", "items", "results", "records", "users", "absences", "work_reports")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,18}")
_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})")
_ABSENCE_SLOTS = 3
_MAX_SECONDS = 10 * 366 * 24 * 3600  # no day, nor any target, is longer than ten years


class PeopleWireError(ValueError):
    """A value that is not the record the resource describes."""


def records(value: object, resource: str) -> list[Mapping[str, Any]]:
    """The records of a list answer: a bare array or one wrapped in a common key."""
    items: object = value
    for _ in range(2):
        if not isinstance(items, Mapping):
            break
        items = next((items[key] for key in _LIST_KEYS if key in items), None)
    if not isinstance(items, list):
        raise PeopleWireError(f"expected a list of {resource}, got {_kind(value)}")
    for item in items:
        if not isinstance(item, Mapping):
            raise PeopleWireError(f"expected {resource} objects in the list, got {_kind(item)}")
    return items


def record(value: object, resource: str) -> Mapping[str, Any]:
    """The one record of a get answer (also when wrapped in one key, such as ``data``)."""
    while isinstance(value, Mapping) and len(value) == 1 and not _has(value, _ID):
        (value,) = value.values()
    if not isinstance(value, Mapping):
        raise PeopleWireError(f"expected one of {resource}, got {_kind(value)}")
    return value


def employee(item: Mapping[str, Any]) -> Employee:
    name = _text(_first(item, _USER), "username")
    if not name.strip():
        raise PeopleWireError("a user without a user name")
    return Employee(
        username=name,
        first_name=_text(item.get("firstName"), "firstName"),
        last_name=_text(item.get("lastName"), "lastName"),
        personal_number=_text(item.get("personalNumber"), "personalNumber"),
        email=_text(item.get("email"), "email"),
        id=_optional_id(item),
        enabled=_flag(item.get("enabled"), "enabled", default=True),
        admin=_flag(item.get("admin"), "admin", default=False),
        team_lead=_flag(item.get("teamLead"), "teamLead", default=False),
    )


def absence(item: Mapping[str, Any], *, user: str = "") -> Absence:
    """An absence; ``user`` is filled in where the server left the name out."""
    first = _day(item.get("from"), "from")
    last = _day(item.get("to"), "to")
    if last < first:
        raise PeopleWireError(f"an absence that ends ({last}) before it starts ({first})")
    type_id = item.get("absenceType")
    status = item.get("status")
    return Absence(
        user=_text(_first(item, _USER), "user") or user,
        first_day=first,
        last_day=last,
        type_id=None if type_id in (None, "") else _integer(type_id, "absenceType"),
        type_name=_text(item.get("absenceTypeName"), "absenceTypeName"),
        status=AbsenceStatus.APPROVED if status in (None, "") else _integer(status, "status"),
        id=_optional_id(item),
    )


def daily_report(item: Mapping[str, Any], *, user: str = "") -> DailyReport:
    """A daily report; ``user`` is filled in where the server left the name out."""
    slots = []
    for number in range(1, _ABSENCE_SLOTS + 1):
        seconds = _seconds(item, f"absence{number}Seconds")
        name = _text(item.get(f"absence{number}ShortName"), f"absence{number}ShortName")
        if seconds or name:
            slots.append(AbsenceTime(seconds, name))
    weekday = item.get("weekday")
    holiday = _flag(item.get("holiday"), "holiday", default=False) or (
        weekday not in (None, "") and _integer(weekday, "weekday") == 8
    )
    return DailyReport(
        user=_text(_first(item, _USER), "username") or user,
        day=_day(item.get("workDate"), "workDate"),
        target_seconds=_seconds(item, "targetSeconds"),
        worked_seconds=_seconds(item, "workedSeconds"),
        break_seconds=_seconds(item, "breakSeconds"),
        holiday_seconds=_seconds(item, "holidaySeconds"),
        surcharge_seconds=_seconds(item, "surchargeSeconds"),
        absences=tuple(slots),
        holiday=holiday,
        start=_moment(item.get("workStart")),
        end=_moment(item.get("workEnd")),
        break_times=_loose_text(item.get("breakTimes")),
    )


# -- single values ---------------------------------------------------------------------------


def _has(item: Mapping[str, Any], names: tuple[str, ...]) -> bool:
    return any(name in item for name in names)


def _first(item: Mapping[str, Any], names: tuple[str, ...]) -> object:
    for name in names:
        if item.get(name) is not None:
            return item[name]
    return None


def _optional_id(item: Mapping[str, Any]) -> int | None:
    value = _first(item, _ID)
    if value is None or value == "":
        return None
    number = _integer(value, "id")
    if number <= 0:
        raise PeopleWireError(f"id must be positive, got {number}")
    return number


def _text(value: object, name: str) -> str:
    """Text; a number is taken as its digits (``personalNumber`` 1001), null as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise PeopleWireError(f"'{name}' must be text, got {_kind(value)}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, str):
        return value.strip()
    raise PeopleWireError(f"'{name}' must be text, got {_kind(value)}")


def _loose_text(value: object) -> str:
    try:
        return _text(value, "text")
    except PeopleWireError:
        return ""


def _integer(value: object, name: str) -> int:
    if isinstance(value, bool):
        raise PeopleWireError(f"'{name}' must be a number, got {_kind(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    raise PeopleWireError(f"'{name}' must be a whole number, got {_kind(value)}")


def _seconds(item: Mapping[str, Any], name: str) -> int:
    value = item.get(name)
    if value is None or value == "":
        return 0
    seconds = _integer(value, name)
    if abs(seconds) > _MAX_SECONDS:
        raise PeopleWireError(f"'{name}' is out of range: {seconds}")
    return seconds


def _flag(value: object, name: str, *, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise PeopleWireError(f"'{name}' must be true or false, got {_kind(value)}")


def _day(value: object, name: str) -> date:
    """A date ``YYYY-MM-DD``; a timestamp's date part is taken as its day."""
    match = _DATE.match(value.strip()) if isinstance(value, str) else None
    if match is not None:
        try:
            return date.fromisoformat(match[1])
        except ValueError:
            pass
    raise PeopleWireError(f"'{name}' must be a date like 2020-10-01, got {_kind(value)}")


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_timestamp(value)
    except TimestampError:
        return None  # the format is not documented: a time we cannot read is left out


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
