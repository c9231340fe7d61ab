"""Recognising an entry on the server: one rule for "is this the same user, the same entry".

TimeTrack's documents leave open what the server keeps: its timestamp format
(``YYYY-MM-DDTHH:MM:SSZ``) suggests whole seconds, so a ``from`` sent with milliseconds may
come back without them; user names may be stored or matched in another case than sent.
A create whose answer was lost must still be recognised on the server (else it is sent
twice), and a different entry must never be taken for it (else the change is lost). So:

- user names are the same user when they are equal ignoring case;
- instants are the same when they fall in the same second (the precision every server
  keeps; stamps are sent at whole seconds, so rounding a sent value never moves it into
  another second);
- a create is recognised by its whole content (start, end, break, notes), except an open
  stamp (``to`` = ``from``, not manual), which another desk may already have stamped out
  or given a break: that one by user and start. (``manual`` is not compared: a server
  that ignores it on create must not make every typed entry a stranger.)
- An entry this desk already knows as another change's is never a candidate, and when two
  candidates fit, nobody can say which one is ours: :class:`AmbiguousMatchError`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta

from timeclock.domain.attendance import Attendance, AttendanceDraft

SECOND = timedelta(seconds=1)


class AmbiguousMatchError(LookupError):
    """More than one entry on the server fits a lost create; guessing could lose one."""

    def __init__(self, candidates: list[Attendance]) -> None:
        ids = ", ".join(f"#{entry.id}" for entry in candidates)
        super().__init__(
            f"TimeTrack has {len(candidates)} entries that fit this change ({ids}); "
            "it is held so that a person decides which one it made"
        )
        self.candidates = candidates


def same_user(first: str, second: str) -> bool:
    """Whether two user names name the same TimeTrack user (case does not count)."""
    return first.casefold() == second.casefold()


def whole_second(moment: datetime) -> datetime:
    """``moment`` without its fraction of a second: what every server can keep."""
    return moment.replace(microsecond=0)


def same_instant(first: datetime, second: datetime) -> bool:
    """Whether two instants are the same at the precision the server keeps (the second)."""
    return whole_second(first) == whole_second(second)


def second_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The second ``moment`` lies in, as ``[since, until)``: a look-up's time filter."""
    start = whole_second(moment)
    return start, start + SECOND


def is_open_stamp(draft: AttendanceDraft) -> bool:
    """Whether ``draft`` is a stamp-in (an open entry), not an entry typed by a person."""
    return not draft.manual and draft.end == draft.start


def made_by(draft: AttendanceDraft, entry: Attendance) -> bool:
    """Whether ``entry`` on the server can be what sending ``draft`` created."""
    if not same_user(draft.user, entry.user) or not same_instant(draft.start, entry.start):
        return False
    if is_open_stamp(draft):
        return True  # another desk may have stamped it out (or taken a break) since
    return (
        same_instant(draft.end, entry.end)
        and draft.break_minutes == entry.break_minutes
        and draft.notes.strip() == entry.notes.strip()
    )


def find_made(
    draft: AttendanceDraft, entries: Iterable[Attendance], *, known: Collection[int] = ()
) -> Attendance | None:
    """The one entry among ``entries`` that sending ``draft`` created, if any.

    Only the server's entries are candidates, and of those not the ``known`` ids this desk
    already took for other changes. More than one fitting entry raises
    :class:`AmbiguousMatchError`.
    """
    candidates = [
        entry
        for entry in entries
        if entry.id is not None
        and entry.local_ref is None  # shown as another create of this desk
        and entry.id not in known
        and made_by(draft, entry)
    ]
    if len(candidates) > 1:
        raise AmbiguousMatchError(candidates)
    return candidates[0] if candidates else None
