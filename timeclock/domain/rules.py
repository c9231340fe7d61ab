"""What makes an entry acceptable before it is sent: checked where people type it."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta


class EntryProblem(enum.Enum):
    """One reason an entry cannot be saved; ``value`` is the English sentence."""

    NO_USER = "the user name is missing"
    END_BEFORE_START = "the end lies before the start"
    NEGATIVE_BREAK = "the break cannot be negative"
    BREAK_TOO_LONG = "the break is not shorter than the time from start to end"
    TOO_LONG = "an entry cannot be longer than 24 hours"


MAX_ENTRY_SPAN = timedelta(hours=24)


def entry_problems(
    user: str, start: datetime, end: datetime, break_minutes: int
) -> list[EntryProblem]:
    """Every reason the entry cannot be saved; empty when it can.

    ``end == start`` is allowed (that is how an open entry looks), as is a zero break.
    """
    problems = []
    if not user.strip():
        problems.append(EntryProblem.NO_USER)
    if end < start:
        problems.append(EntryProblem.END_BEFORE_START)
    elif end - start > MAX_ENTRY_SPAN:
        problems.append(EntryProblem.TOO_LONG)
    if break_minutes < 0:
        problems.append(EntryProblem.NEGATIVE_BREAK)
    elif break_minutes > 0 and timedelta(minutes=break_minutes) >= max(end - start, timedelta()):
        problems.append(EntryProblem.BREAK_TOO_LONG)
    return problems
