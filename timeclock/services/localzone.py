"""The time zone people here read their clocks in."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal

from timeclock.domain.posixtz import PosixTZError, parse_posix_tz

UTC_ZONE = ZoneInfo("UTC")

log = logging.getLogger(__name__)


def local_zone(on_problem: Callable[[str], object] | None = None) -> tzinfo:
    """The zone of ``TZ`` or else the system's, with its DST rules; UTC if unknown.

    ``TZ`` is read as the C library reads it (so ``date`` and TimeClock agree): a zone
    name (``Europe/Berlin``, also ``:Europe/Berlin``), a path to a zone file, or a POSIX
    rule string (``JST-9``, ``EST5EDT,M3.2.0,M11.1.0``); empty means UTC. A ``TZ`` that is
    none of these means UTC as well, and ``on_problem`` (else the log) gets one line saying
    so: a silent fallback would store every time hours off.

    A fixed offset would get every date on the other side of a DST switch wrong, which is
    why this asks for the zone's name instead of using ``datetime.now().astimezone()``.
    ``TZ`` is read on every call (tzlocal caches the system's answer for the process).
    """
    value = os.environ.get("TZ")
    if value is None:
        return _system_zone()
    zone = zone_of_tz(value)
    if zone is None:
        problem = f"TZ={value!r} is not a time zone the C library can read; using UTC"
        (on_problem or log.warning)(problem)
        return UTC_ZONE
    return zone


def unreadable_tz() -> str | None:
    """``TZ`` when it names no zone (so :func:`local_zone` is UTC and says so), else None.

    For a message in the person's language: the window words the problem itself.
    """
    value = os.environ.get("TZ")
    return value if value is not None and zone_of_tz(value) is None else None


def zone_of_tz(value: str) -> tzinfo | None:
    """The zone a ``TZ`` value names, or None when it names none."""
    name = value.removeprefix(":")
    if not name:
        return UTC_ZONE  # TZ="" and TZ=":" are UTC to the C library
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass  # a path or a POSIX rule string
    # tzlocal would read a path too, but only on its first call: it caches the answer.
    if Path(name).is_absolute():
        return _zone_file(name)
    try:
        return parse_posix_tz(name)
    except PosixTZError:
        return None


def _system_zone() -> tzinfo:
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
