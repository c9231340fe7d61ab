"""The employee directory: ``users``, every page, or one by id or name."""

from __future__ import annotations

from timeclock.api.people_wire import employee
from timeclock.api.resources import Reader, read_all, read_one
from timeclock.domain.people import Employee

RESOURCE = "users"


def list_users(client: Reader) -> list[Employee]:
    """Every user, sorted by last name, first name and user name.

    Raises :class:`~timeclock.api.errors.UnavailableError` when the server or the key does
    not offer ``users``.
    """
    users = read_all(client, RESOURCE, {}, employee, _identity)
    return sorted(
        users, key=lambda u: (u.last_name.casefold(), u.first_name.casefold(), u.username)
    )


def find_user(client: Reader, username: str) -> Employee | None:
    """The user of this name (in any case), or None when there is none.

    Filters on the server with ``username`` (as the documents' example does) and checks
    the answer here, so a server that ignores the filter still gives the right one.
    """
    wanted = username.strip().casefold()
    if not wanted:
        return None
    found = read_all(client, RESOURCE, {"username": username.strip()}, employee, _identity)
    return next((user for user in found if user.username.casefold() == wanted), None)


def get_user(client: Reader, user_id: int) -> Employee:
    """One user by id; :class:`~timeclock.api.errors.NotFoundError` if there is none."""
    return read_one(client, RESOURCE, user_id, employee)


def _identity(user: Employee) -> object:
    return user.id if user.id is not None else user.username.casefold()
