"""Corrections leave a trace: who changed which entry, when, from what to what, and why.

Working-time records are legal records (ECJ C-55/18: an objective, reliable and
accessible system), so every create, change and delete made from a desk is kept in its
correction journal (:mod:`timeclock.store.journal`). Changing or deleting *another*
employee's entry needs a short reason; one's own entries need none. The rule lives here so
that the services refuse without one and the window's dialogs say so while typing, alike.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.errors import ErrorKind, TimeClockError
from timeclock.domain.matching import same_user
from timeclock.domain.refs import entry_id_of

# A reason is a sentence, not a report: long texts belong in the entry's notes.
MAX_REASON_LENGTH = 500


class Action(enum.StrEnum):
    """What a correction did to the entry."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class ReasonProblem(enum.Enum):
    """Why a correction's reason cannot be taken as it is."""

    MISSING = "a reason is needed to change or delete another employee's entry"
    TOO_LONG = f"the reason is longer than {MAX_REASON_LENGTH} characters"


class ReasonError(TimeClockError):
    """A correction of another employee's entry without a reason, or one too long."""

    kind = ErrorKind.INPUT

    def __init__(self, problem: ReasonProblem) -> None:
        super().__init__(f"{problem.value}; nothing was changed")
        self.problem = problem


def needs_reason(author: str, owner: str) -> bool:
    """Whether ``author`` must give a reason to change or delete an entry of ``owner``."""
    return not same_user(author, owner)


def clean_reason(reason: str) -> str:
    """The reason as it is kept: without surrounding blanks."""
    return reason.strip()


def reason_problem(author: str, owner: str, reason: str) -> ReasonProblem | None:
    """What is wrong with ``reason`` for ``author`` changing an entry of ``owner``; None
    when it will do (any reason, or none for one's own entry, up to the length limit)."""
    reason = clean_reason(reason)
    if len(reason) > MAX_REASON_LENGTH:
        return ReasonProblem.TOO_LONG
    if not reason and needs_reason(author, owner):
        return ReasonProblem.MISSING
    return None


def check_reason(author: str, owner: str, reason: str) -> str:
    """The cleaned ``reason``; :class:`ReasonError` when it will not do."""
    problem = reason_problem(author, owner, reason)
    if problem is not None:
        raise ReasonError(problem)
    return clean_reason(reason)


@dataclass(frozen=True, slots=True)
class Correction:
    """One line of a desk's correction journal.

    ``ref`` names the entry as it was known when the change was made (``id:…``, or
    ``local:…`` for an entry not yet on TimeTrack); ``entry_id`` is its server id where
    known now (a create's, once it went out). ``before`` is None for a create and for a
    change of an entry that could not be read (offline); ``after`` None for a delete and
    for such a change, whose fields are then in ``change``. ``owner`` is the employee whose
    entry it is ("" where that was not known).
    """

    seq: int
    recorded_at: datetime  # UTC
    author: str
    action: Action
    ref: str
    owner: str
    before: Attendance | None
    after: Attendance | None
    reason: str = ""
    change: AttendanceChange | None = None
    entry_id: int | None = None

    @property
    def known_id(self) -> int | None:
        """The entry's server id: as resolved, else from its reference."""
        return self.entry_id if self.entry_id is not None else entry_id_of(self.ref)
