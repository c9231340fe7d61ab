"""Query strings of ``users``, ``absences`` and ``work_reports``, read as leniently as §7 asks.

Filter values are trimmed (an example sends ``username= tester``). ``from``/``to`` are read
as a date (``2020-10-01``) or a timestamp with or without milliseconds; these resources
filter by day, so a timestamp counts for its UTC date, and ``to`` includes its whole day.
Paging is the attendances': ``page_number`` from 0, ``limit`` 50 by default, at most 1000.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from timeclock.sandbox import fields
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.listing import DEFAULT_LIMIT, MAX_LIMIT
from timeclock.sandbox.people_quirks import PeopleQuirks

T = TypeVar("T")

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_INTEGER = re.compile(r"^[+-]?[0-9]{1,18}$")


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a list to answer with."""

    limit: int = DEFAULT_LIMIT
    number: int = 0

    def of(self, records: Sequence[T]) -> list[T]:
        start = self.limit * self.number
        return list(records[start : start + self.limit])


def page(params: Mapping[str, str], quirks: PeopleQuirks) -> Page:
    limit = min(integer(params, "limit", DEFAULT_LIMIT, minimum=1), MAX_LIMIT)
    number = integer(params, "page_number", 0, minimum=0)
    if "page_number" not in params:
        number = integer(params, "page", 0, minimum=0)
    return Page(limit, 0 if quirks.ignore_page_number else number)


def user_filter(params: Mapping[str, str], quirks: PeopleQuirks) -> str | None:
    """The user name asked for, under the keys this server reads; None: everyone."""
    for key in quirks.user_filters():
        value = params.get(key, "").strip()
        if value:
            return value
    return None


def day(params: Mapping[str, str], name: str) -> date | None:
    """``from``/``to`` as a day: a date, or the UTC date of a timestamp."""
    raw = params.get(name)
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if _DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    else:
        try:
            return fields.timestamp(name, text).date()
        except fields.FieldError:
            pass
    raise ApiError(
        ErrorCode.INVALID_QUERY,
        f"'{name}' must be a date like 2020-10-01 or a timestamp like 2020-10-01T00:00:00Z",
    )


def day_range(params: Mapping[str, str]) -> tuple[date | None, date | None]:
    first, last = day(params, "from"), day(params, "to")
    if first is not None and last is not None and last < first:
        raise ApiError(ErrorCode.INVALID_QUERY, "'to' must not lie before 'from'")
    return first, last


def integer(params: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not _INTEGER.match(raw):
        raise ApiError(ErrorCode.INVALID_QUERY, f"'{name}' must be a whole number")
    value = int(raw)
    if value < minimum:
        raise ApiError(ErrorCode.INVALID_QUERY, f"'{name}' must be at least {minimum}")
    return value
