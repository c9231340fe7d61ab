"""The list endpoint's answer, written from stored rows with each entry serialised once.

The list is what every test and demo asks most, and building an entry's wire object for
every request (a record, the quirks applied, two timestamps formatted, then ``json.dumps``)
cost more than everything else in the request together. A stored row is an immutable tuple
that changes whenever the entry does, so an entry's JSON is kept by its row (and the quirks
that shape it) and a list is the kept pieces joined. The bytes are those ``JSONResponse``
writes for the same objects.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Final

from timeclock.sandbox.listing import Envelope
from timeclock.sandbox.payloads import to_wire
from timeclock.sandbox.quirks import ServerQuirks
from timeclock.sandbox.records import Attendance
from timeclock.sandbox.store import Row, record_of

# Entries kept serialised (a few hundred bytes each): a year of a large company.
CACHE_SIZE: Final = 200_000


def shown(entry: Attendance, quirks: ServerQuirks) -> dict[str, object]:
    """The entry on the wire, as a server with these quirks writes it."""
    return to_wire(quirks.kept_entry(entry), whole_seconds=quirks.whole_seconds)


def encode(content: object) -> bytes:
    """JSON as :class:`starlette.responses.JSONResponse` writes it."""
    return json.dumps(
        content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


def list_body(
    rows: Sequence[Row],
    quirks: ServerQuirks,
    envelope: Envelope,
    extra: Sequence[Attendance] = (),
) -> bytes:
    """The list answer of the stored ``rows`` (and the made-up ``extra`` entries after
    them), shaped by ``quirks``, in ``envelope``."""
    whole_seconds, fold = quirks.whole_seconds, quirks.fold_user_case
    pieces = [_row_json(row, whole_seconds, fold) for row in rows]
    pieces += [encode(shown(entry, quirks)) for entry in extra]
    items = b"[" + b",".join(pieces) + b"]"
    return items if envelope == "array" else b'{"data":' + items + b"}"


@functools.lru_cache(maxsize=CACHE_SIZE)
def _row_json(row: Row, whole_seconds: bool, fold_user_case: bool) -> bytes:
    quirks = ServerQuirks(whole_seconds=whole_seconds, fold_user_case=fold_user_case)
    return encode(shown(record_of(row), quirks))
