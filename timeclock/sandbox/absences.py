"""``absences``: the list (paged; filters user, from, to, absenceType) and one by id, read only.

``from``/``to`` select the absences that *overlap* the days asked for (the documents do not
say; overlap is what a calendar needs), both days included. The object's ``to`` is the
last day of the absence, included.
"""

from __future__ import annotations

from collections.abc import Mapping

from timeclock.sandbox import people_query
from timeclock.sandbox.directory import Directory, SandboxAbsence
from timeclock.sandbox.errors import ApiError, ErrorCode
from timeclock.sandbox.people_quirks import PeopleQuirks


def absence_object(absence: SandboxAbsence, quirks: PeopleQuirks) -> dict[str, object]:
    return {
        quirks.id_key: quirks.number(absence.id),
        quirks.user_key or "user": absence.user,
        "from": absence.start.isoformat(),
        "to": absence.end.isoformat(),
        "status": quirks.number(absence.status),
        "absenceType": quirks.number(absence.absence_type),
        "absenceTypeName": absence.type_name,
    }


def list_absences(directory: Directory, params: Mapping[str, str]) -> list[object]:
    quirks = directory.quirks
    wanted = people_query.user_filter(params, quirks)
    first, last = people_query.day_range(params)
    kind = people_query.integer(params, "absenceType", 0, minimum=0) or None
    page = people_query.page(params, quirks)
    found = [
        absence
        for absence in sorted(directory.absences, key=lambda a: (a.start, a.id))
        if (wanted is None or absence.user.lower() == wanted.lower())
        and (first is None or absence.end >= first)
        and (last is None or absence.start <= last)
        and (kind is None or absence.absence_type == kind)
    ]
    return [absence_object(absence, quirks) for absence in page.of(found)]


def get_absence(directory: Directory, absence_id: int) -> dict[str, object]:
    for absence in directory.absences:
        if absence.id == absence_id:
            return absence_object(absence, directory.quirks)
    raise ApiError(ErrorCode.ABSENCE_NOT_FOUND, f"no absence has the id {absence_id}")
