"""The list operation's query string and response envelope.

Paging follows the vendor's general API page: ``limit`` defaults to 50 and is clamped to
1000, ``page_number`` counts from 0. The filters ``from``/``to`` both bound the entry's
*start* and are inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from timeclock.sandbox import fields
from timeclock.sandbox.errors import ApiError, ErrorCode

Envelope = Literal["array", "data"]
ENVELOPES: tuple[Envelope, ...] = ("array", "data")
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
USER_FILTERS = ("username", "user")

_INTEGER = re.compile(r"^[+-]?[0-9]+$")


@dataclass(frozen=True, slots=True)
class ListQuery:
    """A validated list request: filters (``None`` = no filter) and the page to return."""

    user: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    limit: int = DEFAULT_LIMIT
    page_number: int = 0

    @property
    def offset(self) -> int:
        return self.limit * self.page_number


def parse_list_query(params: Mapping[str, str]) -> ListQuery:
    """Read the query string; an empty user filter means "no filter"."""
    user = params.get("username") or params.get("user") or None
    start = _timestamp(params, "from")
    end = _timestamp(params, "to")
    if start is not None and end is not None and end < start:
        raise ApiError(ErrorCode.INVALID_QUERY, "'to' must not lie before 'from'")
    limit = _integer(params, "limit", DEFAULT_LIMIT, minimum=1)
    page_number = _integer(params, "page_number", 0, minimum=0)
    return ListQuery(user, start, end, min(limit, MAX_LIMIT), page_number)


def wrap(items: Sequence[object], envelope: Envelope) -> object:
    """The list response in the configured envelope: a bare array or ``{"data": [...]}``."""
    return list(items) if envelope == "array" else {"data": list(items)}


def _timestamp(params: Mapping[str, str], name: str) -> datetime | None:
    raw = params.get(name)
    if raw is None:
        return None
    try:
        return fields.timestamp(name, raw)
    except fields.FieldError as error:
        raise ApiError(ErrorCode.INVALID_QUERY, str(error)) from error


def _integer(params: Mapping[str, str], name: str, default: int, *, minimum: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw) if _INTEGER.match(raw) else None
    except ValueError:  # more digits than Python converts
        value = None
    if value is None:
        raise ApiError(ErrorCode.INVALID_QUERY, f"'{name}' must be a whole number")
    if value < minimum:
        raise ApiError(ErrorCode.INVALID_QUERY, f"'{name}' must be at least {minimum}")
    return value
