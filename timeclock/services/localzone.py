"""The time zone people here read their clocks in."""

from __future__ import annotations

import os
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

UTC_ZONE = ZoneInfo("UTC")


def local_zone() -> tzinfo:
    """The zone of ``TZ`` or else the system's, with its DST rules; UTC if unknown.

    A fixed offset would get every date on the other side of a DST switch wrong, which is
    why this asks for the zone's name instead of using ``datetime.now().astimezone()``.
    ``TZ`` is read on every call (tzlocal caches the system's answer for the process).
    """
    name = os.environ.get("TZ", "").removeprefix(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # a path or a POSIX rule string: let tzlocal try
    try:
        return tzlocal.get_localzone()
    except Exception:
        return UTC_ZONE
