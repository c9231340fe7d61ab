"""``work_reports``: one daily record per user per day, computed from the attendances.

Each day of the range gets a record for each user: the directory's enabled users, and
anyone else with attendances in the range (with the default working model). Attendances
count on the local day (the directory's zone) they start on; a running one (``to`` =
``from``) adds to ``workStart`` but not to the time worked.

The target is the working model's hours for the weekday, *less* what a public holiday of
the directory's state (``holidaySeconds``, only on a working day, as documented) and
approved absences (``absence1Seconds``..., the first absence takes the rest of the day)
already cover; so ``workTargetDifference`` = worked - target adds up to the balance. (How
the vendor credits holidays is not documented; this is the sandbox's reading.)

Without ``from`` and ``to`` the current month is reported; a range is at most 366 days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from timeclock.domain.holidays import is_holiday
from timeclock.domain.timestamps import format_timestamp
from timeclock.sandbox import people_query
from timeclock.sandbox.directory import APPROVED, Directory
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.people_quirks import PeopleQuirks
from timeclock.sandbox.records import Attendance
from timeclock.sandbox.store import AttendanceStore

MAX_DAYS: Final = 366
MAX_ABSENCES: Final = 3
_MILLISECOND = timedelta(milliseconds=1)


@dataclass(frozen=True, slots=True)
class DailyRecord:
    """One user's day as the sandbox computes it (seconds throughout)."""

    username: str
    day: date
    start: datetime | None
    end: datetime | None
    target: int
    worked: int
    breaks: int
    holiday_seconds: int
    absences: tuple[tuple[int, str], ...]
    holiday: bool


def daily_records(
    directory: Directory, store: AttendanceStore, user: str | None, first: date, last: date
) -> list[DailyRecord]:
    """The records of ``user`` (None: everyone) for every day ``first``..``last``."""
    zone = directory.zone
    since = datetime.combine(first, time(), zone).astimezone(UTC)
    until = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
    entries = store.query(user=user, start=since, end=until - _MILLISECOND, ignore_user_case=True)
    by_user: dict[str, dict[date, list[Attendance]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        known = directory.user_named(entry.user)
        name = entry.user if known is None else known.username
        by_user[name][entry.start.astimezone(zone).date()].append(entry)
    if user is not None:
        known = directory.user_named(user)
        names = [known.username] if known is not None else list(by_user)
    else:
        names = [u.username for u in directory.users if u.enabled]
        names += [name for name in by_user if directory.user_named(name) is None]
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    return [
        _day(directory, name, day, by_user.get(name, {}).get(day, []))
        for name in sorted(names, key=str.lower)
        for day in days
    ]


def _day(directory: Directory, username: str, day: date, entries: list[Attendance]) -> DailyRecord:
    model = directory.model_of(username).seconds_on(day)
    holiday = is_holiday(day, directory.state) is not None
    holiday_seconds = model if holiday else 0
    left = model - holiday_seconds
    absences: list[tuple[int, str]] = []
    for absence in directory.absences:
        if (
            absence.status == APPROVED
            and absence.user.lower() == username.lower()
            and absence.covers(day)
            and len(absences) < MAX_ABSENCES
        ):
            absences.append((left, absence.type_name))
            left = 0
    closed = [entry for entry in entries if entry.end > entry.start]
    worked = sum(
        max(0, int((e.end - e.start).total_seconds()) - e.break_minutes * 60) for e in closed
    )
    return DailyRecord(
        username=username,
        day=day,
        start=min((entry.start for entry in entries), default=None),
        end=max((entry.end for entry in closed), default=None),
        target=left,
        worked=worked,
        breaks=sum(entry.break_minutes * 60 for entry in closed),
        holiday_seconds=holiday_seconds,
        absences=tuple(absences),
        holiday=holiday,
    )


def report_object(record: DailyRecord, quirks: PeopleQuirks) -> dict[str, object]:
    number = quirks.number
    difference = record.worked - record.target
    weekday = record.day.isoweekday()  # 1 = Monday
    if quirks.weekday_from_sunday:
        weekday = weekday % 7 + 1
    wire: dict[str, object] = {
        quirks.user_key or "username": record.username,
        "workDate": record.day.isoformat(),
        "workStart": _moment(record.start, quirks),
        "workEnd": _moment(record.end, quirks),
        "targetSeconds": number(record.target),
        "workedSeconds": number(record.worked),
        "workTargetDifference": number(-difference if quirks.difference_flipped else difference),
        "breakSeconds": number(record.breaks),
        "breakTimes": "",
        "surchargeSeconds": number(0),
        "holidaySeconds": number(record.holiday_seconds),
    }
    for index in range(MAX_ABSENCES):
        seconds, name = record.absences[index] if index < len(record.absences) else (0, "")
        wire[f"absence{index + 1}Seconds"] = number(seconds)
        wire[f"absence{index + 1}ShortName"] = name
    wire["weekday"] = number(8 if record.holiday else weekday)
    wire["holiday"] = quirks.flag(record.holiday)
    return wire


def list_work_reports(
    directory: Directory, store: AttendanceStore, params: Mapping[str, str]
) -> list[object]:
    quirks = directory.quirks
    first, last = people_query.day_range(params)
    first, last = _whole_range(first, last, datetime.now(UTC).astimezone(directory.zone).date())
    if (last - first).days >= MAX_DAYS:
        raise ApiError(ErrorCode.INVALID_QUERY, f"a report covers at most {MAX_DAYS} days")
    user = people_query.user_filter(params, quirks)
    page = people_query.page(params, quirks)
    records = daily_records(directory, store, user, first, last)
    return [report_object(record, quirks) for record in page.of(records)]


def _whole_range(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """The days to report: as asked; a missing end completes the month of the other."""
    anchor = first or last or today
    month_start = anchor.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first or month_start, last or month_end


def _moment(moment: datetime | None, quirks: PeopleQuirks) -> str | None:
    if moment is None:
        return None
    text = format_timestamp(moment)
    return text[:-5] + "Z" if quirks.whole_seconds else text
