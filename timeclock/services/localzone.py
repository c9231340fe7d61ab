"""The time zone people here read their clocks in."""

from __future__ import annotations

import os
from datetime import tzinfo
from pathlib import Path
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
            pass  # a path or a POSIX rule string
        # tzlocal would read a path too, but only on its first call: it caches the answer.
        zone = _zone_file(name) if Path(name).is_absolute() else None
        if zone is not None:
            return zone
    try:
        return tzlocal.get_localzone()
    except Exception:  # noqa: BLE001 - tzlocal raises many kinds of error on odd systems
        return UTC_ZONE


def _zone_file(path: str) -> tzinfo | None:
    """The zone in a TZif file such as ``/usr/share/zoneinfo/Asia/Tokyo``, named by its key."""
    real = Path(path).resolve()
    parts = real.parts
    after = len(parts) - parts[::-1].index("zoneinfo") if "zoneinfo" in parts else len(parts) - 1
    try:
        with real.open("rb") as handle:
            return ZoneInfo.from_file(handle, key="/".join(parts[after:]))
    except (OSError, ValueError):
        return None
