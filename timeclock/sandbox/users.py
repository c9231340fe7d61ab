"""``users``: the list (paged, ``username`` filter) and one user by id, read only.

The user object's table was not retrieved (other-endpoints.md §2); the fields sent are the
ones the page names: ``id``, ``username``, ``firstName``, ``lastName``, ``email``,
``admin``, ``teamLead``, ``language``, ``personalNumber``, ``enabled``. Never a password.
The filter matches the whole user name, ignoring case.
"""

from __future__ import annotations

from collections.abc import Mapping

from timeclock.sandbox import people_query
from timeclock.sandbox.directory import Directory, SandboxUser
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.people_quirks import PeopleQuirks


def user_object(user: SandboxUser, quirks: PeopleQuirks) -> dict[str, object]:
    number = user.personal_number
    return {
        quirks.id_key: quirks.number(user.id),
        "username": user.username,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "email": user.email,
        "admin": quirks.flag(user.admin),
        "teamLead": quirks.flag(user.team_lead),
        "language": user.language,
        "personalNumber": quirks.number(number) if isinstance(number, int) else number,
        "enabled": quirks.flag(user.enabled),
    }


def list_users(directory: Directory, params: Mapping[str, str]) -> list[object]:
    quirks = directory.quirks
    wanted = people_query.user_filter(params, quirks)
    page = people_query.page(params, quirks)
    users = [
        user
        for user in directory.users
        if wanted is None or user.username.lower() == wanted.lower()
    ]
    return [user_object(user, quirks) for user in page.of(users)]


def get_user(directory: Directory, user_id: int) -> dict[str, object]:
    for user in directory.users:
        if user.id == user_id:
            return user_object(user, directory.quirks)
    raise ApiError(ErrorCode.USER_NOT_FOUND, f"no user has the id {user_id}")
