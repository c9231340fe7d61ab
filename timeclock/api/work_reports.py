"""Daily reports (``work_reports``): target, worked, holidays and absences per user and day."""

from __future__ import annotations

from datetime import date

from timeclock.api.people_wire import daily_report
from timeclock.api.resources import Reader, read_all
from timeclock.domain.people import DailyReport

RESOURCE = "work_reports"


def list_daily_reports(
    client: Reader, first_day: date, last_day: date, *, user: str | None = None
) -> list[DailyReport]:
    """The reports of ``first_day``..``last_day`` (both included), of ``user`` if given,
    sorted by user and day.

    The documents send these filters as timestamps (``from=2020-10-01T00:00:00Z``) though
    the records are days; ``to`` is sent as the last second of the last day, so it is in
    whether the server reads the date part or the instant. The user filter goes under both
    documented names, and records of other users or other days are dropped here.
    """
    if last_day < first_day:
        return []
    params = {
        "from": f"{first_day.isoformat()}T00:00:00Z",
        "to": f"{last_day.isoformat()}T23:59:59Z",
    }
    wanted = (user or "").strip()
    if wanted:
        params |= {"username": wanted, "user": wanted}
    found = read_all(
        client,
        RESOURCE,
        params,
        lambda item: daily_report(item, user=wanted),
        lambda report: (report.user.casefold(), report.day),
    )
    kept = [
        report
        for report in found
        if first_day <= report.day <= last_day
        and (not wanted or report.user.casefold() == wanted.casefold())
    ]
    return sorted(kept, key=lambda report: (report.user.casefold(), report.day))
