"""The sandbox's people: users with their working models, and their absences.

Kept in memory (a few dozen records, set up by tests and the demo), behind a lock, as
immutable records: the server thread reads while a test thread adds. The working model
(hours per weekday) and the German state for public holidays are not API fields; the
sandbox needs them to compute ``work_reports``.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Final
from zoneinfo import ZoneInfo

from timeclock.domain.holidays import check_state
from timeclock.sandbox.people_quirks import PeopleQuirks

BERLIN: Final = ZoneInfo("Europe/Berlin")
DEFAULT_STATE: Final = "BE"

#: The sandbox's absence types: id -> short code (``absenceTypeName``). The vendor documents
#: no endpoint for them, so these ids are the sandbox's own.
ABSENCE_TYPES: Final = {1: "U", 2: "K", 3: "FZA", 4: "SU"}
VACATION: Final = 1
SICK: Final = 2
TIME_OFF: Final = 3
SPECIAL_LEAVE: Final = 4

PENDING: Final = 0
APPROVED: Final = 1
DISAPPROVED: Final = 2


@dataclass(frozen=True, slots=True)
class WorkingModel:
    """Target hours per weekday, Monday first."""

    hours: tuple[float, float, float, float, float, float, float] = (8, 8, 8, 8, 8, 0, 0)

    def seconds_on(self, day: date) -> int:
        return round(self.hours[day.weekday()] * 3600)

    @classmethod
    def weekly(cls, hours: float, days: int = 5) -> WorkingModel:
        """``hours`` a week spread evenly over the first ``days`` weekdays."""
        per_day = hours / days
        spread = [per_day if index < days else 0.0 for index in range(7)]
        return cls((*spread,))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class SandboxUser:
    """A user as the sandbox keeps it (never with a password)."""

    id: int
    username: str
    first_name: str
    last_name: str
    email: str = ""
    personal_number: int | str | None = None
    admin: bool = False
    team_lead: bool = False
    language: str = "de"
    enabled: bool = True
    model: WorkingModel = field(default_factory=WorkingModel)


@dataclass(frozen=True, slots=True, kw_only=True)
class SandboxAbsence:
    """An absence over whole days, ``start`` to ``end`` both included."""

    id: int
    user: str
    start: date
    end: date
    absence_type: int = VACATION
    status: int = APPROVED

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("an absence cannot end before it starts")
        if self.absence_type not in ABSENCE_TYPES:
            raise ValueError(f"unknown absence type {self.absence_type}")

    @property
    def type_name(self) -> str:
        return ABSENCE_TYPES[self.absence_type]

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


class Directory:
    """Users, absences, the state whose holidays count, and the quirks of their endpoints."""

    def __init__(
        self,
        *,
        state: str = DEFAULT_STATE,
        zone: ZoneInfo = BERLIN,
        quirks: PeopleQuirks | None = None,
    ) -> None:
        self.state = self._first_state = check_state(state)
        self.zone = zone
        self.quirks = quirks if quirks is not None else PeopleQuirks()
        self.default_model = WorkingModel()
        self._lock = threading.Lock()
        self._users: tuple[SandboxUser, ...] = ()
        self._absences: tuple[SandboxAbsence, ...] = ()

    def add_user(
        self, username: str, first_name: str, last_name: str, **details: object
    ) -> SandboxUser:
        """Add a user (``details``: the other :class:`SandboxUser` fields); returns it."""
        with self._lock:
            if any(user.username.lower() == username.lower() for user in self._users):
                raise ValueError(f"the user {username!r} exists already")
            user = SandboxUser(
                id=len(self._users) + 1,
                username=username,
                first_name=first_name,
                last_name=last_name,
                **details,  # type: ignore[arg-type]
            )
            self._users += (user,)
        return user

    def add_absence(
        self,
        user: str,
        start: date,
        end: date,
        absence_type: int = VACATION,
        status: int = APPROVED,
    ) -> SandboxAbsence:
        with self._lock:
            absence = SandboxAbsence(
                id=len(self._absences) + 1,
                user=user,
                start=start,
                end=end,
                absence_type=absence_type,
                status=status,
            )
            self._absences += (absence,)
        return absence

    @property
    def users(self) -> tuple[SandboxUser, ...]:
        return self._users

    @property
    def absences(self) -> tuple[SandboxAbsence, ...]:
        return self._absences

    def user_named(self, username: str) -> SandboxUser | None:
        """The user of this name in any case, or None."""
        folded = username.lower()
        return next((user for user in self._users if user.username.lower() == folded), None)

    def model_of(self, username: str) -> WorkingModel:
        """The user's working model; the default one (40 h, Monday to Friday) for a name
        the directory does not know (an attendance of someone never added)."""
        user = self.user_named(username)
        return self.default_model if user is None else user.model

    def replace_user(self, username: str, **changes: object) -> SandboxUser:
        """Change a user's fields (tests: disable one, give another model)."""
        with self._lock:
            for index, user in enumerate(self._users):
                if user.username == username:
                    changed = dataclasses.replace(user, **changes)  # type: ignore[arg-type]
                    self._users = (*self._users[:index], changed, *self._users[index + 1 :])
                    return changed
        raise KeyError(username)

    def reset(self) -> None:
        """No users, no absences, all quirks off, the state as made."""
        with self._lock:
            self.state = self._first_state
            self._users = ()
            self._absences = ()
            self.quirks = PeopleQuirks()
