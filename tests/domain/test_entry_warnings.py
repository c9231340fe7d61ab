"""The entry dialog's warnings: the Needs attention rules an entry as typed would break."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from timeclock.domain.attendance import Attendance
from timeclock.domain.entry_warnings import InFuture, Overlap, ShortBreak, entry_warnings

NOW = datetime(2020, 10, 20, 12, tzinfo=UTC)  # a Tuesday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2020, 10, day, hour, minute, tzinfo=UTC)


def entry(
    entry_id: int | None,
    start: datetime,
    end: datetime,
    break_minutes: int = 0,
    *,
    user: str = "hansm",
    manual: bool = True,
) -> Attendance:
    return Attendance(
        id=entry_id,
        local_ref=None if entry_id is not None else "local:typed",
        user=user,
        start=start,
        end=end,
        break_minutes=break_minutes,
        manual=manual,
    )


def warnings_of(typed: Attendance, *others: Attendance, now: datetime = NOW) -> list[object]:
    return list(entry_warnings(typed, others, zone=UTC, now=now))


def test_an_ordinary_day_has_no_warning() -> None:
    assert warnings_of(entry(None, at(19, 8), at(19, 16, 30), 30)) == []


def test_an_overlap_with_another_entry_of_the_user_names_it() -> None:
    other = entry(7, at(19, 10), at(19, 12))
    assert warnings_of(entry(None, at(19, 8), at(19, 11)), other) == [Overlap(other)]


def test_entries_that_only_touch_do_not_overlap() -> None:
    other = entry(7, at(19, 11), at(19, 13))
    assert warnings_of(entry(None, at(19, 8), at(19, 11)), other) == []


def test_another_users_entry_and_the_entrys_own_former_version_do_not_count() -> None:
    colleague = entry(7, at(19, 9), at(19, 12), user="annak")
    former = entry(8, at(19, 9), at(19, 12))
    typed = entry(8, at(19, 8), at(19, 13))  # the same entry, as it is being corrected
    assert warnings_of(typed, colleague, former) == []


def test_user_names_are_compared_ignoring_case() -> None:
    other = entry(7, at(19, 9), at(19, 10), user="HansM")
    assert warnings_of(entry(None, at(19, 8), at(19, 12)), other) == [Overlap(other)]


def test_an_entry_running_today_lasts_until_now() -> None:
    running = entry(7, at(20, 8), at(20, 8), manual=False)  # stamped in at 08:00, open
    assert warnings_of(entry(None, at(20, 11), at(20, 11, 30)), running) == [Overlap(running)]
    assert warnings_of(entry(None, at(20, 12, 30), at(20, 13)), running, now=NOW) == [
        InFuture(at(20, 12, 30))
    ]


def test_a_start_in_the_future_is_that_warning_only() -> None:
    other = entry(7, at(21, 9), at(21, 18))
    typed = entry(None, at(21, 8), at(21, 18), 0)
    assert warnings_of(typed, other) == [InFuture(at(21, 8))]


@pytest.mark.parametrize(
    ("hours", "break_minutes", "needed"),
    [(6.5, 20, 30), (9.5, 30, 45), (9.5, 0, 45)],
)
def test_too_little_break_for_the_net_time(hours: float, break_minutes: int, needed: int) -> None:
    start = at(19, 6)
    end = start + timedelta(hours=hours, minutes=break_minutes)
    (warning,) = warnings_of(entry(None, start, end, break_minutes))
    assert warning == ShortBreak(
        worked=timedelta(hours=hours),
        breaks=timedelta(minutes=break_minutes),
        needed=timedelta(minutes=needed),
        whole_day=False,
    )


@pytest.mark.parametrize(("hours", "break_minutes"), [(6, 0), (6.5, 30), (9, 30), (10, 45)])
def test_enough_break_or_not_more_than_the_threshold(hours: float, break_minutes: int) -> None:
    start = at(19, 6)
    end = start + timedelta(hours=hours, minutes=break_minutes)
    assert warnings_of(entry(None, start, end, break_minutes)) == []


def test_the_break_counts_the_whole_day_with_its_gaps() -> None:
    morning = entry(7, at(19, 7), at(19, 11))  # 4 h, then a 30 min gap at lunch
    afternoon = entry(None, at(19, 11, 30), at(19, 15, 30))  # 4 h more: 8 h with 30 min
    assert warnings_of(afternoon, morning) == []
    short_lunch = entry(None, at(19, 11, 10), at(19, 15, 10))  # a 10 min gap is no break
    (warning,) = warnings_of(short_lunch, morning)
    assert warning == ShortBreak(
        worked=timedelta(hours=8), breaks=timedelta(), needed=timedelta(minutes=30), whole_day=True
    )
