"""Needs attention: what a manager must correct, for one user or everyone, over local days.

One plain call (:func:`needs_attention`) reads the entries from TimeTrack and runs the
rules of :mod:`timeclock.domain.findings` on them; it blocks on the network, so the window
calls it in a worker thread and the command line directly. It needs the attendances
alone: no ``users``, ``work_reports`` or ``absences``. It judges TimeTrack's entries, not
the changes still waiting on this desk (a finding names entries by their server id).

The German state of the public holidays comes from the settings (:func:`holiday_state`);
without one the ``holiday`` rule is off, and whoever shows the findings should say so.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from timeclock.api.client import TimeTrackClient
from timeclock.domain.findings import Finding, find_all
from timeclock.domain.localtime import FIRST_DAY
from timeclock.domain.ranges import DayRange

# Read this many days before the first one asked for: the rest before the first day
# (§5 looks back 11 hours from its first start) and entries that run into it.
LOOKBACK = timedelta(days=2)


def needs_attention(
    client: TimeTrackClient,
    days: DayRange,
    *,
    user: str | None,
    zone: tzinfo,
    now: datetime,
    state: str | None = None,
) -> list[Finding]:
    """The findings on ``days`` of ``user`` (None: of everyone), in order of day, user and
    rule; ``state`` a code of :data:`~timeclock.domain.holidays.STATES` or None."""
    earlier = DayRange(max(days.first, FIRST_DAY + LOOKBACK) - LOOKBACK, days.last)
    since, until = earlier.utc_bounds(zone)
    entries = client.list_attendances(user=user, since=since, until=until)
    return find_all(entries, zone=zone, now=now, state=state, days=days)
