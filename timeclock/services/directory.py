"""The employee directory of one account: whose the user names in the list are.

TimeTrack's ``users`` gives each user name its first and last name and personal number.
:class:`DirectoryService` reads it once per account (every page, from a worker thread:
it blocks) and keeps the answer; an :class:`EmployeeDirectory` then answers each lookup
from a dict (the list asks for a name per row, the picker for the matches per key typed).

A key that may not read ``users`` (401/403) or a server without it (404) is no error: the
desk works on with plain user names, and :class:`DirectoryUnavailable` says why names are
missing. That answer is kept too (asking again on every look would cost a request each
time for the same "no"); a network failure is not kept, so the next look asks again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from timeclock.api.errors import UnavailableError
from timeclock.api.resources import Reader
from timeclock.api.users import list_users
from timeclock.domain.people import Employee

# The picker offers at most this many matches (a longer list is not read, but typed on).
MAX_MATCHES = 50


@dataclass(frozen=True, slots=True)
class DirectoryUnavailable:
    """Why there are no names: ``forbidden`` (401/403: the key may not read ``users``) or
    not (404: the server has no ``users``); ``message`` says so in English."""

    forbidden: bool
    status: int | None
    message: str


def label(employee: Employee) -> str:
    """How the list names an employee: ``Last, First``, one of them, or the user name."""
    if employee.last_name and employee.first_name:
        return f"{employee.last_name}, {employee.first_name}"
    return employee.last_name or employee.first_name or employee.username


def picker_text(employee: Employee) -> str:
    """One line of the picker: ``Müller, Hans (hansm · #1001)``."""
    parts = [employee.username]
    if employee.personal_number:
        parts.append(f"#{employee.personal_number}")
    details = " \N{MIDDLE DOT} ".join(parts)
    name = label(employee)
    return details if name == employee.username else f"{name} ({details})"


def search_text(employee: Employee) -> str:
    """The texts a picker finds ``employee`` by (those of :meth:`Employee.matches`), one
    string: a part of any of them is a match, a part across two of them is none."""
    return _SEPARATOR.join(_fields(employee))


_SEPARATOR = "\N{INFORMATION SEPARATOR ONE}"  # no one types it


class EmployeeDirectory:
    """The employees of one account, by user name in any case; never changes once made."""

    def __init__(self, employees: Iterable[Employee]) -> None:
        self._by_name: dict[str, Employee] = {}
        for employee in employees:
            self._by_name.setdefault(employee.username.casefold(), employee)
        self.employees: tuple[Employee, ...] = tuple(
            sorted(self._by_name.values(), key=lambda e: (label(e).casefold(), e.username))
        )
        self._labels = {key: label(employee) for key, employee in self._by_name.items()}

    def __len__(self) -> int:
        return len(self._by_name)

    def get(self, username: str) -> Employee | None:
        """The employee of this user name (any case, surrounding blanks ignored)."""
        return self._by_name.get(username.strip().casefold())

    def name_of(self, username: str) -> str:
        """The list's name for ``username``: the employee's :func:`label`, or the user name
        itself when the directory does not know it."""
        return self._labels.get(username.strip().casefold(), username)

    def names(self) -> Mapping[str, str]:
        """Every :func:`label` by case-folded user name (what the list's name column reads)."""
        return self._labels

    def matches(self, text: str, limit: int = MAX_MATCHES) -> list[Employee]:
        """The employees whose user name, first or last name, full name or personal number
        contains ``text`` (any case): those where it starts a field first, then the rest,
        each in the directory's order (by name)."""
        wanted = text.strip().casefold()
        found = [employee for employee in self.employees if employee.matches(wanted)]
        starting = [e for e in found if any(f.startswith(wanted) for f in _fields(e))]
        chosen = {id(e) for e in starting}
        return [*starting, *(e for e in found if id(e) not in chosen)][:limit]

    def resolve(self, text: str) -> Employee | None:
        """The one employee ``text`` names exactly: a user name, else a full name (``Hans
        Müller`` or ``Müller, Hans``) or personal number that only one employee has."""
        known = self.get(text)
        if known is not None:
            return known
        wanted = text.strip().casefold()
        if not wanted:
            return None
        exact = [e for e in self.employees if wanted in _fields(e)[1:]]
        return exact[0] if len(exact) == 1 else None


def _fields(employee: Employee) -> tuple[str, ...]:
    """The texts an employee is found by, case-folded; the user name first."""
    return tuple(
        field.casefold()
        for field in (
            employee.username,
            employee.full_name,
            f"{employee.last_name}, {employee.first_name}",
            employee.personal_number,
            employee.first_name,
            employee.last_name,
        )
        if field
    )


class DirectoryService:
    """Reads ``users`` of one account once and keeps the answer; safe from any thread.

    :meth:`load` blocks (a request per thousand users): call it from a worker thread.
    """

    def __init__(self, client: Reader) -> None:
        self._client = client
        self._lock = threading.Lock()
        self._answer: EmployeeDirectory | DirectoryUnavailable | None = None

    @property
    def answer(self) -> EmployeeDirectory | DirectoryUnavailable | None:
        """What the last load found (None: not loaded yet, or its request failed)."""
        return self._answer

    def load(self, *, again: bool = False) -> EmployeeDirectory | DirectoryUnavailable:
        """The directory, read now unless it was read before (``again``: read anyway).

        Network and server errors propagate (and nothing is kept: the next load asks
        again); a key or server without ``users`` is the answer
        :class:`DirectoryUnavailable`.
        """
        with self._lock:  # two looks at once make one request
            if self._answer is not None and not again:
                return self._answer
            try:
                answer: EmployeeDirectory | DirectoryUnavailable = EmployeeDirectory(
                    list_users(self._client)
                )
            except UnavailableError as error:
                answer = DirectoryUnavailable(error.forbidden, error.status, error.message)
            self._answer = answer
            return answer
