"""Absences (``absences``): vacation, sick days and the like, as whole days."""

from __future__ import annotations

from datetime import date

from timeclock.api.people_wire import absence
from timeclock.api.resources import Reader, read_all, read_one
from timeclock.domain.people import Absence

RESOURCE = "absences"


def list_absences(
    client: Reader,
    *,
    user: str | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
    type_id: int | None = None,
) -> list[Absence]:
    """The absences that touch ``first_day``..``last_day`` (both included), of ``user`` if
    given, sorted by first day.

    The user filter is sent under both documented names (``username`` as the examples,
    ``user`` as the filter table), and everything the answer holds beyond what was asked
    (another user's absences, days outside the range) is dropped here: the documents do
    not say how the server reads its filters.
    """
    params: dict[str, str] = {}
    wanted = (user or "").strip()
    if wanted:
        params |= {"username": wanted, "user": wanted}
    if first_day is not None:
        params["from"] = first_day.isoformat()
    if last_day is not None:
        params["to"] = last_day.isoformat()
    if type_id is not None:
        params["absenceType"] = str(type_id)
    found = read_all(client, RESOURCE, params, lambda item: absence(item, user=wanted), _identity)
    kept = [
        item
        for item in found
        if (not wanted or item.user.casefold() == wanted.casefold())
        and (first_day is None or item.last_day >= first_day)
        and (last_day is None or item.first_day <= last_day)
        and (type_id is None or item.type_id == type_id)
    ]
    return sorted(kept, key=lambda item: (item.first_day, item.user, item.id or 0))


def get_absence(client: Reader, absence_id: int) -> Absence:
    """One absence by id; :class:`~timeclock.api.errors.NotFoundError` if there is none."""
    return read_one(client, RESOURCE, absence_id, absence)


def _identity(item: Absence) -> object:
    if item.id is not None:
        return item.id
    return (item.user.casefold(), item.first_day, item.last_day, item.type_id, item.type_name)
