"""A locked screen as a possible break: when the window asks, and about which time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from timeclock.services.screen_lock import (
    MAX_LOCK_BREAK_MINUTES,
    LockBreaks,
    LockMinutesProblem,
    LockQuestion,
    LockSpan,
    check_lock_break_minutes,
    lock_break_threshold,
    logind_session_path,
)

NOON = datetime(2026, 11, 16, 11, 0, tzinfo=UTC)
FIFTEEN = timedelta(minutes=15)


def minutes(count: float) -> datetime:
    return NOON + timedelta(minutes=count)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", None),
        ("  ", None),
        ("15", None),
        (" 1 ", None),
        (str(MAX_LOCK_BREAK_MINUTES), None),
        ("0", LockMinutesProblem.OUT_OF_RANGE),
        (str(MAX_LOCK_BREAK_MINUTES + 1), LockMinutesProblem.OUT_OF_RANGE),
        ("-5", LockMinutesProblem.NOT_A_NUMBER),
        ("7,5", LockMinutesProblem.NOT_A_NUMBER),
        ("zehn", LockMinutesProblem.NOT_A_NUMBER),
    ],
)
def test_the_setting_is_checked(text: str, problem: LockMinutesProblem | None) -> None:
    assert check_lock_break_minutes(text) is problem


@pytest.mark.parametrize(
    ("setting", "threshold"),
    [("", None), ("15", FIFTEEN), (" 30 ", timedelta(minutes=30)), ("abc", None), ("0", None)],
)
def test_the_threshold_is_off_unless_the_setting_is_readable(
    setting: str, threshold: timedelta | None
) -> None:
    assert lock_break_threshold(setting) == threshold


def test_a_long_enough_lock_while_working_is_asked_about() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)

    assert breaks.is_locked
    question = breaks.unlocked(minutes(20), working=True, threshold=FIFTEEN)

    assert question == LockQuestion((LockSpan(NOON, minutes(20)),))
    assert question.minutes == 20
    assert breaks.pending == question
    assert not breaks.is_locked


def test_exactly_the_threshold_is_enough_and_a_second_less_is_not() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)
    assert breaks.unlocked(minutes(15), working=True, threshold=FIFTEEN) is not None
    breaks.answered()

    breaks.locked(minutes(30), working=True)
    short = minutes(45) - timedelta(seconds=1)
    assert breaks.unlocked(short, working=True, threshold=FIFTEEN) is None
    assert breaks.pending is None


def test_nothing_is_asked_while_the_setting_is_off() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)

    assert breaks.unlocked(minutes(120), working=True, threshold=None) is None
    assert breaks.pending is None


@pytest.mark.parametrize(("at_lock", "at_unlock"), [(False, True), (True, False), (False, False)])
def test_nothing_is_asked_unless_working_at_the_lock_and_at_the_unlock(
    at_lock: bool, at_unlock: bool
) -> None:
    """Stamped out, or on a break (a running break counts the time already)."""
    breaks = LockBreaks()
    breaks.locked(NOON, working=at_lock)

    assert breaks.unlocked(minutes(60), working=at_unlock, threshold=FIFTEEN) is None


def test_a_lock_told_twice_counts_from_the_first_and_is_asked_about_once() -> None:
    """The screen saver and logind both report the same lock and unlock."""
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)
    breaks.locked(minutes(1), working=False)  # logind, a moment later

    question = breaks.unlocked(minutes(20), working=True, threshold=FIFTEEN)
    again = breaks.unlocked(minutes(20), working=True, threshold=FIFTEEN)

    assert question is not None and question.spans[0].start == NOON
    assert again is None
    assert breaks.pending == question


def test_an_unlock_without_a_lock_asks_nothing() -> None:
    """TimeClock started while the screen was locked: the lock's start is unknown."""
    assert LockBreaks().unlocked(minutes(60), working=True, threshold=FIFTEEN) is None


def test_an_unanswered_question_is_asked_again_with_the_next_lock() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)
    breaks.unlocked(minutes(40), working=True, threshold=FIFTEEN)
    breaks.locked(minutes(200), working=True)

    question = breaks.unlocked(minutes(220), working=True, threshold=FIFTEEN)

    assert question is not None
    assert question.spans == (
        LockSpan(NOON, minutes(40)),
        LockSpan(minutes(200), minutes(220)),
    )
    assert question.minutes == 60


def test_an_answered_question_is_not_asked_again() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)
    breaks.unlocked(minutes(40), working=True, threshold=FIFTEEN)
    breaks.answered()
    breaks.locked(minutes(200), working=True)

    question = breaks.unlocked(minutes(220), working=True, threshold=FIFTEEN)

    assert question is not None
    assert question.spans == (LockSpan(minutes(200), minutes(220)),)


def test_stamping_out_drops_the_question_and_the_lock_under_way() -> None:
    breaks = LockBreaks()
    breaks.locked(NOON, working=True)
    breaks.unlocked(minutes(40), working=True, threshold=FIFTEEN)
    breaks.locked(minutes(50), working=True)

    breaks.stamped_out()

    assert breaks.pending is None
    assert breaks.unlocked(minutes(90), working=True, threshold=FIFTEEN) is None


def test_minutes_round_half_a_minute_up() -> None:
    span = LockSpan(NOON, minutes(15.5))
    assert LockQuestion((span,)).minutes == 16
    assert LockQuestion((LockSpan(NOON, minutes(15.4)),)).minutes == 15


@pytest.mark.parametrize(
    ("session_id", "path"),
    [
        ("2", "/org/freedesktop/login1/session/_32"),
        ("c1", "/org/freedesktop/login1/session/c1"),
        ("12", "/org/freedesktop/login1/session/_312"),
        ("a-b", "/org/freedesktop/login1/session/a_2db"),
        ("", "/org/freedesktop/login1/session/_"),
    ],
)
def test_logind_session_paths_escape_as_logind_does(session_id: str, path: str) -> None:
    assert logind_session_path(session_id) == path
