"""Two desks editing one entry: what changed where, and what each way out would store.

An edit starts from the entry as a dialog showed it (the *base*). Before the change is
sent, the entry is read again (the *current* version). If TimeTrack's copy no longer equals
the base in anything a person can see, someone else changed it meanwhile (or deleted it:
``current is None``), and the change must not go out unseen: a :class:`Conflict` says
which fields each side changed and what keeping the person's change would store.

The id is the same by construction and ``worked_minutes`` is only the server's arithmetic
over start, end and break (a server may send it or not, or recompute it): neither counts
as a difference.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

from timeclock.domain.attendance import Attendance, AttendanceChange
from timeclock.domain.matching import whole_second


class EntryField(enum.Enum):
    """A field of an entry a person can see; the value is the :class:`Attendance` attribute."""

    START = "start"
    END = "end"
    BREAK = "break_minutes"
    NOTES = "notes"
    MANUAL = "manual"
    USER = "user"
    START_LOCATION = "start_location"
    END_LOCATION = "end_location"

    def of(self, entry: Attendance) -> Any:
        """This field's value in ``entry``; a time as its UTC instant (see :func:`comparable`),
        a user name in any case (a server may answer a read with ``hansm`` for ``HansM``)."""
        value = getattr(entry, self.value)
        if self is EntryField.USER and isinstance(value, str):
            return value.casefold()  # as matching.same_user compares them
        return comparable(value)


def comparable(value: Any) -> Any:
    """``value``, with an aware datetime turned to its whole UTC second, so that instants
    compare equal where the server cannot tell them apart.

    Python never finds two aware datetimes of different zones equal when one lies in the
    repeated autumn hour (PEP 495), however equal the instants; in UTC they are. And a
    server may keep whole seconds (:mod:`timeclock.domain.matching`): an edit sent as
    16:30:00.5 whose answer was lost finds 16:30:00 there, which is that edit, not another
    desk's.
    """
    if isinstance(value, datetime) and value.tzinfo is not None:
        return whole_second(value.astimezone(UTC))
    return value


# The fields an update can set (AttendanceChange names them as Attendance does).
_CHANGEABLE = frozenset(EntryField(item.name) for item in fields(AttendanceChange))


def differences(first: Attendance, second: Attendance) -> frozenset[EntryField]:
    """The fields a person can see that differ between two versions of an entry.

    ``id`` and ``worked_minutes`` are not compared (see the module's description).
    """
    return frozenset(field for field in EntryField if field.of(first) != field.of(second))


def changed_fields(change: AttendanceChange, base: Attendance) -> frozenset[EntryField]:
    """The fields ``change`` sets to something other than what ``base`` holds."""
    return frozenset(
        field
        for field in _CHANGEABLE
        if getattr(change, field.value) is not None
        and comparable(getattr(change, field.value)) != field.of(base)
    )


def rebased(change: AttendanceChange, current: Attendance) -> AttendanceChange:
    """``change`` as an update of ``current``: a field already so on the server is left out."""
    unset = {
        field.value: None
        for field in _CHANGEABLE
        if comparable(getattr(change, field.value)) == field.of(current)
    }
    return replace(change, **unset)


@dataclass(frozen=True, slots=True)
class Conflict:
    """An edit that found the entry changed (or gone) on the server when it was about to go.

    ``base`` is the entry as the edit started from it, ``current`` as TimeTrack has it now
    (``None``: deleted), ``change`` what the person changed relative to ``base``.
    """

    base: Attendance
    current: Attendance | None
    change: AttendanceChange

    @property
    def deleted(self) -> bool:
        """The entry is gone from TimeTrack."""
        return self.current is None

    @property
    def theirs(self) -> frozenset[EntryField]:
        """What changed on the server since the edit started (every field when deleted)."""
        if self.current is None:
            return frozenset(EntryField)
        return differences(self.base, self.current)

    @property
    def mine(self) -> frozenset[EntryField]:
        """What the person changed."""
        return changed_fields(self.change, self.base)

    @property
    def clashing(self) -> frozenset[EntryField]:
        """Fields both changed, to different values."""
        if self.current is None:
            return frozenset()
        kept = self.kept_mine()
        return frozenset(
            field
            for field in self.theirs & self.mine
            if getattr(kept, field.value) is not None  # the server has another value
        )

    def yours(self) -> Attendance:
        """The entry as the person means it: their change on the version they started from."""
        return self.change.applied_to(self.base)

    def kept_mine(self) -> AttendanceChange:
        """The update "keep mine" sends: the person's changed fields onto the current version.

        Fields the person did not touch stay as the server has them now; a field the server
        already holds with the person's value is not sent again.
        """
        if self.current is None:
            raise ValueError("the entry was deleted; it can only be created again")
        return rebased(self.change, self.current)

    def merged(self) -> Attendance:
        """The entry as "keep mine" would leave it on the server."""
        if self.current is None:
            raise ValueError("the entry was deleted; it can only be created again")
        return self.kept_mine().applied_to(self.current)


def find_conflict(
    base: Attendance, current: Attendance | None, change: AttendanceChange
) -> Conflict | None:
    """The conflict if the server's ``current`` version is not the ``base`` the edit began with.

    ``current is None`` (the entry is gone) is always a conflict; an unchanged entry never is.
    """
    if current is not None and not differences(base, current):
        return None
    return Conflict(base, current, change)
