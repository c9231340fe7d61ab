"""Time zones written as POSIX ``TZ`` rule strings, read the way the C library reads them.

``TZ=JST-9`` or ``TZ=EST5EDT,M3.2.0,M11.1.0`` name no zone file; they spell the rule out:

    std offset [dst [offset] [,start[/time],end[/time]]]

``std`` and ``dst`` are names of three or more letters, or anything of letters, digits,
``+`` and ``-`` in angle brackets (``<+03>``). An offset is ``[+|-]hh[:mm[:ss]]`` and counts
*west* of Greenwich: ``EST5`` is UTC-5, ``JST-9`` UTC+9. Without its own offset, DST is one
hour ahead of standard time. A date is ``Jn`` (day 1 to 365, 29 February never counted),
``n`` (day 0 to 365, leap days counted) or ``Mm.w.d`` (day ``d``, 0 = Sunday, of week ``w``
of month ``m``, week 5 meaning the last); the time after it (default 02:00) is on the clock
then in force and may run from -167 to 167 hours. DST without dates follows the US rule,
as the GNU C library does.

Everything is computed in whole seconds on the proleptic Gregorian calendar, so no date
arithmetic can overflow; :class:`PosixZone` follows PEP 495 for the repeated and skipped
wall times around a switch, as ``zoneinfo`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Final

_DAY: Final = 86_400
_HOUR: Final = 3_600
_DEFAULT_SWITCH_TIME: Final = 2 * _HOUR
_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_UNIX_EPOCH_DAY: Final = 719_163  # date(1970, 1, 1).toordinal()

_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{1,2}(?::\d{1,2})?)?"
_TIME = r"[+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?"
_DATE = r"(?:J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)"
_PATTERN: Final = re.compile(
    rf"(?P<std>{_NAME})(?P<std_offset>{_OFFSET})"
    rf"(?:(?P<dst>{_NAME})(?P<dst_offset>{_OFFSET})?"
    rf"(?:,(?P<start>{_DATE})(?:/(?P<start_time>{_TIME}))?"
    rf",(?P<end>{_DATE})(?:/(?P<end_time>{_TIME}))?)?)?",
    re.ASCII,  # digits are 0 to 9 only, as for the C library
)


class PosixTZError(ValueError):
    """The text is not a POSIX TZ rule string the C library would accept."""


@dataclass(frozen=True, slots=True)
class SwitchDate:
    """One of the two yearly switch days of a rule (``Jn``, ``n`` or ``Mm.w.d``)."""

    kind: str  # "J", "n" or "M"
    month: int = 0
    week: int = 0
    day: int = 0  # for J and n: the day number; for M: the weekday, 0 = Sunday

    def ordinal(self, year: int) -> int:
        """The day (``date.toordinal`` numbering, not limited to years 1 to 9999)."""
        first = _first_of_year(year)
        if self.kind == "J":
            return first + self.day - 1 + (1 if _is_leap(year) and self.day >= 60 else 0)
        if self.kind == "n":
            return first + self.day
        month_start = first + sum(_month_days(year, m) for m in range(1, self.month))
        first_match = month_start + (self.day - month_start) % 7
        day = first_match + 7 * (self.week - 1)
        while day >= month_start + _month_days(year, self.month):
            day -= 7  # week 5: the last such weekday of the month
        return day


@dataclass(frozen=True, slots=True)
class Rule:
    """When DST begins and ends, each on the wall clock in force just before."""

    start: SwitchDate
    start_time: int  # seconds after midnight, may be negative or beyond a day
    end: SwitchDate
    end_time: int


# The GNU C library's rule for a DST name without dates: the United States' since 2007.
US_RULE: Final = Rule(
    SwitchDate("M", 3, 2, 0), _DEFAULT_SWITCH_TIME, SwitchDate("M", 11, 1, 0), _DEFAULT_SWITCH_TIME
)


class PosixZone(tzinfo):
    """The zone a POSIX TZ string describes; use :func:`parse_posix_tz` to make one."""

    def __init__(
        self,
        text: str,
        std_name: str,
        std_offset: int,
        *,
        dst_name: str | None = None,
        dst_offset: int | None = None,
        rule: Rule | None = None,
    ) -> None:
        """Offsets in seconds east of UTC (the opposite sign of the TZ string's)."""
        super().__init__()
        self.text = text
        self.std_name = std_name
        self.std_offset = std_offset
        self.dst_name = dst_name
        self.dst_offset = std_offset + _HOUR if dst_offset is None else dst_offset
        self.rule = None if dst_name is None else (rule or US_RULE)
        self._years: dict[int, tuple[tuple[int, bool], tuple[int, bool]]] = {}

    def __repr__(self) -> str:
        return f"PosixZone({self.text!r})"

    def __str__(self) -> str:
        return self.text

    # -- tzinfo -------------------------------------------------------------------------

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        return timedelta(seconds=self._offset(self._wall_is_dst(dt)))

    def dst(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        in_dst = self._wall_is_dst(dt)
        return timedelta(seconds=self.dst_offset - self.std_offset if in_dst else 0)

    def tzname(self, dt: datetime | None) -> str:
        if dt is None or not self._wall_is_dst(dt):
            return self.std_name
        return self.dst_name or self.std_name

    def fromutc(self, dt: datetime) -> datetime:
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        instant = _seconds(dt)
        in_dst = self.is_dst_at(instant)
        local = (dt + timedelta(seconds=self._offset(in_dst))).replace(fold=0)
        # The second of two equal wall times (the hour repeated when DST ends) has fold 1.
        other = not in_dst
        other_instant = instant + self._offset(in_dst) - self._offset(other)
        if other_instant < instant and self.is_dst_at(other_instant) == other:
            return local.replace(fold=1)
        return local

    # -- the rule -----------------------------------------------------------------------

    def is_dst_at(self, instant: int) -> bool:
        """Whether DST is in force at ``instant`` (seconds since 1970-01-01 UTC)."""
        if self.rule is None:
            return False
        year = _year_near(instant + self.std_offset)
        switches = self._switches(year - 2, year + 1)
        in_dst = not switches[0][1]  # before a switch to DST there was none, and vice versa
        for moment, begins in switches:
            if moment > instant:
                break
            in_dst = begins
        return in_dst

    def _switches(self, first_year: int, last_year: int) -> list[tuple[int, bool]]:
        """The switches of these years, in UTC seconds, oldest first (True: DST begins)."""
        switches: list[tuple[int, bool]] = []
        for year in range(first_year, last_year + 1):
            switches += self._year_switches(year)
        # At a tie (DST all year: one year's end is the next one's start) DST wins.
        return sorted(switches)

    def _year_switches(self, year: int) -> tuple[tuple[int, bool], tuple[int, bool]]:
        """When DST begins and ends in ``year``, in UTC seconds (remembered: asked often)."""
        known = self._years.get(year)
        if known is None:
            assert self.rule is not None
            rule = self.rule
            begin = _epoch_seconds(rule.start.ordinal(year), rule.start_time) - self.std_offset
            end = _epoch_seconds(rule.end.ordinal(year), rule.end_time) - self.dst_offset
            known = self._years[year] = ((begin, True), (end, False))
        return known

    def _wall_is_dst(self, dt: datetime) -> bool:
        """DST or not for a wall time; fold picks, as PEP 495 says, around a switch."""
        if self.rule is None:
            return False
        wall = _seconds(dt)
        as_std, as_dst = wall - self.std_offset, wall - self.dst_offset
        # Away from a switch both readings agree. At a repeated time, fold 0 is the earlier
        # instant; in a skipped time, fold 0 takes the offset from before the switch. Both
        # are the state in force at the earlier of the two readings (fold 1: the later).
        earlier, later = min(as_std, as_dst), max(as_std, as_dst)
        return self.is_dst_at(later if dt.fold else earlier)

    def _offset(self, in_dst: bool) -> int:
        return self.dst_offset if in_dst else self.std_offset


def parse_posix_tz(text: str) -> PosixZone:
    """The zone of a POSIX TZ rule string; :class:`PosixTZError` if it is not one."""
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise PosixTZError(f"{text!r} is not a POSIX TZ rule")
    std_offset = -_clock(match["std_offset"], max_hours=24)
    dst_name = match["dst"]
    dst_offset = None if match["dst_offset"] is None else -_clock(match["dst_offset"], 24)
    rule = None
    if match["start"] is not None:
        rule = Rule(
            _switch_date(match["start"], text),
            _switch_time(match["start_time"]),
            _switch_date(match["end"], text),
            _switch_time(match["end_time"]),
        )
    return PosixZone(
        text,
        _name(match["std"]),
        std_offset,
        dst_name=None if dst_name is None else _name(dst_name),
        dst_offset=dst_offset,
        rule=rule,
    )


def _name(raw: str) -> str:
    return raw.removeprefix("<").removesuffix(">")


def _clock(text: str, max_hours: int) -> int:
    """``[+|-]hh[:mm[:ss]]`` in seconds."""
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    hours, minutes, seconds = (*parts, 0, 0)[:3]
    if hours > max_hours or minutes > 59 or seconds > 59:
        raise PosixTZError(f"{text!r} is not a valid time of day in a TZ rule")
    return sign * (hours * _HOUR + minutes * 60 + seconds)


def _switch_time(text: str | None) -> int:
    return _DEFAULT_SWITCH_TIME if text is None else _clock(text, max_hours=167)


def _switch_date(text: str, whole: str) -> SwitchDate:
    if text.startswith("J"):
        day = int(text[1:])
        if not 1 <= day <= 365:
            raise PosixTZError(f"{whole!r}: {text} is not a day from J1 to J365")
        return SwitchDate("J", day=day)
    if text.startswith("M"):
        month, week, weekday = (int(part) for part in text[1:].split("."))
        if not (1 <= month <= 12 and 1 <= week <= 5 and 0 <= weekday <= 6):
            raise PosixTZError(f"{whole!r}: {text} is not a month, week and weekday")
        return SwitchDate("M", month, week, weekday)
    day = int(text)
    if not 0 <= day <= 365:
        raise PosixTZError(f"{whole!r}: {text} is not a day from 0 to 365")
    return SwitchDate("n", day=day)


# -- the calendar in plain integers (years beyond 1..9999 included) --------------------


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month - 1]


def _first_of_year(year: int) -> int:
    """The ordinal of 1 January of ``year`` (``date.toordinal``: 0001-01-01 is 1)."""
    before = year - 1
    return 365 * before + before // 4 - before // 100 + before // 400 + 1


def _year_near(seconds: int) -> int:
    """The year of ``seconds`` since 1970, give or take one (enough to pick switches)."""
    day = seconds // _DAY + _UNIX_EPOCH_DAY
    return (day * 400) // 146_097 + 1


def _epoch_seconds(ordinal: int, seconds: int) -> int:
    return (ordinal - _UNIX_EPOCH_DAY) * _DAY + seconds


def _seconds(dt: datetime) -> int:
    """A datetime's wall fields as seconds since 1970 (its tzinfo is ignored)."""
    return _epoch_seconds(dt.toordinal(), dt.hour * _HOUR + dt.minute * 60 + dt.second)
