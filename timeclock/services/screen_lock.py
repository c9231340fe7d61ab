"""A locked screen as a possible break: when to ask, and about which time.

The window hears the desktop say that the session was locked and unlocked (D-Bus, see
:mod:`timeclock.gui.screen_lock_watch`); this module decides, without Qt, whether the
unlock is worth a question: the setting ``lock_break_minutes`` is on, the lock lasted at
least that long, and the person was stamped in and not on a break when the screen was
locked and still is at the unlock. Desktops often tell one lock twice (the screen saver
and logind): a second lock while locked, or a second unlock, changes nothing.

A question the person has not answered yet is not lost by the next lock: the next
question asks about both spans. Nothing here leaves this computer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from timeclock.domain.shift import rounded_minutes

# The longest threshold the setting accepts: a lock of a whole working day is no break.
MAX_LOCK_BREAK_MINUTES = 480


class LockMinutesProblem(enum.Enum):
    """Why a text is no threshold for ``lock_break_minutes``."""

    NOT_A_NUMBER = "not a number"
    OUT_OF_RANGE = "out of range"


def check_lock_break_minutes(text: str) -> LockMinutesProblem | None:
    """What is wrong with ``text`` as the setting (None: nothing; ``""`` is off)."""
    text = text.strip()
    if not text:
        return None
    if not text.isdecimal():
        return LockMinutesProblem.NOT_A_NUMBER
    if not 1 <= int(text) <= MAX_LOCK_BREAK_MINUTES:
        return LockMinutesProblem.OUT_OF_RANGE
    return None


def lock_break_threshold(setting: str) -> timedelta | None:
    """The shortest lock that may be a break, or None when the setting is off.

    A value this version cannot read (edited by hand, say) counts as off, the default.
    """
    if not setting.strip() or check_lock_break_minutes(setting) is not None:
        return None
    return timedelta(minutes=int(setting.strip()))


@dataclass(frozen=True, slots=True)
class LockSpan:
    """One locked span of the session, ``start`` to ``end`` (UTC)."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        """How long the screen was locked."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class LockQuestion:
    """The question for the person on unlock: were these locked spans a break?"""

    spans: tuple[LockSpan, ...]

    @property
    def minutes(self) -> int:
        """The spans' whole length in minutes (as the break would be recorded)."""
        return rounded_minutes(sum((span.length for span in self.spans), timedelta()))


class LockBreaks:
    """Follows the session's locks and unlocks and decides when to ask.

    ``working`` is whether the person is stamped in and not on a break, as the window
    knows it at that moment. The window calls :meth:`locked` and :meth:`unlocked` as the
    desktop tells it, :meth:`answered` once the person answered the question, and
    :meth:`stamped_out` when the person is no longer stamped in (a question about a shift
    that ended is moot).
    """

    def __init__(self) -> None:
        self._locked_at: datetime | None = None
        self._working_at_lock = False
        self._pending: tuple[LockSpan, ...] = ()

    @property
    def is_locked(self) -> bool:
        """Whether the session is locked, as far as this knows."""
        return self._locked_at is not None

    @property
    def pending(self) -> LockQuestion | None:
        """The question waiting for an answer, if any."""
        return LockQuestion(self._pending) if self._pending else None

    def locked(self, at: datetime, *, working: bool) -> None:
        """The session was locked at ``at`` (a second report of the same lock is ignored)."""
        if self._locked_at is not None:
            return
        self._locked_at = at
        self._working_at_lock = working

    def unlocked(
        self, at: datetime, *, working: bool, threshold: timedelta | None
    ) -> LockQuestion | None:
        """The session was unlocked at ``at``: the question to ask now, or None.

        None when the lock is not known (a second report of the same unlock), the setting
        is off (``threshold`` None), the lock was shorter than the threshold, or the person
        was not working at the lock or is not now. A question not answered yet is asked
        again, with this lock's span added to it.
        """
        start, self._locked_at = self._locked_at, None
        if start is None or threshold is None:
            return None
        if not (working and self._working_at_lock) or at - start < threshold:
            return None
        self._pending = (*self._pending, LockSpan(start, at))
        return self.pending

    def answered(self) -> None:
        """The person answered the pending question (either way): nothing is pending."""
        self._pending = ()

    def stamped_out(self) -> None:
        """The person is no longer stamped in: the pending question is dropped, and a
        lock under way no longer counts."""
        self._pending = ()
        self._working_at_lock = False


def logind_session_path(session_id: str) -> str:
    """logind's object path of the session ``session_id`` (``$XDG_SESSION_ID``).

    logind escapes every character of the id that is not a letter, or a digit after the
    first character, as ``_`` and two hex digits (systemd's ``bus_label_escape``): session
    ``2`` is ``/org/freedesktop/login1/session/_32``.
    """
    escaped = "".join(
        char
        if char.isascii() and (char.isalpha() or (index > 0 and char.isdigit()))
        else "".join(f"_{byte:02x}" for byte in char.encode())
        for index, char in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped or '_'}"
