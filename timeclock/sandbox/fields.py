"""Validators for single wire values, shared by request bodies and query strings.

Each validator takes the field's wire name (for the error message) and the decoded JSON
value, and returns the typed value or raises :class:`FieldError`. The regular expressions
are exported because the OpenAPI document states the same rules.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from timeclock.domain.timestamps import TimestampError, parse_timestamp

# What the shared parser accepts, restricted to sane calendar values and years 1900-9999
# (format_timestamp cannot write years below 1000) and with no surrounding whitespace, so
# that the OpenAPI pattern describes exactly what the sandbox accepts.
TIMESTAMP_PATTERN = (
    r"^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?"
    r"(Z|z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$"
)
MINUTES_TEXT_PATTERN = r"^[0-9]+$"
COORDINATE_TEXT_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
MAX_MINUTES = 2**31 - 1
MAX_USERNAME_LENGTH = 255
FLAG_TEXTS = {"true": True, "false": False, "1": True, "0": False}

_TIMESTAMP = re.compile(TIMESTAMP_PATTERN)
_MINUTES_TEXT = re.compile(MINUTES_TEXT_PATTERN)
_COORDINATE_TEXT = re.compile(COORDINATE_TEXT_PATTERN)


class FieldError(ValueError):
    """A wire value that the sandbox refuses; ``field`` is its wire name."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"'{field}' {message}")
        self.field = field


def timestamp(field: str, value: object) -> datetime:
    """A wire timestamp as an aware UTC datetime, cut to the wire's millisecond precision."""
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        raise FieldError(field, "must be a timestamp like 2020-10-20T09:00:00.000Z")
    try:
        moment = parse_timestamp(value)
    except TimestampError as error:
        raise FieldError(field, f"is not a valid timestamp ({error})") from error
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def text(field: str, value: object) -> str:
    """Any string that can be stored and sent back as UTF-8."""
    if not isinstance(value, str):
        raise FieldError(field, "must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise FieldError(field, "contains characters that are not valid Unicode") from error
    return value


def username(field: str, value: object) -> str:
    name = text(field, value)
    if not name.strip():
        raise FieldError(field, "must not be empty")
    if len(name) > MAX_USERNAME_LENGTH:
        raise FieldError(field, f"must be at most {MAX_USERNAME_LENGTH} characters long")
    return name


def minutes(field: str, value: object) -> int:
    """A non-negative whole number of minutes, as a JSON number or a digit string ("15")."""
    count: int | None = None
    if isinstance(value, bool):
        count = None
    elif isinstance(value, int):  # not 15.0: OpenAPI 3.0's integer excludes it
        count = value
    elif isinstance(value, str):
        count = int(value) if _MINUTES_TEXT.match(value) else None
    if count is None:
        raise FieldError(field, "must be a whole number of minutes")
    if not 0 <= count <= MAX_MINUTES:
        raise FieldError(field, f"must be between 0 and {MAX_MINUTES}")
    return count


def flag(field: str, value: object) -> bool:
    """A boolean as true/false, 1/0 or their strings "true"/"false"/"1"/"0"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value in FLAG_TEXTS:
        return FLAG_TEXTS[value]
    raise FieldError(field, 'must be true, false, 1, 0, "true", "false", "1" or "0"')


def latitude(field: str, value: object) -> float:
    return _coordinate(field, value, 90.0)


def longitude(field: str, value: object) -> float:
    return _coordinate(field, value, 180.0)


def _coordinate(field: str, value: object, bound: float) -> float:
    number = _number(value)
    if number is None or math.isnan(number):
        raise FieldError(field, "must be a number or a numeric string")
    if not -bound <= number <= bound:
        raise FieldError(field, f"must be between {-bound:g} and {bound:g}")
    return number


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:  # an integer too large for a float: out of any range
            return math.inf
    if isinstance(value, str) and _COORDINATE_TEXT.match(value):
        return float(value)
    return None
