"""The ``endless_pages`` quirk: every list page is full, padded with made-up entries.

A client that pages "until a page comes back shorter than ``limit``" (the vendor's advice)
never stops against such a server; it must bound its paging some other way. The made-up
entries are not stored (``GET`` by their id answers 404). Their ids follow from the
position in the whole listing (``FILLER_FIRST_ID + limit * page_number + index``), so no
id repeats from one page to the next, and they lie far above the stored entries' ids.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

from timeclock.sandbox.listing import ListQuery
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.sandbox.records import Attendance

FILLER_FIRST_ID: Final = 1_000_000_000
FILLER_USER: Final = "endless.filler"
FILLER_NOTES: Final = "made up by the sandbox (endless pages)"
_FILLER_START: Final = datetime(2020, 1, 1, tzinfo=UTC)
_FILLER_LENGTH: Final = timedelta(hours=1)


def page_filler(query: ListQuery, quirks: ServerQuirks, stored: int) -> list[Attendance]:
    """The made-up entries that fill a page holding ``stored`` stored entries up to its limit.

    They belong to the user asked for (any user when none is) and start at the filter's
    ``from`` (else its ``to``), so they match the query; each is a closed one-hour entry.
    """
    if query.start is not None:
        start = query.start
    elif query.end is not None:
        start = query.end
    else:
        start = _FILLER_START
    user = quirks.kept_user(query.user or FILLER_USER)
    return [
        Attendance(
            id=FILLER_FIRST_ID + query.offset + index,
            user=user,
            start=start,
            end=start + _FILLER_LENGTH,
            notes=FILLER_NOTES,
            manual=True,
        )
        for index in range(stored, query.limit)
    ]
